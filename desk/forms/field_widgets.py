"""One editor widget per catalog field type, all sharing the small `FieldEditor` interface (editor_base).

Every editor can stay unfilled (`value()` None), a date, a number and a yes/no included: a
required field is then reported by the form, not silently filled with a default.

Catalog labels, help texts and option labels are data, so they are chosen by the `language`
argument ("zh_CN" or "en"), not translated; the few texts of our own go through `self.tr()`.

Two editors check on their own as the clerk types (an ID number, a person's ID number); their
finding (`own_problem()`) wins over the form's message, being more precise ("校验码错误：…第18位应为 X").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QRegularExpressionValidator, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.catalog import FieldProblem, FieldSpec, FieldType
from desk.domain.errors import DeskError
from desk.domain.idnumber import InvalidIdNumber
from desk.forms.editor_base import FieldEditor, em_width, problem_of
from desk.forms.inputs import (
    ComboBox,
    DateEdit,
    DoubleSpinBox,
    IdNumberEdit,
    SingleParagraphEdit,
    SpinBox,
)

# A QDateEdit cannot be empty; its minimum date stands for "not filled" and shows a special text.
_EMPTY_DATE = QDate(1800, 1, 1)


class TextEditor(FieldEditor):
    """`text`: one line, at most `max_length` characters."""

    def __init__(self, spec: FieldSpec, language: str = "zh_CN", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, language, today, parent)
        self.edt_text = QLineEdit(self)
        if spec.max_length:
            self.edt_text.setMaxLength(spec.max_length)
        width = min(max(spec.max_length or 30, 8), 30) + 2
        self.edt_text.setMaximumWidth(em_width(self.edt_text, width))
        self.edt_text.textChanged.connect(self._emit_if_changed)
        self._set_body(self.edt_text)

    def value(self) -> object | None:
        return self.edt_text.text().strip() or None

    def set_value(self, value: object | None) -> None:
        self.edt_text.setText("" if value is None else str(value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.edt_text]


class AddressEditor(FieldEditor):
    """`address`: a two-line wrapped box (addresses are long), one paragraph, at most `max_length`."""

    def __init__(self, spec: FieldSpec, language: str = "zh_CN", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, language, today, parent)
        self.edt_address = SingleParagraphEdit(spec.max_length, lines=2, parent=self)
        self.edt_address.setMaximumWidth(em_width(self.edt_address, 32))
        self.edt_address.textChanged.connect(self._emit_if_changed)
        self._set_body(self.edt_address)

    def value(self) -> object | None:
        return self.edt_address.text().strip() or None

    def set_value(self, value: object | None) -> None:
        self.edt_address.setPlainText("" if value is None else str(value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.edt_address]


class DateEditor(FieldEditor):
    """`date`: a date box with a calendar (opening at today's month while empty); empty until filled
    (a special "未填写" state); ISO value."""

    def __init__(self, spec: FieldSpec, language: str = "zh_CN", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, language, today, parent)
        body = QWidget(self)
        self.edt_date = DateEdit(_EMPTY_DATE, self._today, body)
        self.btn_clear = QToolButton(body)

        self.edt_date.setCalendarPopup(True)
        self.edt_date.setDisplayFormat("yyyy-MM-dd")
        self.edt_date.setSpecialValueText(self.tr("未填写"))
        self.edt_date.setMinimumWidth(em_width(self.edt_date, 7))
        self.btn_clear.setText("×")
        self.btn_clear.setToolTip(self.tr("清除日期（键盘：Delete）"))
        self.btn_clear.setAutoRaise(True)
        # Tab goes from field to field; the clear button is for the mouse.
        self.btn_clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.btn_clear.hide()

        self.edt_date.dateChanged.connect(self._on_date_changed)
        self.edt_date.unreadable_changed.connect(self._update_problem_label)
        self.edt_date.unreadable_changed.connect(self.value_changed_by_problem)
        self.btn_clear.clicked.connect(self.clear)

        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edt_date)
        row.addWidget(self.btn_clear)
        row.addStretch(1)
        self._set_body(body)

    def value(self) -> object | None:
        picked = self.edt_date.date()
        if picked == _EMPTY_DATE:
            return None
        return date(picked.year(), picked.month(), picked.day()).isoformat()

    def set_value(self, value: object | None) -> None:
        shown = _EMPTY_DATE
        if isinstance(value, date):
            shown = QDate(value.year, value.month, value.day)
        elif isinstance(value, str) and value.strip():
            try:
                parsed = date.fromisoformat(value.strip())
            except ValueError:
                parsed = None  # a broken draft value cannot be shown; the field stays empty
            if parsed is not None:
                shown = QDate(parsed.year, parsed.month, parsed.day)
        self.edt_date.setDate(shown if shown >= _EMPTY_DATE else _EMPTY_DATE)

    def focus_widgets(self) -> list[QWidget]:
        return [self.edt_date]

    def own_problem(self) -> FieldProblem | None:
        return self._live_problem()

    def _live_error(self) -> DeskError | None:
        return self.edt_date.unreadable

    @Slot()
    def value_changed_by_problem(self) -> None:
        """An unreadable date is news for the form (its problems changed) even if the value did not."""
        if self.edt_date.unreadable is not None:
            self.value_changed.emit(self.value())

    @Slot()
    def _on_date_changed(self) -> None:
        self.btn_clear.setVisible(not self.is_empty())
        self._emit_if_changed()


class IdNumberEditor(FieldEditor):
    """`id_number`: checked as typed; shows 出生日期 / 性别 / 地区 when the number is valid."""

    def __init__(self, spec: FieldSpec, language: str = "zh_CN", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, language, today, parent)
        body = QWidget(self)
        self.edt_id_number = IdNumberEdit(language, self._today, body)
        self.lbl_id_facts = self.edt_id_number.lbl_facts
        self.edt_id_number.textChanged.connect(self._emit_if_changed)
        self.edt_id_number.problem_changed.connect(self._update_problem_label)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.edt_id_number)
        column.addWidget(self.lbl_id_facts)
        self._set_body(body)

    def value(self) -> object | None:
        return self.edt_id_number.text() or None

    def set_value(self, value: object | None) -> None:
        self.edt_id_number.set_number("" if value is None else str(value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.edt_id_number]

    def own_problem(self) -> FieldProblem | None:
        return self._live_problem()

    def _live_error(self) -> InvalidIdNumber | None:
        return self.edt_id_number.problem()


class EnumEditor(FieldEditor):
    """`enum`: a drop-down list with a "请选择" entry that means empty."""

    def __init__(self, spec: FieldSpec, language: str = "zh_CN", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, language, today, parent)
        body = QWidget(self)
        self.cmb_choice = ComboBox(body)
        self.cmb_choice.addItem(self.tr("请选择"), None)
        for option in spec.options:
            self.cmb_choice.addItem(self.pick(option.label_zh, option.label_en) or option.value, option.value)
        self.cmb_choice.setSizeAdjustPolicy(ComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cmb_choice.setMinimumWidth(em_width(self.cmb_choice, 8))
        self.cmb_choice.currentIndexChanged.connect(self._emit_if_changed)
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.cmb_choice)
        row.addStretch(1)
        self._set_body(body)

    def value(self) -> object | None:
        return self.cmb_choice.currentData()

    def set_value(self, value: object | None) -> None:
        index = self.cmb_choice.findData(value) if value is not None else 0
        self.cmb_choice.setCurrentIndex(max(index, 0))

    def focus_widgets(self) -> list[QWidget]:
        return [self.cmb_choice]


class PhoneEditor(FieldEditor):
    """`phone`: digits, and a "-" after a landline's area code."""

    def __init__(self, spec: FieldSpec, language: str = "zh_CN", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, language, today, parent)
        self.edt_phone = QLineEdit(self)
        self.edt_phone.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,4}-?[0-9]{0,11}"),
                                                                self.edt_phone))
        self.edt_phone.setMaxLength(13)
        self.edt_phone.setPlaceholderText(self.tr("手机号码或“区号-号码”"))
        self.edt_phone.setMaximumWidth(em_width(self.edt_phone, 12))
        self.edt_phone.textChanged.connect(self._emit_if_changed)
        self._set_body(self.edt_phone)

    def value(self) -> object | None:
        return self.edt_phone.text().strip() or None

    def set_value(self, value: object | None) -> None:
        self.edt_phone.setText("" if value is None else str(value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.edt_phone]


class NumberEditor(FieldEditor):
    """`number`: a spin box within min/max; one step below the minimum stands for "not filled"."""

    _UNBOUNDED = 999_999

    def __init__(self, spec: FieldSpec, language: str = "zh_CN", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, language, today, parent)
        low = spec.min_value if spec.min_value is not None else -self._UNBOUNDED
        high = spec.max_value if spec.max_value is not None else self._UNBOUNDED
        self._integral = float(low).is_integer() and float(high).is_integer()
        body = QWidget(self)
        self.spn_number: SpinBox | DoubleSpinBox
        if self._integral:
            self.spn_number = SpinBox(body)
            self.spn_number.setRange(int(low) - 1, int(high))
        else:
            self.spn_number = DoubleSpinBox(body)
            self.spn_number.setDecimals(2)
            self.spn_number.setRange(low - 1, high)
        self.spn_number.setSpecialValueText(self.tr("未填写"))
        self._set_empty()
        self.spn_number.setMinimumWidth(em_width(self.spn_number, 6))
        self.spn_number.valueChanged.connect(self._emit_if_changed)
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.spn_number)
        row.addStretch(1)
        self._set_body(body)

    def _set_empty(self) -> None:
        """The box's minimum shows the special text "未填写" (narrowed per box type for the checker)."""
        if isinstance(self.spn_number, SpinBox):
            self.spn_number.setValue(self.spn_number.minimum())
        else:
            self.spn_number.setValue(self.spn_number.minimum())

    def value(self) -> object | None:
        number = self.spn_number.value()
        if number == self.spn_number.minimum():
            return None
        return int(number) if self._integral else float(number)

    def set_value(self, value: object | None) -> None:
        number: float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                number = None
        if number is None or number < self.spn_number.minimum() + (1 if self._integral else 0):
            self._set_empty()
        elif isinstance(self.spn_number, SpinBox):
            self.spn_number.setValue(round(number))
        else:
            self.spn_number.setValue(number)

    def focus_widgets(self) -> list[QWidget]:
        return [self.spn_number]


class BoolEditor(FieldEditor):
    """`bool`: two radio buttons 是 / 否, neither checked until the clerk answers."""

    def __init__(self, spec: FieldSpec, language: str = "zh_CN", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, language, today, parent)
        body = QWidget(self)
        self.rdo_yes = QRadioButton(self.tr("是"), body)
        self.rdo_no = QRadioButton(self.tr("否"), body)
        self._group = QButtonGroup(self)
        self._group.addButton(self.rdo_yes)
        self._group.addButton(self.rdo_no)
        self._group.buttonToggled.connect(self._emit_if_changed)
        for button in (self.rdo_yes, self.rdo_no):
            button.installEventFilter(self)
            button.setToolTip(self.tr("键盘：Y 为“是”，N 为“否”"))
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(em_width(self, 1.5))
        row.addWidget(self.rdo_yes)
        row.addWidget(self.rdo_no)
        row.addStretch(1)
        self._set_body(body)

    def value(self) -> object | None:
        if self.rdo_yes.isChecked():
            return True
        if self.rdo_no.isChecked():
            return False
        return None

    def set_value(self, value: object | None) -> None:
        if value is None or not isinstance(value, bool):
            # An exclusive group cannot be emptied; lift the rule for the moment of clearing.
            self._group.setExclusive(False)
            self.rdo_yes.setChecked(False)
            self.rdo_no.setChecked(False)
            self._group.setExclusive(True)
        else:
            (self.rdo_yes if value else self.rdo_no).setChecked(True)

    def focus_widgets(self) -> list[QWidget]:
        return [self.rdo_yes, self.rdo_no]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Y answers 是, N answers 否 from either radio button (Tab reaches only one of them). Digits
        are not answers: a phone number typed into a row that just appeared must not tick 是."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            answer = {Qt.Key.Key_Y: True, Qt.Key.Key_N: False}.get(
                Qt.Key(event.key()))
            if answer is not None and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                                               | Qt.KeyboardModifier.AltModifier):
                button = self.rdo_yes if answer else self.rdo_no
                button.setChecked(True)
                button.setFocus()
                return True
        return super().eventFilter(watched, event)


class PersonEditor(FieldEditor):
    """`person`: name and ID number of a related person, typed or filled by swiping their card.

    `swipe_requested(field_key)` asks the screen to read a card; the screen answers with `fill()`
    (through `TransactionForm.fill_person`). The value is `{name, id_number}` (plus any other keys a
    restored value had, e.g. `relationship`), or None when both are empty.
    """

    swipe_requested = Signal(str)

    def __init__(self, spec: FieldSpec, language: str = "zh_CN", today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(spec, language, today, parent)
        self._extra: dict[str, object] = {}
        # While the field does not apply because the person IS the applicant (the catalog's
        # `applicant_when`: 为本人开具 = 是) the boxes show the applicant, greyed; what was typed is kept
        # here and comes back when the field applies again.
        self._standing_in = False
        self._is_applicant = False
        self._kept: object | None = None
        body = QWidget(self)
        self.edt_name = QLineEdit(body)
        self.edt_id_number = IdNumberEdit(language, self._today, body)
        self.lbl_id_facts = self.edt_id_number.lbl_facts
        self.btn_swipe = QPushButton(self.tr("刷卡填入"), body)
        self.btn_applicant = QPushButton(self.tr("即申请人"), body)
        self.lbl_same_person = QLabel(self.tr("不适用：即申请人本人"), body)
        # The buttons sit beside the number, or on a line of their own under it when the row is too
        # narrow for them (English at 1366×768: “Is the applicant” was cut at the materials' column and
        # 刷卡填入 lay over the number).
        self.wdg_actions = QWidget(body)
        self._actions_under = False
        self.lbl_same_person.setObjectName("not_applicable")
        self.lbl_same_person.hide()

        self.edt_name.setPlaceholderText(self.tr("姓名"))
        self.edt_name.setMaxLength(40)
        self.edt_name.setFixedWidth(em_width(self.edt_name, 7))
        self.btn_swipe.setToolTip(self.tr("在读卡器上刷此人的身份证，自动填入姓名和号码（光标在此栏时直接刷卡亦可）"))
        self.btn_swipe.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.btn_applicant.setToolTip(self.tr("此人就是申请人：填入申请人的姓名和号码（F6）"))
        self.btn_applicant.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.btn_applicant.hide()  # shown by the form when the applicant is known
        for button in (self.btn_swipe, self.btn_applicant):  # the text is never clipped ("刷卡填…")
            button.setMinimumWidth(button.sizeHint().width())
        # As tall as the buttons it stands in for: the rows below do not move when 为本人开具 changes.
        self.lbl_same_person.setMinimumHeight(self.btn_swipe.sizeHint().height())

        self.edt_name.textChanged.connect(self._emit_if_changed)
        self.edt_name.textChanged.connect(self._update_problem_label)
        self.edt_id_number.textChanged.connect(self._emit_if_changed)
        self.edt_id_number.problem_changed.connect(self._update_problem_label)
        self.btn_swipe.clicked.connect(self._on_swipe_clicked)
        self.btn_applicant.clicked.connect(self.fill_applicant)
        self._applicant: tuple[str, str] | None = None
        # F6 in the name or number: this person is the applicant.
        for edit in (self.edt_name, self.edt_id_number):
            shortcut = QShortcut(QKeySequence("F6"), edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.fill_applicant)

        actions = QHBoxLayout(self.wdg_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(6)
        actions.addWidget(self.btn_swipe)
        actions.addWidget(self.btn_applicant)
        actions.addWidget(self.lbl_same_person)
        self._lay_row = QHBoxLayout()
        self._lay_row.setContentsMargins(0, 0, 0, 0)
        self._lay_row.setSpacing(6)
        self._lay_row.addWidget(self.edt_name)
        self._lay_row.addWidget(self.edt_id_number)
        self._lay_row.addWidget(self.wdg_actions)
        self._lay_row.addStretch(1)
        facts = QHBoxLayout()
        # The facts (and the buttons, when they are put under the number) start under the ID number.
        indent = self.edt_name.maximumWidth() + self._lay_row.spacing()
        facts.setContentsMargins(indent, 0, 0, 0)
        facts.addWidget(self.lbl_id_facts)
        self._lay_under = QHBoxLayout()
        self._lay_under.setContentsMargins(indent, 0, 0, 0)
        self._lay_under.addStretch(1)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(self._lay_row)
        # Buttons put under the number sit right under it; the facts' line (its room kept while empty)
        # comes last — it lay between, an empty line parting the number from its buttons (English).
        column.addLayout(self._lay_under)
        column.addLayout(facts)
        self._set_body(body)

    def value(self) -> object | None:
        if self._standing_in:
            return self._kept
        return self._shown_value()

    def _shown_value(self) -> object | None:
        name = self.edt_name.text().strip()
        number = self.edt_id_number.text()
        if not name and not number:
            return None
        return {**self._extra, "name": name, "id_number": number}

    def set_value(self, value: object | None) -> None:
        if self._standing_in:  # a restored draft while the boxes show the applicant: kept for later
            self._kept = value
            self._emit_if_changed()
            return
        self._show(value)
        self._emit_if_changed()

    def set_is_applicant(self, same: bool) -> None:
        """The form's answers say this person is the applicant (the field is then also not applicable)."""
        self._is_applicant = same
        self._update_stand_in()

    def _update_stand_in(self) -> None:
        stand_in = self._is_applicant and self._applicant is not None
        if stand_in == self._standing_in:
            return
        if stand_in:
            self._kept = self._shown_value()
            self._standing_in = True
            self._show({"name": self._applicant[0], "id_number": self._applicant[1]} if self._applicant else None)
        else:
            self._standing_in = False
            self._show(self._kept)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.btn_swipe.setVisible(not self._standing_in)
        self.btn_applicant.setVisible(self._applicant is not None and not self._standing_in)
        self.lbl_same_person.setVisible(self._standing_in)
        self._place_actions()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_actions()

    def one_line_width(self) -> int:
        """The width name, number and buttons need side by side."""
        spacing = self._lay_row.spacing()
        return (self.edt_name.width() + spacing + self.edt_id_number.minimumWidth() + spacing
                + self.wdg_actions.sizeHint().width())

    def actions_under(self) -> bool:
        """True while the buttons are on their own line under the number (the row is too narrow)."""
        return self._actions_under

    def _place_actions(self) -> None:
        # Judged on the width given, not the minimum: a row wider than its room is squeezed, then clipped.
        under = self.width() < self.one_line_width()
        if under == self._actions_under:
            return
        self._actions_under = under
        if under:
            self._lay_row.removeWidget(self.wdg_actions)
            self._lay_under.insertWidget(0, self.wdg_actions)
        else:
            self._lay_under.removeWidget(self.wdg_actions)
            self._lay_row.insertWidget(2, self.wdg_actions)

    def _show(self, value: object | None) -> None:
        """Put `value` in the boxes without telling anyone (value() decides what the field holds)."""
        if isinstance(value, Mapping):
            self._extra = {k: v for k, v in value.items() if k not in ("name", "id_number")}
            name, number = value.get("name"), value.get("id_number")
        else:
            self._extra, name, number = {}, None, None
        self._quiet = True
        try:
            self.edt_name.setText(name if isinstance(name, str) else "")
            self.edt_id_number.set_number(number if isinstance(number, str) else "")
        finally:
            self._quiet = False

    def fill(self, name: str, id_number: str) -> None:
        """Fill in what the card reader reported."""
        self.set_value({**self._extra, "name": name, "id_number": id_number})

    def set_applicant(self, name: str, id_number: str) -> None:
        """The applicant (whose card was read): offer "即申请人" (button, F6) to fill them in here."""
        self._applicant = (name, id_number) if name and id_number else None
        if self._standing_in and self._applicant is not None:  # another applicant: show them instead
            self._show({"name": name, "id_number": id_number})
        self._update_stand_in()
        self._update_buttons()

    @Slot()
    def fill_applicant(self) -> None:
        if self._applicant is not None:
            self.fill(*self._applicant)

    def focus_widgets(self) -> list[QWidget]:
        return [self.edt_name, self.edt_id_number]

    def own_problem(self) -> FieldProblem | None:
        if (error := self._name_error()) is not None:
            return problem_of(self.spec, error, "word.name_part")
        return self._live_problem("word.id_number_part")

    def _live_error(self) -> DeskError | None:
        return self._name_error() or self.edt_id_number.problem()

    def _name_error(self) -> DeskError | None:
        """A name with digits in it is a date or number typed into the wrong box ("刘建国20190520")."""
        if any(char.isdigit() for char in self.edt_name.text()):
            return DeskError.say("form.name_has_digits")
        return None

    @Slot()
    def _on_swipe_clicked(self) -> None:
        self.swipe_requested.emit(self.key)


EDITOR_CLASSES: dict[FieldType, type[FieldEditor]] = {
    FieldType.TEXT: TextEditor,
    FieldType.ADDRESS: AddressEditor,
    FieldType.DATE: DateEditor,
    FieldType.ID_NUMBER: IdNumberEditor,
    FieldType.ENUM: EnumEditor,
    FieldType.PHONE: PhoneEditor,
    FieldType.NUMBER: NumberEditor,
    FieldType.BOOL: BoolEditor,
    FieldType.PERSON: PersonEditor,
}


def create_editor(
    spec: FieldSpec, language: str = "zh_CN", today: date | None = None, parent: QWidget | None = None
) -> FieldEditor:
    """The editor for a field's type."""
    return EDITOR_CLASSES[spec.type](spec, language, today, parent)
