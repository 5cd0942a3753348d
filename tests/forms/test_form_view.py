"""The transaction form: built from every real catalog entry, in step with `when`, rules and problems."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from form_samples import FATHER_ID, MOTHER_ID, TODAY, YOUNG_ID, with_wrong_check_digit
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import Catalog, FieldSpec, FieldType, Transaction
from desk.forms.field_widgets import EDITOR_CLASSES, PersonEditor
from desk.forms.form_view import TransactionForm

ADULT = ApplicantFacts.from_id_number(MOTHER_ID, nation="汉")
CHILD = ApplicantFacts.from_id_number(YOUNG_ID, nation="汉")

BIRTH_VALUES: dict[str, object] = {
    "child_name": "王小雨",
    "child_sex": "female",
    "child_birth_date": (TODAY - timedelta(days=10)).isoformat(),
    "parents_married": True,
    "settle_with": "mother",
    "mother": {"name": "李静", "id_number": MOTHER_ID},
    "father": {"name": "王磊", "id_number": FATHER_ID},
}


def build(qtbot: QtBot, transaction: Transaction, applicant: ApplicantFacts = ADULT,
          language: str = "zh_CN") -> TransactionForm:
    form = TransactionForm(transaction, applicant, TODAY, language)
    qtbot.addWidget(form)
    form.resize(900, 700)
    form.show()
    return form


def valid_value(spec: FieldSpec) -> object:
    """A value each field type accepts (the shape the catalog stores)."""
    if spec.type is FieldType.TEXT:
        return "测试"[: spec.max_length or 2]
    if spec.type is FieldType.ADDRESS:
        return "沈阳市和平区1号"
    if spec.type is FieldType.DATE:
        return "2020-01-01"
    if spec.type is FieldType.ID_NUMBER:
        return MOTHER_ID
    if spec.type is FieldType.ENUM:
        return spec.options[0].value
    if spec.type is FieldType.PHONE:
        return "13800138000"
    if spec.type is FieldType.PERSON:
        return {"name": "张三", "id_number": FATHER_ID}
    if spec.type is FieldType.NUMBER:
        return int(spec.min_value) if spec.min_value is not None else 1
    return True


def test_every_real_transaction_builds_one_editor_per_field(qtbot: QtBot, catalog: Catalog) -> None:
    assert len(catalog) >= 36
    for transaction in catalog.transactions():
        form = build(qtbot, transaction)
        editors = form.editors()
        assert list(editors) == [spec.key for spec in transaction.fields], transaction.code
        for spec in transaction.fields:
            assert type(editors[spec.key]) is EDITOR_CLASSES[spec.type], (transaction.code, spec.key)
        assert form.lay_fields.rowCount() == len(transaction.fields)
        assert form.values() == {}
        shown = {spec.key for spec in transaction.visible_fields({}, ADULT, TODAY)}
        assert set(form.visible_keys()) == shown
        # An untouched form hides its problems, but knows them.
        assert all(editor.problem_text() is None for editor in editors.values())
        assert form.problems() == transaction.validate_values({}, ADULT, TODAY)
        form.close()


def test_every_real_transaction_round_trips_values(qtbot: QtBot, catalog: Catalog) -> None:
    for transaction in catalog.transactions():
        values = {spec.key: valid_value(spec) for spec in transaction.fields}
        form = build(qtbot, transaction)
        form.set_values(values)
        shown = [spec.key for spec in transaction.visible_fields(values, ADULT, TODAY)]
        assert form.values() == {key: values[key] for key in shown}, transaction.code
        assert all(form.editor(key).value() == values[key] for key in values), transaction.code
        assert form.problems() == [], (transaction.code, form.problems())
        again = build(qtbot, transaction)
        again.set_values(form.values())
        assert again.values() == form.values()
        form.close()
        again.close()


def test_conditional_fields_apply_and_stop_applying_in_place(qtbot: QtBot, catalog: Catalog) -> None:
    form = build(qtbot, catalog["birth_registration"])
    father = form.editor("father")
    assert "father" not in form.visible_keys() and not father.isEnabled() and father.isVisible()
    assert not father.lbl_caption.isEnabled() and father.toolTip()
    form.editor("parents_married").set_value(True)
    assert "father" in form.visible_keys() and father.isEnabled() and father.lbl_caption.isEnabled()
    form.editor("parents_married").set_value(False)
    assert not father.isEnabled()
    form.editor("settle_with").set_value("father")
    assert father.isEnabled()  # `parents_married == true or settle_with == "father"`


def test_nothing_moves_under_the_pointer_when_a_row_starts_to_apply(qtbot: QtBot, catalog: Catalog) -> None:
    """A click aimed at a row below a choice lands on that row even after the choice made another
    row apply: every row keeps its place."""
    form = build(qtbot, catalog["birth_registration"])
    form.resize(900, 2000)
    form.show()
    qtbot.waitExposed(form)
    keys = list(form.editors())
    below = keys[keys.index("father") + 1:]
    assert below, "the father row has rows below it"
    before = {key: form.editor(key).mapTo(form, form.editor(key).rect().topLeft()) for key in below}
    form.editor("parents_married").set_value(True)
    qtbot.wait(50)  # the layout settles on the next turn of the event loop
    after = {key: form.editor(key).mapTo(form, form.editor(key).rect().topLeft()) for key in below}
    assert after == before
    target = form.editor(below[0])
    aim = target.mapTo(form, target.rect().center())
    hit = form.childAt(aim)
    assert hit is target or target.isAncestorOf(hit)


def test_tab_and_enter_skip_a_row_that_does_not_apply(qtbot: QtBot, catalog: Catalog) -> None:
    form = build(qtbot, catalog["birth_registration"])
    form.show()
    qtbot.waitExposed(form)
    keys = list(form.editors())
    assert "father" not in form.visible_keys()
    before = keys[keys.index("father") - 1]
    after = next(key for key in keys[keys.index("father") + 1:] if key in form.visible_keys())
    for key_press in (Qt.Key.Key_Tab, Qt.Key.Key_Return):
        last = form.editor(before).focus_widgets()[-1]
        last.setFocus()
        qtbot.waitUntil(last.hasFocus)
        qtbot.keyClick(last, key_press)
        focused = QApplication.focusWidget()
        assert focused is not None and form.editor(after).isAncestorOf(focused), (key_press, focused)


def test_a_hidden_field_keeps_its_text_but_leaves_the_values(qtbot: QtBot, sampler: Transaction) -> None:
    form = build(qtbot, sampler)
    form.editor("status").set_value("married")
    form.editor("married_on").set_value("2019-10-01")
    assert "wedding_place" in form.visible_keys()  # filled("married_on")
    form.editor("wedding_place").set_value("和平区")
    assert form.values()["married_on"] == "2019-10-01"

    form.editor("status").set_value("single")
    # Hiding married_on hides wedding_place too: its `when` reads the hidden (so unfilled) date.
    assert not {"spouse", "married_on", "wedding_place"} & set(form.visible_keys())
    assert "married_on" not in form.values() and "wedding_place" not in form.values()
    assert form.editor("married_on").value() == "2019-10-01"

    form.editor("status").set_value("married")
    assert form.values()["wedding_place"] == "和平区"


def test_problems_show_after_an_edit_and_all_of_them_on_request(qtbot: QtBot, sampler: Transaction) -> None:
    form = build(qtbot, sampler)
    name = form.editor("name")
    assert name.problem_text() is None
    name.set_value("王")
    name.set_value(None)  # touched, then emptied again
    assert name.problem_text() == "请填写“姓名”。"
    assert form.editor("born").problem_text() is None  # untouched
    form.show_all_problems()
    assert form.editor("born").problem_text() == "请填写“出生日期”。"
    assert form.editor("home").problem_text() is None  # optional
    keys = [problem.key for problem in form.problems()]
    assert keys == ["name", "born", "id_no", "status", "count", "moved"]
    assert not form.is_complete()


def test_typing_a_bad_id_number_in_the_form_shows_the_checksum_message(qtbot: QtBot, sampler: Transaction) -> None:
    form = build(qtbot, sampler)
    editor = form.editor("id_no")
    line = editor.focus_widgets()[0]
    line.setFocus()
    qtbot.keyClicks(line, with_wrong_check_digit(MOTHER_ID))
    text = editor.problem_text()
    assert text is not None and text.startswith("校验码错误：按前17位计算，第18位应为")
    assert [p.key for p in form.problems()].count("id_no") == 1
    problem = next(p for p in form.problems() if p.key == "id_no")
    assert "校验码错误" in problem.message_zh


def test_the_form_is_stricter_than_the_catalog_about_id_numbers(qtbot: QtBot, sampler: Transaction) -> None:
    from desk.domain.idnumber import generate_id_number

    form = build(qtbot, sampler)
    future = generate_id_number("210102", TODAY + timedelta(days=30), "male", 1)
    form.editor("id_no").set_value(future)
    # The catalog only checks the form of the number; the card parser also knows it cannot be.
    assert all(p.key != "id_no" for p in sampler.validate_values({"id_no": future}, ADULT, TODAY))
    assert any(p.key == "id_no" and "晚于今天" in p.message_zh for p in form.problems())


def test_a_filled_birth_registration_has_no_problems(qtbot: QtBot, catalog: Catalog) -> None:
    transaction = catalog["birth_registration"]
    form = build(qtbot, transaction)
    form.editor("child_name").set_value("王小雨")
    form.editor("child_sex").set_value("female")
    form.editor("child_birth_date").set_value(BIRTH_VALUES["child_birth_date"])
    form.editor("parents_married").set_value(True)
    form.editor("settle_with").set_value("mother")
    form.fill_person("mother", "李静", MOTHER_ID)
    form.fill_person("father", "王磊", FATHER_ID)

    assert form.values() == BIRTH_VALUES
    assert transaction.validate_values(form.values(), ADULT, TODAY) == []
    assert form.problems() == [] and form.is_complete()
    assert form.eligibility().eligible
    assert "符合办理条件" in form.lbl_eligibility.text()


def test_eligibility_box_shows_failed_and_pending_rules(qtbot: QtBot, sampler: Transaction) -> None:
    form = build(qtbot, sampler, applicant=ApplicantFacts())
    assert form.frm_eligibility.isVisibleTo(form)
    text = form.lbl_eligibility.text()
    assert "○ 随迁人数不能超过3人。" in text and "○ 申请人应为成年人。" in text  # both pending
    form.editor("count").set_value(5)
    assert "✗ 随迁人数不能超过3人。" in form.lbl_eligibility.text()
    result = form.eligibility()
    assert [r.key for r in result.failed] == ["not_too_many"] and [r.key for r in result.pending] == ["adult"]

    form.set_applicant(CHILD)
    assert "✗ 申请人应为成年人。" in form.lbl_eligibility.text()
    form.set_applicant(ADULT)
    form.editor("count").set_value(2)
    assert form.eligibility().eligible
    assert "按已填写的信息，符合办理条件" in form.lbl_eligibility.text()  # eligible, but fields still empty


def test_a_transaction_without_rules_has_no_eligibility_box(qtbot: QtBot, catalog: Catalog) -> None:
    transaction = next(t for t in catalog.transactions() if not t.rules)
    form = build(qtbot, transaction)
    assert not form.frm_eligibility.isVisibleTo(form)


def test_values_changed_is_debounced_for_the_draft(qtbot: QtBot, sampler: Transaction) -> None:
    form = build(qtbot, sampler)
    saved: list[dict[str, object]] = []
    edited: list[dict[str, object]] = []
    form.values_changed.connect(saved.append)
    form.values_edited.connect(edited.append)
    with qtbot.waitSignal(form.values_changed, timeout=3000):
        form.editor("name").set_value("王")
        form.editor("name").set_value("王五")
        form.editor("count").set_value(2)
        assert saved == []  # nothing yet: the edits come in a burst
        assert len(edited) == 3  # the live signal follows every edit
    assert saved == [{"name": "王五", "count": 2}]


def test_set_values_is_not_an_edit(qtbot: QtBot, catalog: Catalog) -> None:
    form = build(qtbot, catalog["birth_registration"])
    form.set_values({"child_name": "王小雨"})
    assert form.values() == {"child_name": "王小雨"}
    assert not form._save_timer.isActive()
    assert all(editor.problem_text() is None for editor in form.editors().values())
    form.set_values({})
    assert form.values() == {}


def test_flush_saves_a_pending_draft_at_once(qtbot: QtBot, sampler: Transaction) -> None:
    form = build(qtbot, sampler)
    saved: list[dict[str, object]] = []
    form.values_changed.connect(saved.append)
    form.editor("name").set_value("王五")
    form.flush()
    assert saved == [{"name": "王五"}]
    form.flush()
    assert len(saved) == 1


def test_swipe_requests_reach_the_screen_and_fill_person_answers(qtbot: QtBot, catalog: Catalog) -> None:
    form = build(qtbot, catalog["birth_registration"])
    mother = form.editor("mother")
    assert isinstance(mother, PersonEditor)
    with qtbot.waitSignal(form.swipe_requested, check_params_cb=lambda key: key == "mother"):
        qtbot.mouseClick(mother.btn_swipe, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(form.values_edited):
        form.fill_person("mother", "李静", MOTHER_ID)
    assert form.values()["mother"] == {"name": "李静", "id_number": MOTHER_ID}
    with pytest.raises(KeyError):
        form.fill_person("child_name", "李静", MOTHER_ID)


def test_enter_moves_to_the_next_shown_field(qtbot: QtBot, catalog: Catalog) -> None:
    form = build(qtbot, catalog["birth_registration"])
    qtbot.waitExposed(form)
    form.activateWindow()
    form.focus_first_field()
    name = form.editor("child_name").focus_widgets()[0]
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClicks(name, "abc")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.editor("child_sex").focus_widgets()[0]

    # From the mother's name to her ID number, then past the hidden father to the last field.
    mother = form.editor("mother")
    mother.focus_widgets()[0].setFocus()
    qtbot.keyClick(mother.focus_widgets()[0], Qt.Key.Key_Enter)
    assert QApplication.focusWidget() is mother.focus_widgets()[1]
    qtbot.keyClick(mother.focus_widgets()[1], Qt.Key.Key_Return)
    assert QApplication.focusWidget() is form.editor("parents_nations_differ").focus_widgets()[0]
    assert name.text() == "abc"  # Enter did not type anything


def test_enter_in_an_address_moves_on_instead_of_breaking_the_line(qtbot: QtBot, sampler: Transaction) -> None:
    form = build(qtbot, sampler)
    qtbot.waitExposed(form)
    form.activateWindow()
    home = form.editor("home").focus_widgets()[0]
    home.setFocus()
    qtbot.waitUntil(home.hasFocus)
    qtbot.keyClicks(home, "Room 1")
    qtbot.keyClick(home, Qt.Key.Key_Return)
    assert form.editor("home").value() == "Room 1"
    assert QApplication.focusWidget() is form.editor("born").focus_widgets()[0]


def test_tab_order_follows_the_form(qtbot: QtBot, sampler: Transaction) -> None:
    form = build(qtbot, sampler)
    chain = [w for key in form.editors() for w in form.editor(key).focus_widgets()]
    assert len(chain) > len(sampler.fields)  # a person has two inputs, a yes/no two buttons
    for first, second in itertools.pairwise(chain):
        assert _next_tab_stop(first) is second, (first, second)


def _next_tab_stop(widget: QWidget) -> QWidget:
    """The next widget in the focus chain that Tab would stop at (not a clear or swipe button)."""
    following = widget.nextInFocusChain()
    while following is not widget and not (following.focusPolicy() & Qt.FocusPolicy.TabFocus
                                           and following.focusProxy() is None):
        following = following.nextInFocusChain()
    return following


def test_english_form_uses_the_catalog_english(qtbot: QtBot, catalog: Catalog) -> None:
    form = build(qtbot, catalog["birth_registration"], language="en")
    assert "Child's name" in form.editor("child_name").lbl_caption.text()
    form.show_all_problems()
    assert form.editor("child_name").problem_text() == "Child's name is required."


def test_a_date_typed_by_keyboard_drives_conditional_materials_and_rules(qtbot: QtBot, catalog: Catalog) -> None:
    transaction = catalog["birth_registration"]
    form = build(qtbot, transaction)
    late = TODAY - timedelta(days=45)
    form.editor("child_birth_date").set_value(late)
    keys = [m.key for m in transaction.required_materials(form.values(), ADULT, TODAY)]
    assert "late_registration_statement" in keys
    form.editor("child_birth_date").set_value(date(2099, 1, 1))
    assert "✗ 出生日期不能晚于今天。" in form.lbl_eligibility.text()


def test_a_person_field_that_does_not_apply_shows_the_applicant_plainly_out_of_use(
        qtbot: QtBot, catalog: Catalog) -> None:
    # 开具户籍证明 为本人开具 = 是: the 被证明人 boxes hold the applicant, greyed under a dashed border (the
    # desk's style sheet) with "不适用：即申请人本人"; what was typed for a relative comes back with 否.
    from desk.paths import resources_dir

    styles = resources_dir() / "styles"
    form = build(qtbot, catalog["household_certificate"])
    form.setStyleSheet((styles / "desk.qss").read_text(encoding="utf-8").replace("@STYLES@", styles.as_posix()))
    subject = form.editors()["subject"]
    for_self = form.editors()["for_self"]
    assert isinstance(subject, PersonEditor)
    subject.set_applicant("李静", MOTHER_ID)
    # Not answered yet: greyed (does not apply) but nobody is named — it is not known to be the applicant.
    assert not subject.edt_name.isEnabled() and subject.edt_name.text() == ""
    assert not subject.lbl_same_person.isVisible()
    for_self.rdo_no.click()  # type: ignore[attr-defined]
    subject.edt_name.setText("王小雨")  # typed (keyClicks sends ASCII only)
    qtbot.keyClicks(subject.edt_id_number, YOUNG_ID)
    enabled_colour = subject.edt_name.grab().toImage().pixelColor(6, 6).name()

    for_self.rdo_yes.click()  # type: ignore[attr-defined]
    assert not subject.edt_name.isEnabled() and not subject.edt_id_number.isEnabled()
    assert (subject.edt_name.text(), subject.edt_id_number.text()) == ("李静", MOTHER_ID)
    assert subject.lbl_same_person.isVisible() and subject.lbl_same_person.text() == "不适用：即申请人本人"
    assert not subject.btn_swipe.isVisible() and not subject.btn_applicant.isVisible()
    assert "subject" not in form.values() and form.values()["for_self"] is True
    disabled_colour = subject.edt_name.grab().toImage().pixelColor(6, 6).name()
    assert (enabled_colour, disabled_colour) == ("#ffffff", "#e3e6ea")

    for_self.rdo_no.click()  # type: ignore[attr-defined]
    assert subject.edt_name.isEnabled() and not subject.lbl_same_person.isVisible()
    assert form.values()["subject"] == {"name": "王小雨", "id_number": YOUNG_ID}
    assert subject.btn_swipe.isVisible() and subject.btn_applicant.isVisible()


def test_the_inputs_stay_put_when_a_required_field_starts_to_apply(qtbot: QtBot, catalog: Catalog) -> None:
    """申请人是户主本人 applies once 户别 is 家庭户; its red * used to widen the label column then, moving every
    input ~10 px right while the clerk clicked. The star's room is kept while the field does not apply."""
    form = build(qtbot, catalog["booklet_reissue"])
    head = form.editor("applicant_is_head")
    assert head.spec.required and "applicant_is_head" not in form.visible_keys()

    def lefts() -> dict[str, int]:
        QApplication.processEvents()
        return {key: editor.mapTo(form.wdg_fields, editor.rect().topLeft()).x()
                for key, editor in form.editors().items()}

    before = lefts()
    not_applying = head.lbl_caption.sizeHint().width()
    form.set_values({"household_type": "family"})
    assert "applicant_is_head" in form.visible_keys() and "*" in head.lbl_caption.text()
    assert head.lbl_caption.sizeHint().width() == not_applying
    assert lefts() == before


def test_a_guardian_is_asked_for_a_minor_only(qtbot: QtBot, catalog: Catalog) -> None:
    """增删曾用名 for a 47-year-old asked for 监护人 (greyed, but noise): a field whose condition reads only the
    applicant is left out for an adult, and shown — and required — for a minor."""
    adult = build(qtbot, catalog["former_name_change"], ADULT)
    guardian = adult.editor("guardian")
    assert guardian.spec.when is not None and not guardian.spec.when.names  # `applicant.age < 18`
    assert not guardian.isVisible() and not guardian.lbl_caption.isVisible()
    assert "guardian" not in adult.visible_keys()
    # A row that follows the clerk's answers stays in place, greyed.
    period = adult.editor("period_used")
    assert period.spec.when is not None and period.spec.when.names
    adult.set_values({"action": "remove"})
    assert period.isVisible() and not period.isEnabled()
    minor = build(qtbot, catalog["former_name_change"], CHILD)
    assert minor.editor("guardian").isVisible() and "guardian" in minor.visible_keys()
    assert any(p.key == "guardian" for p in minor.problems())
    # The applicant read anew (another card): the row follows.
    minor.set_applicant(ADULT)
    assert not minor.editor("guardian").isVisible()
