"""The certificate's preview: its first page drawn by pdftoppm in a child process with a time limit
(no pdftoppm, a failing or a hung one give no picture — and the citizen may still print), the blank
margins trimmed; the screen without a picture says so and still prints."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from kiosk_fixtures import ZHANG_WEI, KioskUnderTest
from PIL import Image
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from kiosk.preview import Preview, preview_of, render_first_page, trim_margins


def _hung_program(tmp_path: Path) -> str:
    script = tmp_path / "hung-pdftoppm"
    script.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_the_page_is_drawn_upright_and_trimmed(kiosk: KioskUnderTest) -> None:
    paper = kiosk.kiosk.ctx.backend.household_certificate(ZHANG_WEI, "就业")
    page = Image.open(io.BytesIO(render_first_page(paper.pdf, 900) or b""))
    assert page.height == 900 and 600 < page.width < 700  # A4: 297 × 210
    preview = preview_of(paper, 600)
    assert preview.png is not None and preview.paper is paper
    trimmed = Image.open(io.BytesIO(preview.png))
    # Rendered half as tall again, then the white margins cut: the words fill more of the picture.
    assert trimmed.height < 900 and trimmed.width < round(900 * 210 / 297)
    assert trimmed.height > trimmed.width


def test_no_picture_when_the_renderer_is_missing_fails_or_hangs(tmp_path: Path) -> None:
    assert render_first_page(b"%PDF-1.4 not really", 400, program="no-such-renderer-here") is None
    assert render_first_page(b"not a pdf at all", 400) is None  # pdftoppm refuses it
    assert render_first_page(b"%PDF-1.4", 400, timeout=0.5, program=_hung_program(tmp_path)) is None


def test_a_blank_page_is_left_as_it_is() -> None:
    out = io.BytesIO()
    Image.new("RGB", (40, 60), "white").save(out, "PNG")
    assert trim_margins(out.getvalue()) == out.getvalue()


def test_without_a_picture_the_screen_says_so_and_still_prints(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("zhang-wei")
    paper = kiosk.kiosk.ctx.backend.household_certificate(ZHANG_WEI, "社保")
    screen = kiosk.flow.certificate_preview
    screen.show_preview(Preview(paper, None))
    kiosk.flow.show_screen("certificate_preview")
    assert screen.lbl_missing.isVisible() and not screen.lbl_page.isVisible()
    assert "预览暂时无法显示" in screen.lbl_missing.text()
    assert screen.btn_print.isEnabled()
    screen.btn_print.click()
    kiosk.wait_screen("message", timeout=15_000)
    [text] = kiosk.wait_printed(1)
    assert "户籍证明" in text and "社保" in text


def test_the_end_of_a_visit_wipes_the_preview(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("zhang-wei")
    kiosk.flow.home.btn_certificate.click()
    kiosk.wait_screen("certificate")
    kiosk.flow.certificate.purpose_tiles[2].click()
    kiosk.wait_screen("certificate_preview", timeout=15_000)
    screen = kiosk.flow.certificate_preview
    assert not screen.shown_page.isNull()
    kiosk.kiosk.window.btn_end.click()  # 结束服务 with the citizen's certificate on the screen
    kiosk.qtbot.waitUntil(lambda: kiosk.kiosk.ctx.sessions.current is None)
    assert screen.shown_page.isNull() and not screen.btn_print.isEnabled()
    kiosk.qtbot.wait(300)
    assert kiosk.printed_texts() == []  # nothing printed that nobody asked to print


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_page_is_as_large_as_the_screen_allows(kiosk: KioskUnderTest, size: tuple[int, int]) -> None:
    # Landscape: the page stands as tall as the body beside the title and buttons (under a title and over
    # the buttons it was 407 px of 768, unreadable); portrait: as wide as the screen between them.
    window = kiosk.kiosk.window
    window.resize(*size)
    kiosk.qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=5000)
    kiosk.start_card_session("zhang-wei")
    kiosk.flow.home.btn_certificate.click()
    kiosk.wait_screen("certificate")
    kiosk.flow.certificate.purpose_tiles[0].click()
    kiosk.wait_screen("certificate_preview", timeout=15_000)
    screen = kiosk.flow.certificate_preview
    body = screen.height() - screen.body.contentsMargins().top() - screen.body.contentsMargins().bottom()

    def page_fills_its_room() -> None:  # once the rotated layout has settled and the page is fitted again
        shown = screen.shown_page.deviceIndependentSize()
        if size[0] > size[1]:
            assert shown.height() >= 0.9 * body, (shown, body)
        else:
            assert shown.width() >= 0.8 * screen.width(), (shown, screen.width())

    kiosk.qtbot.waitUntil(page_fills_its_room, timeout=5000)

    def on_screen(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(screen, QPoint(0, 0)), widget.size())

    page, title, button = on_screen(screen.lbl_page), on_screen(screen.lbl_title), on_screen(screen.btn_print)
    assert screen.lbl_title.isVisible() and title.height() > 0
    if size[0] > size[1]:
        assert page.right() < min(title.left(), button.left())  # beside the title and buttons, not under
    else:
        assert title.bottom() < page.top() and page.bottom() < button.top()
