"""The clerk's screens at 1366×768 in both languages: nothing cut, nothing left untranslated.

Widths are checked on the widgets' geometry and the font's advance (not on screenshots): the last
live test found the person rows running under the materials column in English, the applicant
panel's transaction column squeezed to a few letters and 已读取身份证 left in Chinese after a switch.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from desk.forms.field_widgets import PersonEditor
from desk.ui.demo_cases import demo_cases
from desk.ui.permissions import Screen
from tests.ui.test_desk_flows import (  # noqa: F401  (open_desk and template_db: the fixtures used)
    TODAY,
    Desk,
    decided_number,
    fill_case,
    listed_open_cases,
    open_desk,
    template_db,
)

WIDTH, HEIGHT = 1366, 768


def _right_edge(widget: QWidget, within: QWidget) -> int:
    return widget.mapTo(within, QPoint(widget.width(), 0)).x()


@pytest.fixture
def clerk_desk(open_desk: Callable[..., Desk]) -> Desk:  # noqa: F811  (the imported fixture)
    return open_desk()


def test_person_rows_fit_beside_the_materials_in_both_languages(clerk_desk: Desk) -> None:
    desk = clerk_desk
    case = demo_cases(TODAY)["birth_registration"]
    desk.sign_in("clerk")
    desk.window.resize(WIDTH, HEIGHT)
    for language in ("zh_CN", "en"):
        desk.app.set_language(language)
        desk.new_case.start()  # the next citizen (the draft before stays saved)
        view = fill_case(desk, case)
        desk.wait(lambda: desk.window.width() == WIDTH)
        viewport = view.form.scr_fields.viewport()
        people = [e for e in view.form.editors().values() if isinstance(e, PersonEditor)]
        assert len(people) >= 2
        for editor in people:
            number = editor.edt_id_number
            shown = [w for w in (editor.edt_name, number, editor.btn_swipe, editor.btn_applicant) if w.isVisible()]
            assert editor.btn_applicant in shown, "the applicant is known: 即申请人 is offered"
            for widget in shown:  # “Is the applicant” ran under the materials column
                assert _right_edge(widget, viewport) <= viewport.width(), (language, editor.key, widget)
            # The number and the placeholder are shown whole (“18-character ID nu”), and no button lies over it.
            for text in (number.text(), number.placeholderText()):
                assert number.fontMetrics().horizontalAdvance(text) <= number.width() - 18, (language, text)
            if not editor.actions_under():
                assert _right_edge(number, editor) <= editor.btn_swipe.mapTo(editor, QPoint(0, 0)).x()
            else:  # right under the number: the facts' empty line lay between them
                gap = editor.btn_swipe.mapTo(editor, QPoint(0, 0)).y() - number.mapTo(editor, QPoint(0, 0)).y() \
                    - number.height()
                assert gap < editor.lbl_id_facts.height(), (language, editor.key, gap)
            # Chinese keeps name, number and buttons on one line; English puts the buttons under the number.
            assert editor.actions_under() == (language == "en"), (language, editor.width(), editor.one_line_width())
        view.form.flush()
        desk.wait(lambda saver=view.saver: not saver.busy)
    desk.app.set_language("zh_CN")


def test_the_applicant_panel_in_english_after_a_switch(clerk_desk: Desk) -> None:
    desk = clerk_desk
    case = demo_cases(TODAY)["spouse_joins_spouse"]
    desk.sign_in("clerk2")
    desk.window.resize(WIDTH, HEIGHT)
    view = fill_case(desk, case)
    panel = view.identify
    assert panel.lbl_id_check.text() == "已读取身份证"
    view.btn_supplement.click()
    number = decided_number(desk)
    desk.app.set_language("en")
    try:
        # Said again in English (it stayed 已读取身份证); a language change reaches the widgets as events.
        desk.wait(lambda: panel.lbl_id_check.text() == "ID card read")
        table = panel.tbl_cases
        row = listed_open_cases(view).index(number)
        assert table.item(row, 1).text() == "Waiting for\nmaterials"  # on two lines: the number stays whole
        assert table.item(row, 0).text().splitlines() == ["Spouse joining a spouse's household", number]
        header = table.horizontalHeader()
        title = table.horizontalHeaderItem(0).text()
        width = header.sectionSize(0)
        # The case keeps its header and a readable start of its name; the state is whole beside it, and
        # nothing needs a sideways scroll (the state column did at 1366×768 in English).
        assert width >= header.fontMetrics().horizontalAdvance(title), (title, width)
        assert width >= table.fontMetrics().horizontalAdvance(number) + 8, (number, width)
        assert header.sectionSize(1) >= table.fontMetrics().horizontalAdvance("materials")
        header_sizes = [header.sectionSize(i) for i in range(table.columnCount())]
        assert sum(header_sizes) <= table.viewport().width(), (header_sizes, table.viewport().width())
        assert not table.horizontalScrollBar().isVisible()
        assert table.item(row, 0).toolTip() == table.item(row, 0).text()
        # Its rows whole, the scroll bar right under them (not at the foot of the panel).
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        desk.wait(lambda: table.viewport().height() >= rows)
        assert table.height() <= header.height() + rows + table.horizontalScrollBar().height() + 2 * table.frameWidth()
    finally:
        desk.app.set_language("zh_CN")
    desk.wait(lambda: panel.lbl_id_check.text() == "已读取身份证")
    desk.window.show_screen(Screen.TODAY)


def test_a_long_transaction_name_wraps_and_keeps_its_time_limit_and_level_in_sight(clerk_desk: Desk) -> None:
    """其他登记项目变更（文化程度、婚姻状况…）· 当场办结 · 窗口办结 was cut with …, hiding the time and level."""
    from PySide6.QtCore import Qt

    desk = clerk_desk
    desk.sign_in("clerk")
    desk.window.resize(WIDTH, HEIGHT)
    for language in ("zh_CN", "en"):
        desk.app.set_language(language)
        view = desk.new_case
        desk.window.show_screen(Screen.NEW_CASE, fresh=True)
        view.start()
        desk.swipe("zhang-wei")
        desk.wait(lambda picker=view.picker: picker.ready and picker.isVisible())
        view.picker.edt_search.setText("变更")
        listed = view.picker.lst_transactions
        desk.wait(lambda listed=listed: desk.window.width() == WIDTH and listed.count() > 1)
        longest = max((listed.item(i) for i in range(listed.count())), key=lambda item: len(item.text()))
        assert listed.fontMetrics().horizontalAdvance(longest.text()) > listed.viewport().width(), "a long one"
        room = listed.visualItemRect(longest)
        assert room.right() <= listed.viewport().width()
        needed = listed.fontMetrics().boundingRect(0, 0, room.width() - 16, 10_000, Qt.TextFlag.TextWordWrap,
                                                   longest.text())
        assert needed.height() <= room.height(), (language, needed, room)
    desk.app.set_language("zh_CN")


def test_the_forms_title_speaks_the_screens_language(clerk_desk: Desk) -> None:
    """The form's title joined item and time limit with the full-width “　·　” in English too; and a
    language switch left it (and the applicant line) in the language it was built in."""
    desk = clerk_desk
    case = demo_cases(TODAY)["booklet_reissue"]
    desk.sign_in("clerk2")
    desk.window.resize(WIDTH, HEIGHT)
    desk.app.set_language("en")
    try:
        view = fill_case(desk, case)
        assert view.lbl_transaction.text() == "③ Replacing a lost household booklet · Completed on the spot"
        assert view.lbl_applicant.text().startswith("Applicant: ")
        desk.app.set_language("zh_CN")
        desk.wait(lambda: view.lbl_transaction.text() == "③ 居民户口簿补领　·　当场办结")
        assert view.lbl_applicant.text().startswith("申请人：")
    finally:
        desk.app.set_language("zh_CN")
    desk.window.show_screen(Screen.TODAY)
