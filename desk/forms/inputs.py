"""Small input widgets the field editors are made of, each fixing one annoyance of the stock Qt widget.

- `ComboBox`, `SpinBox`, `DoubleSpinBox`, `DateEdit` ignore the mouse wheel unless they have focus:
  a clerk scrolling a long form must not change a choice or a number by passing over it.
- `SingleParagraphEdit` is a two-line text box for addresses that never holds a line break (Enter
  belongs to the form: it moves to the next field) and keeps to a maximum length.
- `IdNumberEdit` is a line edit that checks an ID number as it is typed with `desk.domain.idnumber`
  and says what the number tells (birth date, sex, region) in a grey line.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QMimeData, Qt, Signal, Slot
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCursor,
    QValidator,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from desk.domain.idnumber import IdKind, IdNumberInfo, InvalidIdNumber, normalise_id_text, parse_id_number
from desk.domain.typed_dates import SEPARATORS, UnreadableDate, finish_typed_date, read_typed_date
from desk.forms.editor_base import HINT_COLOUR, show_coloured

ID_LENGTH = 18


class _WheelOnlyWhenFocused:
    """Mixin: pass wheel events on to the scroll area unless the widget has keyboard focus."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()


class ComboBox(_WheelOnlyWhenFocused, QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class _TypeOverEmpty:
    """Mixin for spin boxes whose minimum means "not filled" (shown as the special value text).

    Qt would append a typed digit to the special text ("未填写3"); clear it first instead. And a
    box the clerk empties stays empty (Qt would put the previous number back on leaving it).
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.value() == self.minimum() and event.text() and event.text() in "0123456789-.":  # type: ignore[attr-defined]
            self.lineEdit().clear()  # type: ignore[attr-defined]
        super().keyPressEvent(event)  # type: ignore[misc]

    def validate(self, text: str, pos: int) -> object:
        if not text.strip():
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)  # type: ignore[misc]

    def valueFromText(self, text: str) -> float:
        if not text.strip():
            return self.minimum()  # type: ignore[attr-defined, no-any-return]
        return super().valueFromText(text)  # type: ignore[misc, no-any-return]


# The mixin serves integer and decimal boxes alike, so its valueFromText/validate are typed for both;
# the stubs' per-class signatures (int vs float, the validator's tuple) cannot say that.
class SpinBox(_TypeOverEmpty, _WheelOnlyWhenFocused, QSpinBox):  # type: ignore[misc]
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class DoubleSpinBox(_TypeOverEmpty, _WheelOnlyWhenFocused, QDoubleSpinBox):  # type: ignore[misc]
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class DateEdit(_WheelOnlyWhenFocused, QDateEdit):
    """A date box that can be empty: its minimum date means "not filled" and shows the special text.

    Typing a digit starts a new date over whatever is shown, read the usual ways
    (`desk.domain.typed_dates`: 2026-11-28, 2026.11.28, 2026年11月28日, 20261128, 2026-1-5); the text
    stays as typed until the clerk leaves the field, and what cannot be read is flagged
    (`unreadable`, `unreadable_changed`) and leaves the field empty rather than a guessed date. The
    arrow keys and the wheel start at `today`, Delete on a fully selected date empties it again,
    and the calendar pop-up opens at today's month (not at January 1800).
    """

    unreadable_changed = Signal()

    def __init__(self, empty_date: QDate, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = QDate(today.year, today.month, today.day)
        self._typed: str | None = None  # what the clerk is typing, until they leave the field
        self.unreadable: UnreadableDate | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumDate(empty_date)
        self.setDate(empty_date)

    def is_empty(self) -> bool:
        return self.date() == self.minimumDate()

    def set_empty(self) -> None:
        self.setDate(self.minimumDate())

    def focusNextPrevChild(self, forward: bool) -> bool:
        # QDateEdit moves between its year/month/day sections on Tab; at a front desk Tab means
        # "next field" everywhere (the digits already move from section to section).
        return QWidget.focusNextPrevChild(self, forward)

    def stepBy(self, steps: int) -> None:
        if self.is_empty():
            self.setDate(self._today)
            self.setSelectedSection(QDateEdit.Section.DaySection)
            return
        super().stepBy(steps)

    def typed_text(self) -> str | None:
        return self._typed

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if plain and len(text) == 1 and (text.isdigit() or (self._typed is not None and text in SEPARATORS)):
            self._typed = (self._typed or "") + text
            self._read_typed(final=False)
            return
        if self._typed is not None and event.key() == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
            self._read_typed(final=False)
            return
        if self._typed is not None:
            self._read_typed(final=True)
        if not self.is_empty() and (
            event.key() == Qt.Key.Key_Delete
            or (event.key() == Qt.Key.Key_Backspace and self.lineEdit().selectedText() == self.lineEdit().text())
        ):
            self.set_empty()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._typed is not None:
            self._read_typed(final=True)
        super().focusOutEvent(event)

    def _read_typed(self, *, final: bool) -> None:
        typed = self._typed or ""
        try:
            found = finish_typed_date(typed) if final else read_typed_date(typed)
            problem = None
        except UnreadableDate as error:
            found, problem = None, error
        if found is not None:
            self.setDate(QDate(found.year, found.month, found.day))
        elif final:
            self.set_empty()  # nothing guessed: an unreadable date leaves the field empty, flagged
        if final:
            self._typed = None
        else:
            self.lineEdit().setText(typed)  # shown as typed until the clerk leaves the field
        self._set_unreadable(problem if (final or problem is not None) else None)

    def _set_unreadable(self, problem: UnreadableDate | None) -> None:
        if problem is None and self.unreadable is None:
            return
        self.unreadable = problem
        self.unreadable_changed.emit()

    def setDate(self, value: QDate) -> None:  # type: ignore[override]
        if self._typed is None and self.unreadable is not None and value != self.minimumDate():
            self._set_unreadable(None)  # a date set from outside (a draft, the calendar) is readable
        super().setDate(value)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._calendar_at_today()  # a click on the arrow opens the calendar

    def _calendar_at_today(self) -> None:
        """When the click just opened the calendar of an empty date, show today's month in it.

        Qt builds the calendar when it first pops up (only a click opens it); asking for it earlier
        (for an event filter) would build one for every date field of a form, most never opened.
        """
        popup = QApplication.activePopupWidget()
        if popup is not None and popup.parent() is self and self.is_empty():
            self.calendarWidget().setCurrentPage(self._today.year(), self._today.month())


class SingleParagraphEdit(QPlainTextEdit):
    """A wrapped text box `lines` lines high; no line breaks, at most `max_length` characters."""

    def __init__(self, max_length: int | None = None, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_length = max_length
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = QFontMetrics(self.font())
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(metrics.lineSpacing() * lines + frame + 4)
        self.textChanged.connect(self._enforce_limits)

    def text(self) -> str:
        return self.toPlainText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # An address is one paragraph; Enter is left to the parent (the form moves on).
            event.ignore()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Pasted addresses often come with line breaks from a spreadsheet or a chat message.
        text = " ".join(source.text().split())
        self.insertPlainText(text)

    @Slot()
    def _enforce_limits(self) -> None:
        text = self.toPlainText()
        cleaned = " ".join(text.splitlines()) if ("\n" in text or "\u2029" in text) else text
        if self._max_length is not None and len(cleaned) > self._max_length:
            cleaned = cleaned[: self._max_length]
        if cleaned == text:
            return
        self.blockSignals(True)
        self.setPlainText(cleaned)
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.blockSignals(False)
        self.textChanged.emit()


class EllipsisLabel(QLabel):
    """One line that never widens its row: what does not fit ends in "…" and the tooltip holds it all.
    `text()` is the whole text, whatever is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._whole = text
        self._fit()

    def text(self) -> str:
        return self._whole

    def clear(self) -> None:
        self.setText("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        shown = self._whole
        if width > 0 and self.fontMetrics().horizontalAdvance(shown) > width:
            shown = self.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, width)
        super().setText(shown)
        self.setToolTip(self._whole if shown != self._whole else "")


class IdNumberEdit(QLineEdit):
    """An ID-number line edit checked as typed; `lbl_facts` (placed by the owner) says what it tells.

    The text is normalised while typing (full-width digits, blanks, a lower-case x). A wrong
    character is reported at once; the length only when 18 characters are typed or the clerk
    leaves the box; at 18 characters the whole number is checked (checksum, region, birth date).
    `problem_changed` carries the InvalidIdNumber (or None) whenever the verdict changes.
    """

    problem_changed = Signal(object)

    def __init__(self, language: str = "zh_CN", today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zh = language.startswith("zh")
        self._today = today
        self._left = False  # the clerk left the box since the last edit: a short number is then an error
        self._problem: InvalidIdNumber | None = None
        self._info: IdNumberInfo | None = None
        # Its own widget so the owner can give it the full width (a region name is long).
        self.lbl_facts: QLabel = EllipsisLabel(parent)

        metrics = QFontMetrics(self.font())
        self.setPlaceholderText(self.tr("18位身份证号码"))
        # 18 digits and the frame's padding (5px 8px in the style sheet): a person's row still fits name,
        # number and both buttons on one line in Chinese at 1366×768.
        self.setMinimumWidth(metrics.horizontalAdvance("0" * 21))
        self.setMaximumWidth(metrics.horizontalAdvance("0" * 26))
        # One line, its room kept while hidden: a swiped card showing the facts must not push the
        # fields below down under the clerk's mouse.
        self.lbl_facts.setWordWrap(False)
        self.lbl_facts.setText("出生日期 2000-01-01")  # the height of one line of facts, kept
        self.lbl_facts.setFixedHeight(self.lbl_facts.sizeHint().height())
        self.lbl_facts.clear()
        policy = self.lbl_facts.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.lbl_facts.setSizePolicy(policy)
        self.lbl_facts.hide()  # coloured when it first shows (_show_facts)

        self.textEdited.connect(self._on_edited)
        self.textChanged.connect(self._recheck)
        self.editingFinished.connect(self._on_left)

    # ---- public ------------------------------------------------------------------------------

    def set_number(self, text: str) -> None:
        self._left = bool(text)  # a restored number is judged whole, as if the clerk had left the box
        self.setText(normalise_id_text(text))
        self._recheck()

    def problem(self) -> InvalidIdNumber | None:
        return self._problem

    def info(self) -> IdNumberInfo | None:
        """The parsed facts when the number is complete and valid."""
        return self._info

    def facts_text(self) -> str:
        return self.lbl_facts.text() if self._info is not None else ""

    # ---- internals ---------------------------------------------------------------------------

    @Slot(str)
    def _on_edited(self, text: str) -> None:
        self._left = False
        normalised = normalise_id_text(text)
        if normalised != text:
            cursor = len(normalise_id_text(text[: self.cursorPosition()]))
            self.setText(normalised)
            self.setCursorPosition(cursor)

    @Slot()
    def _on_left(self) -> None:
        # Qt also finishes editing while a focused box is destroyed, after its Python side is gone
        # (a teardown once raised AttributeError here): nothing is left to judge then.
        if "_left" not in self.__dict__:
            return
        if not self._left:
            self._left = True
            self._recheck()

    @Slot()
    def _recheck(self) -> None:
        number = normalise_id_text(self.text())
        problem: InvalidIdNumber | None = None
        info: IdNumberInfo | None = None
        if number:
            try:
                parsed = parse_id_number(number, today=self._today)
            except InvalidIdNumber as error:
                # Before the number is complete only a character that can never be right is news.
                if len(number) >= ID_LENGTH or self._left or error.code == "characters":
                    problem = error
            else:
                if len(parsed.number) == ID_LENGTH and parsed.upgraded_from is None:
                    info = parsed
                elif len(number) >= ID_LENGTH or self._left:
                    problem = _needs_18(len(number), parsed)
        self._info = info
        self._show_facts(info)
        changed = _message(problem) != _message(self._problem)
        self._problem = problem
        if changed:
            self.problem_changed.emit(problem)

    def _show_facts(self, info: IdNumberInfo | None) -> None:
        if info is None:
            self.lbl_facts.clear()
            self.lbl_facts.hide()
            return
        region = info.region_name or info.region_code
        if self._zh:
            sex = "男" if info.sex == "male" else "女"
            parts = [f"出生日期 {info.birth_date:%Y-%m-%d}", f"性别 {sex}", f"地区 {region}"]
            if not info.region_known:
                parts[-1] += "（代码未收录，请核对）"
            if info.kind is not IdKind.RESIDENT:
                parts.insert(0, info.kind_label_zh)
            text = "　".join(parts)
        else:
            parts = [f"born {info.birth_date:%Y-%m-%d}", info.sex, f"region {region}"]
            if not info.region_known:
                parts[-1] += " (code not in our lists, please check)"
            if info.kind is not IdKind.RESIDENT:
                parts.insert(0, info.kind_label_en)
            text = " · ".join(parts)
        self.lbl_facts.setText(text)
        show_coloured(self.lbl_facts, True, HINT_COLOUR)


def _message(problem: InvalidIdNumber | None) -> str | None:
    return None if problem is None else problem.message_zh


def _needs_18(length: int, parsed: IdNumberInfo) -> InvalidIdNumber:
    """A 15-character number parses (old cards, 2017 foreigners' cards) but the catalog stores 18."""
    if parsed.upgraded_from is not None:
        return InvalidIdNumber("length", "id.old_15", number=parsed.number)
    return InvalidIdNumber("length", "id.enter_18", length=length)
