"""The materials checklist: follows the form's answers, keeps the ticks that still mean something."""

from __future__ import annotations

from datetime import timedelta

from form_samples import MOTHER_ID, TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import Catalog, MaterialVerify, Transaction
from desk.forms.form_view import TransactionForm
from desk.forms.materials_view import MaterialsChecklist, material_caption

ADULT = ApplicantFacts.from_id_number(MOTHER_ID, nation="汉")


def build(qtbot: QtBot, transaction: Transaction, language: str = "zh_CN") -> MaterialsChecklist:
    checklist = MaterialsChecklist(transaction, ADULT, TODAY, language)
    qtbot.addWidget(checklist)
    checklist.show()
    return checklist


def shown_keys(checklist: MaterialsChecklist) -> list[str]:
    return [m.key for m in checklist.transaction.materials if checklist.check_box(m.key).isVisible()]


def test_every_real_transaction_lists_its_unconditional_materials(qtbot: QtBot, catalog: Catalog) -> None:
    for transaction in catalog.transactions():
        checklist = build(qtbot, transaction)
        expected = transaction.required_materials({}, ADULT, TODAY)
        assert checklist.required() == expected, transaction.code
        assert shown_keys(checklist) == [m.key for m in expected]
        # 免于提交 (the police check it in their systems) starts as 系统核验: not missing (issue 12, item 4).
        exempt = [m for m in expected if m.verify is MaterialVerify.SYSTEM]
        assert checklist.received() == [] and checklist.missing() == [m for m in expected if m not in exempt]
        assert checklist.verified() == [m.key for m in exempt]
        checklist.close()


def test_caption_tooltip_and_note(qtbot: QtBot, catalog: Catalog, sampler: Transaction) -> None:
    checklist = build(qtbot, catalog["birth_registration"])
    box = checklist.check_box("birth_medical_certificate")
    assert checklist.caption("birth_medical_certificate") == "《出生医学证明》（原件）×1"
    assert box.accessibleName() == "《出生医学证明》（原件）×1"
    assert box.toolTip().startswith("证明婴儿的出生时间")
    note = checklist._rows["parent_id_card"].lbl_note
    assert note.isVisible() and note.text() == "窗口读卡核验，无需复印。"
    assert not checklist._rows["birth_medical_certificate"].lbl_note.isVisible()

    married = sampler.material("marriage_certificate")
    assert married is not None
    assert material_caption(married) == "结婚证（原件及复印件）×2"
    assert material_caption(married, "en") == "Marriage certificate (Original and copy) ×2"
    english = build(qtbot, sampler, language="en")
    assert english.caption("id_card") == "Resident identity card (Original) ×1"
    assert english.check_box("id_card").toolTip() == "Verifies the identity."


def test_conditional_materials_follow_the_values(qtbot: QtBot, catalog: Catalog) -> None:
    checklist = build(qtbot, catalog["birth_registration"])
    base = ["birth_medical_certificate", "household_booklet", "parent_id_card"]
    assert shown_keys(checklist) == base

    checklist.update_for({"parents_married": True})
    assert shown_keys(checklist) == [*base, "marriage_certificate"]

    checklist.update_for({"parents_married": False, "settle_with": "father"})
    assert shown_keys(checklist) == [*base, "non_marital_birth_statement", "paternity_test_report"]

    late = (TODAY - timedelta(days=40)).isoformat()
    checklist.update_for({"parents_married": False, "settle_with": "mother", "child_birth_date": late})
    assert shown_keys(checklist) == [*base, "non_marital_birth_statement", "late_registration_statement"]


def test_ticks_of_materials_still_required_are_kept(qtbot: QtBot, catalog: Catalog) -> None:
    checklist = build(qtbot, catalog["birth_registration"])
    changes: list[list[str]] = []
    checklist.received_changed.connect(changes.append)
    checklist.update_for({"parents_married": True})
    qtbot.mouseClick(checklist.check_box("marriage_certificate"), Qt.MouseButton.LeftButton)
    checklist.check_box("birth_medical_certificate").setChecked(True)
    assert checklist.received() == ["birth_medical_certificate", "marriage_certificate"]
    assert changes == [["marriage_certificate"], ["birth_medical_certificate", "marriage_certificate"]]

    # The answer changes: the marriage certificate is no longer needed, and its tick goes with it.
    checklist.update_for({"parents_married": False})
    assert checklist.received() == ["birth_medical_certificate"]
    assert changes[-1] == ["birth_medical_certificate"]
    assert [m.key for m in checklist.missing()] == ["household_booklet", "parent_id_card",
                                                     "non_marital_birth_statement"]
    checklist.update_for({"parents_married": True})
    assert not checklist.check_box("marriage_certificate").isChecked()

    count = len(changes)
    checklist.update_for({"parents_married": True, "child_name": "王小雨"})  # same materials: no signal
    assert len(changes) == count


def test_all_received_ticks_everything_required(qtbot: QtBot, catalog: Catalog) -> None:
    checklist = build(qtbot, catalog["birth_registration"])
    checklist.update_for({"parents_married": True})
    assert checklist.btn_all_received.text() == "全部收齐"
    with qtbot.waitSignal(checklist.received_changed) as blocker:
        qtbot.mouseClick(checklist.btn_all_received, Qt.MouseButton.LeftButton)
    # The marriage certificate is 免于提交 when the police can check it (系统核验): it stays checked.
    required = [m.key for m in checklist.required() if m.key != "marriage_certificate"]
    assert checklist.verified() == ["marriage_certificate"]
    assert blocker.args == [required]
    assert checklist.received() == required and checklist.missing() == []
    assert not checklist.btn_all_received.isEnabled()
    assert checklist.lbl_summary.text() == "已收 3 · 核验 1 / 4 项"
    assert not checklist.check_box("non_marital_birth_statement").isChecked()  # not required: not ticked


def test_three_states_received_checked_or_missing(qtbot: QtBot, catalog: Catalog) -> None:
    """已收 / 读卡核验 / 缺: the card read ticks 读卡核验; ticking 已收 clears it and the other way round."""
    checklist = build(qtbot, catalog["birth_registration"])
    assert "parent_id_card" in [m.key for m in checklist.missing()]
    checked = checklist.verified_box("parent_id_card")
    assert checked.isVisible() and checked.text() == "读卡核验"
    assert not checklist.verified_box("birth_medical_certificate").isVisible()
    with qtbot.waitSignal(checklist.received_changed):
        checklist.mark_card_read()
    assert checklist.verified() == ["parent_id_card"]
    assert "parent_id_card" not in [m.key for m in checklist.missing()]
    assert checklist.lbl_summary.text() == "已收 0 · 核验 1 / 3 项"
    qtbot.mouseClick(checklist.check_box("parent_id_card"), Qt.MouseButton.LeftButton)
    assert checklist.received() == ["parent_id_card"] and checklist.verified() == []
    qtbot.mouseClick(checked, Qt.MouseButton.LeftButton)
    assert checklist.received() == [] and checklist.verified() == ["parent_id_card"]
    qtbot.mouseClick(checked, Qt.MouseButton.LeftButton)  # unticked: 缺
    assert "parent_id_card" in [m.key for m in checklist.missing()]
    # 全部收齐 leaves a checked material checked.
    checklist.mark_card_read()
    checklist.mark_all_received()
    assert checklist.verified() == ["parent_id_card"] and checklist.missing() == []
    assert checklist.received() == ["birth_medical_certificate", "household_booklet"]


def test_set_received_restores_a_draft(qtbot: QtBot, catalog: Catalog) -> None:
    checklist = build(qtbot, catalog["birth_registration"])
    checklist.update_for({"parents_married": True})
    checklist.set_received(["marriage_certificate", "paternity_test_report", "no_such_key"])
    assert checklist.received() == ["marriage_certificate"]


def test_the_checklist_follows_the_form(qtbot: QtBot, sampler: Transaction) -> None:
    form = TransactionForm(sampler, ADULT, TODAY)
    qtbot.addWidget(form)
    checklist = build(qtbot, sampler)
    form.values_edited.connect(checklist.update_for)
    assert shown_keys(checklist) == ["id_card"]
    form.editor("moved").set_value(True)
    assert shown_keys(checklist) == ["id_card", "moving_record"]
    form.editor("status").set_value("married")
    assert shown_keys(checklist) == ["id_card", "marriage_certificate", "moving_record"]
    form.editor("moved").set_value(False)
    assert shown_keys(checklist) == ["id_card", "marriage_certificate"]



def test_materials_that_depend_on_the_applicant_follow_the_card(qtbot: QtBot, catalog: Catalog) -> None:
    transaction = catalog["birth_date_correction"]
    checklist = MaterialsChecklist(transaction, ApplicantFacts(), TODAY)
    qtbot.addWidget(checklist)
    checklist.show()
    assert "resident_id_card" not in shown_keys(checklist)  # age unknown: not decided, not required
    checklist.set_applicant(ADULT)
    assert "resident_id_card" in shown_keys(checklist)
    assert "guardian_id_card" not in shown_keys(checklist)
    assert [m.key for m in checklist.required()] == [
        m.key for m in transaction.required_materials({}, ADULT, TODAY)
    ]


def test_a_long_material_name_wraps_inside_a_narrow_panel_and_its_caption_ticks_the_box(
        qtbot: QtBot, catalog: Catalog) -> None:
    """At 1366×768 the panel is about 470 px wide: a long name (《不动产权证书》（或《房屋所有权证》）…) once
    widened the list past it, pushing the 系统核验 boxes and 全部收齐 out of sight behind a scroll bar."""
    transaction, longest = max(((t, m) for t in catalog.transactions() for m in t.required_materials({}, ADULT, TODAY)),
                               key=lambda pair: len(material_caption(pair[1])))
    assert len(material_caption(longest)) > 28
    area = QScrollArea()
    qtbot.addWidget(area)
    area.setWidgetResizable(True)
    checklist = MaterialsChecklist(transaction, ADULT, TODAY)
    area.setWidget(checklist)
    area.resize(420, 600)
    area.show()
    qtbot.waitExposed(area)
    assert checklist.minimumSizeHint().width() <= 420
    assert not area.horizontalScrollBar().isVisible()
    assert checklist.btn_all_received.geometry().right() <= area.viewport().width()
    row = checklist._rows[longest.key]
    assert row.isVisible()
    assert row.lbl_caption.height() > row.lbl_caption.fontMetrics().height() * 1.5  # it wrapped
    before = row.chk_received.isChecked()
    qtbot.mouseClick(row.lbl_caption, Qt.MouseButton.LeftButton)
    assert row.chk_received.isChecked() is not before
