"""一次一评 at the counter: the citizen-facing evaluator. After a clerk's final decision at the counter
(办结, 不予受理, 撤回; a leader's back-office 批准 / 不予批准 is not put to anyone) the desk asks the
citizen to rate that case on a second top-level window — full screen on the counter's citizen screen
(a second QScreen) where there is one, else a window of its own beside the desk. It names the case,
the clerk (name, 工号, a photo frame) and the window; five levels 非常满意 … 非常不满意; a bad rating
asks for reasons, an optional comment and a phone number for the call back. A case is rated once: the
prompter does not ask again, and the use case refuses a second.

`RatingPrompter` (GUI thread) runs the use cases on the task runner; `RatingWindow` only shows and asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import DeskError
from desk.domain.workflow import Role
from desk.services.ratings import BAD_RATING_REASONS, RatingLevel

if TYPE_CHECKING:
    from desk.services.ratings import RatingSubject, RatingView
    from desk.ui.context import DeskContext

THANKS_MS = 5_000  # the thank-you stays this long, then the evaluator steps back
STYLE = """
QWidget#rating_window { background: #f4f6f9; }
QLabel#rating_title { font-size: 26pt; font-weight: 700; color: #1f4e8c; }
QLabel#rating_facts { font-size: 15pt; color: #1a2b44; }
QLabel#rating_photo { background: #dde3ec; border: 2px solid #9aa7b8; color: #6b7a90; font-size: 14pt; }
QPushButton[level] { font-size: 18pt; font-weight: 600; padding: 18px 10px; min-width: 150px; border-radius: 10px; }
QPushButton[level="good"] { background: #2e7d4f; color: white; }
QPushButton[level="middle"] { background: #a07a12; color: white; }
QPushButton[level="bad"] { background: #b3261e; color: white; }
QCheckBox, QLineEdit, QLabel#rating_prompt { font-size: 15pt; }
QCheckBox { spacing: 12px; padding: 6px 0; }
QCheckBox::indicator { width: 28px; height: 28px; }
QPushButton#rating_action { font-size: 16pt; padding: 12px 32px; border-radius: 8px; }
QPushButton#rating_send { font-size: 16pt; font-weight: 600; padding: 12px 40px; border-radius: 8px;
                          background: #1f4e8c; color: white; }
QLineEdit { padding: 6px; }
QLabel#rating_thanks { font-size: 24pt; color: #2e7d4f; font-weight: 600; }
QLabel#rating_problem { font-size: 14pt; color: #b3261e; }
"""


@dataclass(frozen=True)
class RatingAnswer:
    level: RatingLevel
    reasons: tuple[str, ...]
    comment: str
    phone: str


class RatingWindow(QWidget):
    """The evaluator the citizen touches; a top-level window of its own (no parent: another screen)."""

    submitted = Signal(object)  # RatingAnswer
    PAGE_LEVELS, PAGE_REASONS, PAGE_THANKS = range(3)

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.subject: RatingSubject | None = None
        self._chosen: RatingLevel | None = None
        self.photo = QPixmap()  # the clerk's photo (`desk user photo`); null: the frame says 民警照片

        # create
        self.lbl_title = QLabel(self)
        self.lbl_photo = QLabel(self)
        self.lbl_clerk = QLabel(self)
        self.lbl_case = QLabel(self)
        self.lbl_prompt = QLabel(self)
        self.btn_levels = {level: QPushButton(self) for level in RatingLevel}
        self.frm_reasons = QFrame(self)
        self.chk_reasons = [QCheckBox(reason, self.frm_reasons) for reason in BAD_RATING_REASONS]
        self.edt_comment = QLineEdit(self.frm_reasons)
        self.edt_phone = QLineEdit(self.frm_reasons)
        self.btn_submit = QPushButton(self.frm_reasons)
        self.btn_back = QPushButton(self.frm_reasons)
        self.lbl_problem = QLabel(self)
        self.lbl_thanks = QLabel(self)
        self._timer = QTimer(self)

        # configure
        self.setObjectName("rating_window")
        self.setStyleSheet(STYLE)
        self.lbl_title.setObjectName("rating_title")
        self.lbl_photo.setObjectName("rating_photo")
        self.lbl_photo.setFixedSize(132, 168)  # a 2-inch ID photo's shape: the clerk's photo goes here
        self.lbl_photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (self.lbl_clerk, self.lbl_case):
            label.setObjectName("rating_facts")
            label.setWordWrap(True)
        self.lbl_prompt.setObjectName("rating_prompt")
        self.lbl_problem.setObjectName("rating_problem")
        self.lbl_problem.setWordWrap(True)
        self.lbl_thanks.setObjectName("rating_thanks")
        self.lbl_thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for level, button in self.btn_levels.items():
            kind = "bad" if level.needs_follow_up else ("middle" if level is RatingLevel.BASICALLY_SATISFIED
                                                        else "good")
            button.setProperty("level", kind)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.btn_back.setObjectName("rating_action")
        self.btn_submit.setObjectName("rating_send")
        self.edt_phone.setMaxLength(20)
        self.edt_phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.edt_comment.setMaxLength(200)
        self._timer.setSingleShot(True)
        self._timer.setInterval(THANKS_MS)

        # connect
        for level, button in self.btn_levels.items():
            button.clicked.connect(lambda _c=False, level=level: self.choose(level))
        self.btn_submit.clicked.connect(self._submit)
        self.btn_back.clicked.connect(lambda: self._set_page(self.PAGE_LEVELS))
        self._timer.timeout.connect(self.hide)

        # assemble
        facts = QVBoxLayout()
        facts.addWidget(self.lbl_clerk)
        facts.addWidget(self.lbl_case)
        facts.addStretch(1)
        who = QHBoxLayout()
        who.addWidget(self.lbl_photo)
        who.addLayout(facts, 1)
        levels = QHBoxLayout()
        levels.setSpacing(16)
        for button in self.btn_levels.values():
            levels.addWidget(button)
        reasons = QGridLayout(self.frm_reasons)
        for index, box in enumerate(self.chk_reasons):
            reasons.addWidget(box, index // 2, index % 2)
        row = (len(self.chk_reasons) + 1) // 2
        reasons.addWidget(self.edt_comment, row, 0, 1, 2)
        reasons.addWidget(self.edt_phone, row + 1, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_back)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_submit)
        reasons.addLayout(buttons, row + 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        layout.setSpacing(20)
        layout.addWidget(self.lbl_title)
        layout.addLayout(who)
        layout.addWidget(self.lbl_prompt)
        layout.addLayout(levels)
        layout.addWidget(self.frm_reasons)
        layout.addWidget(self.lbl_problem)
        layout.addWidget(self.lbl_thanks, 1)
        layout.addStretch(1)
        self.retranslate_ui()
        self._set_page(self.PAGE_LEVELS)

    # ---- what the desk tells it --------------------------------------------------------------

    def ask(self, subject: RatingSubject, transaction_name: str, counter_number: int | None,
            photo: bytes | None = None) -> None:
        self.subject = subject
        self.photo = QPixmap()
        if photo is not None and not self.photo.loadFromData(photo):
            self.photo = QPixmap()  # unreadable after all: the empty frame, not a broken picture
        self._show_photo()
        self._chosen = None
        for box in self.chk_reasons:
            box.setChecked(False)
        self.edt_comment.clear()
        self.edt_phone.clear()
        self._timer.stop()
        self.lbl_clerk.setText(self.tr("经办民警：%1　　工号：%2").replace("%1", subject.clerk_name or "—")
                               .replace("%2", subject.clerk_badge or "—")
                               + (self.tr("　　%1号窗口").replace("%1", str(counter_number)) if counter_number else ""))
        self.lbl_case.setText(self.tr("受理编号：%1\n办理事项：%2").replace("%1", subject.case_number)
                              .replace("%2", transaction_name))
        self._set_page(self.PAGE_LEVELS)
        self.set_problem(None)

    def thank(self) -> None:
        self._set_page(self.PAGE_THANKS)
        self._timer.start()

    def set_problem(self, text: str | None) -> None:
        """A refused rating (bad phone number …): said on the evaluator, the citizen's input kept."""
        self.lbl_problem.setText(text or "")
        self.lbl_problem.setVisible(bool(text))
        self.btn_submit.setEnabled(True)
        for button in self.btn_levels.values():
            button.setEnabled(True)

    # ---- the citizen's touches ---------------------------------------------------------------

    @Slot()
    def choose(self, level: RatingLevel) -> None:
        self._chosen = level
        if level.needs_follow_up:
            self._set_page(self.PAGE_REASONS)
            return
        self._send(RatingAnswer(level, (), "", ""))

    def _submit(self) -> None:
        if self._chosen is None:
            return
        reasons = tuple(box.text() for box in self.chk_reasons if box.isChecked())
        self._send(RatingAnswer(self._chosen, reasons, self.edt_comment.text().strip(), self.edt_phone.text().strip()))

    def _send(self, answer: RatingAnswer) -> None:
        # Disabled until the desk answers: a double touch never sends two ratings.
        self.btn_submit.setEnabled(False)
        for button in self.btn_levels.values():
            button.setEnabled(False)
        self.submitted.emit(answer)

    def _set_page(self, page: int) -> None:
        self.page = page
        for button in self.btn_levels.values():
            button.setVisible(page == self.PAGE_LEVELS)
        self.lbl_prompt.setVisible(page != self.PAGE_THANKS)
        self.frm_reasons.setVisible(page == self.PAGE_REASONS)
        self.lbl_thanks.setVisible(page == self.PAGE_THANKS)
        if page == self.PAGE_REASONS and self._chosen is not None:
            self.lbl_prompt.setText(self.tr("您选择了“%1”。请告诉我们哪里做得不好，所领导会在15个工作日内回访：")
                                    .replace("%1", self.level_text(self._chosen)))
        elif page == self.PAGE_LEVELS:
            self.lbl_prompt.setText(self.tr("请点击一项，对本次服务作出评价："))

    def level_text(self, level: RatingLevel) -> str:
        texts = {RatingLevel.VERY_SATISFIED: self.tr("非常满意"), RatingLevel.SATISFIED: self.tr("满意"),
                 RatingLevel.BASICALLY_SATISFIED: self.tr("基本满意"), RatingLevel.DISSATISFIED: self.tr("不满意"),
                 RatingLevel.VERY_DISSATISFIED: self.tr("非常不满意")}
        return texts[level]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("服务评价"))
        self.lbl_title.setText(self.tr("请您对本次服务进行评价"))
        self._show_photo()
        for level, button in self.btn_levels.items():
            button.setText(self.level_text(level))
        self.edt_comment.setPlaceholderText(self.tr("其他意见（选填）"))
        self.edt_phone.setPlaceholderText(self.tr("联系电话（选填，便于回访）"))
        self.btn_submit.setText(self.tr("提交评价"))
        self.btn_back.setText(self.tr("返回"))
        self.lbl_thanks.setText(self.tr("感谢您的评价！"))
        self._set_page(getattr(self, "page", self.PAGE_LEVELS))


    def _show_photo(self) -> None:
        if self.photo.isNull():
            self.lbl_photo.setText(self.tr("民警\n照片"))
            return
        ratio = self.devicePixelRatioF()
        frame = self.lbl_photo.size()
        scaled = self.photo.scaled(round(frame.width() * ratio), round(frame.height() * ratio),
                                   Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.lbl_photo.setPixmap(scaled)


def place_on_citizen_screen(window: QWidget) -> None:
    """Full screen on the counter's citizen screen (any screen but the desk's primary one) where there
    is one; else an ordinary window of its own on the desk's screen."""
    primary = QGuiApplication.primaryScreen()
    others = [screen for screen in QGuiApplication.screens() if screen is not primary]
    if others:
        window.setScreen(others[0])
        window.setGeometry(others[0].geometry())
        window.showFullScreen()
        return
    window.resize(1024, 640)
    window.show()
    window.raise_()


class RatingPrompter(QObject):
    """Asks for a rating after a final decision, once per case (GUI thread; use cases on the runner)."""

    asked = Signal(str)  # case number shown on the evaluator
    skipped = Signal(str)  # not asked: not decided yet, or already rated
    rated = Signal(object)  # RatingView

    def __init__(self, context: DeskContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.window: RatingWindow | None = None  # made when first needed (most desks rate after 办结 only)

    @Slot(str)
    def ask(self, case_number: str) -> None:
        context = self._context
        if context.session is None or not context.core_ready:
            return
        if context.role is not Role.CLERK:
            # The evaluator is for the citizen in front of a counter. A leader's or the branch's decision
            # (批准, 不予批准) is taken in the back office with nobody there to rate it — and it would be
            # rated as the accepting clerk's work; the citizen rates when the clerk hands the paper over.
            self.skipped.emit(case_number)
            return
        def subject_and_photo() -> tuple[RatingSubject, bytes | None]:
            subject = context.core.ratings.subject(case_number)
            try:
                photo = context.core.user_photos.photo(subject.clerk_id) if subject.clerk_id is not None else None
            except DeskError:
                photo = None  # the photo is a courtesy: without it the frame shows 民警照片 and the rating is asked
            return subject, photo.data if photo is not None else None

        context.runner.run(subject_and_photo, self._on_subject, lambda _error: self.skipped.emit(case_number))

    def _on_subject(self, found: tuple[RatingSubject, bytes | None]) -> None:
        subject, photo = found
        if subject.already_rated or not subject.decided:
            self.skipped.emit(subject.case_number)
            return
        window = self._window()
        transaction = self._context.core.catalog.get(subject.transaction_code)
        name = self._context.pick(transaction.name_zh, transaction.name_en) if transaction else subject.transaction_code
        window.ask(subject, name, self._context.core.queue.counter_number, photo)
        place_on_citizen_screen(window)
        self.asked.emit(subject.case_number)

    def _window(self) -> RatingWindow:
        if self.window is None:
            self.window = RatingWindow()
            self.window.submitted.connect(self._on_submitted)
        return self.window

    def _on_submitted(self, answer: RatingAnswer) -> None:
        window, context = self.window, self._context
        if window is None or window.subject is None:
            return
        number = window.subject.case_number
        counter = context.core.queue.counter_number
        context.runner.run(
            lambda: context.core.ratings.rate(answer.level, case_number=number, reasons=answer.reasons,
                                              reason=answer.comment, phone=answer.phone or None,
                                              counter_number=counter, channel="desk"),
            self._on_rated, lambda error: window.set_problem(context.error_text(error)))

    def _on_rated(self, view: RatingView) -> None:
        if self.window is not None:
            self.window.thank()
        self.rated.emit(view)

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
