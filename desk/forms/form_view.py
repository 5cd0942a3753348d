"""`TransactionForm`: the form for one catalog transaction, built from its fields, kept in step with its rules.

The form asks the `Transaction` every question (which fields are shown, what is wrong, whether the
applicant is eligible) and only shows the answers, so it cannot disagree with the services or the
kiosk. A field whose `when` condition does not hold is greyed in its place (not applicable, skipped by
Tab and Enter) rather than removed, so nothing moves under the pointer as conditions change; it keeps
what was typed into it, but `values()` and every decision ignore it (as the catalog format says).
A field whose condition reads only the applicant (监护人 when `applicant.age < 18`) cannot change while
the clerk types: it is left out for an applicant it does not concern.

Problems are shown beside a field once the clerk has edited it, and beside every field after
`show_all_problems()` (when the clerk presses 受理), so an empty form does not open covered in red.
Eligibility is shown in a box under the fields: each failed rule (✗, with the catalog's reason),
each pending one (○, until the values it needs are filled), or "✓ 符合办理条件" once all hold.

Signals: `values_edited(dict)` at once on every change (for views that follow the form live, like
the materials checklist); `values_changed(dict)` debounced (~400 ms) for saving the draft;
`swipe_requested(field_key)` when a person field's 刷卡填入 is pressed (answer with `fill_person`).

Keyboard: Tab follows the form's order; Enter moves to the next field (from a person's name to
their ID number first); Enter on the last field moves on to whatever follows the form.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import EligibilityResult, FieldProblem, Transaction
from desk.domain.conditions import is_filled
from desk.forms.editor_base import HINT_COLOUR, PROBLEM_COLOUR, FieldEditor, is_chinese
from desk.forms.field_widgets import PersonEditor, create_editor

SAVE_DELAY_MS = 400
_PASSED_COLOUR = "#2e7d32"


class TransactionForm(QWidget):
    """The editable form of one transaction for one applicant on one day."""

    values_changed = Signal(dict)
    values_edited = Signal(dict)
    swipe_requested = Signal(str)

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
        self._editors: dict[str, FieldEditor] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._restoring = False
        self._visible: set[str] = set()
        # Rows greyed as not applicable (every row applies until the first refresh says otherwise).
        self._hidden_rows: set[str] = set()
        # Fields whose value comes from elsewhere (a bundle's shared fields): kept in values(), not shown.
        self._filled_elsewhere: set[str] = set()
        # Fields whose `when` reads only the applicant (监护人: `applicant.age < 18`): nothing the clerk types
        # changes them, so a row that does not apply is left out, not greyed (a 47-year-old was asked
        # for a guardian). Rows that follow the clerk's answers stay in place, greyed.
        self._by_applicant = {spec.key for spec in transaction.fields if spec.when is not None and not spec.when.names}
        self._rows_out: set[str] = set()

        # create
        self.lbl_legend = QLabel(self)
        self.scr_fields = QScrollArea(self)
        self.wdg_fields = QWidget()
        # Into the scroll area while still empty: setWidget() moves the widget into the viewport, and
        # moving a widget full of editors makes Qt work out every child's style again (half as long
        # as building them).
        self.scr_fields.setWidget(self.wdg_fields)
        self.lay_fields = QFormLayout()
        self.frm_eligibility = QFrame(self)
        self.lbl_eligibility_title = QLabel(self.frm_eligibility)
        self.lbl_eligibility = QLabel(self.frm_eligibility)
        self._save_timer = QTimer(self)
        for spec in transaction.fields:
            self._editors[spec.key] = create_editor(spec, language, today, self.wdg_fields)

        # configure
        self.lbl_legend.setText(self.tr("带 * 的为必填项"))
        self.lbl_legend.setStyleSheet(f"color: {HINT_COLOUR};")
        self.scr_fields.setWidgetResizable(True)
        self.scr_fields.setFrameShape(QFrame.Shape.NoFrame)
        self.scr_fields.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lay_fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.lay_fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lay_fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.lay_fields.setVerticalSpacing(10)
        self.lay_fields.setHorizontalSpacing(14)
        self.frm_eligibility.setFrameShape(QFrame.Shape.StyledPanel)
        self.frm_eligibility.setVisible(bool(transaction.rules))
        self.lbl_eligibility_title.setText(self.tr("办理条件"))
        font = self.lbl_eligibility_title.font()
        font.setBold(True)
        self.lbl_eligibility_title.setFont(font)
        self.lbl_eligibility.setTextFormat(Qt.TextFormat.RichText)
        self.lbl_eligibility.setWordWrap(True)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        # A caption sits level with its input (one line-edit high), not with the help text below it.
        line_height = QLineEdit().sizeHint().height()
        for editor in self._editors.values():
            editor.lbl_caption.setFixedHeight(line_height)
            editor.lbl_caption.show()

        # connect
        for key, editor in self._editors.items():
            editor.value_changed.connect(lambda _value, key=key: self._on_editor_changed(key))
            if isinstance(editor, PersonEditor):
                editor.swipe_requested.connect(self.swipe_requested)
            for widget in editor.focus_widgets():
                widget.installEventFilter(self)
        self._save_timer.timeout.connect(self._emit_values_changed)

        # assemble
        for editor in self._editors.values():
            self.lay_fields.addRow(editor.lbl_caption, editor)
        outer = QVBoxLayout(self.wdg_fields)
        outer.addLayout(self.lay_fields)
        # Spare height goes below the last field, not between the rows.
        outer.addStretch(1)
        box = QVBoxLayout(self.frm_eligibility)
        box.addWidget(self.lbl_eligibility_title)
        box.addWidget(self.lbl_eligibility)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_legend)
        layout.addWidget(self.scr_fields, 1)
        layout.addWidget(self.frm_eligibility)
        self._set_tab_order()
        self._refresh()

    # ---- what the screens call ---------------------------------------------------------------

    @property
    def transaction(self) -> Transaction:
        return self._transaction

    def editor(self, key: str) -> FieldEditor:
        return self._editors[key]

    def editors(self) -> dict[str, FieldEditor]:
        """Every field's editor, in catalog order (hidden ones included)."""
        return dict(self._editors)

    def visible_keys(self) -> list[str]:
        return [key for key in self._editors if key in self._visible]

    def values(self) -> dict[str, object]:
        """The values of the shown, filled fields, as a case stores them (person: {name, id_number})."""
        raw = self._raw_values()
        return {key: raw[key] for key in self.visible_keys() if is_filled(raw[key])}

    def set_values(self, values: Mapping[str, object]) -> None:
        """Show a saved draft: every field takes its value from `values` (missing keys empty it).

        Restoring is not editing: no field counts as touched and no draft save is scheduled.
        """
        self._restoring = True
        try:
            for key, editor in self._editors.items():
                editor.set_value(values.get(key))
        finally:
            self._restoring = False
        self._refresh()
        self.values_edited.emit(self.values())

    def fill_elsewhere(self, keys: set[str]) -> None:
        """Fields whose values another form asks for (a bundle's shared fields): their rows are not
        shown here, but their values (set with `set_values`) still count in `values` and `problems`."""
        for key in self._filled_elsewhere - set(keys):  # shown again here, unless its applicant says no
            self.lay_fields.setRowVisible(self._editors[key], key not in self._rows_out)
        self._filled_elsewhere = set(keys)
        for key in self._filled_elsewhere:
            self.lay_fields.setRowVisible(self._editors[key], False)
        self._refresh()

    def problems(self) -> list[FieldProblem]:
        """Every problem of the shown fields: the catalog's check, made stricter by the editors'
        own as-typed ID-number check (e.g. a birth date in the future or an unknown province)."""
        return self._problems(self._raw_values())

    def is_complete(self) -> bool:
        """True when no shown field has a problem (required ones filled, every value well formed)."""
        return not self.problems()

    def eligibility(self) -> EligibilityResult:
        return self._transaction.check_eligibility(self.values(), self._applicant, self._today)

    def show_all_problems(self) -> None:
        """Show the problems of every shown field, touched or not (the clerk pressed 受理)."""
        self._show_all = True
        self._refresh()
        first = next((p.key for p in self.problems()), None)
        if first is not None:
            self.scr_fields.ensureWidgetVisible(self._editors[first])

    def fill_person(self, field_key: str, name: str, id_number: str) -> None:
        """Fill a person field with what the card reader reported (counts as the clerk's edit)."""
        editor = self._editors.get(field_key)
        if not isinstance(editor, PersonEditor):
            raise KeyError(f"{field_key!r} is not a person field of {self._transaction.code}")
        editor.fill(name, id_number)

    def focused_person_key(self) -> str | None:
        """The person field the keyboard focus is in (a card placed now belongs to it), if any."""
        from PySide6.QtWidgets import QApplication

        focused = QApplication.focusWidget()
        for key, editor in self._editors.items():
            if isinstance(editor, PersonEditor) and focused is not None and editor.isAncestorOf(focused):
                return key
        return None

    def person_keys(self) -> list[str]:
        """The shown person fields, in catalog order."""
        return [key for key in self.visible_keys() if isinstance(self._editors[key], PersonEditor)]

    def set_applicant(self, applicant: ApplicantFacts) -> None:
        """The applicant's card was read (or changed): conditions on `applicant.*` are decided anew."""
        self._applicant = applicant
        self._refresh()
        self.values_edited.emit(self.values())

    def flush(self) -> None:
        """Emit a pending debounced `values_changed` now (before closing or switching case)."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._emit_values_changed()

    def focus_first_field(self) -> None:
        for key in self.visible_keys():
            self._editors[key].focus_widgets()[0].setFocus(Qt.FocusReason.TabFocusReason)
            return

    # ---- keyboard ----------------------------------------------------------------------------

    def show_whole(self) -> None:
        """No scrolling of its own: the form is as tall as its fields, for a screen that stacks several
        forms in one scrolling column (a “一件事” bundle's shared part above its members' forms) — two
        nested scroll areas left the last fields of each below a fold of their own. The height follows
        the fields (a person's card facts appear under the person once filled)."""
        self.scr_fields.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.wdg_fields.installEventFilter(self)
        self._fit_to_fields()

    def _fit_to_fields(self) -> None:
        self.scr_fields.setFixedHeight(self.wdg_fields.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.wdg_fields:
            if event.type() == QEvent.Type.LayoutRequest:
                self._fit_to_fields()  # the size hint is worked out anew from the changed layout
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and isinstance(watched, QWidget)
        ):
            self._focus_after(watched)
            return True
        return super().eventFilter(watched, event)

    def _focus_after(self, widget: QWidget) -> None:
        keys = self.visible_keys()
        owner = next((key for key in keys if widget in self._editors[key].focus_widgets()), None)
        if owner is None:
            return
        inside = self._editors[owner].focus_widgets()
        if isinstance(self._editors[owner], PersonEditor) and inside.index(widget) + 1 < len(inside):
            inside[inside.index(widget) + 1].setFocus(Qt.FocusReason.TabFocusReason)
            return
        following = keys[keys.index(owner) + 1:]
        if following:
            self._editors[following[0]].focus_widgets()[0].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.focusNextChild()

    def _set_tab_order(self) -> None:
        chain = [widget for editor in self._editors.values() for widget in editor.focus_widgets()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- keeping the form in step ------------------------------------------------------------

    def _raw_values(self) -> dict[str, object]:
        return {key: editor.value() for key, editor in self._editors.items()}

    def _problems(self, raw: Mapping[str, object]) -> list[FieldProblem]:
        checked = self._transaction.validate_values(raw, self._applicant, self._today)
        visible = {spec.key for spec in self._transaction.visible_fields(raw, self._applicant, self._today)}
        own = {key: problem for key, editor in self._editors.items()
               if key in visible and (problem := editor.own_problem()) is not None}
        merged = [own.pop(problem.key, problem) for problem in checked]
        # Editors' own findings on values the catalog accepts come after, in field order.
        merged.extend(own.values())
        return merged

    def _on_editor_changed(self, key: str) -> None:
        if self._restoring:
            return
        self._touched.add(key)
        self._refresh()
        self.values_edited.emit(self.values())
        self._save_timer.start()

    @Slot()
    def _emit_values_changed(self) -> None:
        self.values_changed.emit(self.values())

    def _refresh(self) -> None:
        raw = self._raw_values()
        visible = self._transaction.visible_fields(raw, self._applicant, self._today)
        self._visible = {spec.key for spec in visible}
        # A row whose condition does not hold stays in its place, greyed and out of the Tab chain: a row
        # appearing above the pointer would move the field the clerk is about to click (a date landed
        # in a name that way). Only rows whose state changes are touched (this runs on every keystroke).
        for key, editor in self._editors.items():
            if (key in self._visible) == (key in self._hidden_rows):
                editor.set_applicable(key in self._visible)
                self._hidden_rows.symmetric_difference_update({key})
            out = key in self._by_applicant and key not in self._visible
            if out != (key in self._rows_out):
                self._rows_out.symmetric_difference_update({key})
                if key not in self._filled_elsewhere:
                    self.lay_fields.setRowVisible(editor, not out)
        # A person field hidden because that person is the applicant (为本人开具 = 是) shows the applicant.
        the_applicant = self._transaction.applicant_fields(raw, self._applicant, self._today)
        for key, editor in self._editors.items():
            if isinstance(editor, PersonEditor):
                editor.set_is_applicant(key in the_applicant)
        by_key: dict[str, FieldProblem] = {}
        for problem in self._problems(raw):
            by_key.setdefault(problem.key, problem)
        zh = is_chinese(self._language)
        for key, editor in self._editors.items():
            found = by_key.get(key)
            shown = found is not None and (self._show_all or key in self._touched)
            editor.set_problem((found.message_zh if zh else found.message_en) if shown and found else None)
        self._show_eligibility()

    def _show_eligibility(self) -> None:
        """Failed rules in red, pending ones in grey; a rule that holds is not listed (its reason
        text is worded for failing: "未达法定婚龄…不能登记为已婚")."""
        if not self._transaction.rules:
            return
        result = self.eligibility()
        zh = is_chinese(self._language)
        if result.eligible:
            # Rules can all hold while required fields are still empty; say it is only so far.
            if self.is_complete():
                text = html.escape(self.tr("✓ 符合办理条件"))
            else:
                text = html.escape(self.tr("✓ 按已填写的信息，符合办理条件"))
            self.lbl_eligibility.setText(f'<span style="color:{_PASSED_COLOUR}">{text}</span>')
            return
        lines: list[str] = []
        for rule in result.failed:
            reason = html.escape(rule.reason_zh if zh else rule.reason_en)
            lines.append(f'<span style="color:{PROBLEM_COLOUR}">✗ {reason}</span>')
        waiting = html.escape(self.tr("（填写相关信息后判断）"))
        for rule in result.pending:
            reason = html.escape(rule.reason_zh if zh else rule.reason_en)
            lines.append(f'<span style="color:{HINT_COLOUR}">○ {reason}{waiting}</span>')
        self.lbl_eligibility.setText("<br>".join(lines))
