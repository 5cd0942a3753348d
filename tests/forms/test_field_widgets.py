"""Field editors: one per catalog type, each empty until filled, typed into as a clerk would."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from form_samples import FATHER_ID, MOTHER_ID, TODAY, with_wrong_check_digit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desk.domain.catalog import FieldType, Transaction
from desk.domain.idnumber import generate_id_number
from desk.forms.field_widgets import (
    EDITOR_CLASSES,
    AddressEditor,
    BoolEditor,
    DateEditor,
    EnumEditor,
    FieldEditor,
    IdNumberEditor,
    NumberEditor,
    PersonEditor,
    PhoneEditor,
    TextEditor,
    create_editor,
)
from desk.forms.inputs import EllipsisLabel

# One value of the stored form for every type, as the sampler catalog's fields accept them.
SAMPLE_VALUES: dict[str, object] = {
    "name": "王小明",
    "home": "辽宁省沈阳市和平区南京南街1号",
    "born": "1992-05-03",
    "id_no": MOTHER_ID,
    "status": "married",
    "spouse": {"name": "李四", "id_number": FATHER_ID},
    "phone": "024-23456789",
    "count": 3,
    "weight": 61.5,
    "moved": False,
}


def make(qtbot: QtBot, transaction: Transaction, key: str, language: str = "zh_CN") -> FieldEditor:
    spec = transaction.field(key)
    assert spec is not None
    editor = create_editor(spec, language, TODAY)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def type_into(qtbot: QtBot, widget: object, text: str) -> None:
    widget.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


def test_every_field_type_has_an_editor(sampler: Transaction) -> None:
    assert set(EDITOR_CLASSES) == set(FieldType)
    assert {spec.type for spec in sampler.fields} == set(FieldType), "the sampler must use every type"


@pytest.mark.parametrize("key", list(SAMPLE_VALUES))
def test_each_type_starts_empty_and_round_trips_a_value(qtbot: QtBot, sampler: Transaction, key: str) -> None:
    editor = make(qtbot, sampler, key)
    assert editor.value() is None and editor.is_empty()
    seen: list[object] = []
    editor.value_changed.connect(seen.append)

    editor.set_value(SAMPLE_VALUES[key])

    assert editor.value() == SAMPLE_VALUES[key]
    assert seen == [SAMPLE_VALUES[key]]
    editor.clear()
    assert editor.value() is None
    assert seen[-1] is None


def test_the_caption_marks_required_fields_and_follows_the_language(qtbot: QtBot, sampler: Transaction) -> None:
    required = make(qtbot, sampler, "name")
    optional = make(qtbot, sampler, "home")
    english = make(qtbot, sampler, "name", language="en")
    assert "姓名" in required.lbl_caption.text() and "*" in required.lbl_caption.text()
    assert "住址" in optional.lbl_caption.text() and "*" not in optional.lbl_caption.text()
    assert "Name" in english.lbl_caption.text()
    assert english.lbl_help.text() == "As on the card." and required.lbl_help.text() == "与证件一致。"


def test_a_problem_shows_in_red_under_the_field_without_repeating_the_label(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "name")
    assert editor.problem_text() is None
    editor.set_problem("姓名：最多6个字（现为7个）。")
    assert editor.problem_text() == "最多6个字（现为7个）。"
    assert editor.lbl_problem.isVisible()
    editor.set_problem(None)
    assert editor.problem_text() is None and not editor.lbl_problem.isVisible()


def test_text_keeps_to_max_length(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "name")
    assert isinstance(editor, TextEditor)
    type_into(qtbot, editor.edt_text, "abcdefghij")
    assert editor.value() == "abcdef"


def test_address_is_one_paragraph_within_max_length(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "home")
    assert isinstance(editor, AddressEditor)
    type_into(qtbot, editor.edt_address, "Room 5")
    qtbot.keyClick(editor.edt_address, Qt.Key.Key_Return)
    type_into(qtbot, editor.edt_address, "01")
    assert editor.value() == "Room 501"
    pasted = QMimeData()
    pasted.setText("\nline two\n" + "x" * 40)
    editor.edt_address.insertFromMimeData(pasted)
    value = editor.value()
    assert isinstance(value, str) and "\n" not in value and len(value) == 30


def test_enum_offers_please_choose_and_the_catalog_labels(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "status")
    assert isinstance(editor, EnumEditor)
    items = [editor.cmb_choice.itemText(i) for i in range(editor.cmb_choice.count())]
    assert items == ["请选择", "未婚", "已婚"]
    editor.cmb_choice.setCurrentIndex(2)
    assert editor.value() == "married"
    editor.set_value("no_such_option")
    assert editor.value() is None
    english = make(qtbot, sampler, "status", language="en")
    assert english.cmb_choice.itemText(1) == "Single"  # type: ignore[attr-defined]


def test_date_starts_unfilled_and_takes_typed_digits(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "born")
    assert isinstance(editor, DateEditor)
    assert editor.edt_date.text() == "未填写" and not editor.btn_clear.isVisible()
    with qtbot.waitSignal(editor.value_changed, check_params_cb=lambda v: v == "2024-03-15"):
        type_into(qtbot, editor.edt_date, "20240315")
    assert editor.value() == "2024-03-15"
    assert editor.btn_clear.isVisible()
    qtbot.mouseClick(editor.btn_clear, Qt.MouseButton.LeftButton)
    assert editor.value() is None


def test_date_delete_empties_and_arrows_start_at_today(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "born")
    assert isinstance(editor, DateEditor)
    editor.set_value(date(2020, 2, 29))
    assert editor.value() == "2020-02-29"
    editor.edt_date.setFocus()
    editor.edt_date.lineEdit().selectAll()
    qtbot.keyClick(editor.edt_date, Qt.Key.Key_Delete)
    assert editor.value() is None
    qtbot.keyClick(editor.edt_date, Qt.Key.Key_Up)
    assert editor.value() == TODAY.isoformat()
    editor.set_value("2021-13-40")  # a broken draft value cannot be shown: the field is empty
    assert editor.value() is None


@pytest.mark.parametrize("typed", ["2026-11-28", "2026.11.28", "2026/11/28", "20261128"])
def test_a_date_typed_the_usual_ways_is_that_date(qtbot: QtBot, sampler: Transaction, typed: str) -> None:
    editor = make(qtbot, sampler, "born")
    assert isinstance(editor, DateEditor)
    editor.edt_date.setFocus()
    qtbot.keyClicks(editor.edt_date, typed)
    qtbot.keyClick(editor.edt_date, Qt.Key.Key_Tab)
    assert editor.value() == "2026-11-28" and editor.problem_text() is None


def test_typing_over_a_filled_date_replaces_it(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "born")
    assert isinstance(editor, DateEditor)
    editor.set_value("2020-01-02")
    editor.edt_date.setFocus()
    qtbot.keyClicks(editor.edt_date, "2026-1-5")
    qtbot.keyClick(editor.edt_date, Qt.Key.Key_Tab)
    assert editor.value() == "2026-01-05"


def test_a_date_that_cannot_be_read_is_flagged_not_guessed(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "born")
    assert isinstance(editor, DateEditor)
    editor.edt_date.setFocus()
    qtbot.keyClicks(editor.edt_date, "2026-13-45")
    qtbot.keyClick(editor.edt_date, Qt.Key.Key_Tab)
    assert editor.value() is None
    assert "无法识别" in (editor.problem_text() or "")
    problem = editor.own_problem()
    assert problem is not None and problem.key == "born"
    editor.edt_date.setFocus()
    qtbot.keyClicks(editor.edt_date, "2026-11")  # left half typed: unreadable too
    qtbot.keyClick(editor.edt_date, Qt.Key.Key_Tab)
    assert editor.value() is None and "无法识别" in (editor.problem_text() or "")
    editor.edt_date.setFocus()
    qtbot.keyClicks(editor.edt_date, "20261128")
    qtbot.keyClick(editor.edt_date, Qt.Key.Key_Tab)
    assert editor.value() == "2026-11-28" and editor.problem_text() is None


def test_delete_clears_a_date_without_the_mouse(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "born")
    assert isinstance(editor, DateEditor)
    editor.set_value("2020-01-02")
    editor.edt_date.setFocus()
    qtbot.keyClick(editor.edt_date, Qt.Key.Key_Delete)  # no selection needed: the × by the keyboard
    assert editor.value() is None


def test_empty_date_opens_the_calendar_at_this_month(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "born")
    assert isinstance(editor, DateEditor)
    box = editor.edt_date
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 6, box.height() // 2))
    calendar = box.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    calendar.window().hide()
    assert editor.value() is None  # opening the calendar fills nothing in


def test_number_is_empty_below_its_minimum_and_stays_in_range(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "count")
    assert isinstance(editor, NumberEditor)
    assert editor.spn_number.text() == "未填写"
    assert editor.spn_number.maximum() == 5
    qtbot.keyClick(editor.spn_number, Qt.Key.Key_Up)
    assert editor.value() == 1  # the first step from empty is the catalog's minimum
    type_into(qtbot, editor.spn_number, "")
    editor.spn_number.selectAll()
    qtbot.keyClicks(editor.spn_number, "9")
    assert editor.value() == 1  # 9 is above max 5: the spin box refuses it
    editor.spn_number.selectAll()
    qtbot.keyClick(editor.spn_number, Qt.Key.Key_Backspace)
    editor.spn_number.interpretText()
    assert editor.value() is None
    decimal = make(qtbot, sampler, "weight")
    decimal.set_value("61.5")
    assert decimal.value() == 61.5


def test_typing_into_an_empty_number_replaces_the_placeholder(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "count")
    assert isinstance(editor, NumberEditor)
    type_into(qtbot, editor.spn_number, "4")
    assert editor.value() == 4


def test_bool_starts_with_neither_answer(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "moved")
    assert isinstance(editor, BoolEditor)
    assert not editor.rdo_yes.isChecked() and not editor.rdo_no.isChecked()
    assert editor.rdo_yes.text() == "是" and editor.rdo_no.text() == "否"
    qtbot.mouseClick(editor.rdo_no, Qt.MouseButton.LeftButton)
    assert editor.value() is False
    qtbot.mouseClick(editor.rdo_yes, Qt.MouseButton.LeftButton)
    assert editor.value() is True
    editor.set_value(None)
    assert editor.value() is None and not editor.rdo_yes.isChecked()


def test_phone_takes_digits_and_a_dash_only(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "phone")
    assert isinstance(editor, PhoneEditor)
    type_into(qtbot, editor.edt_phone, "a138b0013c8000")
    assert editor.value() == "13800138000"


def test_id_number_with_a_wrong_check_digit_says_so_in_chinese(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "id_no")
    assert isinstance(editor, IdNumberEditor)
    bad = with_wrong_check_digit(MOTHER_ID)
    type_into(qtbot, editor.edt_id_number, bad[:17])
    assert editor.problem_text() is None  # not finished yet: no complaint
    qtbot.keyClicks(editor.edt_id_number, bad[17])
    text = editor.problem_text()
    assert text is not None and text.startswith("校验码错误") and MOTHER_ID[17] in text
    problem = editor.own_problem()
    assert problem is not None and problem.key == "id_no" and "校验码错误" in problem.message_zh
    assert "check digit" in problem.message_en
    assert not editor.lbl_id_facts.isVisible()


def test_a_valid_id_number_shows_its_facts(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "id_no")
    assert isinstance(editor, IdNumberEditor)
    type_into(qtbot, editor.edt_id_number, MOTHER_ID)
    assert editor.problem_text() is None and editor.own_problem() is None
    facts = editor.lbl_id_facts.text()
    assert editor.lbl_id_facts.isVisible()
    assert "1992-05-03" in facts and "女" in facts and "沈阳市" in facts


def test_id_number_is_normalised_as_typed(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "id_no")
    assert isinstance(editor, IdNumberEditor)
    numbers = (generate_id_number("110105", date(1949, 12, 31), "female", s) for s in range(200))
    number = next(n for n in numbers if n.endswith("X"))
    type_into(qtbot, editor.edt_id_number, number.lower())
    assert editor.value() == number
    editor.set_value("１１０１０５ " + number[6:])  # full-width digits and a blank from a pasted text
    assert editor.value() == number and editor.own_problem() is None


def test_a_wrong_character_is_reported_at_once_a_short_number_on_leaving(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "id_no")
    assert isinstance(editor, IdNumberEditor)
    type_into(qtbot, editor.edt_id_number, "2101O2")
    text = editor.problem_text()
    assert text is not None and "第5位" in text and "O" in text
    editor.clear()
    type_into(qtbot, editor.edt_id_number, "2101021992")
    assert editor.problem_text() is None
    editor.edt_id_number.editingFinished.emit()  # the clerk leaves the box
    text = editor.problem_text()
    assert text is not None and "10 位" in text


def test_a_birth_date_after_today_is_caught_although_the_checksum_is_right(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "id_no")
    future = generate_id_number("210102", TODAY + timedelta(days=3), "male", 1)
    editor.set_value(future)
    text = editor.problem_text()
    assert text is not None and "晚于今天" in text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    born=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    sex=st.sampled_from(["male", "female"]),
    sequence=st.integers(min_value=0, max_value=498),
    region=st.sampled_from(["110105", "210102", "310101", "440305", "650102"]),
)
def test_any_well_formed_number_is_accepted_and_its_facts_shown(
    qtbot: QtBot, sampler: Transaction, born: date, sex: str, sequence: int, region: str
) -> None:
    editor = _shared_id_editor(qtbot, sampler)
    number = generate_id_number(region, born, sex, sequence)
    editor.set_value(number)
    assert editor.problem_text() is None
    assert born.isoformat() in editor.lbl_id_facts.text()
    assert ("男" if sex == "male" else "女") in editor.lbl_id_facts.text()
    editor.set_value(with_wrong_check_digit(number))
    text = editor.problem_text()
    assert text is not None and text.startswith("校验码错误")


_editors: dict[int, IdNumberEditor] = {}


def _shared_id_editor(qtbot: QtBot, sampler: Transaction) -> IdNumberEditor:
    """One editor per test run of the hypothesis test (creating a widget per example is slow)."""
    key = id(qtbot)
    if key not in _editors:
        _editors.clear()
        editor = make(qtbot, sampler, "id_no")
        assert isinstance(editor, IdNumberEditor)
        _editors[key] = editor
    return _editors[key]


def test_person_swipe_button_asks_for_the_card_and_fill_answers(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "spouse")
    assert isinstance(editor, PersonEditor)
    assert editor.btn_swipe.text() == "刷卡填入"
    with qtbot.waitSignal(editor.swipe_requested, check_params_cb=lambda key: key == "spouse"):
        qtbot.mouseClick(editor.btn_swipe, Qt.MouseButton.LeftButton)
    editor.fill("李四", FATHER_ID)
    assert editor.value() == {"name": "李四", "id_number": FATHER_ID}
    assert "1990-08-21" in editor.lbl_id_facts.text()


def test_person_value_keeps_partial_input_and_extra_keys(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "spouse")
    assert isinstance(editor, PersonEditor)
    type_into(qtbot, editor.edt_id_number, with_wrong_check_digit(FATHER_ID))
    assert editor.value() == {"name": "", "id_number": with_wrong_check_digit(FATHER_ID)}
    text = editor.problem_text()
    assert text is not None and "校验码错误" in text
    problem = editor.own_problem()
    assert problem is not None and problem.message_zh.startswith("配偶身份证号码：校验码错误")
    editor.set_value({"name": "李四", "id_number": FATHER_ID, "relationship": "spouse"})
    assert editor.value() == {"name": "李四", "id_number": FATHER_ID, "relationship": "spouse"}
    assert editor.problem_text() is None


def test_the_wheel_does_not_change_an_unfocused_choice(qtbot: QtBot, sampler: Transaction) -> None:
    editor = make(qtbot, sampler, "status")
    assert isinstance(editor, EnumEditor)
    combo = editor.cmb_choice
    combo.clearFocus()
    event = QWheelEvent(QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(combo, event)
    assert editor.value() is None


def test_a_long_region_ends_in_an_ellipsis_with_the_whole_facts_in_the_tooltip(qtbot: QtBot) -> None:
    """The facts line keeps one line (a swipe must not push the fields down); a long region name that
    does not fit ends in "…" rather than being cut mid-character, and the tooltip says it all."""
    label = EllipsisLabel()
    qtbot.addWidget(label)
    whole = "出生日期 1962-11-08　性别 男　地区 辽宁省沈阳市沈河区"
    label.setText(whole)
    label.resize(label.fontMetrics().horizontalAdvance(whole) // 2, 30)
    label.show()
    assert label.text() == whole
    shown = QLabel.text(label)
    assert shown.endswith("…") and len(shown) < len(whole) and label.toolTip() == whole
    label.resize(label.fontMetrics().horizontalAdvance(whole) + 20, 30)
    assert QLabel.text(label) == whole and label.toolTip() == ""
