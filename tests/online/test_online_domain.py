"""What an uploaded file is, by its bytes; what is refused and why, in both languages."""

from __future__ import annotations

from online_samples import ELF_BYTES, PDF_BYTES, image_bytes

from desk.domain import messages
from desk.domain.online import JPEG, NEXT_STATES, PDF, PNG, OnlineState, sniff_file, upload_problem


def test_files_are_known_by_their_bytes_not_their_names() -> None:
    assert sniff_file(PDF_BYTES) is PDF
    assert sniff_file(image_bytes("JPEG")) is JPEG
    assert sniff_file(image_bytes("PNG")) is PNG
    assert sniff_file(ELF_BYTES) is None
    assert sniff_file(b"MZ\x90\x00" + bytes(60)) is None  # a Windows executable
    assert sniff_file(b"GIF89a") is None


def test_a_refusal_names_the_file_and_the_reason_in_both_languages() -> None:
    assert upload_problem("证明.pdf", PDF_BYTES, 1024) is None
    empty = upload_problem("空.pdf", b"", 1024)
    large = upload_problem("大.png", image_bytes("PNG") + bytes(5000), 2048)
    renamed = upload_problem("证明.pdf", ELF_BYTES, 1024)
    assert empty is not None and large is not None and renamed is not None
    said = {name: (messages.render(problem.key, problem.params), messages.english(problem.key, problem.params))
            for name, problem in (("empty", empty), ("large", large), ("renamed", renamed))}
    assert said["empty"] == ("文件“空.pdf”是空的。", "The file “空.pdf” is empty.")
    assert said["large"] == ("文件“大.png”太大（5 KB），每个文件不能超过 2 KB。",
                             "The file “大.png” is too large (5 KB); each file may be at most 2 KB.")
    assert said["renamed"] == ("文件“证明.pdf”不是 PDF、JPEG 或 PNG 文件，不能上传（按文件内容判断，不看扩展名）。",
                               "The file “证明.pdf” is not a PDF, JPEG or PNG file and cannot be uploaded "
                               "(judged by its content, not its name).")


def test_every_state_can_be_reached_and_the_ends_are_final() -> None:
    reached = {OnlineState.SUBMITTED} | {state for targets in NEXT_STATES.values() for state in targets}
    assert reached == set(OnlineState)
    assert not NEXT_STATES[OnlineState.DECIDED_ONLINE] and not NEXT_STATES[OnlineState.CONVERTED]
