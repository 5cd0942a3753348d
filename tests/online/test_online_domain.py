"""What an uploaded file is, by its bytes; what is refused and why, in both languages."""

from __future__ import annotations

from online_samples import ELF_BYTES, PDF_BYTES, image_bytes

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
    assert empty is not None and "空.pdf" in empty[0] and "empty" in empty[1]
    assert large is not None and "太大" in large[0] and "2 KB" in large[0] and "too large" in large[1]
    assert renamed is not None and "不是 PDF" in renamed[0] and "not its name" in renamed[1]


def test_every_state_can_be_reached_and_the_ends_are_final() -> None:
    reached = {OnlineState.SUBMITTED} | {state for targets in NEXT_STATES.values() for state in targets}
    assert reached == set(OnlineState)
    assert not NEXT_STATES[OnlineState.DECIDED_ONLINE] and not NEXT_STATES[OnlineState.CONVERTED]
