"""Made for everyone: at the kiosk's 1920×1080, on every screen of a full citizen tour, in normal and
elders' mode — every button is at least 15 mm (60 px) both ways, body text is at least 24 px (and 1.4
times larger for elders), nothing is cut off and nothing makes the window outgrow the screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from kiosk_fixtures import KioskUnderTest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget

from kiosk.screenshots import Tour, citizen_tour
from kiosk.style import BODY_PX, ELDERS_SCALE, MIN_BODY_PX, MIN_TOUCH_PX, SCREEN_SIZE
from kiosk.widgets import TileButton


def _inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()).adjusted(0, 0, -1, -1))


def _problems(window: QWidget, elders: bool) -> list[str]:
    problems = []
    if (window.width(), window.height()) != SCREEN_SIZE:
        problems.append(f"window is {window.width()}×{window.height()}")
    smallest_text = BODY_PX * ELDERS_SCALE if elders else MIN_BODY_PX
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        if button.width() < MIN_TOUCH_PX or button.height() < MIN_TOUCH_PX:
            problems.append(f"button {button.text()!r} is {button.width()}×{button.height()}")
        if not _inside(button, window):
            problems.append(f"button {button.text()!r} sticks out of the screen")
        if isinstance(button, QPushButton) and not isinstance(button, TileButton) and button.text():
            needed = button.fontMetrics().horizontalAdvance(button.text())
            if button.width() < needed:
                problems.append(f"button {button.text()!r} cuts its text ({button.width()} < {needed})")
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        size = label.font().pixelSize()
        if size < smallest_text - 0.5:
            problems.append(f"text {label.text()[:20]!r} is {size}px")
        if not _inside(label, window):
            problems.append(f"text {label.text()[:20]!r} sticks out of the screen")
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if label.height() < needed - 2:
                problems.append(f"text {label.text()[:20]!r} is cut ({label.height()} < {needed} px high)")
        elif label.width() < label.fontMetrics().horizontalAdvance(label.text()) - 2:
            problems.append(f"text {label.text()[:20]!r} is cut at the side")
    return problems


def _checker(kiosk: KioskUnderTest, seen: list[str]) -> Callable[[str], None]:
    def check(name: str) -> None:
        kiosk.qtbot.wait(60)  # queued layouts and polish
        elders = kiosk.kiosk.ctx.metrics.scale == ELDERS_SCALE
        seen.append(f"{name}{'-elders' if elders else ''}")
        problems = _problems(kiosk.kiosk.window, elders)
        assert not problems, f"{name}: " + "; ".join(problems)
    return check


@pytest.mark.parametrize("elders", [False, True], ids=["normal", "elders"])
def test_every_screen_is_big_clear_and_whole(kiosk: KioskUnderTest, elders: bool) -> None:
    if elders:
        kiosk.kiosk.window.btn_elders.click()
        assert kiosk.kiosk.ctx.metrics.scale == ELDERS_SCALE
    seen: list[str] = []
    tour = Tour(kiosk.kiosk, _checker(kiosk, seen), lambda condition: kiosk.qtbot.waitUntil(condition, timeout=10_000))
    if elders:
        # The elders' mode ends with each session (the next citizen starts with the defaults); here
        # every new session switches it on again, as an older citizen would.
        kiosk.kiosk.ctx.sessions.started.connect(lambda: kiosk.kiosk.window.btn_elders.setChecked(True))
    citizen_tour(tour)
    assert len(seen) >= 19
    if elders:
        assert sum(name.endswith("-elders") for name in seen) >= 15


def test_the_checks_can_fail(kiosk: KioskUnderTest) -> None:
    """Control: a small button is found."""
    small = QPushButton("x", kiosk.kiosk.flow.attract)
    small.setStyleSheet("min-height: 0px; min-width: 0px; padding: 0px;")
    small.setFixedSize(40, 40)
    small.show()
    kiosk.qtbot.wait(30)
    assert any("'x' is 40×40" in problem for problem in _problems(kiosk.kiosk.window, False))
