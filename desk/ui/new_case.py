"""New case, one screen: ① identify the applicant → ② choose the transaction → ③ fill the form →
④ check the materials and decide (accept: receipt printed; supplement: one-time notice printed;
not accept: reason asked, notice printed).

The draft is opened as soon as the transaction is chosen and saved as the clerk types (the form's
debounced `values_changed` → `DraftSaver`, off the GUI thread), so closing or killing the app
loses nothing. A decision waits for the last save, then runs on a worker thread; the printed paper
goes to the PrintAdapter. Someone else changing the case meanwhile (ConcurrentChange) is told
plainly and the case is reloaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk.devices.card import IdCard
from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import Approval, Transaction
from desk.domain.errors import ConcurrentChange
from desk.domain.workflow import Action, CaseState, allowed_actions
from desk.qt.app_filters import paused
from desk.remote import SERVER_UNAVAILABLE
from desk.ui.context import DeskContext
from desk.ui.decision import accept_blockers
from desk.ui.dialogs import Asker
from desk.ui.draft_saver import DraftSaver
from desk.ui.identify_panel import Identified, IdentifyPanel
from desk.ui.transaction_picker import TransactionPicker
from desk.ui.widgets import banner, fmt_date, section_title, set_style_property, show_banner

if TYPE_CHECKING:
    from desk.domain.bundles import Bundle
    from desk.services.bundles import BundleDecided
    from desk.services.case_views import CaseView, CitizenView
    from desk.services.clocks import DeemedAcceptance
    from desk.services.decisions import Decided
    from desk.services.queue import TicketView
    from desk.ui.bundle_page import BundlePage

PAGE_WAIT, PAGE_PICK, PAGE_WORK, PAGE_DONE, PAGE_BUNDLE = range(5)


def applicant_facts(citizen: CitizenView) -> ApplicantFacts:
    """The facts the catalog's conditions see, as the case service derives them."""
    base = ApplicantFacts.from_id_number(citizen.id_number, nation=citizen.nation or None)
    return ApplicantFacts(birth_date=citizen.birth_date or base.birth_date, sex=citizen.sex or base.sex,
                          nation=citizen.nation or None, region=base.region)


class NewCaseView(QWidget):
    case_decided = Signal(str)
    open_case_requested = Signal(str)
    save_state_changed = Signal(str)
    step_changed = Signal(int)

    def __init__(self, context: DeskContext, asker: Asker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._asker = asker
        self.form: Any = None  # TransactionForm of the case being filled
        self.checklist: Any = None  # MaterialsChecklist beside it
        self.transaction: Transaction | None = None
        self._form_citizen: CitizenView | None = None  # the applicant of the form shown (its titles)
        self.citizen: CitizenView | None = None
        self.decided: Decided | None = None
        self.bundle_page: BundlePage | None = None  # a “一件事” bundle being filled in
        self.bundle_decided: BundleDecided | None = None
        # The queue ticket this desk called (Today): its transaction is chosen for the identified citizen
        # and the draft it becomes is linked to it (wait and service times then count for the case).
        self.ticket: TicketView | None = None
        self._swipe_target: str | None = None
        self._card_read = False  # the applicant was identified by reading their card (读卡核验)
        self._deciding = False
        self._last_save = ""
        self._awaiting_papers = False  # the case on the form waits for supplements (待补正), not a draft
        self._facts = ApplicantFacts()
        self.saver = DraftSaver(context, self)

        # create
        self.lbl_steps = [QLabel(self) for _ in range(4)]
        self.lbl_message = banner(self)
        self._banner_unreachable = False  # the banner says the city server could not be reached
        self.identify = IdentifyPanel(context, self)
        self.stk_pages = QStackedWidget(self)
        self.lbl_wait = QLabel(self.stk_pages)
        self.picker = TransactionPicker(context, self.stk_pages)
        self.page_work = QWidget(self.stk_pages)
        self.lbl_transaction = section_title("", self.page_work)
        self.lbl_applicant = QLabel(self.page_work)
        self.lbl_case = QLabel(self.page_work)
        self.wdg_form_slot = QWidget(self.page_work)
        self.frm_side = QFrame(self.page_work)
        self.scr_materials = QScrollArea(self.frm_side)
        self.lbl_blockers = QLabel(self.frm_side)
        self.btn_accept = QPushButton(self.frm_side)
        self.btn_accept_complete = QPushButton(self.frm_side)
        self.btn_supplement = QPushButton(self.frm_side)
        self.btn_not_accept = QPushButton(self.frm_side)
        self.page_done = QWidget(self.stk_pages)
        self.lbl_done_title = QLabel(self.page_done)
        self.lbl_done_detail = QLabel(self.page_done)
        self.btn_complete_now = QPushButton(self.page_done)
        self.btn_open_case = QPushButton(self.page_done)
        self.btn_next = QPushButton(self.page_done)
        self.page_bundle = QWidget(self.stk_pages)

        # configure
        for label in self.lbl_steps:
            label.setObjectName("step")
        self.identify.setFixedWidth(330)
        self.lbl_wait.setObjectName("hint")
        self.lbl_wait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lbl_wait.setWordWrap(True)
        self.lbl_case.setObjectName("subtle")
        # A long name and time limit (English: “Birth registration · Completed on the spot”) wraps
        # instead of being cut under the case number.
        self.lbl_transaction.setWordWrap(True)
        self.lbl_applicant.setObjectName("applicant")
        self.frm_side.setObjectName("side")
        self.frm_side.setFixedWidth(500)
        self.scr_materials.setWidgetResizable(True)
        self.scr_materials.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scr_materials.setFrameShape(QFrame.Shape.NoFrame)
        self.lbl_blockers.setObjectName("blockers")
        self.lbl_blockers.setWordWrap(True)
        self.btn_accept.setObjectName("primary")
        self.lbl_done_title.setObjectName("title")
        self.lbl_done_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lbl_done_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lbl_done_detail.setWordWrap(True)
        self.lbl_done_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.btn_next.setObjectName("primary")

        # connect
        self.identify.identified.connect(self._on_identified)
        self.identify.edt_id_number.returnPressed.connect(self._on_typed_lookup)
        self.identify.open_case_requested.connect(self.open_case_requested)
        self.picker.chosen.connect(self.choose)
        self.picker.bundle_chosen.connect(self.choose_bundle)
        self.btn_accept.clicked.connect(self.accept)
        self.btn_accept_complete.clicked.connect(self.accept_and_complete)
        self.btn_supplement.clicked.connect(self.request_supplement)
        self.btn_not_accept.clicked.connect(self.not_accept)
        self.btn_complete_now.clicked.connect(self.complete_now)
        self.btn_open_case.clicked.connect(self._open_decided)
        self.btn_next.clicked.connect(self.start)
        self.saver.state_changed.connect(self._on_save_state)
        self.saver.failed.connect(self._on_save_failed)

        # assemble
        steps = QHBoxLayout()
        for label in self.lbl_steps:
            steps.addWidget(label)
        steps.addStretch(1)
        side = QVBoxLayout(self.frm_side)
        side.addWidget(self.scr_materials, 1)
        side.addWidget(self.lbl_blockers)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_not_accept)
        buttons.addWidget(self.btn_supplement)
        side.addLayout(buttons)
        side.addWidget(self.btn_accept)
        side.addWidget(self.btn_accept_complete)
        self.lay_form_slot = QVBoxLayout(self.wdg_form_slot)
        self.lay_form_slot.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.lbl_transaction, 1)
        head.addWidget(self.lbl_case)
        left = QVBoxLayout()
        left.addLayout(head)
        left.addWidget(self.lbl_applicant)
        left.addWidget(self.wdg_form_slot, 1)
        work = QHBoxLayout(self.page_work)
        work.setContentsMargins(0, 0, 0, 0)
        work.addLayout(left, 1)
        work.addWidget(self.frm_side)
        done_buttons = QHBoxLayout()
        done_buttons.addStretch(1)
        for button in (self.btn_complete_now, self.btn_open_case, self.btn_next):
            done_buttons.addWidget(button)
        done_buttons.addStretch(1)
        done = QVBoxLayout(self.page_done)
        done.addStretch(1)
        done.addWidget(self.lbl_done_title)
        done.addWidget(self.lbl_done_detail)
        done.addSpacing(16)
        done.addLayout(done_buttons)
        done.addStretch(2)
        self.lay_bundle = QVBoxLayout(self.page_bundle)
        self.lay_bundle.setContentsMargins(0, 0, 0, 0)
        for page in (self.lbl_wait, self.picker, self.page_work, self.page_done, self.page_bundle):
            self.stk_pages.addWidget(page)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.identify)
        body.addWidget(self.stk_pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(steps)
        layout.addWidget(self.lbl_message)
        layout.addLayout(body, 1)
        self.retranslate_ui()
        self._set_page(PAGE_WAIT)

    # ---- the flow ----------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.stk_pages.currentIndex()

    @property
    def number(self) -> str | None:
        return self.saver.number

    @property
    def is_ready(self) -> bool:
        """The draft exists and the form and its checklist are shown: the clerk can fill and decide."""
        return self.saver.number is not None and self.form is not None and self.checklist is not None

    @Slot()
    def start(self) -> None:
        """A fresh new case: nobody identified yet."""
        self._leave_case()
        self._card_read = False
        self.identify.reset()
        self.identify.lock(False)
        show_banner(self.lbl_message, None)
        self._set_page(PAGE_WAIT)
        self.identify.edt_id_number.setFocus()

    def on_card(self, card: IdCard) -> None:
        """A card was read while this screen is shown: a related person, or the applicant."""
        if self.page == PAGE_WORK and self._swipe_target and self.form is not None:
            key, self._swipe_target = self._swipe_target, None
            self.form.fill_person(key, card.name, card.id_number)
            show_banner(self.lbl_message, None)
            from desk.services.citizens import CardFacts

            context, actor, facts = self._context, self._context.actor, CardFacts.from_card(card)
            context.runner.run(lambda: context.core.citizens.register_card(actor, facts), None, self._on_error)
            return
        focused = self.form.focused_person_key() if self.page == PAGE_WORK and self.form is not None else None
        if focused is not None:
            # A card placed while the cursor is in a person field (父亲, 母亲 …) fills that field.
            self._swipe_target = focused
            self.on_card(card)
            return
        if self.page == PAGE_WORK:
            show_banner(self.lbl_message, self.tr("读到 %1 的身份证。如要为其新办业务，请先按 Ctrl+N。").replace(
                "%1", card.name), "info")
            return
        if self.page == PAGE_DONE:
            self.start()
        self._card_read = True
        self.identify.identify_card(card)

    @Slot()
    def _on_typed_lookup(self) -> None:
        self._card_read = False  # a typed number checks no card

    @Slot(object)
    def set_ticket(self, ticket: TicketView | None) -> None:
        self.ticket = ticket

    @Slot(object)
    def _on_identified(self, result: Identified) -> None:
        self.citizen = result.citizen
        self._set_page(PAGE_PICK)
        self.picker.prepare()
        ticket = self.ticket
        wanted = ticket.transaction_code if ticket is not None and ticket.case_number is None else None
        transaction = self._context.core.catalog.get(wanted) if wanted else None
        if transaction is not None:  # the ticket says what the citizen came for: no need to pick it again
            self.choose(transaction)

    @Slot(object)
    def choose(self, transaction: Transaction) -> None:
        """Open a draft of `transaction` for the identified applicant and show its form."""
        citizen = self.citizen
        if citizen is None:
            return
        self._build_form(transaction, citizen)
        context, actor = self._context, self._context.actor
        context.runner.run(lambda: context.core.cases.open_draft(actor, citizen.id_number, transaction.code),
                           self._on_draft_opened, self._on_error)

    @Slot(object)
    def choose_bundle(self, bundle: Bundle) -> None:
        """A “一件事” bundle: one form for all its members (desk/ui/bundle_page.py)."""
        from desk.ui.bundle_page import BundlePage

        citizen = self.citizen
        if citizen is None:
            return
        self._leave_case()
        self.bundle_page = BundlePage(self._context, bundle, citizen, card_read=self._card_read,
                                      parent=self.page_bundle)
        self.bundle_page.decided.connect(self._on_bundle_decided)
        self.bundle_page.failed.connect(self._on_error)
        self.lay_bundle.addWidget(self.bundle_page)
        self.identify.lock(True)
        self._set_page(PAGE_BUNDLE)
        self.bundle_page.shared_form.focus_first_field()

    def _on_bundle_decided(self, decided: BundleDecided) -> None:
        self.bundle_decided = decided
        self.decided = None
        for member in decided.bundle.members:
            self.identify.note_case(member)
        self._context.print_papers(decided.papers)
        bundle = decided.bundle
        self.lbl_done_title.setText(self.tr("“一件事”已一并受理"))
        lines = [self.tr("套餐编号 %1").replace("%1", bundle.number)]
        for case in bundle.members:
            transaction = self._context.core.catalog.get(case.transaction_code)
            name = self._context.pick(transaction.name_zh, transaction.name_en) if transaction else ""
            state = self._context.state_text(case.state)
            lines.append(f"{case.number} · {name} · {state}")
        lines += [self.tr("%1（%2）已送打印机").replace("%1", paper.title_zh).replace("%2", paper.serial)
                  for paper in decided.papers]
        self.lbl_done_detail.setText("\n".join(lines))
        self.btn_complete_now.setVisible(False)
        self._set_page(PAGE_DONE)
        self.btn_next.setFocus()
        QTimer.singleShot(1, self._leave_bundle)
        self.case_decided.emit(bundle.members[0].number)

    def _leave_bundle(self) -> None:
        if self.bundle_page is not None:
            self.bundle_page.hide()
            self.bundle_page.deleteLater()
            self.bundle_page = None

    def _on_draft_opened(self, case: CaseView) -> None:
        if self.transaction is None or case.transaction_code != self.transaction.code or self.saver.number:
            return
        self.saver.attach(case.number, case.version)
        self._show_case_label()
        self._update_decision()
        self._link_ticket(case.number)

    def _link_ticket(self, case_number: str) -> None:
        ticket, context = self.ticket, self._context
        if ticket is None or ticket.case_number is not None:
            return
        actor = context.actor
        context.runner.run(lambda: context.core.queue.link_case(actor, ticket.id, case_number), self.set_ticket,
                           self._on_error)

    def resume(self, case: CaseView) -> None:
        """Continue a draft or a case waiting for supplements, with everything saved so far."""
        transaction = self._context.core.catalog.get(case.transaction_code)
        if transaction is None:
            return
        self._leave_case()
        show_banner(self.lbl_message, None)
        self.citizen = case.applicant
        self.identify.show_citizen(case.applicant, [])
        self._build_form(transaction, case.applicant, staged=False)
        self.form.set_values(case.form_values)
        self.checklist.set_received(m.key for m in case.materials)
        self.saver.attach(case.number, case.version)
        self._awaiting_papers = case.state is CaseState.SUPPLEMENT_REQUESTED
        self._show_case_label()
        self._update_decision()
        # An application left unanswered for more than five working days counts as accepted: say so.
        context, number = self._context, case.number
        context.runner.run(lambda: context.core.clocks.deemed_acceptance_of(number),
                           lambda deemed: self._show_deemed(number, deemed), lambda _error: None)

    def _show_deemed(self, number: str, deemed: DeemedAcceptance | None) -> None:
        if deemed is None or self.saver.number != number:
            return
        show_banner(self.lbl_message, self.tr(
            "该申请收件后 5 个工作日内（至 %1）未受理、未一次性告知，依法自收件之日（%2）起视为受理，请尽快办理。")
            .replace("%1", fmt_date(deemed.notice_due_on)).replace("%2", fmt_date(deemed.received_on)), "problem")

    def _build_form(self, transaction: Transaction, citizen: CitizenView, *, staged: bool = True) -> None:
        """Build the form, then show it, then build the materials checklist — `staged`: in three
        turns of the event loop, as building, laying out and styling all at once would hold the GUI
        thread for longer than a clerk should notice."""
        # The form engine is imported when the first form is built, not at start-up (the bootstrap
        # imports it ahead on a worker thread).
        from desk.forms.form_view import TransactionForm

        self._leave_case()
        facts, today, language = applicant_facts(citizen), self._context.today(), self._context.language
        self.transaction = transaction
        self._facts = facts
        with paused(self._context.app_filters):
            self.form = TransactionForm(transaction, facts, today, language, self.wdg_form_slot)
            self.form.hide()
        self.form.values_edited.connect(self._update_decision)
        self.form.values_changed.connect(self.saver.save)
        self.form.swipe_requested.connect(self._on_swipe_requested)
        if staged:
            # 1 ms, not 0: a zero timer runs before input and paint events already waiting.
            QTimer.singleShot(1, lambda form=self.form, citizen=citizen: self._show_form(form, citizen))
        else:
            self._show_form(self.form, citizen)
            self.attach_checklist()

    def _show_form(self, form: Any, citizen: CitizenView) -> None:
        if form is not self.form or self.transaction is None:
            return  # the clerk moved on meanwhile
        # Showing polishes and lays out every widget of the form at once: no input meanwhile.
        with paused(self._context.app_filters):
            self._show_built_form(form, self.transaction, citizen)

    def _show_built_form(self, form: Any, transaction: Transaction, citizen: CitizenView) -> None:
        self.lay_form_slot.addWidget(form)
        form.show()
        self._form_citizen = citizen
        self._show_form_titles()
        self.identify.lock(True)
        from desk.forms.field_widgets import PersonEditor

        for editor in form.editors().values():
            if isinstance(editor, PersonEditor):  # "即申请人" (F6): the applicant is often the father …
                editor.set_applicant(citizen.name, citizen.id_number)
        self._set_page(PAGE_WORK)
        self._update_decision()
        form.focus_first_field()
        if self.checklist is None:
            QTimer.singleShot(1, self.attach_checklist)

    @Slot()
    def attach_checklist(self) -> None:
        """Build the materials checklist beside the form (once per form)."""
        from desk.forms.materials_view import MaterialsChecklist

        if self.form is None or self.checklist is not None or self.transaction is None:
            return
        with paused(self._context.app_filters):
            self.checklist = MaterialsChecklist(self.transaction, self._facts, self._context.today(),
                                                self._context.language)
            self.checklist.update_for(self.form.values())
            if self._card_read:
                self.checklist.mark_card_read()
            self.scr_materials.setWidget(self.checklist)
        # The checklist follows the edit first, then the blockers are judged: connected in that
        # order, the blocker box never lags one edit behind the materials list.
        self.form.values_edited.disconnect(self._update_decision)
        self.form.values_edited.connect(self.checklist.update_for)
        self.form.values_edited.connect(self._update_decision)
        self.checklist.received_changed.connect(self._update_decision)
        self._update_decision()

    def _leave_case(self) -> None:
        self._leave_bundle()
        if self.form is not None:
            self.form.flush()  # a debounced save still pending goes out now
            self.form.hide()
            self.form.deleteLater()
        if self.checklist is not None:
            self.scr_materials.takeWidget()
            self.checklist.deleteLater()
        self.form = self.checklist = self.transaction = None
        self._swipe_target = None
        self._deciding = False
        self.saver.detach()
        self._awaiting_papers = False
        if self._last_save:  # no draft on the screen now: the status line stops speaking of one
            self._on_save_state("")

    def flush(self) -> None:
        if self.form is not None:
            self.form.flush()

    # ---- deciding ----------------------------------------------------------------------------

    def blockers(self) -> list[str]:
        if self.form is None or self.checklist is None:
            return []
        found = accept_blockers(self.form.problems(), self.form.eligibility(), self.checklist.missing(),
                                self.saver.number is not None)
        return [self._context.pick(b.message_zh, b.message_en) for b in found]

    @Slot()
    def _update_decision(self, *_args: object) -> None:
        if self.form is None:
            return
        blockers = self.blockers()
        if self.checklist is None:
            blockers = blockers or ["…"]
        ready = self.saver.number is not None and not self._deciding and self.checklist is not None
        self.btn_accept.setEnabled(ready and not blockers)
        self.btn_accept_complete.setVisible(self._on_the_spot())
        self.btn_accept_complete.setEnabled(ready and not blockers)
        self.btn_supplement.setEnabled(ready and bool(self.checklist and self.checklist.missing()))
        self.btn_not_accept.setEnabled(ready)
        if blockers:
            self.lbl_blockers.setText(self.tr("暂不能受理：") + "\n" + "\n".join(f"· {b}" for b in blockers))
        else:
            self.lbl_blockers.setText(self.tr("✓ 表单完整、符合条件、材料齐全，可以受理。"))
        set_style_property(self.lbl_blockers, "level", "problem" if blockers else "ok")
        self._show_step()

    @Slot()
    def accept(self) -> None:
        if self.page == PAGE_BUNDLE and self.bundle_page is not None:
            self.bundle_page.accept()  # Ctrl+Enter on a bundle: accept every member
            return
        if self.form is None or self._deciding:
            return
        if not self.btn_accept.isEnabled():
            self.form.show_all_problems()
            show_banner(self.lbl_message, "\n".join(self.blockers()), "problem")
            return
        values, received, verified = self.form.values(), self.checklist.received(), self.checklist.verified()
        self._decide(lambda decisions, actor, number, version: decisions.accept_and_route(
            actor, number, version, received, values, verified=verified))

    def _on_the_spot(self) -> bool:
        """A window-level case: the clerk may accept and complete it at once (受理并办结). The tier
        follows the form (a child registered years late goes to the branch), as acceptance will fix it."""
        if self.transaction is None:
            return False
        values = self.form.values() if self.form is not None else {}
        return self.transaction.resolve_tier(values, self._facts, self._context.today()).approval is Approval.CLERK

    @Slot()
    def accept_and_complete(self) -> None:
        """受理并办结 (Ctrl+Shift+Enter): one step, one paper — the completion notice."""
        if self.form is None or self._deciding or not self._on_the_spot():
            return
        if not self.btn_accept_complete.isEnabled():
            self.form.show_all_problems()
            show_banner(self.lbl_message, "\n".join(self.blockers()), "problem")
            return
        values, received, verified = self.form.values(), self.checklist.received(), self.checklist.verified()
        self._decide(lambda decisions, actor, number, version: decisions.accept_and_complete(
            actor, number, version, received, values, verified=verified))

    @Slot()
    def request_supplement(self) -> None:
        if self.form is None or self._deciding or not self.btn_supplement.isEnabled():
            return
        values, received, verified = self.form.values(), self.checklist.received(), self.checklist.verified()
        self._decide(lambda decisions, actor, number, version: decisions.supplement_and_issue(
            actor, number, version, received, values, verified=verified))

    @Slot()
    def not_accept(self) -> None:
        if self.form is None or self._deciding or not self.btn_not_accept.isEnabled():
            return
        # The notice cites one of the fixed procedural grounds (resources/refusals.toml) and its article;
        # the clerk's words say what happened in this case.
        grounds = self._context.core.refusal_rules.grounds
        labels = [self._context.pick(ground.text_zh, ground.text_en) for ground in grounds]
        answer = self._asker.refusal(self, self.tr("不予受理"), self.tr("不予受理的理由："), labels,
                                     self.tr("请说明本案的具体情况（将打印在通知书上）："))
        if answer is None:
            return
        index, reason = answer
        values, ground = self.form.values(), grounds[index].key
        self._decide(lambda decisions, actor, number, version: decisions.refuse_and_issue(
            actor, number, version, reason, values, ground=ground))

    def _decide(self, work: Any) -> None:
        self._deciding = True
        self._update_decision()
        self.form.flush()
        context, actor = self._context, self._context.actor

        def go(version: int) -> None:
            number = self.saver.number
            if number is None:
                return
            decisions = context.core.decisions
            context.runner.run(lambda: work(decisions, actor, number, version), self._on_decided,
                               self._on_decide_error)

        self.saver.after_idle(go)

    def _on_decided(self, decided: Decided) -> None:
        self._deciding = False
        self.decided = decided
        self.bundle_decided = None
        self._clear_banner()  # what it warned of (the server away, a stale form) is behind this decision
        self.saver.detach()  # the case is decided: nothing more is saved into it as a draft
        self.identify.note_case(decided.case)  # the panel beside the result lists it as it now is
        self._print(decided)
        self._show_done()
        self._set_page(PAGE_DONE)
        self.btn_next.setFocus()
        # The finished form is taken down in the next turn, after the result page is painted.
        QTimer.singleShot(1, lambda form=self.form: self._leave_case() if form is not None and form is self.form
                          else None)
        self.case_decided.emit(decided.case.number)

    def _on_decide_error(self, error: BaseException) -> None:
        self._deciding = False
        self._update_decision()
        self._on_error(error)

    @Slot()
    def complete_now(self) -> None:
        decided = self.decided
        if decided is None:
            return
        context, actor, case = self._context, self._context.actor, decided.case
        self.btn_complete_now.setEnabled(False)
        decisions = context.core.decisions
        context.runner.run(lambda: decisions.act_and_issue(actor, case.number, case.version, Action.COMPLETE),
                           self._on_decided, self._on_error)

    def _print(self, decided: Decided) -> None:
        self._context.print_papers(decided.papers)

    def _show_done(self) -> None:
        decided = self.decided
        if decided is None:
            return
        case, pick = decided.case, self._context.pick
        titles = {CaseState.ACCEPTED: self.tr("已受理"), CaseState.SUPPLEMENT_REQUESTED: self.tr("已出具一次性告知书"),
                  CaseState.NOT_ACCEPTED: self.tr("不予受理"), CaseState.COMPLETED: self.tr("已办结"),
                  CaseState.UNDER_REVIEW: self.tr("已受理，已提交领导审批")}
        above = {Approval.BRANCH: self.tr("已受理，报分局审批"), Approval.CITY: self.tr("已受理，报市局审批")}
        if case.state is CaseState.UNDER_REVIEW and case.approval in above:  # decided above the station
            titles[CaseState.UNDER_REVIEW] = above[case.approval]
        self.lbl_done_title.setText(titles.get(case.state, self._context.state_text(case.state)))
        lines = [self.tr("受理编号 %1 · 查询码 %2").replace("%1", case.number).replace("%2", case.lookup_code),
                 *(self.tr("%1（%2）已送打印机").replace("%1", paper.title_zh).replace("%2", paper.serial)
                   for paper in decided.papers)]
        if case.state is CaseState.UNDER_REVIEW and case.approval.above_station:
            lines.insert(1, self.tr("该申请已进入待审批队列，由上级机关审批，结果录入后通知申请人；无需再提交。"))
        elif case.state is CaseState.UNDER_REVIEW:
            lines.insert(1, self.tr("该申请已进入“待领导审批”，无需再提交。"))
        if case.state in (CaseState.ACCEPTED, CaseState.UNDER_REVIEW) and case.due_date is not None:
            lines.insert(1, self.tr("承诺办结日期：%1").replace("%1", fmt_date(case.due_date)))
        if case.state is CaseState.SUPPLEMENT_REQUESTED:
            missing = "、".join(pick(m.get("name_zh"), m.get("name_en")) for m in case.missing_materials)
            lines.insert(1, self.tr("需补正材料：%1").replace("%1", missing))
        self.lbl_done_detail.setText("\n".join(lines))
        role = self._context.role
        can_complete = role is not None and Action.COMPLETE in allowed_actions(
            case.facts, self._context.actor)
        self.btn_complete_now.setVisible(can_complete)
        self.btn_complete_now.setEnabled(can_complete)

    @Slot()
    def _open_decided(self) -> None:
        if self.decided is not None:
            self.open_case_requested.emit(self.decided.case.number)
        elif self.bundle_decided is not None:
            self.open_case_requested.emit(self.bundle_decided.bundle.members[0].number)

    # ---- reactions ---------------------------------------------------------------------------

    @Slot(str)
    def _on_swipe_requested(self, key: str) -> None:
        self._swipe_target = key
        spec = self.transaction.field(key) if self.transaction else None
        label = self._context.pick(spec.label_zh, spec.label_en) if spec else key
        show_banner(self.lbl_message, self.tr("请将“%1”的身份证放在读卡器上（F2 重新读卡）。").replace("%1", label),
                    "info")

    @Slot(str)
    def _on_save_state(self, state: str) -> None:
        self._last_save = state
        if state == "saved" and self._banner_unreachable:  # the server answers again: the warning is stale
            self._clear_banner()
        self.save_state_changed.emit(state)
        self._show_case_label()

    @Slot(object)
    def _on_save_failed(self, error: BaseException) -> None:
        self._on_error(error)

    def _on_error(self, error: BaseException) -> None:
        show_banner(self.lbl_message, self._context.error_text(error), "problem")
        self._banner_unreachable = getattr(error, "code", None) == SERVER_UNAVAILABLE
        if isinstance(error, ConcurrentChange) and self.saver.number:
            self._reload(self.saver.number)

    def _clear_banner(self) -> None:
        show_banner(self.lbl_message, None)
        self._banner_unreachable = False

    def _reload(self, number: str) -> None:
        context = self._context

        def reloaded(case: CaseView) -> None:
            if case.state in (CaseState.DRAFT, CaseState.SUPPLEMENT_REQUESTED):
                message = self.lbl_message.text()
                self.resume(case)
                show_banner(self.lbl_message, message + self.tr("（已重新载入最新内容）"), "problem")
            else:
                self._leave_case()
                self.open_case_requested.emit(case.number)

        context.runner.run(lambda: context.core.queries.get(number), reloaded, self._on_error)

    def _show_case_label(self) -> None:
        number = self.saver.number
        if number is None:
            self.lbl_case.setText(self.tr("正在建立草稿…"))
            return
        state = {"saving": self.tr("保存中…"), "saved": self.tr("已自动保存"), "failed": self.tr("保存失败")}.get(
            self._last_save, self.tr("待补正") if self._awaiting_papers else self.tr("草稿"))
        self.lbl_case.setText(f"{number} · {state}")

    def _set_page(self, page: int) -> None:
        self.stk_pages.setCurrentIndex(page)
        # While the form is filled in, the applicant's panel gives its room to the form.
        self.identify.setVisible(page not in (PAGE_WORK, PAGE_BUNDLE))
        self._show_step()
        self.step_changed.emit(page)

    def _show_step(self) -> None:
        page = self.page
        step = {PAGE_WAIT: 0, PAGE_PICK: 1, PAGE_WORK: 2, PAGE_DONE: 3, PAGE_BUNDLE: 2}[page]
        if page == PAGE_WORK and self.form is not None and not self.form.problems():
            step = 3  # the form is complete: what is left is checking the materials and deciding
        for index, label in enumerate(self.lbl_steps):
            # Re-polished only when a state changed: this runs on every keystroke in the form.
            if label.property("active") != (index == step) or label.property("done") != (index < step):
                label.setProperty("active", index == step)
                label.setProperty("done", index < step)
                label.style().unpolish(label)
                label.style().polish(label)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_form_titles(self) -> None:
        """The form page's title (item · time limit) and applicant line, in the screen's language — again
        after a language switch."""
        transaction, citizen = self.transaction, self._form_citizen
        if transaction is None or citizen is None:
            return
        limit = (self.tr("当场办结") if transaction.time_limit_days == 0
                 else self.tr("%1 个工作日").replace("%1", str(transaction.time_limit_days)))
        name = self._context.pick(transaction.name_zh, transaction.name_en)
        # The separator is the language's: full-width spaces round it in Chinese, plain ones in English.
        self.lbl_transaction.setText("③ " + self.tr("%1　·　%2").replace("%1", name).replace("%2", limit))
        sex = {"male": self.tr("男"), "female": self.tr("女")}.get(citizen.sex, "")
        self.lbl_applicant.setText(self.tr("申请人：%1　%2　%3").replace("%1", citizen.name).replace(
            "%2", sex).replace("%3", citizen.id_number))

    def retranslate_ui(self) -> None:
        self._show_form_titles()
        for label, text in zip(self.lbl_steps, (self.tr("① 核验身份"), self.tr("② 选择事项"), self.tr("③ 填写表单"),
                                                self.tr("④ 核对材料 · 决定")), strict=True):
            label.setText(text)
        self.lbl_wait.setText(self.tr("请申请人将身份证放在读卡器上。\n\n也可在左侧输入身份证号后按回车。"))
        self.btn_accept.setText(self.tr("受理并打印回执 (Ctrl+Enter)"))
        self.btn_accept_complete.setText(self.tr("受理并办结 (Ctrl+Shift+Enter)"))
        self.btn_supplement.setText(self.tr("一次性告知补正(&B)"))
        self.btn_not_accept.setText(self.tr("不予受理(&R)"))
        self.btn_complete_now.setText(self.tr("当场办结(&C)"))
        self.btn_open_case.setText(self.tr("查看申请(&V)"))
        self.btn_next.setText(self.tr("办理下一位 (Ctrl+N)"))
        self._show_done()
        self._update_decision()
