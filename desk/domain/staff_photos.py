"""A clerk's photo for the citizen-facing evaluator (一次一评 names the clerk with name, 工号 and photo):
what a photo file must be — a JPEG or PNG by its bytes (not its name), small enough to keep in the
store, and shaped like an ID photo — checked before it is stored. Plain rules, no Qt, no database."""

from __future__ import annotations

from dataclasses import dataclass

from desk.domain.online import JPEG, PNG, FileKind, sniff_file

MAX_PHOTO_BYTES = 512 * 1024
MIN_SIDE_PX = 90  # the evaluator shows it 132 × 168: smaller would be a blur
MAX_SIDE_PX = 2400


@dataclass(frozen=True)
class PhotoFacts:
    """What the photo's own header says (read by the caller with an image library)."""

    width: int
    height: int


def photo_kind(data: bytes) -> FileKind | None:
    kind = sniff_file(data)
    return kind if kind in (JPEG, PNG) else None


def photo_problem(file_name: str, data: bytes, facts: PhotoFacts | None) -> tuple[str, str] | None:
    """Why a photo file is refused (Chinese, English), or None when it is accepted. `facts` is None when
    the image could not be read."""
    shown = file_name or "?"
    if not data:
        return (f"照片文件“{shown}”是空的。", f"The photo file “{shown}” is empty.")
    if len(data) > MAX_PHOTO_BYTES:
        return (f"照片文件“{shown}”太大（{len(data) // 1024} KB），不能超过 {MAX_PHOTO_BYTES // 1024} KB。",
                f"The photo file “{shown}” is too large ({len(data) // 1024} KB); at most "
                f"{MAX_PHOTO_BYTES // 1024} KB.")
    if photo_kind(data) is None:
        return (f"照片文件“{shown}”不是 JPEG 或 PNG 图片（按文件内容判断，不看扩展名）。",
                f"The photo file “{shown}” is not a JPEG or PNG image (judged by its content, not its name).")
    if facts is None:
        return (f"照片文件“{shown}”已损坏，无法读取。", f"The photo file “{shown}” is damaged and cannot be read.")
    if min(facts.width, facts.height) < MIN_SIDE_PX or max(facts.width, facts.height) > MAX_SIDE_PX:
        return (f"照片“{shown}”尺寸 {facts.width}×{facts.height} 像素不合适：每边应在 {MIN_SIDE_PX} 到 "
                f"{MAX_SIDE_PX} 像素之间。",
                f"The photo “{shown}” is {facts.width}×{facts.height} px; each side must be {MIN_SIDE_PX} to "
                f"{MAX_SIDE_PX} px.")
    if facts.width > facts.height:
        return (f"照片“{shown}”应为竖幅证件照（宽 {facts.width} 大于高 {facts.height}）。",
                f"The photo “{shown}” must be an upright ID photo ({facts.width} wide, {facts.height} high).")
    return None
