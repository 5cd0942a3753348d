"""The kiosk's flow: which screen when, and the life of a session.

attract ─card─▶ (busy) ─▶ home ─▶ my cases | ticket | certificate | what to bring | rating
        ─receipt code─▶ that case only        ─结束 / idle / new card / reader lost─▶ wipe ▶ attract
        ─ticket | what to bring | rating (no card: a guest session, same idle clock)

`KioskFlow` implements the screens' `Navigator`. It reacts to the reader (a card, a removed card,
a lost reader), to scanned codes, to the idle clock and to the staff corner. Every end of a session
goes through `SessionController.end`, whose `ended` signal wipes every screen.

Thread contract: GUI thread only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from desk.devices.card import IdCard
from desk.domain.errors import DeskError
from desk.qt.i18n import LanguageSwitcher
from kiosk.backend import CitizenStart, card_refusal
from kiosk.context import KioskContext
from kiosk.lockdown import LockdownFilter
from kiosk.payloads import CertificateCode, OnlineCode, ProgressCode, classify
from kiosk.plain_words import CaseSummary
from kiosk.preview import Preview
from kiosk.said import FAULT, QT_TRANSLATE_NOOP, Data, Day, Said, says
from kiosk.screens.attract import AttractScreen
from kiosk.screens.cases import CasesScreen
from kiosk.screens.certificate import CertificateScreen
from kiosk.screens.guide import GuideScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.message import BusyScreen, MessageScreen, TakeCardScreen
from kiosk.screens.preview import CertificatePreviewScreen
from kiosk.screens.rating import RatingScreen
from kiosk.screens.staff import StaffExitScreen
from kiosk.screens.ticket import TicketScreen
from kiosk.session import EndReason, KioskSession, SessionSource
from kiosk.style import metrics_for
from kiosk.window import KioskWindow
from printing.signing import Verification

log = logging.getLogger(__name__)

READER_LOST = says(QT_TRANSLATE_NOOP(
    "KioskSays", "读卡器连接中断。为保护您的信息，本次服务已结束。您可以到窗口办理，或稍后再试。"))
ONLINE_NEEDS_CARD = says(QT_TRANSLATE_NOOP(
    "KioskSays", "这是网上申请的二维码。请先在读卡区放置本人身份证，再扫描一次，即可查看办理进度。"))
UNKNOWN_CODE = says(QT_TRANSLATE_NOOP("KioskSays", "无法识别这个二维码。请扫描受理回执上的二维码，或到窗口咨询。"))
NOT_FOUND = says(QT_TRANSLATE_NOOP("KioskSays", "没有找到"))


class KioskFlow(QObject):
    quit_requested = Signal()

    def __init__(self, ctx: KioskContext, window: KioskWindow, lockdown: LockdownFilter,
                 languages: LanguageSwitcher | None, *, default_language: str = "zh_CN",
                 message_seconds: int = 12, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.window, self.lockdown, self.languages = ctx, window, lockdown, languages
        self.default_language = default_language
        self._message_back_to: str | None = None  # where the shown message returns to (None: home)
        ctx.nav = self
        self.attract = AttractScreen(ctx)
        self.home = HomeScreen(ctx)
        self.cases = CasesScreen(ctx)
        self.ticket = TicketScreen(ctx)
        self.certificate = CertificateScreen(ctx)
        self.certificate_preview = CertificatePreviewScreen(ctx)
        self.guide = GuideScreen(ctx)
        self.rating = RatingScreen(ctx)
        self.message = MessageScreen(ctx, seconds=message_seconds)
        self.busy = BusyScreen(ctx)
        self.take_card = TakeCardScreen(ctx)
        self.staff = StaffExitScreen(ctx)
        for screen in (self.attract, self.home, self.cases, self.ticket, self.certificate, self.certificate_preview,
                       self.guide, self.rating, self.message, self.busy, self.take_card, self.staff):
            window.add_screen(screen)
        self._connect()
        self.window.show_screen("attract")

    def _connect(self) -> None:
        ctx, sessions = self.ctx, self.ctx.sessions
        self.attract.ticket_requested.connect(lambda: self._guest("ticket"))
        self.attract.guide_requested.connect(lambda: self._guest("guide"))
        self.attract.rating_requested.connect(lambda: self._guest("rating"))
        self.home.cases_requested.connect(self.show_my_cases)
        self.home.ticket_requested.connect(lambda: self.show_screen("ticket"))
        self.home.certificate_requested.connect(lambda: self.show_screen("certificate"))
        self.home.guide_requested.connect(lambda: self.show_screen("guide"))
        self.home.rating_requested.connect(lambda: self.show_screen("rating"))
        for screen in (self.cases, self.ticket, self.certificate, self.guide, self.rating):
            screen.back_requested.connect(self.go_home)
        self.cases.rating_requested.connect(lambda: self.show_screen("rating"))
        self.cases.supplement_ticket_requested.connect(self._supplement_ticket)
        self.certificate.preview_ready.connect(self._certificate_preview)
        self.certificate_preview.back_requested.connect(lambda: self.show_screen("certificate"))
        self.message.closed.connect(self._message_closed)
        self.busy.timed_out.connect(lambda: self.show_fault(TimeoutError("busy screen timed out")))
        self.take_card.closed.connect(self._to_attract)
        self.staff.exit_confirmed.connect(self._staff_exit)
        self.staff.cancelled.connect(self._to_attract)

        sessions.started.connect(lambda: self.window.set_session_controls(True))
        sessions.ended.connect(self._session_ended)
        sessions.countdown_changed.connect(self.window.set_countdown)
        sessions.warning_changed.connect(self.window.set_warning)
        self.window.continue_requested.connect(sessions.touch)
        self.window.end_requested.connect(self.finish_session)
        self.window.language_requested.connect(self.toggle_language)
        self.window.elders_requested.connect(self.set_elders)
        self.window.speech_requested.connect(ctx.speaker.set_enabled)
        self.lockdown.activity.connect(sessions.touch)
        self.lockdown.staff_exit_requested.connect(self.show_staff_exit)
        ctx.health.reader_lost.connect(self._reader_lost)
        ctx.health.card_removed.connect(self._card_removed)

    # ---- Navigator ----------------------------------------------------------------------------------

    def show_screen(self, name: str) -> None:
        if name != "busy":
            self.busy.stop()
        self.window.show_screen(name)

    def go_home(self) -> None:
        session = self.ctx.sessions.current
        if session is None:
            self._to_attract()
        elif session.has_citizen:
            self.show_screen("home")
        elif session.receipt_case is not None and self.window.current_name != "cases":
            self.cases.show_cases([session.receipt_case], receipt=True)
            self.show_screen("cases")
        else:
            # A guest's "back", or leaving the one case a receipt opened, is the end of the visit.
            self.ctx.sessions.end(EndReason.DONE)
            self._to_attract()

    def show_busy(self, words: Said) -> None:
        self.busy.show_busy(words)
        self.show_screen("busy")

    def show_message(self, words: Said, *, title: Said | None = None, big_text: str = "",
                     kind: str = "info", end_session: bool = False, back_to: str | None = None) -> None:
        """`back_to`: the screen the citizen returns to from the message (home when None) — the one
        they came from where their next step is likely there (取号补交 after the checklist printed)."""
        self._message_back_to = back_to
        self.message.show_message(words, title=title, big_text=big_text, kind=kind, end_session=end_session)
        self.show_screen("message")

    def show_fault(self, error: BaseException) -> None:
        if isinstance(error, DeskError):
            self.show_message(self.ctx.error_said(error), kind="warning")
            return
        # Anything unexpected: the visit ends, the citizen's data goes, a calm word, back to attract.
        self.ctx.sessions.end(EndReason.FAULT)
        self.show_message(FAULT, kind="warning", end_session=True)

    def finish_session(self) -> None:
        """结束: the citizen is done. If their card is still on the reader, ask them to take it."""
        session = self.ctx.sessions.current
        card_on_reader = (session is not None and session.source is SessionSource.CARD
                          and self.ctx.health.reader_code == "card_read")
        self.ctx.sessions.end(EndReason.DONE)
        if card_on_reader:
            self.show_screen("take_card")
        else:
            self._to_attract()

    # ---- sessions -----------------------------------------------------------------------------------

    def _guest(self, screen: str) -> None:
        if not self.ctx.sessions.active:
            self.ctx.sessions.begin(KioskSession(SessionSource.GUEST))
        self.show_screen(screen)

    @Slot(object)
    def on_card(self, card: IdCard) -> None:
        if self.window.current_name == "staff":
            return
        if self.ctx.sessions.active:
            self.ctx.sessions.end(EndReason.NEW_CARD)
        refusal = card_refusal(card)
        if refusal is not None:
            self.show_message(refusal, title=says(QT_TRANSLATE_NOOP("KioskSays", "无法使用这张证件")),
                              kind="warning", end_session=True)
            return
        session = KioskSession(SessionSource.CARD)
        self.ctx.sessions.begin(session)
        backend = self.ctx.backend
        self.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在读取您的信息…")))
        self.ctx.call(lambda: backend.start_card_session(card), self._card_session_ready)

    def _card_session_ready(self, start: CitizenStart) -> None:
        session = self.ctx.sessions.current
        if session is None:
            return
        session.name, session.id_number = start.name, start.id_number
        self.home.show_citizen(session.name, session.masked_id)
        self.show_screen("home")

    def show_my_cases(self) -> None:
        session = self.ctx.sessions.current
        if session is None or not session.has_citizen:
            return
        id_number, backend = session.id_number, self.ctx.backend
        self.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在查询您的办件…")))
        self.ctx.call(lambda: backend.my_cases(id_number), self._cases_ready)

    def _cases_ready(self, cases: list[CaseSummary]) -> None:
        session = self.ctx.sessions.current
        if session is None:
            return
        session.cases = list(cases)
        self.cases.show_cases(session.cases)
        self.show_screen("cases")

    @Slot(str)
    def on_scanned(self, text: str) -> None:
        if self.window.current_name in ("staff", "busy"):
            return
        self.ctx.sessions.touch()
        code = classify(text)
        if isinstance(code, ProgressCode):
            if self.ctx.sessions.active:
                self.ctx.sessions.end(EndReason.NEW_CARD)
            self.ctx.sessions.begin(KioskSession(SessionSource.RECEIPT))
            backend = self.ctx.backend
            self.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在查询办理进度…")))
            self.ctx.call(lambda: backend.case_by_code(code), self._receipt_ready, self._receipt_refused)
        elif isinstance(code, OnlineCode):
            self._online_code(code)
        elif isinstance(code, CertificateCode):
            backend = self.ctx.backend
            payload = code.payload
            self.ctx.call(lambda: backend.verify_certificate(payload), self._verified)
        else:
            self.show_message(UNKNOWN_CODE, title=says(QT_TRANSLATE_NOOP("KioskSays", "无法识别")), kind="warning",
                              end_session=not self.ctx.sessions.active)

    def _online_code(self, code: OnlineCode) -> None:
        session = self.ctx.sessions.current
        if session is None or not session.has_citizen:
            # The application number is sequential: it opens nothing without the card of whoever applied.
            self.show_message(ONLINE_NEEDS_CARD, title=says(QT_TRANSLATE_NOOP("KioskSays", "请先刷身份证")),
                              kind="info", end_session=not self.ctx.sessions.active)
            return
        backend, id_number, number = self.ctx.backend, session.id_number, code.number
        self.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在查询网上申请…")))
        self.ctx.call(lambda: backend.online_application(id_number, number),
                      lambda words: self.show_message(words, title=says(QT_TRANSLATE_NOOP("KioskSays", "网上申请进度")),
                                                      kind="info"),
                      lambda error: self.show_message(self.ctx.error_said(error),
                                                      title=NOT_FOUND, kind="warning"))

    def _supplement_ticket(self, case_number: str, transaction_code: str) -> None:
        """取号补交 on a case card: the ticket screen, ready to confirm a ticket linked to that case."""
        self.ticket.for_case(case_number, transaction_code)
        self.show_screen("ticket")

    def _certificate_preview(self, preview: Preview) -> None:
        self.certificate_preview.show_preview(preview)
        self.show_screen("certificate_preview")

    def _receipt_ready(self, case: CaseSummary) -> None:
        session = self.ctx.sessions.current
        if session is None:
            return
        session.receipt_case = case
        self.cases.show_cases([case], receipt=True)
        self.show_screen("cases")

    def _receipt_refused(self, error: DeskError) -> None:
        self.ctx.sessions.end(EndReason.DONE)
        self.show_message(self.ctx.error_said(error), title=NOT_FOUND, kind="warning",
                          end_session=True)

    def _verified(self, result: Verification) -> None:
        claim = result.claim
        if result.valid and claim is not None:
            words = says(QT_TRANSLATE_NOOP("KioskSays", "这份户籍证明真实有效。编号 {serial}，{issued}出具。"),
                         serial=claim.serial, issued=Day(claim.issued_on))
            self.show_message(words, title=says(QT_TRANSLATE_NOOP("KioskSays", "核验通过")), kind="done",
                              end_session=not self.ctx.sessions.active)
            return
        # The verification's reason comes from the signing layer in both languages: data to the kiosk.
        self.show_message(Data.of(result.message_zh, result.message_en),
                          title=says(QT_TRANSLATE_NOOP("KioskSays", "核验未通过，请到窗口核实")),
                          kind="warning", end_session=not self.ctx.sessions.active)

    @Slot(str)
    def _session_ended(self, reason: str) -> None:
        self.window.wipe()
        self.window.set_session_controls(False)
        self.ctx.printer.forget_all()
        self._reset_preferences()
        if reason == EndReason.IDLE and self.window.current_name not in ("staff",):
            self._to_attract()

    def _reset_preferences(self) -> None:
        """The next citizen starts with the kiosk's defaults, not the last one's choices."""
        if self.window.btn_elders.isChecked():
            self.window.btn_elders.setChecked(False)
        if self.window.btn_speech.isChecked():
            self.window.btn_speech.setChecked(False)
        if self.ctx.language != self.default_language:
            self._set_language(self.default_language)

    def _message_closed(self, end_session: bool) -> None:
        session = self.ctx.sessions.current
        back_to, self._message_back_to = self._message_back_to, None
        if end_session or session is None or session.source is SessionSource.GUEST:
            self.ctx.sessions.end(EndReason.DONE)
            self._to_attract()
        elif back_to is not None:
            self.show_screen(back_to)
        else:
            self.go_home()

    def _to_attract(self) -> None:
        self.take_card.stop()
        self.show_screen("attract")

    def _reader_lost(self) -> None:
        session = self.ctx.sessions.current
        if session is not None and session.source is SessionSource.CARD:
            self.ctx.sessions.end(EndReason.READER_DOWN)
            self.show_message(READER_LOST, kind="warning", end_session=True)

    def _card_removed(self) -> None:
        if self.window.current_name == "take_card":
            self._to_attract()

    # ---- look and language --------------------------------------------------------------------------

    def toggle_language(self) -> None:
        self._set_language("zh_CN" if self.ctx.english else "en")

    def _set_language(self, language: str) -> None:
        if self.languages is not None and not self.languages.set_language(language):
            log.warning("no compiled translation for %s; run scripts/build-translations.sh", language)
            language = "zh_CN"
        self.ctx.language = language
        # What a screen shows through `Said` is said again in the new language by its retranslate_ui.
        for screen in self.window.screens.values():
            screen.retranslate_ui()
        self.window.retranslate_ui()

    def set_elders(self, on: bool) -> None:
        self.window.apply_metrics(metrics_for(on, self.ctx.metrics))

    # ---- staff ----------------------------------------------------------------------------------------

    def show_staff_exit(self) -> None:
        if self.window.current_name == "staff":
            return
        self.ctx.sessions.end(EndReason.STAFF)
        self.show_screen("staff")

    def _staff_exit(self) -> None:
        self.lockdown.unlock()
        self.window.allow_close = True
        self.quit_requested.emit()
