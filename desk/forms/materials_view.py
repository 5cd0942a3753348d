"""`MaterialsChecklist`: the materials a transaction needs for the form's current answers, ticked as received.

The list is the catalog's answer (`Transaction.required_materials`) for the values it was last given
(`update_for(values)`, usually connected to `TransactionForm.values_edited`). Each material is a
check box "《出生医学证明》（原件）×1" with why it is needed as its tooltip and the catalog's note in
small grey text. A material that stops being required (an answer changed) is hidden and loses its
tick, so a tick always means "received for the case as it now stands"; the ticks of materials still
required are kept. `missing()` is what goes on the one-time notice (一次性告知书).

A material the catalog lets the police check themselves (`verify`) has three states: 已收 (the
paper received), 系统核验 / 读卡核验 (checked, `verified()`), or 缺 (neither). A `system` one starts
checked (免于提交: it never goes on the notice unless the clerk unticks it); a `card` one is ticked
when the applicant's card is read (`mark_card_read`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import MaterialSpec, MaterialVerify, Transaction
from desk.forms.editor_base import HINT_COLOUR, is_chinese, show_coloured


def material_caption(material: MaterialSpec, language: str = "zh_CN") -> str:
    """"《出生医学证明》（原件）×1", or "Medical birth certificate (Original) ×1" in English."""
    if is_chinese(language):
        return f"{material.name_zh}（{material.form.label_zh}）×{material.copies}"
    return f"{material.name_en} ({material.form.label_en}) ×{material.copies}"


class _CaptionLabel(QLabel):
    """A check box's caption that wraps (a QCheckBox's own text never does, and a long material name
    then widened the whole list past its panel); a click on it toggles its box like the box's own text."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._box = box
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBuddy(box)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled():
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


class _MaterialRow(QWidget):
    """One material: its check box with a wrapping caption, the "checked by the police" box where the
    catalog allows one, and, when the catalog has one, a small grey note under it."""

    def __init__(self, material: MaterialSpec, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.material = material
        zh = is_chinese(language)
        caption = material_caption(material, language)
        self.chk_received = QCheckBox(self)
        self.lbl_caption = _CaptionLabel(caption, self.chk_received, self)
        self.chk_verified = QCheckBox(self)
        self.lbl_note = QLabel(self)
        self.chk_received.setAccessibleName(caption)  # the box has no text of its own: screen readers say this
        self.chk_verified.setVisible(material.verify is not None)
        if material.verify is not None:
            self.chk_verified.setText(material.verify.label_zh if zh else material.verify.label_en)
            self.chk_verified.setChecked(material.verify is MaterialVerify.SYSTEM)
        # Two ticks, one state: received and checked exclude each other.
        self.chk_received.toggled.connect(lambda on: self._exclude(on, self.chk_verified))
        self.chk_verified.toggled.connect(lambda on: self._exclude(on, self.chk_received))

        self.chk_received.setToolTip(material.why_zh if zh else material.why_en)
        self.lbl_caption.setToolTip(self.chk_received.toolTip())
        self.lbl_note.setText(material.note_zh or "")
        self.lbl_note.setWordWrap(True)
        font = self.lbl_note.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.lbl_note.setFont(font)
        # The note is Chinese-only catalog text; an English screen leaves it out rather than mix.
        show_coloured(self.lbl_note, bool(material.note_zh) and zh, HINT_COLOUR)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        # The two boxes level with the caption's first line (the caption may wrap to two lines):
        # each of the three is pushed down by half of what it lacks of the tallest one.
        line = self.lbl_caption.fontMetrics().height() + 2 * self.lbl_caption.margin()
        tallest = max(line, self.chk_received.sizeHint().height(), self.chk_verified.sizeHint().height())
        for widget, height, stretch in ((self.chk_received, self.chk_received.sizeHint().height(), 0),
                                        (self.lbl_caption, line, 1),
                                        (self.chk_verified, self.chk_verified.sizeHint().height(), 0)):
            column = QVBoxLayout()
            column.setContentsMargins(0, (tallest - height) // 2, 0, 0)
            column.addWidget(widget)
            column.addStretch(0 if widget is self.lbl_caption else 1)
            top.addLayout(column, stretch)
        layout.addLayout(top)
        # Indented to start under the caption, not under the box.
        indent = self.chk_received.sizeHint().width() + top.spacing()
        note_row = QHBoxLayout()
        note_row.setContentsMargins(indent, 0, 0, 0)
        note_row.addWidget(self.lbl_note)
        layout.addLayout(note_row)

    @staticmethod
    def _exclude(on: bool, other: QCheckBox) -> None:
        if on:
            other.setChecked(False)


class MaterialsChecklist(QWidget):
    """Check boxes for the materials required by the current values; `received_changed(keys)` on every tick."""

    received_changed = Signal(list)

    def __init__(
        self,
        transaction: Transaction,
        applicant: ApplicantFacts,
        today: date,
        language: str = "zh_CN",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._transaction = transaction
        self._applicant = applicant
        self._today = today
        self._language = language
        self._values: dict[str, object] = {}
        self._required: list[MaterialSpec] = []
        self._rows: dict[str, _MaterialRow] = {}
        self._updating = False
        self._emitted: tuple[tuple[str, ...], tuple[str, ...]] | None = None

        # create
        self.lbl_title = QLabel(self)
        self.lbl_summary = QLabel(self)
        self.btn_all_received = QPushButton(self)
        for material in transaction.materials:
            self._rows[material.key] = _MaterialRow(material, language, self)

        # configure
        self.lbl_title.setText(self.tr("所需材料"))
        font = self.lbl_title.font()
        font.setBold(True)
        self.lbl_title.setFont(font)
        self.lbl_summary.setStyleSheet(f"color: {HINT_COLOUR};")
        self.btn_all_received.setText(self.tr("全部收齐"))
        self.btn_all_received.setToolTip(self.tr("勾选下列全部材料（Alt+A）"))
        self.btn_all_received.setShortcut(QKeySequence("Alt+A"))  # after setText, which resets it

        # connect
        for row in self._rows.values():
            row.chk_received.toggled.connect(self._on_toggled)
            row.chk_verified.toggled.connect(self._on_toggled)
        self.btn_all_received.clicked.connect(self.mark_all_received)

        # assemble
        header = QHBoxLayout()
        header.addWidget(self.lbl_title)
        header.addWidget(self.lbl_summary)
        header.addStretch(1)
        header.addWidget(self.btn_all_received)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        for row in self._rows.values():
            layout.addWidget(row)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.update_for({})

    # ---- what the screens call ---------------------------------------------------------------

    @property
    def transaction(self) -> Transaction:
        return self._transaction

    def required(self) -> list[MaterialSpec]:
        """The materials required for the current values, in catalog order."""
        return list(self._required)

    def received(self) -> list[str]:
        """Keys of the required materials ticked as received, in catalog order."""
        return [m.key for m in self._required if self._rows[m.key].chk_received.isChecked()]

    def verified(self) -> list[str]:
        """Keys of the required materials the police checked themselves (读卡核验 / 系统核验)."""
        return [m.key for m in self._required if m.verify is not None and self._rows[m.key].chk_verified.isChecked()]

    def missing(self) -> list[MaterialSpec]:
        """Required materials neither received nor checked: the list for the one-time notice (一次性告知书)."""
        return [m for m in self._required
                if not self._rows[m.key].chk_received.isChecked()
                and not (m.verify is not None and self._rows[m.key].chk_verified.isChecked())]

    def caption(self, key: str) -> str:
        """The material as the list names it: "《出生医学证明》（原件）×1"."""
        return self._rows[key].lbl_caption.text()

    def check_box(self, key: str) -> QCheckBox:
        return self._rows[key].chk_received

    def verified_box(self, key: str) -> QCheckBox:
        return self._rows[key].chk_verified

    def mark_card_read(self) -> None:
        """The applicant's card was read on the reader: tick 读卡核验 on the materials it checks."""
        before = self.received()
        self._updating = True
        try:
            for material in self._transaction.materials:
                if material.verify is MaterialVerify.CARD and not self._rows[material.key].chk_received.isChecked():
                    self._rows[material.key].chk_verified.setChecked(True)
        finally:
            self._updating = False
        self._after_change(before, force=True)

    @Slot(dict)
    def update_for(self, values: Mapping[str, object]) -> None:
        """Show the materials required for `values`; ticks of materials no longer required are dropped."""
        self._values = dict(values)
        self._apply_required()

    def set_applicant(self, applicant: ApplicantFacts) -> None:
        self._applicant = applicant
        self._apply_required()

    def set_received(self, keys: Iterable[str]) -> None:
        """Tick exactly these materials (restoring a draft); keys not required now are ignored."""
        wanted = set(keys)
        self._set_ticks(lambda key: key in wanted)

    @Slot()
    def mark_all_received(self) -> None:
        """Tick 已收 on every material not already checked by the police themselves."""
        checked = set(self.verified())
        self._set_ticks(lambda key: key not in checked, keep_verified=True)

    # ---- internals ---------------------------------------------------------------------------

    def _apply_required(self) -> None:
        before = self.received()
        self._required = self._transaction.required_materials(self._values, self._applicant, self._today)
        required = {m.key for m in self._required}
        self._updating = True
        try:
            for key, row in self._rows.items():
                row.setVisible(key in required)
                if key not in required:
                    row.chk_received.setChecked(False)
        finally:
            self._updating = False
        self._after_change(before)

    def _set_ticks(self, wanted: Callable[[str], bool], *, keep_verified: bool = False) -> None:
        before = self.received()
        self._updating = True
        try:
            for material in self._required:
                row = self._rows[material.key]
                if keep_verified and row.chk_verified.isChecked():
                    continue
                row.chk_received.setChecked(wanted(material.key))
        finally:
            self._updating = False
        self._after_change(before)

    @Slot()
    def _on_toggled(self) -> None:
        if not self._updating:
            self._after_change(None)

    def _after_change(self, before: list[str] | None, *, force: bool = False) -> None:
        received = self.received()
        state = (tuple(received), tuple(self.verified()))
        self._show_summary()
        if before is None and state == self._emitted:
            return  # the second half of one click (received and checked exclude each other)
        if before is None or force or received != before:
            self._emitted = state
            self.received_changed.emit(received)

    def _show_summary(self) -> None:
        total, received, checked = len(self._required), len(self.received()), len(self.verified())
        if checked:
            text = self.tr("已收 %1 · 核验 %2 / %3 项").replace("%2", str(checked))
        else:
            text = self.tr("已收 %1 / %3 项")
        self.lbl_summary.setText(text.replace("%1", str(received)).replace("%3", str(total)))
        self.btn_all_received.setEnabled(bool(self.missing()))
