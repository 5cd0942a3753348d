"""Case view: the history timeline (who, when, what, why), the papers issued (reprint), and the next
allowed actions for the signed-in role — review, approve / deny by a leader (password asked again),
complete, withdraw. A change by someone else since the case was loaded is told and the case reloaded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.catalog import Approval
from desk.domain.errors import ConcurrentChange
from desk.domain.workflow import Action, CaseState, allowed_actions, soonest_due_first
from desk.ui.case_extras import CaseExtras, CaseExtrasPanel, load_extras
from desk.ui.context import DeskContext
from desk.ui.dialogs import Asker
from desk.ui.widgets import banner, fill_table, fmt_date, fmt_time, make_table, section_title, show_banner

if TYPE_CHECKING:
    from desk.domain.catalog import FieldSpec, Transaction
    from desk.services.case_views import CaseView
    from desk.services.decisions import Decided
    from desk.services.documents import IssuedPaper, PaperOffer

# Decisions made at the window live in the new-case flow; the case view offers "continue" for them.
_WINDOW_ACTIONS = (Action.ACCEPT, Action.REQUEST_SUPPLEMENT, Action.NOT_ACCEPT)
ACTION_EN = {Action.SUBMIT_FOR_REVIEW: "Submit for review", Action.APPROVE: "Approve", Action.DENY: "Deny",
             Action.COMPLETE: "Complete", Action.WITHDRAW: "Withdraw"}
ACTION_KEYS = {Action.SUBMIT_FOR_REVIEW: "Alt+S", Action.APPROVE: "Alt+A", Action.DENY: "Alt+J",
               Action.COMPLETE: "Alt+C", Action.WITHDRAW: "Alt+W"}
EVENT_LABELS_ZH = {"open": "建立草稿", **{a.value: a.label_zh for a in Action}}
# Stock approval opinions (审批意见); the approver may edit or type their own.
OPINIONS_ZH = ("同意办理。", "材料齐全，符合规定，同意办理。", "经核实，情况属实，同意办理。")


def value_text(spec: FieldSpec | None, value: object, pick: Callable[[str, str], str]) -> str:
    """A form value as the approver reads it: options by their label, yes/no, a person as 姓名（证件号）."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return pick("是", "yes") if value else pick("否", "no")
    if isinstance(value, dict):
        name, number = str(value.get("name") or ""), str(value.get("id_number") or "")
        return f"{name}（{number}）" if name and number else name or number or "—"
    if spec is not None and spec.options:
        for option in spec.options:
            if option.value == value:
                return pick(option.label_zh, option.label_en)
    return str(value)


def form_rows(transaction: Transaction | None, values: dict[str, Any],
              pick: Callable[[str, str], str]) -> list[tuple[str, str]]:
    """The filled form, field by field in the catalog's order (then any value the catalog no longer has)."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for spec in transaction.fields if transaction is not None else ():
        if spec.key in values:
            seen.add(spec.key)
            rows.append((pick(spec.label_zh, spec.label_en), value_text(spec, values[spec.key], pick)))
    rows += [(key, value_text(None, value, pick)) for key, value in values.items() if key not in seen]
    return rows


TITLE_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # a paper's title in the screen's language, on its list item
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def numbered(names: Sequence[str]) -> str:
    """Materials one after another, each with its number (①②…): their names hold 、 and 《》 themselves,
    so a list joined by 、 ran them together."""
    return "　".join(f"{CIRCLED[i] if i < len(CIRCLED) else f'({i + 1})'}{name}" for i, name in enumerate(names))


@dataclass(frozen=True)
class Loaded:
    case: CaseView
    documents: list[PaperOffer]
    extras: CaseExtras = field(default_factory=CaseExtras)


def load_case(context: DeskContext, number: str) -> Loaded:
    case = context.core.queries.get(number)
    if context.city_mode:
        _city_deciders()  # read resources/rights.toml here, on the worker, not when the buttons are laid out
    return Loaded(case, context.core.documents.papers_for(case), load_extras(context, case))


class CaseDetailView(QWidget):
    resume_requested = Signal(object)  # CaseView to continue in the new-case flow
    case_decided = Signal(str)  # a decision taken here: the citizen at the counter is asked to rate it
    back_requested = Signal()
    loaded = Signal()

    def __init__(self, context: DeskContext, asker: Asker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._asker = asker
        self.case: CaseView | None = None
        self.documents: list[PaperOffer] = []
        self._buttons: dict[Action, QPushButton] = {}
        self._keep_message = False
        # After a leader's 批准 / 不予批准: the other cases waiting for them, newest first (Today's order).
        self.next_reviews: list[str] = []

        # create
        self.btn_back = QPushButton(self)
        self.lbl_title = QLabel(self)
        self.lbl_state = QLabel(self)
        self.lbl_message = banner(self)
        self.wdg_facts = QWidget(self)
        self.lbl_facts = [QLabel(self.wdg_facts) for _ in range(8)]
        self.lbl_values = section_title("", self)
        self.tbl_values = make_table(self, stretch_column=1)
        self.lbl_history = section_title("", self)
        self.tbl_history = make_table(self, stretch_column=4)
        self.lbl_materials = QLabel(self)
        self.extras = CaseExtrasPanel(context, asker, self)
        self.lbl_documents = section_title("", self)
        self.lst_documents = QListWidget(self)
        self.btn_reprint = QPushButton(self)
        self.lbl_actions = section_title("", self)
        self.wdg_actions = QWidget(self)
        self.btn_resume = QPushButton(self.wdg_actions)
        self.lbl_opinion = QLabel(self.wdg_actions)
        self.cmb_opinion = QComboBox(self.wdg_actions)
        self.btn_next_review = QPushButton(self.wdg_actions)

        # configure
        self.lbl_title.setObjectName("title")
        self.lbl_state.setObjectName("state")
        self.lbl_materials.setWordWrap(True)
        for label in self.lbl_facts:
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lst_documents.setMaximumHeight(150)
        self.btn_resume.setObjectName("primary")
        self.cmb_opinion.setEditable(True)
        self.cmb_opinion.addItems(list(OPINIONS_ZH))
        self.cmb_opinion.setMinimumWidth(220)
        self.lbl_opinion.setBuddy(self.cmb_opinion)
        for action in (Action.SUBMIT_FOR_REVIEW, Action.APPROVE, Action.DENY, Action.COMPLETE, Action.WITHDRAW):
            button = QPushButton(self.wdg_actions)
            button.setObjectName("primary" if action in (Action.APPROVE, Action.COMPLETE) else "")
            button.clicked.connect(lambda _checked=False, action=action: self.take(action))
            button.setToolTip(ACTION_KEYS[action])
            self._buttons[action] = button

        # connect
        self.btn_back.clicked.connect(self.back_requested)
        self.btn_reprint.clicked.connect(self.reprint)
        self.lst_documents.itemActivated.connect(lambda _item: self.reprint())
        self.btn_resume.clicked.connect(self._resume)
        self.btn_next_review.clicked.connect(self.open_next_review)
        self.extras.changed.connect(self._on_extras_changed)
        self.extras.failed.connect(self._on_error)

        # assemble
        top = QHBoxLayout()
        top.addWidget(self.btn_back)
        top.addWidget(self.lbl_title, 1)
        top.addWidget(self.lbl_state)
        facts = QGridLayout(self.wdg_facts)
        facts.setContentsMargins(0, 0, 0, 0)
        for index, label in enumerate(self.lbl_facts):
            facts.addWidget(label, index // 2, index % 2)
        actions = QVBoxLayout(self.wdg_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.btn_resume)
        actions.addWidget(self.btn_next_review)
        actions.addWidget(self.lbl_opinion)
        actions.addWidget(self.cmb_opinion)
        for button in self._buttons.values():
            actions.addWidget(button)
        side = QVBoxLayout()
        side.addWidget(self.lbl_actions)
        side.addWidget(self.wdg_actions)
        side.addSpacing(12)
        side.addWidget(self.lbl_documents)
        side.addWidget(self.lst_documents)
        side.addWidget(self.btn_reprint)
        side.addStretch(1)
        main = QVBoxLayout()
        main.addWidget(self.wdg_facts)
        main.addWidget(self.lbl_materials)
        main.addWidget(self.extras)
        main.addWidget(self.lbl_values)
        main.addWidget(self.tbl_values, 1)
        main.addWidget(self.lbl_history)
        main.addWidget(self.tbl_history, 1)
        body = QHBoxLayout()
        body.addLayout(main, 1)
        body.addSpacing(16)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lbl_message)
        layout.addLayout(body, 1)
        self.retranslate_ui()

    # ---- loading -----------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget the case shown (sign-out): the next user sees nothing of it until it is loaded."""
        self.case, self.documents = None, []
        self.next_reviews = []
        self.btn_next_review.setVisible(False)
        self.extras.show_extras(None, CaseExtras())
        show_banner(self.lbl_message, None)
        self.tbl_history.setRowCount(0)
        self.tbl_values.setRowCount(0)
        self.lst_documents.clear()
        self._show_actions()

    def load(self, number: str, *, keep_message: bool = False) -> None:
        self._keep_message = keep_message
        self.next_reviews = []
        self.btn_next_review.setVisible(False)
        context = self._context
        context.runner.run(lambda: load_case(context, number), self._on_loaded, self._on_error)

    def _on_loaded(self, loaded: Loaded) -> None:
        self.case, self.documents = loaded.case, loaded.documents
        self.extras.show_extras(loaded.case, loaded.extras)
        if not self._keep_message:
            show_banner(self.lbl_message, None)
        self._keep_message = False
        self._show()
        self.loaded.emit()

    def _on_error(self, error: BaseException) -> None:
        show_banner(self.lbl_message, self._context.error_text(error), "problem")
        if isinstance(error, ConcurrentChange) and self.case is not None:
            self.load(self.case.number, keep_message=True)

    # ---- actions -----------------------------------------------------------------------------

    def allowed(self) -> list[Action]:
        return self._allowed_on(self.case)

    def _allowed_on(self, case: CaseView | None) -> list[Action]:
        if case is None or self._context.session is None:
            return []
        facts = case.facts
        actor = self._context.actor
        allowed = [a for a in allowed_actions(facts, actor) if a not in _WINDOW_ACTIONS]
        if self._context.city_mode and not _decides_in_city(case.approval, actor.role):
            # In city mode the server decides who approves (resources/rights.toml: a branch-level case is
            # the branch's): a leader is not offered 批准 only to be refused.
            allowed = [a for a in allowed if a not in (Action.APPROVE, Action.DENY)]
        return allowed

    def take(self, action: Action) -> None:
        case = self.case
        if case is None or action not in self.allowed():
            return
        label = self._action_label(action)
        password = reason = None
        if action is Action.APPROVE:
            reason = self.cmb_opinion.currentText().strip() or OPINIONS_ZH[0]  # 审批意见, kept and audited
        # The reason first, the password last: the password signs what was written, and a leader
        # who gives up at the reason has not typed it for nothing.
        if action in (Action.DENY, Action.WITHDRAW):
            reason = self._asker.reason(self, label, self.tr("请填写%1的理由：").replace("%1", label))
            if reason is None:
                return
        if action in (Action.APPROVE, Action.DENY):
            password = self._asker.password(self, label, self.tr("审批须再次输入您的登录密码："))
            if password is None:
                return
        context, actor = self._context, self._context.actor
        number, version = case.number, case.version
        for button in self._buttons.values():
            button.setEnabled(False)
        decisions = context.core.decisions
        context.runner.run(
            lambda: decisions.act_and_issue(actor, number, version, action, reason=reason, password=password),
            self._on_done, self._on_action_error)

    def _on_done(self, decided: Decided) -> None:
        self._context.print_papers(decided.papers)
        show_banner(self.lbl_message, self.tr("已完成：%1").replace("%1", self._context.state_text(decided.case.state)),
                    "ok")
        self.case_decided.emit(decided.case.number)
        self.load(decided.case.number, keep_message=True)
        if decided.case.state in (CaseState.APPROVED, CaseState.DENIED):
            self._find_next_reviews(decided.case.number)

    def _find_next_reviews(self, decided: str) -> None:
        """A leader works down the approvals waiting: offer the next one here, not back on Today."""
        context = self._context
        station = context.core.station_code

        def waiting() -> list[CaseView]:
            return context.core.queries.list(state=CaseState.UNDER_REVIEW, station_code=station, limit=200)

        def found(cases: list[CaseView]) -> None:
            if self.case is None or self.case.number != decided:
                return  # another case was opened meanwhile
            self.next_reviews = [c.number for c in soonest_due_first(cases) if c.number != decided
                                 and {Action.APPROVE, Action.DENY} & set(self._allowed_on(c))]
            self._show_next_review()

        context.runner.run(waiting, found, lambda _error: None)

    def _show_next_review(self) -> None:
        self.btn_next_review.setText(self.tr("下一件待审批（剩 %1 件）(&X)").replace("%1", str(len(self.next_reviews))))
        self.btn_next_review.setVisible(bool(self.next_reviews))

    @Slot()
    def open_next_review(self) -> None:
        if self.next_reviews:
            self.load(self.next_reviews[0])

    def _on_extras_changed(self, message: str) -> None:
        # A follow-up marked, a notice posted, papers reprinted: the clerk's own bookkeeping, often days
        # after the citizen left — not a decision to put to the evaluator on the citizen's screen.
        show_banner(self.lbl_message, message, "ok")
        if self.case is not None:
            self.load(self.case.number, keep_message=True)

    def _on_action_error(self, error: BaseException) -> None:
        self._show_actions()
        self._on_error(error)

    @Slot()
    def reprint(self) -> None:
        item, case = self.lst_documents.currentItem(), self.case
        if item is None or case is None:
            return
        kind = str(item.data(Qt.ItemDataRole.UserRole))
        title = str(item.data(TITLE_ROLE))  # in the screen's language (the paper's own title is Chinese)
        context, actor = self._context, self._context.actor

        def done(paper: IssuedPaper) -> None:
            self._context.print_papers([paper])
            show_banner(self.lbl_message, self.tr("%1 已重新送打印").replace("%1", title), "ok")

        documents = context.core.documents
        context.runner.run(lambda: documents.case_document(kind, case.number, actor=actor), done, self._on_error)

    @Slot()
    def _resume(self) -> None:
        if self.case is not None:
            self.resume_requested.emit(self.case)

    # ---- showing -----------------------------------------------------------------------------

    def _action_label(self, action: Action) -> str:
        return action.label_zh if self._context.is_chinese else ACTION_EN.get(action, action.value)

    def _event_word(self, name: str) -> str:
        """A history entry's action in English words (the Chinese ones are EVENT_LABELS_ZH)."""
        if name == "open":
            return self.tr("建立草稿")
        if name in {a.value for a in Action}:
            word = self._context.word(f"action.{name}")
            return word[:1].upper() + word[1:]
        return name.replace("_", " ")

    def _button_label(self, action: Action) -> str:
        """The action's name on its button; a case decided above the station (分局 / 市局审批) says that the
        station's 批准 / 不予批准 records that organ's decision, not the station leader's own."""
        approval = self.case.approval if self.case is not None else None
        if action is Action.APPROVE and approval is Approval.BRANCH:
            return self.tr("录入分局批准")
        if action is Action.DENY and approval is Approval.BRANCH:
            return self.tr("录入分局不予批准")
        if action is Action.APPROVE and approval is Approval.CITY:
            return self.tr("录入市局批准")
        if action is Action.DENY and approval is Approval.CITY:
            return self.tr("录入市局不予批准")
        return self._action_label(action)

    def _show(self) -> None:
        case = self.case
        if case is None:
            return
        pick = self._context.pick
        transaction = self._context.core.catalog.get(case.transaction_code)
        name = pick(transaction.name_zh, transaction.name_en) if transaction else case.transaction_code
        self.lbl_title.setText(f"{case.number}　{name}")
        self.lbl_state.setText(self._context.state_text(case.state))
        approval = pick(case.approval.label_zh, case.approval.label_en)
        facts = [
            self.tr("申请人：%1（%2）").replace("%1", case.applicant.name).replace("%2", case.applicant.id_number),
            self.tr("查询码：%1").replace("%1", case.lookup_code),
            self.tr("建立：%1").replace("%1", fmt_time(case.created_at)),
            self.tr("受理：%1").replace("%1", fmt_time(case.accepted_at) or "—"),
            self.tr("审批层级：%1").replace("%1", approval),
            self.tr("承诺办结日期：%1").replace("%1", fmt_date(case.due_date) or "—"),
            self.tr("办结：%1").replace("%1", fmt_time(case.completed_at) or "—"),
            self.tr("决定理由：%1").replace("%1", case.decision_reason or "—"),
        ]
        for label, text in zip(self.lbl_facts, facts, strict=True):
            label.setText(text)
        names = {m.key: pick(m.name_zh, m.name_en) for m in transaction.materials} if transaction else {}
        received = numbered([names.get(m.key) or m.name_zh for m in case.materials])
        text = self.tr("已收材料：%1").replace("%1", received or "—")
        if case.missing_materials:
            missing = numbered([pick(m.get("name_zh"), m.get("name_en")) for m in case.missing_materials])
            text += "\n" + self.tr("待补正材料：%1").replace("%1", missing)
        self.lbl_materials.setText(text)
        rows = []
        for event in case.events:
            action = EVENT_LABELS_ZH.get(event.action, event.action) if self._context.is_chinese else event.action
            source = CaseState(event.from_state).label_zh if event.from_state else "—"
            target = CaseState(event.to_state).label_zh
            if not self._context.is_chinese:  # words, not the codes (submit_for_review, under_review)
                action = self._event_word(event.action)
                source = self._context.state_text(CaseState(event.from_state)) if event.from_state else "—"
                target = self._context.state_text(CaseState(event.to_state))
            rows.append((fmt_time(event.at), event.actor_name, action, f"{source} → {target}", event.reason or ""))
        headers = [self.tr("时间"), self.tr("经办人"), self.tr("操作"), self.tr("状态"), self.tr("理由")]
        fill_table(self.tbl_history, headers, rows)
        fill_table(self.tbl_values, [self.tr("项目"), self.tr("填写内容")],
                   form_rows(transaction, case.form_values, pick))
        self.lst_documents.clear()
        for paper in self.documents:  # titled by the document service, as the paper prints it
            # Its serial under it (the paper's own number); one the case may have but was not given yet
            # says so — the list is of what the case was really issued.
            under = paper.serial or self.tr("尚未出具，可打印")
            if paper.void_by:  # replaced by a 补发: listed (it was issued), not printed again
                under = self.tr("%1（已作废，由 %2 补发替代）").replace("%1", paper.serial).replace("%2", paper.void_by)
            title = self._context.word(paper.title_key)
            title = title[:1].upper() + title[1:]  # a title standing alone: "One-time supplement notice"
            item = QListWidgetItem(f"{title}\n{under}")
            item.setData(Qt.ItemDataRole.UserRole, paper.kind)
            item.setData(TITLE_ROLE, title)
            self.lst_documents.addItem(item)
        if self.lst_documents.count():
            self.lst_documents.setCurrentRow(0)
        self.btn_reprint.setEnabled(bool(self.documents))
        self._show_actions()

    def refresh_actions(self) -> None:
        self._show_actions()

    def _show_actions(self) -> None:
        allowed = self.allowed()
        for action, button in self._buttons.items():
            button.setText(self._button_label(action))
            # Every decision by the keyboard (after setText, which resets a button's shortcut; the
            # label stays the action's name: the dialogs are titled by it).
            button.setShortcut(QKeySequence(ACTION_KEYS[action]))
            button.setVisible(action in allowed)
            button.setEnabled(True)
        case = self.case
        role = self._context.role
        can_resume = (case is not None and case.state in (CaseState.DRAFT, CaseState.SUPPLEMENT_REQUESTED)
                      and role is not None and role.value in ("clerk", "leader"))
        self.btn_resume.setVisible(can_resume)
        deciding = Action.APPROVE in allowed or Action.DENY in allowed
        self.lbl_opinion.setVisible(deciding)
        self.cmb_opinion.setVisible(deciding)
        none = not allowed and not can_resume
        self.lbl_actions.setText(self.tr("可办理的操作") if not none else self.tr("可办理的操作：无"))
        if deciding and case is not None and case.approval.above_station:
            self.lbl_actions.setText(self.tr("录入分局的审批结果") if case.approval is Approval.BRANCH
                                     else self.tr("录入市局的审批结果"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.btn_back.setText(self.tr("← 返回"))
        self.lbl_history.setText(self.tr("办理经过"))
        self.lbl_values.setText(self.tr("申请内容（只读）"))
        # Written with 批准 only: a refusal asks for its own reason (the box's 同意办理 beside 不予批准 misled).
        self.lbl_opinion.setText(self.tr("批准意见(&O)："))
        self.cmb_opinion.setToolTip(self.tr("批准时记入审批意见；不予批准时另行填写理由"))
        self.lbl_documents.setText(self.tr("已出具文书"))
        self.btn_reprint.setText(self.tr("重新打印所选文书(&P)"))
        self.btn_resume.setText(self.tr("继续办理(&E)"))
        self._show_next_review()
        self._show()
        self._show_actions()


@functools.cache
def _city_deciders() -> dict[str, frozenset[str]]:
    from desk.services.rights import RightsPolicy

    return {str(level): frozenset(str(role) for role in roles) for level, roles in RightsPolicy.load().deciders.items()}


def _decides_in_city(approval: object, role: object) -> bool:
    return str(role) in _city_deciders().get(str(approval), frozenset())
