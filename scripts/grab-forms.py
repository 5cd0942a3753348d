#!/usr/bin/env python3
"""Render the form engine for a few real transactions into PNGs, to look at them as a clerk would.

Usage (from the project root): `.venv/bin/python scripts/grab-forms.py [OUT_DIR]`
(default `docs/screenshots/forms/`). Runs offscreen; needs a CJK font (fonts-noto-cjk on Debian).

Each picture is one desk screen's worth (1280×760): the form on the left, the materials checklist
on the right, filled part-way as at a real window, with a mistake or two so the messages show.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget  # noqa: E402

from desk.domain.applicant import ApplicantFacts  # noqa: E402
from desk.domain.catalog import Transaction  # noqa: E402
from desk.domain.idnumber import generate_id_number  # noqa: E402
from desk.forms.form_view import TransactionForm  # noqa: E402
from desk.forms.materials_view import MaterialsChecklist  # noqa: E402
from desk.shipped import shipped_catalog  # noqa: E402

TODAY = date(2025, 3, 12)
SIZE = (1280, 760)
MOTHER_ID = generate_id_number("210102", date(1992, 5, 3), "female", 3)
FATHER_ID = generate_id_number("210102", date(1990, 8, 21), "male", 7)
ADOPTER_ID = generate_id_number("210104", date(1998, 7, 15), "male", 4)
APPLICANT_ID = generate_id_number("210103", date(1968, 11, 2), "male", 12)


class Screen(QWidget):
    """What a desk screen would wrap around the form: a title, the form, the checklist beside it."""

    def __init__(self, transaction: Transaction, applicant: ApplicantFacts) -> None:
        super().__init__()
        self.lbl_title = QLabel(f"{transaction.name_zh}　<span style='color:#6b6b6b'>{transaction.code}</span>")
        font = self.lbl_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.lbl_title.setFont(font)
        self.lbl_title.setWordWrap(True)
        self.form = TransactionForm(transaction, applicant, TODAY)
        self.checklist = MaterialsChecklist(transaction, applicant, TODAY)
        self.form.values_edited.connect(self.checklist.update_for)
        left = QVBoxLayout()
        left.addWidget(self.lbl_title)
        left.addWidget(self.form, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.checklist, 2)
        self.resize(*SIZE)


def _type(widget: QWidget, text: str) -> None:
    """Type digits as the clerk would (so the as-typed checks run), then leave the box."""
    widget.setFocus()
    QTest.keyClicks(widget, text)
    QTest.keyClick(widget, Qt.Key.Key_Tab)


def fill_birth_registration(screen: Screen) -> None:
    form = screen.form
    form.editor("child_name").set_value("王小雨")
    form.editor("child_sex").set_value("female")
    form.editor("child_birth_date").set_value("2025-02-20")
    form.editor("parents_married").set_value(False)
    form.editor("settle_with").set_value("father")
    form.fill_person("mother", "李静", MOTHER_ID)
    form.editor("father").set_value({"name": "王磊"})
    # One digit wrong in the father's number: the check digit no longer matches.
    _type(form.editor("father").edt_id_number, FATHER_ID[:10] + "9" + FATHER_ID[11:])  # type: ignore[attr-defined]
    screen.checklist.set_received(["birth_medical_certificate", "parent_id_card"])


def fill_adoption_registration(screen: Screen) -> None:
    form = screen.form
    form.editor("child_name").set_value("陈安")
    form.editor("child_sex").set_value("male")
    form.editor("child_birth_date").set_value("2024-06-01")
    form.editor("adoption_date").set_value("2025-01-10")
    # A 26-year-old adopter who is not a step-parent: the age rule fails and says why.
    form.fill_person("adoptive_parent", "陈晓光", ADOPTER_ID)
    form.editor("stepparent_adoption").set_value(False)
    form.editor("child_hukou_status").set_value("registered")
    form.show_all_problems()


def fill_move_within_city(screen: Screen) -> None:
    form = screen.form
    form.editor("move_reason").set_value(form.transaction.field("move_reason").options[0].value)  # type: ignore[union-attr]
    form.editor("destination_address").set_value("辽宁省沈阳市和平区南京南街三段二十七号院三号楼二单元五零二室")
    form.editor("new_household").set_value(False)
    form.show_all_problems()
    screen.checklist.mark_all_received()


SCENES: dict[str, Callable[[Screen], None]] = {
    "birth_registration": fill_birth_registration,
    "adoption_registration": fill_adoption_registration,
    "move_within_city": fill_move_within_city,
}


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots" / "forms"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv)
    catalog = shipped_catalog()
    applicant = ApplicantFacts.from_id_number(APPLICANT_ID, nation="汉")
    for code, fill in SCENES.items():
        screen = Screen(catalog[code], applicant)
        screen.show()
        fill(screen)
        app.processEvents()
        path = out / f"{code}.png"
        screen.grab().save(str(path))
        print(path)
        screen.close()
        screen.deleteLater()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
