"""Step ③–④ of a “一件事” bundle: one form. The fields the members share are asked once at the top
(共用信息) and copied into every member's form, where they show but cannot be typed again; each
member has a tab with its own fields and, beside it, its materials. Optional members are ticked in.
One button accepts everything — `BundleService.start_and_accept`, one transaction — and prints one
receipt listing every member case, with the list of follow-ups at other agencies.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.domain.bundles import Bundle
from desk.domain.catalog import Transaction
from desk.qt.app_filters import paused
from desk.ui.context import DeskContext
from desk.ui.decision import accept_blockers
from desk.ui.widgets import section_title, set_style_property

if TYPE_CHECKING:
    from desk.services.bundles import BundleDecided
    from desk.services.case_views import CitizenView


class BundlePage(QWidget):
    """The bundle's form. Thread contract: GUI thread only; the decision runs on the context's runner."""

    decided = Signal(object)  # BundleDecided
    failed = Signal(object)  # the error

    def __init__(self, context: DeskContext, bundle: Bundle, citizen: CitizenView, *, card_read: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desk.forms.field_widgets import PersonEditor
        from desk.forms.form_view import TransactionForm
        from desk.forms.materials_view import MaterialsChecklist
        from desk.ui.new_case import applicant_facts

        self._context = context
        self.bundle = bundle
        self.citizen = citizen
        self._deciding = False
        catalog = context.core.catalog
        facts, today, language = applicant_facts(citizen), context.today(), context.language
        self.transactions: dict[str, Transaction] = {m.transaction_code: catalog[m.transaction_code]
                                                     for m in bundle.members}
        first = self.transactions[bundle.members[0].transaction_code]
        shared_transaction = replace(first, code=bundle.code, name_zh=bundle.name_zh, name_en=bundle.name_en,
                                     fields=tuple(s.spec for s in bundle.shared), materials=(), rules=())

        # create
        self.scr_column = QScrollArea(self)
        self.lbl_title = section_title("", self)
        self.lbl_applicant = QLabel(self)
        self.lbl_shared = QLabel(self)
        with paused(context.app_filters):
            self.shared_form = TransactionForm(shared_transaction, facts, today, language, self)
            self.tab_members = QTabWidget(self)
            self.forms: dict[str, Any] = {}
            self.checklists: dict[str, Any] = {}
            for member in bundle.members:
                code = member.transaction_code
                self.forms[code] = TransactionForm(self.transactions[code], facts, today, language,
                                                   self.tab_members)
                self.checklists[code] = MaterialsChecklist(self.transactions[code], facts, today, language)
        self.chk_members: dict[str, QCheckBox] = {}
        self.frm_side = QFrame(self)
        self.lbl_members = QLabel(self.frm_side)
        for member in bundle.members:
            if member.optional:
                self.chk_members[member.transaction_code] = QCheckBox(self.frm_side)
        self.stk_materials = QStackedWidget(self.frm_side)
        self.lbl_blockers = QLabel(self.frm_side)
        self.btn_accept = QPushButton(self.frm_side)

        # configure
        self.scr_column.setWidgetResizable(True)
        self.scr_column.setFrameShape(QFrame.Shape.NoFrame)
        self.scr_column.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lbl_applicant.setObjectName("applicant")
        self.lbl_shared.setObjectName("subtle")
        self.frm_side.setObjectName("side")
        self.frm_side.setFixedWidth(460)
        self.lbl_blockers.setObjectName("blockers")
        self.lbl_blockers.setWordWrap(True)
        self.btn_accept.setObjectName("primary")
        # One scrolling column: the shared part and the member's form each as tall as their fields (at
        # 1366×768 the two stacked scroll areas hid the shared part's last hint and the member's 父亲).
        self.shared_form.show_whole()
        for code, form in self.forms.items():
            form.fill_elsewhere(set(bundle.shared_targets(code)))  # asked once, above
            scroll = QScrollArea(self.stk_materials)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self.checklists[code])
            self.stk_materials.addWidget(scroll)
            form.show_whole()
            self.tab_members.addTab(form, context.pick(self.transactions[code].name_zh,
                                                       self.transactions[code].name_en))
            if card_read:
                self.checklists[code].mark_card_read()
            for field_editor in form.editors().values():
                if isinstance(field_editor, PersonEditor):  # 即申请人 (F6)
                    field_editor.set_applicant(citizen.name, citizen.id_number)

        # connect
        self.shared_form.values_edited.connect(self._push_shared)
        self.tab_members.currentChanged.connect(self.stk_materials.setCurrentIndex)
        for code, form in self.forms.items():
            form.values_edited.connect(self.checklists[code].update_for)
            form.values_edited.connect(self._update)
            self.checklists[code].received_changed.connect(self._update)
        for box in self.chk_members.values():
            box.toggled.connect(self._update)
        self.btn_accept.clicked.connect(self.accept)

        # assemble
        side = QVBoxLayout(self.frm_side)
        side.addWidget(self.lbl_members)
        for box in self.chk_members.values():
            side.addWidget(box)
        side.addWidget(self.stk_materials, 1)
        side.addWidget(self.lbl_blockers)
        side.addWidget(self.btn_accept)
        column = QWidget()
        left = QVBoxLayout(column)
        left.setContentsMargins(0, 0, 8, 0)
        left.addWidget(self.lbl_title)
        left.addWidget(self.lbl_applicant)
        left.addWidget(self.lbl_shared)
        left.addWidget(self.shared_form)
        left.addWidget(self.tab_members)
        left.addStretch(1)
        self.scr_column.setWidget(column)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scr_column, 1)
        layout.addWidget(self.frm_side)
        self.retranslate_ui()
        self._push_shared()
        self.shared_form.focus_first_field()

    # ---- what the flow asks -------------------------------------------------------------------

    def included(self) -> list[str]:
        """The member codes this bundle will open: every required one, and the optional ones ticked."""
        return [m.transaction_code for m in self.bundle.members
                if not m.optional or self.chk_members[m.transaction_code].isChecked()]

    def blockers(self) -> list[str]:
        pick = self._context.pick
        found: list[str] = []
        shared_problems = self.shared_form.problems()
        if shared_problems:
            found.append(self.tr("共用信息：") + pick(shared_problems[0].message_zh, shared_problems[0].message_en))
        for code in self.included():
            form, checklist = self.forms[code], self.checklists[code]
            name = pick(self.transactions[code].name_zh, self.transactions[code].name_en)
            for blocker in accept_blockers(form.problems(), form.eligibility(), checklist.missing(), True):
                found.append(f"{name}：{pick(blocker.message_zh, blocker.message_en)}")
        return found

    def member_form(self, code: str) -> Any:
        return self.forms[code]

    # ---- reactions ----------------------------------------------------------------------------

    @Slot()
    def _push_shared(self, *_args: object) -> None:
        """Copy the shared values into every member's form (its own values kept)."""
        shared = self.shared_form.values()
        for code, form in self.forms.items():
            targets = self.bundle.shared_targets(code)
            own = {k: v for k, v in form.values().items() if k not in targets}
            form.set_values(self.bundle.member_values(code, shared, own))
        self._update()

    @Slot()
    def _update(self, *_args: object) -> None:
        for index, member in enumerate(self.bundle.members):
            self.tab_members.setTabEnabled(index, member.transaction_code in self.included())
        blockers = self.blockers()
        self.btn_accept.setEnabled(not blockers and not self._deciding)
        if blockers:
            self.lbl_blockers.setText(self.tr("暂不能受理：") + "\n" + "\n".join(f"· {b}" for b in blockers[:6]))
        else:
            self.lbl_blockers.setText(self.tr("✓ 各事项表单完整、符合条件、材料齐全，可以一并受理。"))
        set_style_property(self.lbl_blockers, "level", "problem" if blockers else "ok")

    @Slot()
    def accept(self) -> None:
        if self._deciding or not self.btn_accept.isEnabled():
            return
        self._deciding = True
        self._update()
        include = self.included()
        shared = self.shared_form.values()
        own = {code: self.forms[code].values() for code in include}
        received = {code: self.checklists[code].received() for code in include}
        verified = {code: self.checklists[code].verified() for code in include}
        context, actor, id_number, code = self._context, self._context.actor, self.citizen.id_number, self.bundle.code
        bundles = context.core.bundles
        context.runner.run(lambda: bundles.start_and_accept(actor, id_number, code, shared, own, received,
                                                            include=include, verified=verified),
                           self._on_decided, self._on_failed)

    def _on_decided(self, decided: BundleDecided) -> None:
        self._deciding = False
        self.decided.emit(decided)

    def _on_failed(self, error: BaseException) -> None:
        self._deciding = False
        self._update()
        self.failed.emit(error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        pick = self._context.pick
        self.lbl_title.setText(self.tr("③ %1").replace("%1", pick(self.bundle.name_zh, self.bundle.name_en)))
        self.lbl_applicant.setText(self.tr("申请人：%1　%2").replace("%1", self.citizen.name).replace(
            "%2", self.citizen.id_number))
        self.lbl_shared.setText(self.tr("共用信息（只填一次，自动带入各事项）"))
        self.lbl_members.setText(self.tr("本次一并办理 %1 个事项，后续事项 %2 项（另打印告知单）").replace(
            "%1", str(len(self.bundle.members))).replace("%2", str(len(self.bundle.follow_ups))))
        for code, box in self.chk_members.items():
            member = self.bundle.member(code)
            note = f"（{member.note_zh}）" if member and member.note_zh and self._context.is_chinese else ""
            box.setText(self.tr("同时办理：%1").replace("%1", pick(self.transactions[code].name_zh,
                                                              self.transactions[code].name_en)) + note)
        self.btn_accept.setText(self.tr("一并受理并打印回执 (Ctrl+Enter)"))
        self._update()
