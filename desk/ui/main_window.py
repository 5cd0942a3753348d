"""The desk's main window: sign-in / lock screen, then the workspace (Today, New case, Search,
Manager view, Case view) with a menu of keyboard shortcuts and the device status line.

Who is signed in and whether the workspace is locked is decided by `SessionGate`; where a card or a
scan goes by `device_routes` (both plain objects without Qt); the window shows what they decide.
All signal wiring between the screens is in `_connect` (one block). Devices come in as slots
(`on_card`, `on_scanned`, `set_reader_status` …) connected by the composition root; intents go out as
signals (`reread_requested`, `language_requested`, `demo_card_requested`, `retry_print_requested`).

The window is built in two parts so the sign-in screen shows quickly: the constructor builds the
sign-in screen, the menus and the status line; `build_workspace()` — or `build_workspace_in_steps()`,
a screen or two per turn of the event loop — builds the workspace (navigation and work screens) once
the core is ready. Nothing before that touches the `Qt` namespace from Python: the bindings set up
all of its enums on first use (≈25 ms).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QWidget

from desk.domain.online import number_from_scan
from desk.qt.app_filters import paused
from desk.ui.context import DeskContext
from desk.ui.device_routes import CardRoute, DeskPlace, ScanRoute, accepts_scans, route_card, route_scan
from desk.ui.dialogs import Asker
from desk.ui.idle import IdleWatcher
from desk.ui.permissions import Screen, may_handle_cases, screens_for
from desk.ui.role_words import role_label
from desk.ui.session_gate import GateState, SessionGate, SignInFails, SignInNow, SignInWaits
from desk.ui.sign_in import SignInView
from desk.ui.status_bar import DeviceStatusBar

if TYPE_CHECKING:
    from desk.devices.card import IdCard
    from desk.services.case_views import CaseView
    from desk.services.users import SignedIn
    from desk.ui.case_view import CaseDetailView
    from desk.ui.manager_view import ManagerView
    from desk.ui.nav import NavList
    from desk.ui.new_case import NewCaseView
    from desk.ui.online_review_view import OnlineReviewView
    from desk.ui.rating_window import RatingPrompter
    from desk.ui.search_view import SearchView
    from desk.ui.today_view import TodayView

NAV_SHORTCUTS = {Screen.TODAY: "Ctrl+1", Screen.NEW_CASE: "Ctrl+N", Screen.SEARCH: "Ctrl+F", Screen.MANAGER: "Ctrl+R"}


class MainWindow(QMainWindow):
    reread_requested = Signal()
    language_requested = Signal(str)
    demo_card_requested = Signal(str)
    retry_print_requested = Signal()
    signed_in = Signal(object)
    signed_out = Signal()
    locked = Signal()

    def __init__(self, context: DeskContext, asker: Asker, idle: IdleWatcher | None = None,
                 demo_cards: Sequence[tuple[str, str]] = (), station_name: str = "",
                 parent: QWidget | None = None, *, demo: bool = False) -> None:
        """`demo`: with the demo menu (模拟刷卡), whose cards come with `demo_cards` or later through
        `set_demo_cards()` (the composition root reads them on a worker thread)."""
        super().__init__(parent)
        self._context = context
        self._asker = asker
        self._idle = idle
        self._demo_cards: list[tuple[str, str]] = []
        self._gate = SessionGate()
        self._workspace_steps: Iterator[None] | None = None

        # create
        self.stk_root = QStackedWidget(self)
        self.sign_in = SignInView(station_name, self.stk_root)
        # The workspace — navigation and work screens — is built by build_workspace() once the core
        # is there (their modules are imported on a worker thread meanwhile): the sign-in screen
        # shows without waiting for them.
        self.wdg_workspace: QWidget
        self.lst_nav: NavList
        self.stk_screens: QStackedWidget
        self.today: TodayView
        self.new_case: NewCaseView
        self.search: SearchView
        self.manager: ManagerView
        self.case_view: CaseDetailView
        self.online_review: OnlineReviewView
        self.rating: RatingPrompter
        self._screens: dict[Screen, QWidget] = {}
        self.status = DeviceStatusBar(context.language, self)
        self.mnu_desk = self.menuBar().addMenu("")
        self.mnu_work = self.menuBar().addMenu("")
        self.mnu_language = self.menuBar().addMenu("")
        self.mnu_demo = self.menuBar().addMenu("") if demo or demo_cards else None
        self.act_lock = QAction(self)
        self.act_sign_out = QAction(self)
        self.act_quit = QAction(self)
        self.act_screens = {screen: QAction(self) for screen in Screen}
        self.act_reread = QAction(self)
        self.act_call_next = QAction(self)
        self.act_refresh = QAction(self)
        self.act_accept = QAction(self)
        self.act_accept_complete = QAction(self)
        self.act_online = QAction(self)
        self.act_languages = {"zh_CN": QAction(self), "en": QAction(self)}
        self.act_demo_cards: list[QAction] = []

        # configure
        self.setMinimumSize(1024, 640)
        self.resize(1366, 768)
        # setShortcuts([…]), not setShortcut(…): the bindings resolve setShortcut's overloads through
        # the `Qt` namespace, whose enums cost ≈25 ms to set up — before the sign-in screen is shown.
        self.act_lock.setShortcuts([QKeySequence("Ctrl+L")])
        self.act_quit.setShortcuts([QKeySequence("Ctrl+Q")])
        for screen, action in self.act_screens.items():
            action.setShortcuts([QKeySequence(NAV_SHORTCUTS[screen])])
        self.act_reread.setShortcuts([QKeySequence("F2")])
        self.act_call_next.setShortcuts([QKeySequence("F3")])
        self.act_refresh.setShortcuts([QKeySequence("F5")])
        self.act_online.setShortcuts([QKeySequence("Ctrl+Shift+O")])
        self.act_accept.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.act_accept_complete.setShortcuts([QKeySequence("Ctrl+Shift+Return"), QKeySequence("Ctrl+Shift+Enter")])
        group = QActionGroup(self)
        # The text is set apart: QAction(text, parent) makes the bindings set up QIcon's enums (≈1.5 ms).
        for (code, action), name in zip(self.act_languages.items(), ("中文", "English"), strict=True):
            action.setText(name)
            action.setCheckable(True)
            action.setChecked(code == context.language)
            group.addAction(action)
        self.statusBar().addPermanentWidget(self.status, 1)
        self.statusBar().messageChanged.connect(self.status.show_message)
        self.statusBar().setSizeGripEnabled(False)

        self._connect()

        # assemble
        for action in (self.act_lock, self.act_sign_out):
            self.mnu_desk.addAction(action)
        self.mnu_desk.addSeparator()
        self.mnu_desk.addAction(self.act_quit)
        for action in self.act_screens.values():
            self.mnu_work.addAction(action)
        self.mnu_work.addSeparator()
        for action in (self.act_reread, self.act_call_next, self.act_refresh, self.act_accept,
                       self.act_accept_complete, self.act_online):
            self.mnu_work.addAction(action)
        for action in self.act_languages.values():
            self.mnu_language.addAction(action)
        self.stk_root.addWidget(self.sign_in)
        self.setCentralWidget(self.stk_root)
        self.retranslate_ui()
        self._show_signed_out()
        if demo_cards:
            self.set_demo_cards(demo_cards)

    def set_demo_cards(self, cards: Sequence[tuple[str, str]]) -> None:
        """The cards of the demo menu, (label, name) each: choosing one lays it on the simulated reader."""
        if self.mnu_demo is None:
            return
        for action in self.act_demo_cards:
            self.mnu_demo.removeAction(action)
            action.deleteLater()
        self._demo_cards = list(cards)
        self.act_demo_cards = [QAction(self) for _ in self._demo_cards]
        for (label, _name), action in zip(self._demo_cards, self.act_demo_cards, strict=True):
            action.triggered.connect(lambda _c=False, label=label: self.demo_card_requested.emit(label))
            self.mnu_demo.addAction(action)
        self._retranslate_demo_cards()

    @property
    def workspace_ready(self) -> bool:
        return bool(self._screens)

    def build_workspace(self) -> None:
        """Create the workspace (once): the navigation and the work screens — Today, New case,
        Search, Manager view, Case view."""
        for _ in self._workspace_builder():
            pass

    def build_workspace_in_steps(self, done: Callable[[], None]) -> None:
        """Create the workspace as `build_workspace()` does, a screen or two per turn of the event loop
        (together they take ~25 ms, which the sign-in screen would feel), then call `done()`."""
        steps = self._workspace_builder()

        def step() -> None:
            if next(steps, True) is None:
                QTimer.singleShot(0, step)
            else:
                done()

        step()

    def _workspace_builder(self) -> Iterator[None]:
        """Build the workspace, yielding between screens; one builder at a time (a second call
        finishes the first one's work). The app's event filters are off while a step runs."""
        if self.workspace_ready:
            return
        if self._workspace_steps is None:
            self._workspace_steps = self._build_screens()
        while True:
            with paused(self._context.app_filters):
                done = next(self._workspace_steps, True) is not None
            if done:
                return
            yield

    def _build_screens(self) -> Iterator[None]:
        from desk.ui.case_view import CaseDetailView
        from desk.ui.manager_view import ManagerView
        from desk.ui.nav import NavList
        from desk.ui.new_case import NewCaseView
        from desk.ui.online_review_view import OnlineReviewView
        from desk.ui.rating_window import RatingPrompter
        from desk.ui.search_view import SearchView
        from desk.ui.today_view import TodayView

        context, asker = self._context, self._asker
        self.wdg_workspace = QWidget(self.stk_root)
        self.lst_nav = NavList(self.wdg_workspace)
        self.stk_screens = QStackedWidget(self.wdg_workspace)
        workspace = QHBoxLayout(self.wdg_workspace)
        workspace.setContentsMargins(0, 0, 0, 0)
        workspace.setSpacing(0)
        workspace.addWidget(self.lst_nav)
        workspace.addWidget(self.stk_screens, 1)
        self.stk_root.addWidget(self.wdg_workspace)
        self.today = TodayView(context, self.stk_screens)
        yield
        self.new_case = NewCaseView(context, asker, self.stk_screens)
        yield
        self.search = SearchView(context, self.stk_screens)
        self.manager = ManagerView(context, asker, self.stk_screens)
        self.case_view = CaseDetailView(context, asker, self.stk_screens)
        self.online_review = OnlineReviewView(context, self.stk_screens)
        self.rating = RatingPrompter(context, self)  # 一次一评 on the citizen's screen after a final decision
        self._screens = {Screen.TODAY: self.today, Screen.NEW_CASE: self.new_case, Screen.SEARCH: self.search,
                         Screen.MANAGER: self.manager}
        for screen in (*self._screens.values(), self.case_view, self.online_review):
            self.stk_screens.addWidget(screen)
        self._connect_screens()
        self._apply_role()

    def _connect(self) -> None:
        self.sign_in.sign_in_requested.connect(self._sign_in)
        self.sign_in.switch_user_requested.connect(self.sign_out)
        self.status.reread_requested.connect(self.reread_requested)
        self.status.retry_print_requested.connect(self.retry_print_requested)
        self.act_lock.triggered.connect(self.lock)
        self.act_sign_out.triggered.connect(self.sign_out)
        self.act_quit.triggered.connect(self.close)
        for screen, action in self.act_screens.items():
            action.triggered.connect(lambda _c=False, screen=screen: self.show_screen(screen, fresh=True))
        self.act_reread.triggered.connect(self.reread_requested)
        self.act_online.triggered.connect(self.show_online_review)
        self.act_call_next.triggered.connect(self._call_next)
        self.act_refresh.triggered.connect(self._refresh_current)
        self.act_accept.triggered.connect(self._accept)
        self.act_accept_complete.triggered.connect(self._accept_complete)
        for code, action in self.act_languages.items():
            action.triggered.connect(lambda _c=False, code=code: self.language_requested.emit(code))
        if self._idle is not None:
            self._idle.lock_requested.connect(self.lock)
            self._idle.warning_changed.connect(self._on_idle_warning)

    def _connect_screens(self) -> None:
        self.lst_nav.screen_chosen.connect(self._on_nav)
        self.today.open_case_requested.connect(self.open_case)
        self.today.new_case_requested.connect(lambda: self.show_screen(Screen.NEW_CASE, fresh=True))
        self.new_case.open_case_requested.connect(self.open_case)
        self.new_case.save_state_changed.connect(self.status.set_save_state)
        self.search.open_case_requested.connect(self.open_case)
        self.manager.open_case_requested.connect(self.open_case)  # the daily report's overdue list
        self.case_view.resume_requested.connect(self.resume)
        self.case_view.back_requested.connect(self._back)
        self.online_review.case_opened.connect(self._counter_case)
        self.online_review.open_case_requested.connect(self.open_case)
        self.online_review.hint.connect(lambda text: self.statusBar().showMessage(text, 20000))
        self.today.ticket_changed.connect(self.new_case.set_ticket)  # the called ticket's transaction, linked
        self.new_case.case_decided.connect(self.rating.ask)
        self.case_view.case_decided.connect(self.rating.ask)

    # ---- signing in, locking -----------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        """Signed out or locked: the sign-in screen is shown."""
        return self._gate.state is not GateState.SIGNED_IN

    def on_core_ready(self) -> None:
        self.build_workspace()
        pending = self._gate.core_ready()
        if pending is not None:
            self._sign_in(pending.username, pending.password)

    def on_core_failed(self, error: BaseException) -> None:
        self._gate.core_failed(error)
        self.sign_in.failed(self._context.error_text(error))

    @Slot(str, str)
    def _sign_in(self, username: str, password: str) -> None:
        context = self._context
        step = self._gate.request_sign_in(username, password)
        if isinstance(step, SignInFails):
            self.sign_in.failed(context.error_text(step.error))
        elif isinstance(step, SignInWaits):
            self.sign_in.show_waiting()
        elif isinstance(step, SignInNow):
            context.runner.run(lambda: context.core.users.sign_in(step.username, step.password), self._on_signed_in,
                               lambda error: self.sign_in.failed(context.error_text(error)))

    def _on_signed_in(self, signed: SignedIn) -> None:
        unlocking = self._gate.signed_in(signed)
        self._context.session = signed
        self.sign_in.set_busy(False)  # ready for the next lock or sign-out, with no "waiting" left on it
        self.status.set_user(self._user_line(signed))
        self.setWindowTitle(self.tr("户籍综合窗口 — %1").replace("%1", signed.display_name))
        self._apply_role()
        self.case_view.refresh_actions()  # what is offered depends on who is signed in
        first = screens_for(signed.actor.role)[0]
        if not unlocking:
            # Marked before the workspace shows: the list, taking the focus, would otherwise choose its
            # first row itself and show (and load) that screen once more than asked.
            self.lst_nav.select(first)
        self.stk_root.setCurrentWidget(self.wdg_workspace)
        if self._idle is not None:
            self._idle.start()
        if not unlocking:
            self.show_screen(first, fresh=True)
        self.signed_in.emit(signed)

    @Slot()
    def lock(self) -> None:
        session = self._gate.session
        if session is None or not self.workspace_ready or not self._gate.lock():
            return
        self.new_case.flush()
        if self._idle is not None:
            self._idle.stop()
        self.sign_in.show_locked(session.username, session.display_name)
        self.stk_root.setCurrentWidget(self.sign_in)
        self.statusBar().clearMessage()
        self.locked.emit()

    @Slot()
    def sign_out(self) -> None:
        if self.workspace_ready:
            self.new_case.flush()
            self.new_case.start()
            self.case_view.clear()
        self._gate.sign_out()
        self._context.session = None
        if self._idle is not None:
            self._idle.stop()
        self._show_signed_out()
        self.signed_out.emit()

    def _show_signed_out(self) -> None:
        self.status.set_user("")
        self.status.set_save_state("")
        self.setWindowTitle(self.tr("户籍综合窗口"))
        self.sign_in.show_sign_in()
        self.stk_root.setCurrentWidget(self.sign_in)
        self._apply_role()

    def _user_line(self, signed: SignedIn) -> str:
        """The status bar's user: name, 工号 (the 警号, else the user's number here) and role."""
        badge = signed.badge or str(signed.actor.user_id)
        return self.tr("%1 · 工号 %2 · %3").replace("%1", signed.display_name).replace("%2", badge).replace(
            "%3", self._role_label())

    def _role_label(self) -> str:
        role = self._context.role
        return role_label(role) if role is not None else ""

    def _apply_role(self) -> None:
        """What the role may not do is not offered: navigation, menu entries, shortcuts."""
        role = self._context.role
        allowed = screens_for(role) if role is not None else ()
        desk = role is not None and may_handle_cases(role)
        if self.workspace_ready:
            self.lst_nav.set_screens(allowed, self._nav_label, NAV_SHORTCUTS)
        for screen, action in self.act_screens.items():
            action.setVisible(screen in allowed)
            action.setEnabled(screen in allowed)
        for action in (self.act_reread, self.act_call_next, self.act_accept, self.act_accept_complete):
            action.setVisible(desk)
            action.setEnabled(desk)
        signed = role is not None
        for action in (self.act_lock, self.act_sign_out, self.act_refresh):
            action.setEnabled(signed)
        self.mnu_work.menuAction().setVisible(signed)
        if self.workspace_ready:
            self.today.apply_role()
        if self.mnu_demo is not None:
            self.mnu_demo.menuAction().setVisible(desk)

    # ---- screens -----------------------------------------------------------------------------

    def allowed_screens(self) -> tuple[Screen, ...]:
        role = self._context.role
        return screens_for(role) if role is not None else ()

    def current_screen(self) -> QWidget | None:
        return self.stk_screens.currentWidget() if self.workspace_ready else None

    def show_screen(self, screen: Screen, *, fresh: bool = False) -> None:
        if screen not in self.allowed_screens() or self.is_locked or not self.workspace_ready:
            return
        widget = self._screens[screen]
        self.stk_screens.setCurrentWidget(widget)
        self.lst_nav.select(screen)
        if screen is Screen.TODAY:
            self.today.refresh()
        elif screen is Screen.NEW_CASE and fresh and self.new_case.form is None:
            self.new_case.start()
        elif screen is Screen.SEARCH:
            self.search.focus_query()
        elif screen is Screen.MANAGER and (fresh or self.manager.report is None):
            self.manager.refresh()

    @Slot(str)
    def _on_nav(self, screen: str) -> None:
        self.show_screen(Screen(screen), fresh=True)

    @Slot(str)
    def open_case(self, number: str) -> None:
        """Drafts open in the new-case flow (to go on filling them in); other cases in the case view."""
        context = self._context
        if context.session is None:
            return

        def loaded(case: CaseView) -> None:
            role = context.role
            if (case.state.value in ("draft", "supplement_requested") and role is not None
                    and may_handle_cases(role) and case.station_code == context.core.station_code):
                self.resume(case)
            else:
                self.case_view.load(case.number)
                self.stk_screens.setCurrentWidget(self.case_view)
                self.lst_nav.release()

        context.runner.run(lambda: context.core.queries.get(number), loaded,
                           lambda error: self.statusBar().showMessage(context.error_text(error), 8000))

    @Slot()
    def show_online_review(self) -> None:
        """网上预审 (Ctrl+Shift+O): the station's online applications waiting for a clerk."""
        role = self._context.role
        if role is None or self.is_locked or not self.workspace_ready or not may_handle_cases(role):
            return
        self.stk_screens.setCurrentWidget(self.online_review)
        self.online_review.refresh()

    @Slot(object)
    def _counter_case(self, case: CaseView) -> None:
        self.resume(case)
        self.statusBar().showMessage(self.tr("已调出网上申请 %1：请核对原件。").replace("%1", case.number), 15000)

    @Slot(object)
    def resume(self, case: CaseView) -> None:
        self.new_case.resume(case)
        self.show_screen(Screen.NEW_CASE)

    @Slot()
    def _back(self) -> None:
        self.show_screen(self.allowed_screens()[0])

    # ---- devices and shortcuts ---------------------------------------------------------------

    def _place(self) -> DeskPlace:
        role = self._context.role
        ready = self.workspace_ready
        on_new_case = ready and self.current_screen() is self.new_case
        return DeskPlace(signed_in=self._context.session is not None, locked=self.is_locked, workspace_ready=ready,
                         handles_cases=role is not None and may_handle_cases(role), on_new_case=on_new_case,
                         case_open=on_new_case and self.new_case.number is not None)

    @Slot(object)
    def on_card(self, card: IdCard) -> None:
        """A card was read: it starts (or feeds) the new-case flow, for those who handle cases."""
        if route_card(self._place()) is CardRoute.IGNORE:
            return
        if self.current_screen() is not self.new_case:
            self.show_screen(Screen.NEW_CASE)
            if self.new_case.form is None:
                self.new_case.start()
        self.new_case.on_card(card)
        self.online_review.card_read(card.id_number)

    def accepts_scans(self) -> bool:
        """Scans are wanted once someone is signed in (at the sign-in screen an Enter is an Enter)."""
        return accepts_scans(self._place())

    def on_scanned(self, text: str) -> None:
        online_number = number_from_scan(text)
        route = route_scan(self._place(), online_application=online_number is not None)
        if route is ScanRoute.ONLINE_COUNTER and online_number is not None:
            # A citizen's online application: its pre-filled case opens; the clerk checks the originals.
            self.online_review.open_at_counter(online_number)
        elif route is ScanRoute.SEARCH_BEHIND_CASE:
            self.search.search(text)
            self.statusBar().showMessage(
                self.tr("已扫码“%1”：当前申请未离开，按 Ctrl+F 查看查询结果。").replace("%1", text), 15000)
        elif route is ScanRoute.SEARCH:
            self.show_screen(Screen.SEARCH)
            self.search.scanned(text)

    def set_reader_status(self, status: object) -> None:
        self.status.set_reader_status(status)  # type: ignore[arg-type]

    @Slot()
    def _call_next(self) -> None:
        if Screen.TODAY in self.allowed_screens():
            self.show_screen(Screen.TODAY)
            self.today.call_next()

    @Slot()
    def _accept(self) -> None:
        if self.current_screen() is self.new_case:
            self.new_case.accept()

    @Slot()
    def _accept_complete(self) -> None:
        if self.current_screen() is self.new_case:
            self.new_case.accept_and_complete()

    @Slot()
    def _refresh_current(self) -> None:
        current = self.current_screen()
        if current is self.today:
            self.today.refresh()
        elif current is self.manager:
            self.manager.refresh()
        elif current is self.case_view and self.case_view.case is not None:
            self.case_view.load(self.case_view.case.number)

    @Slot(int)
    def _on_idle_warning(self, seconds: int) -> None:
        if seconds <= 0:
            self.statusBar().clearMessage()
        else:
            self.statusBar().showMessage(self.tr("长时间未操作，%1 秒后锁屏").replace("%1", str(seconds)))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.workspace_ready:
            self.new_case.flush()  # the last keystrokes go to the draft before the app goes
            self.rating.close()
        super().closeEvent(event)

    # ---- language ----------------------------------------------------------------------------

    def _nav_label(self, screen: Screen) -> str:
        labels = {Screen.TODAY: self.tr("今日工作"), Screen.NEW_CASE: self.tr("新办业务"),
                  Screen.SEARCH: self.tr("查询"), Screen.MANAGER: self.tr("统计日报")}
        return labels[screen]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.mnu_desk.setTitle(self.tr("系统"))
        self.mnu_work.setTitle(self.tr("业务"))
        self.mnu_language.setTitle(self.tr("语言 Language"))
        if self.mnu_demo is not None:
            self.mnu_demo.setTitle(self.tr("模拟刷卡"))
        self.act_lock.setText(self.tr("锁屏"))
        self.act_sign_out.setText(self.tr("注销"))
        self.act_quit.setText(self.tr("退出"))
        names = {Screen.TODAY: self.tr("今日工作"), Screen.NEW_CASE: self.tr("新办业务"),
                 Screen.SEARCH: self.tr("查询"), Screen.MANAGER: self.tr("统计日报")}
        for screen, action in self.act_screens.items():
            action.setText(names[screen])
        self.act_reread.setText(self.tr("重新读卡"))
        self.act_call_next.setText(self.tr("叫号"))
        self.act_refresh.setText(self.tr("刷新"))
        self.act_accept.setText(self.tr("受理"))
        self.act_accept_complete.setText(self.tr("受理并办结"))
        self.act_online.setText(self.tr("网上预审"))
        self._retranslate_demo_cards()
        if self.workspace_ready:
            self.lst_nav.retranslate(self._nav_label)
        session = self._context.session
        if session is not None:
            self.status.set_user(self._user_line(session))
            self.setWindowTitle(self.tr("户籍综合窗口 — %1").replace("%1", session.display_name))
        else:
            self.setWindowTitle(self.tr("户籍综合窗口"))

    def _retranslate_demo_cards(self) -> None:
        for (label, name), action in zip(self._demo_cards, self.act_demo_cards, strict=True):
            action.setText(self.tr("放置 %1 的身份证").replace("%1", name) + f"（{label}）")
