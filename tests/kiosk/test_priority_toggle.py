"""取排队号 → 优先办理 is a toggle a citizen can see (#33): it said nothing of its state and, chosen, only
turned the dark blue of the primary button beside it. Now a drawn box (ticked on yellow when chosen),
the state in words (also to assistive technology) and, where the kiosk speaks, the state spoken."""

from __future__ import annotations

from kiosk_fixtures import KioskUnderTest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from kiosk.speech import Speaker
from kiosk.widgets import ToggleButton


class _Engine:
    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        pass


def _colour_at(button: ToggleButton, point: QPoint) -> str:
    return QColor(button.grab().toImage().pixel(point)).name()


def test_priority_shows_and_says_whether_it_is_chosen(kiosk: KioskUnderTest) -> None:
    speaker = Speaker(engine_class=_Engine)
    speaker.set_enabled(True)
    kiosk.kiosk.ctx.speaker = speaker
    kiosk.start_card_session("zhang-wei")  # 41: not ticked by itself
    kiosk.flow.home.btn_ticket.click()
    kiosk.wait_screen("ticket")
    ticket = kiosk.flow.ticket
    ticket.picker.click_tile(ticket.picker.tile_texts()[0])
    toggle = ticket.btn_priority
    assert isinstance(toggle, ToggleButton) and not toggle.isChecked()
    assert toggle.lbl_subtitle.text() == "未选择（点按选择）" and toggle.lbl_subtitle.isVisible()
    assert toggle.accessibleDescription() == "未选择（点按选择）"
    assert toggle.accessibleName() == "优先办理（老年人、残疾人、军人、孕妇）"
    box = toggle.box_rect().toRect()
    ground = QPoint(toggle.width() - 20, toggle.height() // 2)
    assert _colour_at(toggle, box.center()) == "#ffffff" and _colour_at(toggle, ground) == "#ffffff"
    toggle.click()
    assert toggle.isChecked() and toggle.accessibleDescription().startswith("已选择")
    assert toggle.lbl_subtitle.text().startswith("已选择")
    # Chosen: a dark box on a yellow ground — not the primary button's blue.
    assert _colour_at(toggle, box.topLeft() + QPoint(box.width() // 8, box.height() // 8)) == "#0b3a6e"
    assert _colour_at(toggle, ground) == "#ffe08a"
    assert _colour_at(toggle, ground) != _colour_at(ticket.btn_print, QPoint(ticket.btn_print.width() - 20, 20))
    assert speaker.spoken == [f"优先办理（老年人、残疾人、军人、孕妇） {toggle.state_text}"]
    toggle.click()
    assert not toggle.isChecked() and speaker.spoken[-1].endswith("未选择（点按选择）")
    kiosk.kiosk.window.btn_language.click()  # English: the words follow the language
    assert toggle.lbl_title.text() == "Priority (elderly, disabled, servicemen, pregnant)"
    assert toggle.lbl_subtitle.text() == "Not chosen (tap to choose)"
