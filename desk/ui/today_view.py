"""Today: the clerk's work queue — queue tickets waiting (叫号), drafts and cases awaiting
supplements, cases due today / soon / overdue, cases waiting for the leader's approval, and the
clocks the law starts (applications that count as accepted, 注销公告 running or due for a decision,
permits running out) with the “一件事” follow-ups not yet referred or done.

Everything is loaded in one background call (`load_today`) and shown when it returns; the view
refreshes itself every 30 s while visible and whenever the main window asks (F5, after a decision).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from desk.ui.context import DeskContext
from desk.ui.permissions import may_handle_cases
from desk.ui.widgets import banner, fill_table, fmt_date, fmt_time, make_table, row_key, show_banner

if TYPE_CHECKING:
    from desk.services.bundles import BundleView
    from desk.services.case_views import CaseRow
    from desk.services.clocks import DeemedAcceptance, ExpiringPermit, NoticeClock
    from desk.services.queue import TicketView

REFRESH_MS = 30_000


@dataclass
class TodayData:
    waiting: list[TicketView] = field(default_factory=list)
    drafts: list[CaseRow] = field(default_factory=list)
    overdue: list[CaseRow] = field(default_factory=list)
    due_today: list[CaseRow] = field(default_factory=list)
    due_soon: list[CaseRow] = field(default_factory=list)
    review: list[CaseRow] = field(default_factory=list)
    deemed: list[DeemedAcceptance] = field(default_factory=list)
    notices: list[NoticeClock] = field(default_factory=list)
    permits: list[ExpiringPermit] = field(default_factory=list)
    follow_ups: list[BundleView] = field(default_factory=list)
    due_counts: tuple[int, int, int] = (0, 0, 0)  # overdue, due today, due soon: all, not only the page shown


TODAY_PAGE = 200  # rows of each due list the Today screen shows (soonest due first)


def load_today(context: DeskContext) -> TodayData:
    """Runs on a worker thread: every list of the Today screen in one go. The case lists are light rows
    (a case is loaded whole when opened), read in one call."""
    core, station = context.core, context.core.station_code
    lists = core.queries.today_lists(station, page=TODAY_PAGE)
    data = TodayData(
        waiting=core.queue.waiting(), drafts=lists.drafts, overdue=lists.overdue, due_today=lists.due_today,
        due_soon=lists.due_soon, review=lists.review,
        due_counts=(lists.overdue_count, lists.due_today_count, lists.due_soon_count),
    )
    data.deemed, data.notices = core.clocks.deemed_accepted(), core.clocks.notices()
    data.permits, data.follow_ups = core.clocks.expiring_permits(), core.bundles.with_open_follow_ups()
    return data


class TodayView(QWidget):
    open_case_requested = Signal(str)
    new_case_requested = Signal()
    loaded = Signal()
    ticket_changed = Signal(object)  # the ticket this desk is serving now (TicketView), or None

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.data = TodayData()
        self.called: TicketView | None = None

        # create
        self.lbl_message = banner(self)
        self.box_queue = QGroupBox(self)
        self.lbl_called = QLabel(self.box_queue)
        self.btn_call_next = QPushButton(self.box_queue)
        self.btn_served = QPushButton(self.box_queue)
        self.btn_recall = QPushButton(self.box_queue)
        self.btn_no_show = QPushButton(self.box_queue)
        self.btn_transfer = QPushButton(self.box_queue)
        self.mnu_transfer = QMenu(self.btn_transfer)
        self.tbl_waiting = make_table(self.box_queue, stretch_column=2)
        self.box_drafts = QGroupBox(self)
        self.tbl_drafts = make_table(self.box_drafts, stretch_column=1)
        self.box_due = QGroupBox(self)
        self.tbl_due = make_table(self.box_due, stretch_column=1)
        self.box_review = QGroupBox(self)
        self.tbl_review = make_table(self.box_review, stretch_column=1)
        self.box_clocks = QGroupBox(self)
        self.tbl_clocks = make_table(self.box_clocks, stretch_column=3)
        self.btn_refresh = QPushButton(self)
        self.btn_new_case = QPushButton(self)
        self._timer = QTimer(self)

        # configure
        self.lbl_called.setObjectName("ticket")
        self.btn_call_next.setObjectName("primary")
        self.btn_new_case.setObjectName("primary")
        self.btn_served.setEnabled(False)
        self.btn_transfer.setMenu(self.mnu_transfer)
        self._timer.setInterval(REFRESH_MS)

        # connect
        self.btn_call_next.clicked.connect(self.call_next)
        self.btn_served.clicked.connect(self._served)
        self.btn_recall.clicked.connect(self.recall)
        self.btn_no_show.clicked.connect(self.no_show)
        self.mnu_transfer.aboutToShow.connect(self._fill_transfer_menu)
        self.btn_refresh.clicked.connect(self.refresh)
        self.btn_new_case.clicked.connect(self.new_case_requested)
        for table in (self.tbl_drafts, self.tbl_due, self.tbl_review, self.tbl_clocks):
            table.cellDoubleClicked.connect(lambda row, _col, table=table: self._open(table, row))
            table.activated.connect(lambda index, table=table: self._open(table, index.row()))
        self._timer.timeout.connect(self.refresh)

        # assemble
        queue_top = QHBoxLayout()
        queue_top.addWidget(self.lbl_called, 1)
        queue_top.addWidget(self.btn_call_next)
        queue_actions = QHBoxLayout()
        queue_actions.addStretch(1)
        for button in (self.btn_recall, self.btn_no_show, self.btn_transfer, self.btn_served):
            queue_actions.addWidget(button)
        queue = QVBoxLayout(self.box_queue)
        queue.addLayout(queue_top)
        queue.addLayout(queue_actions)
        queue.addWidget(self.tbl_waiting)
        for box, table in ((self.box_drafts, self.tbl_drafts), (self.box_due, self.tbl_due),
                           (self.box_review, self.tbl_review), (self.box_clocks, self.tbl_clocks)):
            QVBoxLayout(box).addWidget(table)
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.box_queue, 0, 0)
        grid.addWidget(self.box_due, 0, 1)
        grid.addWidget(self.box_drafts, 1, 0)
        grid.addWidget(self.box_review, 1, 1)
        grid.addWidget(self.box_clocks, 2, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        top = QHBoxLayout()
        top.addWidget(self.lbl_message, 1)
        top.addStretch(0)
        top.addWidget(self.btn_refresh)
        top.addWidget(self.btn_new_case)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.retranslate_ui()

    # ---- loading -----------------------------------------------------------------------------

    def showEvent(self, event: object) -> None:
        # Lists are refreshed when Today is shown (show_screen), so a decision elsewhere need not.
        self._timer.start()
        super().showEvent(event)  # type: ignore[arg-type]

    def hideEvent(self, event: object) -> None:
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    @Slot()
    def refresh(self) -> None:
        if self._context.session is None:
            return
        context = self._context
        context.runner.run(lambda: load_today(context), self._on_loaded, self._on_error)

    def _on_loaded(self, data: TodayData) -> None:
        self.data = data
        self._show()
        self.loaded.emit()

    def _on_error(self, error: BaseException) -> None:
        show_banner(self.lbl_message, self._context.error_text(error), "problem")

    # ---- queue -------------------------------------------------------------------------------

    @Slot()
    def call_next(self) -> None:
        context = self._context
        if context.role is None or not may_handle_cases(context.role):
            return
        actor = context.actor
        context.runner.run(lambda: context.core.queue.call_next(actor), self._on_called, self._on_error)

    def _on_called(self, ticket: TicketView | None) -> None:
        self.called = ticket
        if ticket is None:
            show_banner(self.lbl_message, self.tr("没有等候的群众。"), "info")
        else:
            show_banner(self.lbl_message, None)
        self._show_called()
        self.ticket_changed.emit(ticket)
        self.refresh()

    @Slot()
    def recall(self) -> None:
        """重呼: the hall screen and its voice call the same number again."""
        ticket, context = self.called, self._context
        if ticket is None:
            return
        actor = context.actor
        context.runner.run(lambda: context.core.queue.recall(actor, ticket.id), self._on_recalled, self._on_error)

    def _on_recalled(self, ticket: TicketView) -> None:
        self.called = ticket
        show_banner(self.lbl_message, self.tr("已重呼 %1 号（第 %2 次）。").replace("%1", ticket.number)
                    .replace("%2", str(ticket.recalls)), "info")
        self._show_called()

    @Slot()
    def no_show(self) -> None:
        """过号: the citizen did not come; the desk is free for the next number."""
        ticket, context = self.called, self._context
        if ticket is None:
            return
        actor = context.actor
        context.runner.run(lambda: context.core.queue.no_show(actor, ticket.id),
                           lambda done: self._ended(done, self.tr("%1 号已过号。")), self._on_error)

    def transfer_to(self, counter_number: int) -> None:
        """转窗口: the ticket waits for that window, keeping its place in the queue."""
        ticket, context = self.called, self._context
        if ticket is None:
            return
        actor = context.actor
        context.runner.run(
            lambda: context.core.queue.transfer(actor, ticket.id, counter_number),
            lambda done: self._ended(done, self.tr("%1 号已转到 %2 号窗口。").replace("%2", str(counter_number))),
            self._on_error)

    def _ended(self, ticket: TicketView, message: str) -> None:
        self.called = None
        show_banner(self.lbl_message, message.replace("%1", ticket.number), "ok")
        self._show_called()
        self.ticket_changed.emit(None)
        self.refresh()

    def _fill_transfer_menu(self) -> None:
        """The station's other windows, asked when the menu opens (windows are set with desk counter set)."""
        self.mnu_transfer.clear()
        context = self._context
        own = context.core.queue.counter_number
        for counter in context.core.queue.counters():
            if counter.number == own:
                continue
            action = self.mnu_transfer.addAction(f"{counter.number} · {counter.name_zh}")
            action.triggered.connect(lambda _c=False, number=counter.number: self.transfer_to(number))
        if self.mnu_transfer.isEmpty():
            self.mnu_transfer.addAction(self.tr("本所没有其他窗口")).setEnabled(False)

    @Slot()
    def _served(self) -> None:
        ticket, context = self.called, self._context
        if ticket is None:
            return
        self.called = None
        self._show_called()
        self.ticket_changed.emit(None)
        context.runner.run(lambda: context.core.queue.finish(ticket.id), lambda _r: self.refresh(), self._on_error)

    # ---- showing -----------------------------------------------------------------------------

    def _name(self, code: str) -> str:
        transaction = self._context.core.catalog.get(code)
        return self._context.pick(transaction.name_zh, transaction.name_en) if transaction else code

    def _state(self, case: CaseRow) -> str:
        return self._context.state_text(case.state)  # words in either language, not the state's code

    def apply_role(self) -> None:
        """Calling tickets and opening cases are offered to desk roles only."""
        self._show_called()

    def _show_called(self) -> None:
        ticket = self.called
        if ticket is None:
            self.lbl_called.setText(self.tr("当前无叫号"))
        else:
            if ticket.counter_number:  # this desk's window (setting counter_number), as the hall screen says it
                self.lbl_called.setText(self.tr("请 %1 号到 %2 号窗口办理").replace("%1", ticket.number)
                                        .replace("%2", str(ticket.counter_number)))
            else:
                self.lbl_called.setText(self.tr("请 %1 号到窗口办理").replace("%1", ticket.number))
        for button in (self.btn_served, self.btn_recall, self.btn_no_show, self.btn_transfer):
            button.setEnabled(ticket is not None)
        role = self._context.role
        desk = role is not None and may_handle_cases(role)
        self.btn_call_next.setVisible(desk)
        for button in (self.btn_served, self.btn_recall, self.btn_no_show, self.btn_transfer):
            button.setVisible(desk)
        self.btn_new_case.setVisible(desk)

    def _show(self) -> None:
        data = self.data
        fill_table(self.tbl_waiting, [self.tr("号码"), self.tr("取号时间"), self.tr("事项")], [
            (t.number, fmt_time(t.issued_at)[-5:], self._name(t.transaction_code) if t.transaction_code
             else self.tr("综合业务")) for t in data.waiting])
        fill_table(self.tbl_drafts, [self.tr("受理编号"), self.tr("事项"), self.tr("申请人"), self.tr("状态")],
                   [(c.number, self._name(c.transaction_code), c.applicant_name, self._state(c)) for c in data.drafts],
                   [c.number for c in data.drafts])
        due = ([(self.tr("超期"), c) for c in data.overdue] + [(self.tr("今日"), c) for c in data.due_today]
               + [(self.tr("将到期"), c) for c in data.due_soon])
        fill_table(self.tbl_due, [self.tr("受理编号"), self.tr("事项"), self.tr("申请人"), self.tr("到期")],
                   [(c.number, self._name(c.transaction_code), c.applicant_name,
                     f"{label} {fmt_date(c.due_date)[5:]}") for label, c in due], [c.number for _, c in due])
        review = self.review_rows()
        fill_table(self.tbl_review, [self.tr("受理编号"), self.tr("事项"), self.tr("申请人"), self.tr("审批"),
                                     self.tr("应办结日期")],
                   [(c.number, self._name(c.transaction_code), c.applicant_name, self._level(c),
                     fmt_date(c.due_date)) for c in review], [c.number for c in review])
        self.box_queue.setTitle(self.tr("排队叫号（等候 %1 人）").replace("%1", str(len(data.waiting))))
        self.box_drafts.setTitle(self.tr("草稿与待补正（%1）").replace("%1", str(len(data.drafts))))
        counts = data.due_counts
        self.box_due.setTitle(self.tr("到期提醒：超期 %1 · 今日 %2 · 即将 %3").replace("%1", str(counts[0])).replace(
            "%2", str(counts[1])).replace("%3", str(counts[2])))
        title = self.tr("待分局审批（%1）") if self._is_branch() else self.tr("待领导审批（%1）")
        self.box_review.setTitle(title.replace("%1", str(len(review))))
        self._show_clocks()
        self._show_called()

    def _is_branch(self) -> bool:
        role = self._context.role
        return role is not None and str(role) == "branch"

    def _level(self, case: CaseRow) -> str:
        """Who decides: 所领导, 分局 or 市局 (the case's Approval by value: the catalog's module stays off
        the sign-in path)."""
        return {"branch": self.tr("分局"), "city": self.tr("市局")}.get(case.approval.value, self.tr("所领导"))

    def review_rows(self) -> list[CaseRow]:
        """待审批 as the approver works down it: the soonest due first, as the store gives it (an approval
        already overdue at the top, not under the day's new ones). 分局户政 sees the branch-level cases only:
        the leader-level ones are the station leader's, and its own 下一件 counted only those."""
        if self._is_branch():
            return [c for c in self.data.review if c.approval.value == "branch"]
        return self.data.review

    def clock_rows(self) -> list[tuple[str, str, str, str, str]]:
        """(kind, number, who, what, when) of every clock and open follow-up; the number opens the case."""
        data, rows = self.data, []
        for d in data.deemed:
            rows.append((self.tr("视为受理"), d.case_number, d.applicant_name,
                         self.tr("5个工作日内未告知，自收件日起视为受理"),
                         self.tr("%1 收件").replace("%1", fmt_date(d.received_on))))
        for n in data.notices:
            state = (self.tr("公告期满，待作注销决定") if n.due
                     else self.tr("公告期内，还有 %1 天").replace("%1", str(n.days_left)))
            rows.append((self.tr("注销公告"), n.case_number, n.person_name, state,
                         self.tr("%1 止").replace("%1", fmt_date(n.ends_on))))
        for p in data.permits:
            state = (self.tr("还有 %1 天到期").replace("%1", str(p.days_left)) if p.days_left >= 0
                     else self.tr("已过期 %1 天").replace("%1", str(-p.days_left)))
            rows.append((self.tr("证件到期"), p.case_number, p.holder_name, f"{p.kind_zh} {p.serial}：{state}",
                         fmt_date(p.valid_until)))
        for b in data.follow_ups:
            names = "、".join(f.name_zh for f in b.open_follow_ups)
            rows.append((self.tr("一件事后续"), b.members[0].number if b.members else b.number, b.applicant_name,
                         f"{b.name_zh}：{names}", fmt_date(b.created_at.date())))
        return rows

    def _show_clocks(self) -> None:
        rows = self.clock_rows()
        fill_table(self.tbl_clocks, [self.tr("类型"), self.tr("受理编号"), self.tr("对象"), self.tr("情况"),
                                     self.tr("日期")], rows, [r[1] for r in rows])
        data = self.data
        self.box_clocks.setTitle(self.tr("法定时限与后续事项：视为受理 %1 · 注销公告 %2 · 证件到期 %3 · 一件事后续 %4")
                                 .replace("%1", str(len(data.deemed))).replace("%2", str(len(data.notices)))
                                 .replace("%3", str(len(data.permits))).replace("%4", str(len(data.follow_ups))))

    def _open(self, table: object, row: int) -> None:
        number = row_key(table, row)  # type: ignore[arg-type]
        if number:
            self.open_case_requested.emit(number)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.btn_call_next.setText(self.tr("叫号 (F3)"))
        self.btn_served.setText(self.tr("办结此号(&D)"))
        self.btn_recall.setText(self.tr("重呼 (F4)"))
        self.btn_no_show.setText(self.tr("过号 (F6)"))
        # After setText, which sets a button's shortcut from its text (none here without an &).
        self.btn_recall.setShortcut(QKeySequence("F4"))
        self.btn_no_show.setShortcut(QKeySequence("F6"))
        self.btn_transfer.setText(self.tr("转窗口"))
        self.btn_refresh.setText(self.tr("刷新 (F5)"))
        self.btn_new_case.setText(self.tr("新办业务 (Ctrl+N)"))
        self._show()
