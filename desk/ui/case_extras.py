"""The case view's panel for what the law and the bundles add to a case:

- **视为受理** — the case counts as accepted (no answer within five working days of its receipt);
- **“一件事”** — the bundle it belongs to, its follow-ups at other agencies, each marked 已转介 or
  已办结 here, and the bundle's receipt and referral list reprinted;
- **注销公告** — for a duplicate registration: post the 30-day notice (printed), and after the 30
  days decide (cancel, or keep on an objection).

Each button is one use case on the context's runner; `changed` asks the case view to reload.
Thread contract: GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desk.domain.workflow import OPEN_STATES, CaseState
from desk.services.public_notices import NOTICE_TRANSACTIONS
from desk.ui.context import DeskContext
from desk.ui.dialogs import Asker
from desk.ui.widgets import fmt_date

if TYPE_CHECKING:
    from collections.abc import Sequence

    from desk.services.bundles import BundleView
    from desk.services.case_views import CaseView
    from desk.services.chain_follow_ups import TrackedRecord
    from desk.services.clocks import DeemedAcceptance
    from desk.services.public_notices import NoticeView


@dataclass(frozen=True)
class CaseExtras:
    deemed: DeemedAcceptance | None = None
    bundle: BundleView | None = None
    notices: list[NoticeView] = field(default_factory=list)
    chain: list[TrackedRecord] = field(default_factory=list)  # 连锁变更: records elsewhere to follow


def load_extras(context: DeskContext, case: CaseView) -> CaseExtras:
    """Worker thread: the clocks, bundle and notices of one case."""
    core = context.core
    notices = core.notices.for_case(case.number) if case.transaction_code in NOTICE_TRANSACTIONS else []
    chain = (core.chain_follow_ups.tracked(case.number) if case.state is CaseState.COMPLETED
             and core.chain_rules.for_transaction(case.transaction_code) is not None else [])
    return CaseExtras(core.clocks.deemed_acceptance_of(case.number), core.bundles.for_case(case.number), notices,
                      chain)


class CaseExtrasPanel(QWidget):
    changed = Signal(str)  # a message for the case view's banner; it reloads the case
    failed = Signal(object)

    def __init__(self, context: DeskContext, asker: Asker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._asker = asker
        self.case: CaseView | None = None
        self.extras = CaseExtras()

        # create
        self.lbl_deemed = QLabel(self)
        self.lbl_bundle = QLabel(self)
        self.lst_follow_ups = QListWidget(self)
        self.btn_referred = QPushButton(self)
        self.btn_done = QPushButton(self)
        self.btn_bundle_papers = QPushButton(self)
        self.lbl_notice = QLabel(self)
        self.btn_publish = QPushButton(self)
        self.btn_cancel_registration = QPushButton(self)
        self.btn_keep_registration = QPushButton(self)

        # configure
        for label in (self.lbl_deemed, self.lbl_bundle, self.lbl_notice):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_deemed.setObjectName("blockers")
        self.lbl_deemed.setProperty("level", "problem")
        self.lst_follow_ups.setMaximumHeight(110)

        # connect
        self.btn_referred.clicked.connect(lambda: self._mark("referred"))
        self.btn_done.clicked.connect(lambda: self._mark("done"))
        self.btn_bundle_papers.clicked.connect(self._reprint_bundle)
        self.btn_publish.clicked.connect(self._publish)
        self.btn_cancel_registration.clicked.connect(lambda: self._decide(keep=False))
        self.btn_keep_registration.clicked.connect(lambda: self._decide(keep=True))

        # assemble
        follow_buttons = QHBoxLayout()
        for button in (self.btn_referred, self.btn_done, self.btn_bundle_papers):
            follow_buttons.addWidget(button)
        follow_buttons.addStretch(1)
        notice_buttons = QHBoxLayout()
        for button in (self.btn_publish, self.btn_cancel_registration, self.btn_keep_registration):
            notice_buttons.addWidget(button)
        notice_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lbl_deemed)
        layout.addWidget(self.lbl_bundle)
        layout.addWidget(self.lst_follow_ups)
        layout.addLayout(follow_buttons)
        layout.addWidget(self.lbl_notice)
        layout.addLayout(notice_buttons)
        self.retranslate_ui()
        self.show_extras(None, CaseExtras())

    def show_extras(self, case: CaseView | None, extras: CaseExtras) -> None:
        self.case, self.extras = case, extras
        deemed, bundle = extras.deemed, extras.bundle
        self.lbl_deemed.setVisible(deemed is not None)
        if deemed is not None:
            self.lbl_deemed.setText(self.tr(
                "依法视为受理：收件后 5 个工作日内（至 %1）未出具受理、一次性告知或不予受理，"
                "自收件之日（%2）起即视为受理（《行政许可法》第三十二条）。").replace(
                "%1", fmt_date(deemed.notice_due_on)).replace("%2", fmt_date(deemed.received_on)))
        self.lbl_bundle.setVisible(bundle is not None)
        self.lst_follow_ups.setVisible(bundle is not None and bool(bundle.follow_ups))
        for button in (self.btn_referred, self.btn_done, self.btn_bundle_papers):
            button.setVisible(bundle is not None)
        self.lst_follow_ups.clear()
        chain = bool(extras.chain) and bundle is None  # the same list and buttons serve the chained changes
        if chain:
            self.lst_follow_ups.setVisible(True)
            for button in (self.btn_referred, self.btn_done):
                button.setVisible(True)
            self.lbl_bundle.setVisible(True)
            self.lbl_bundle.setText(self.tr("公民信息连锁变更：以下记录须随之变更，逐项登记已转介或已办结。"))
            words = {"open": self.tr("待办"), "referred": self.tr("已转介"), "done": self.tr("已办结")}
            for tracked in extras.chain:
                record = tracked.record
                item = QListWidgetItem(f"[{words[tracked.state]}] {record.name_zh} — {record.agency_zh}")
                item.setData(Qt.ItemDataRole.UserRole, record.key)
                self.lst_follow_ups.addItem(item)
            self.lst_follow_ups.setCurrentRow(0)
        if bundle is not None:
            numbers = "、".join(m.number for m in bundle.members)
            self.lbl_bundle.setText(self.tr("属于“一件事”%1（%2）：%3").replace("%1", bundle.number).replace(
                "%2", self._context.pick(bundle.name_zh, bundle.name_en)).replace("%3", numbers))
            for follow_up in bundle.follow_ups:
                item = QListWidgetItem(f"[{follow_up.state_zh}] {follow_up.name_zh} — {follow_up.agency_zh}")
                item.setData(Qt.ItemDataRole.UserRole, follow_up.key)
                self.lst_follow_ups.addItem(item)
            if self.lst_follow_ups.count():
                self.lst_follow_ups.setCurrentRow(0)
        self._show_notice()

    def _show_notice(self) -> None:
        case = self.case
        applies = case is not None and case.transaction_code in NOTICE_TRANSACTIONS
        running = next((n for n in self.extras.notices if n.state == "running"), None)
        today = self._context.today()
        can_publish = applies and running is None and case is not None and case.state in OPEN_STATES
        self.btn_publish.setVisible(bool(can_publish))
        due = running is not None and today > running.ends_on
        self.btn_cancel_registration.setVisible(due)
        self.btn_keep_registration.setVisible(due)
        texts = []
        for notice in self.extras.notices:
            state = {"running": self.tr("公告期内"), "cancelled": self.tr("期满无异议，已注销"),
                     "kept": self.tr("有异议，保留户口")}.get(notice.state, notice.state)
            texts.append(self.tr("注销公告 %1：%2 至 %3，%4").replace("%1", notice.serial).replace(
                "%2", fmt_date(notice.published_on)).replace("%3", fmt_date(notice.ends_on)).replace("%4", state))
        if due:
            texts.append(self.tr("公告期已满，请作出决定。"))
        self.lbl_notice.setText("\n".join(texts))
        self.lbl_notice.setVisible(bool(texts))

    # ---- actions -------------------------------------------------------------------------------

    def _mark(self, state: str) -> None:
        bundle, item = self.extras.bundle, self.lst_follow_ups.currentItem()
        if item is not None and bundle is None and self.extras.chain and self.case is not None:
            context, actor, number = self._context, self._context.actor, self.case.number
            record_key, chain = str(item.data(Qt.ItemDataRole.UserRole)), context.core.chain_follow_ups
            context.runner.run(lambda: chain.mark(actor, number, record_key, state),
                               lambda _tracked: self.changed.emit(self.tr("连锁变更已登记。")), self.failed.emit)
            return
        if bundle is None or item is None:
            return
        key = str(item.data(Qt.ItemDataRole.UserRole))
        context, actor, number = self._context, self._context.actor, bundle.number
        bundles = context.core.bundles
        context.runner.run(lambda: bundles.set_follow_up(actor, number, key, state),
                           lambda _view: self.changed.emit(self.tr("后续事项已登记。")), self.failed.emit)

    @Slot()
    def _reprint_bundle(self) -> None:
        bundle = self.extras.bundle
        if bundle is None:
            return
        context, actor, number = self._context, self._context.actor, bundle.number
        bundles, kinds = context.core.bundles, bundle.papers  # with a completed member's certificate

        def papers() -> list[object]:
            return [bundles.paper(kind, number, actor=actor) for kind in kinds]

        def done(issued: list[object]) -> None:
            context.print_papers(issued)  # type: ignore[arg-type]
            self.changed.emit(self.reprinted_text(kinds))

        context.runner.run(papers, done, self.failed.emit)

    def reprinted_text(self, kinds: Sequence[str]) -> str:
        """What the bundle's reprint sent to the printer — a completed member's certificate named too."""
        certificates = [self._context.word(f"paper.{kind}") for kind in kinds
                        if kind not in ("bundle_receipt", "referral_list")]
        if not certificates:
            return self.tr("“一件事”回执和后续事项告知单已送打印。")
        return self.tr("“一件事”回执、后续事项告知单和%1已送打印。").replace("%1", self.tr("、").join(certificates))

    @Slot()
    def _publish(self) -> None:
        case = self.case
        if case is None:
            return
        context, actor, number = self._context, self._context.actor, case.number
        notices = context.core.notices

        def done(issued: object) -> None:
            context.print_papers([issued.paper])  # type: ignore[attr-defined]
            self.changed.emit(self.tr("注销公告已发布并送打印，公告期 30 日。"))

        context.runner.run(lambda: notices.publish(actor, number), done, self.failed.emit)

    def _decide(self, *, keep: bool) -> None:
        running = next((n for n in self.extras.notices if n.state == "running"), None)
        if running is None:
            return
        objection = ""
        if keep:
            answer = self._asker.reason(self, self.tr("有异议，保留户口"), self.tr("请填写异议情况："))
            if not answer:
                return
            objection = answer
        context, actor, serial = self._context, self._context.actor, running.serial
        notices = context.core.notices
        context.runner.run(lambda: notices.decide(actor, serial, objection=objection),
                           lambda _view: self.changed.emit(self.tr("注销公告已作出决定。")), self.failed.emit)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.btn_referred.setText(self.tr("所选后续事项：已转介"))
        self.btn_done.setText(self.tr("所选后续事项：已办结"))
        self.btn_bundle_papers.setText(self.tr("重新打印回执和告知单"))
        self.btn_publish.setText(self.tr("发布注销公告（30日）"))
        self.btn_cancel_registration.setText(self.tr("期满无异议，注销重复户口"))
        self.btn_keep_registration.setText(self.tr("有异议，保留户口"))
        if self.case is not None:
            self.show_extras(self.case, self.extras)
