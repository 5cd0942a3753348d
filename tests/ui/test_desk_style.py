"""The desk's style sheet draws the parts of composite inputs too: a styled frame makes Qt take the
spin buttons and drop-down arrows from the sheet, and without their rules the buttons were a sliver."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QRect
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox, QStyleOptionSpinBox
from pytestqt.qtbot import QtBot

from desk.forms.inputs import DateEdit, SpinBox
from desk.ui.bootstrap import load_style


@pytest.fixture
def styled(qtbot: QtBot) -> Iterator[QApplication]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sheet, font = app.styleSheet(), app.font()
    load_style(app)
    assert "@STYLES@" not in app.styleSheet() and "arrow-down.svg" in app.styleSheet()
    yield app
    app.setStyleSheet(sheet)
    app.setFont(font)


def _inside(part: QRect, whole: QRect) -> bool:
    return whole.contains(part.topLeft()) and whole.contains(part.bottomRight())


def test_spin_buttons_and_drop_downs_are_full_size_inside_their_box(styled: QApplication, qtbot: QtBot) -> None:
    spin = SpinBox()
    combo = QComboBox()
    combo.addItems(["请选择", "夫妻一方自有住房"])
    dated = DateEdit(QDate(1900, 1, 1), date(2026, 12, 4))
    dated.setCalendarPopup(True)
    for widget in (spin, combo, dated):
        qtbot.addWidget(widget)
        widget.resize(160, 36)
        widget.show()
    spin_option = QStyleOptionSpinBox()
    spin_option.initFrom(spin)
    spin_option.rect = spin.rect()
    style = spin.style()
    for part in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        button = style.subControlRect(QStyle.ComplexControl.CC_SpinBox, spin_option, part, spin)
        assert button.width() >= 18 and button.height() >= 10, (part, button)
        assert _inside(button, spin.rect()), (part, button, spin.rect())
    text = style.subControlRect(QStyle.ComplexControl.CC_SpinBox, spin_option,
                                QStyle.SubControl.SC_SpinBoxEditField, spin)
    assert text.width() >= 100
    combo_option = QStyleOptionComboBox()
    combo_option.initFrom(combo)
    combo_option.rect = combo.rect()
    arrow = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, combo_option,
                                         QStyle.SubControl.SC_ComboBoxArrow, combo)
    assert arrow.width() >= 18 and _inside(arrow, combo.rect())


@pytest.mark.parametrize("count", [2, 3, 5, 10])
def test_a_drop_down_list_shows_every_choice_whole(styled: QApplication, qtbot: QtBot, count: int) -> None:
    """Qt's popup mode (the current choice laid over the box) came out a few pixels short of the sheet's
    rows, and its scroll arrow then hid half a row: 户别 showed 请选择, 家庭户 and half of 集体户,
    新生儿性别 half of 女. Up to ten choices all show, each tall enough to hit."""
    combo = QComboBox()
    combo.addItems(["请选择", *(f"选项{index}" for index in range(1, count))])
    qtbot.addWidget(combo)
    combo.resize(200, 36)
    combo.show()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    visible = view.viewport().rect()
    for row in range(count):
        rect = view.visualRect(combo.model().index(row, 0))
        assert visible.contains(rect.topLeft()) and visible.contains(rect.bottomRight()), (row, rect, visible)
        assert rect.height() >= 26, rect
    combo.hidePopup()
