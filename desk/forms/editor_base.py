"""The part every field editor shares: caption, help line, problem line, and the value interface.

An editor shows one `FieldSpec`: a caption (`lbl_caption`, with a red "*" when required) that the
caller places (the form puts it in the label column of a QFormLayout), the input, the field's help
line and a red problem line under it. `value()` returns the value as the catalog stores it (None
means empty); `set_value(v)` shows one; `value_changed(value)` fires on every real change, whoever
made it. The editors themselves, one per field type, are in `desk.forms.field_widgets`.
"""

from __future__ import annotations

import html
import math
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desk.domain.catalog import FieldProblem, FieldSpec
from desk.domain.errors import DeskError
from desk.domain.messages import Said, Term

PROBLEM_COLOUR = "#c0392b"
HINT_COLOUR = "#6b6b6b"


def is_chinese(language: str) -> bool:
    return language.startswith("zh")


def show_coloured(label: QLabel, visible: bool, colour: str) -> None:
    """Show (or hide) a label drawn in `colour`, giving it its style sheet the first time it shows: a
    widget with a style sheet of its own costs Qt extra work when it is built and polished, and most
    such labels of a form (a field's problem, a number's facts) are never shown."""
    if visible and not label.styleSheet():
        label.setStyleSheet(f"color: {colour};")
    label.setVisible(visible)


def em_width(widget: QWidget, count: float) -> int:
    """Width of `count` CJK characters in the widget's font: how wide a box for that many should be."""
    return math.ceil(QFontMetrics(widget.font()).horizontalAdvance("中") * count)


class _Caption(QLabel):
    """A field's caption in the form's label column: wraps at its maximum width and asks for the
    height of every line it wraps to (a form row is otherwise only as tall as its field)."""

    def event(self, event: QEvent) -> bool:
        # The font (hence the lines) is final only once the style sheet is applied: measure then.
        if event.type() in (QEvent.Type.Polish, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
        return super().event(event)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        width = QFontMetrics(self.font()).horizontalAdvance("字" * 9)
        self.setMaximumWidth(width)
        self.setMinimumHeight(max(0, self.heightForWidth(width)))


class FieldEditor(QWidget):
    """The common part of every field editor. Subclasses build the input and implement the value."""

    value_changed = Signal(object)

    def __init__(
        self, spec: FieldSpec, language: str = "zh_CN", today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._spec = spec
        self._language = language
        self._today = today or date.today()
        self._form_problem: str | None = None
        self._last_value: object | None = None
        self._quiet = False  # while a multi-part value is being set: one value_changed at the end

        self.lbl_caption = _Caption(self)
        self.lbl_help = QLabel(self)
        self.lbl_problem = QLabel(self)

        caption = html.escape(self.pick(spec.label_zh, spec.label_en) or "", quote=False)
        # Greyed, without the red "required" star — but keeping the star's room: a star appearing when the
        # field applies widened the label column and moved every input ~10 px under the clerk's click.
        self._caption_not_applicable = caption
        if spec.required:
            self._caption_not_applicable += '<span style="color:transparent">&nbsp;*</span>'
            caption += f'<span style="color:{PROBLEM_COLOUR}">&nbsp;*</span>'
        self._caption = caption
        self.lbl_caption.setText(caption)
        self.lbl_caption.setTextFormat(Qt.TextFormat.RichText)
        self.lbl_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # A long caption (住所位于房屋征收（拆迁）冻结范围内) wraps instead of widening the whole label
        # column, which squeezed every field and cut off 刷卡填入 and the ID facts at 1366×768.
        self.lbl_caption.setWordWrap(True)
        help_text = self.pick(spec.help_zh, spec.help_en)
        self.lbl_help.setText(help_text or "")
        self.lbl_help.setWordWrap(True)
        show_coloured(self.lbl_help, bool(help_text), HINT_COLOUR)
        self.lbl_problem.setWordWrap(True)
        self.lbl_problem.hide()  # coloured when it first shows (_update_problem_label)
        # The caption is placed by the caller (the form's label column); it still belongs to us.
        self.lbl_caption.hide()

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.lbl_help)
        self._layout.addWidget(self.lbl_problem)

    # ---- the interface the form and the screens use ------------------------------------------

    def set_applicable(self, applies: bool) -> None:
        """Greyed in place when the field's condition does not hold (the row keeps its height)."""
        self.setEnabled(applies)
        self.lbl_caption.setEnabled(applies)  # the form's label column holds it, not this widget
        self.lbl_caption.setText(self._caption if applies else self._caption_not_applicable)
        self.setToolTip("" if applies else self.tr("此项当前不适用（取决于前面的选择）"))

    @property
    def spec(self) -> FieldSpec:
        return self._spec

    @property
    def key(self) -> str:
        return self._spec.key

    def value(self) -> object | None:
        """The value as stored in a case, or None when empty."""
        raise NotImplementedError

    def set_value(self, value: object | None) -> None:
        """Show `value` (None empties the field); value_changed fires if it differs from the shown one."""
        raise NotImplementedError

    def clear(self) -> None:
        self.set_value(None)

    def is_empty(self) -> bool:
        return self.value() is None

    def focus_widgets(self) -> list[QWidget]:
        """The inputs that take keyboard focus, in tab order."""
        raise NotImplementedError

    def set_problem(self, text: str | None) -> None:
        """Show the form's message for this field under it (None hides it).

        A leading "<label>：" (as in the catalog's messages) is dropped: beside the field it is redundant.
        """
        label = self.pick(self._spec.label_zh, self._spec.label_en) or ""
        self._form_problem = without_label(text, label) if text else None
        self._update_problem_label()

    def own_problem(self) -> FieldProblem | None:
        """What the editor itself found wrong while the clerk typed (stricter than the catalog check)."""
        return None

    def problem_text(self) -> str | None:
        """The message shown under the field right now."""
        return self.lbl_problem.text() if self.lbl_problem.isVisibleTo(self) else None

    def pick(self, zh: str | None, en: str | None) -> str | None:
        """The catalog text for the UI language (Chinese when no English is given)."""
        return zh if is_chinese(self._language) or not en else en

    # ---- for subclasses ----------------------------------------------------------------------

    def _set_body(self, body: QWidget) -> None:
        """Put the input above the help and problem lines; the caption's buddy is its first input."""
        self._layout.insertWidget(0, body)
        first = self.focus_widgets()[0]
        self.setFocusProxy(first)
        self.lbl_caption.setBuddy(first)
        self._last_value = self.value()

    @Slot()
    def _emit_if_changed(self) -> None:
        if self._quiet:
            return
        value = self.value()
        if value != self._last_value:
            self._last_value = value
            self.value_changed.emit(value)

    def _live_error(self) -> DeskError | None:
        """Subclasses that check as the clerk types return their current finding here."""
        return None

    def _update_problem_label(self) -> None:
        error = self._live_error()
        if error is not None:
            text: str | None = error.message_zh if is_chinese(self._language) else error.message_en
        else:
            text = self._form_problem
        self.lbl_problem.setText(text or "")
        show_coloured(self.lbl_problem, bool(text), PROBLEM_COLOUR)

    def _live_problem(self, part: str | None = None) -> FieldProblem | None:
        """The live finding as a FieldProblem, named like the catalog's ("母亲身份证号码：…"); `part` is the
        key of the words naming the part of the field it is about ("word.id_number_part")."""
        error = self._live_error()
        if error is None:
            return None
        return problem_of(self._spec, error, part)


def problem_of(spec: FieldSpec, error: DeskError, part: str | None = None) -> FieldProblem:
    """A field's (or one part's) problem that an error found, said with the field's label."""
    found = Said(error.message_key, error.params) if error.message_key is not None else \
        Said("desk.unexpected", {"kind": type(error).__name__})
    if part is None:
        return FieldProblem(spec.key, "field.labelled", {"label": spec.label, "problem": found})
    return FieldProblem(spec.key, "field.labelled_part", {"label": spec.label, "part": Term(part), "problem": found})


def without_label(message: str, label: str) -> str:
    """Beside the field its own name is redundant: "出生日期：不是有效日期。" → "不是有效日期。"."""
    for separator in ("：", ": "):
        prefix = f"{label}{separator}"
        if label and message.startswith(prefix):
            return message[len(prefix):]
    return message
