"""The manager's 差评回访 screen: every follow-up a bad rating opened, the soonest due first, with its
deadline (15 working days), how many working days are left or overdue, and who answers for it (责任人);
the chosen one's steps so far, the next step to record (核实 → 整改 → 回访, or 申诉复核) and 指派 — naming
its owner among the station's leaders and manager —, each one use case; the month's counts and
rankings by window and clerk; the export for the provincial 好差评 platform (CSV or JSON).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desk.domain.followup import NEXT_STEP, FollowUpStep, StepOutcome
from desk.domain.workflow import Role
from desk.services.ratings import RatingLevel
from desk.ui.widgets import banner, fill_table, fmt_date, fmt_time, make_table, row_key, show_banner

if TYPE_CHECKING:
    from desk.services.followups import FollowUpView, MonthlyRatings, OwnerChoice, RankingRow
    from desk.ui.context import DeskContext
    from desk.ui.dialogs import Asker

STEPS_SHOWN = 3  # 核实 · 整改 · 回访: a closed follow-up's steps, whole, without scrolling


def steps_table_height(table: QTableWidget, rows: int) -> int:
    """The height that shows a table's header, `rows` rows and a horizontal scroll bar."""
    return (table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
            + table.horizontalScrollBar().sizeHint().height() + 2 * table.frameWidth())


class FollowUpsView(QWidget):
    loaded = Signal()
    recorded = Signal(object)  # FollowUpView after a step
    assigned = Signal(object)  # FollowUpView after its owner was named
    exported = Signal(str)

    def __init__(self, context: DeskContext, asker: Asker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._asker = asker
        self.follow_ups: list[FollowUpView] = []
        self.chosen: FollowUpView | None = None
        self.month: MonthlyRatings | None = None
        self._recorded_text: str | None = None  # “已登记…”, said until the list read after it is shown
        self.owners: list[OwnerChoice] = []

        # create
        self.lbl_message = banner(self)
        self.chk_open_only = QCheckBox(self)
        self.btn_refresh = QPushButton(self)
        self.tbl_follow_ups = make_table(self, stretch_column=4)
        self.box_detail = QGroupBox(self)
        self.lbl_detail = QLabel(self.box_detail)
        self.tbl_steps = make_table(self.box_detail, stretch_column=2)
        self.lbl_next = QLabel(self.box_detail)
        self.cmb_outcome = QComboBox(self.box_detail)
        self.edt_note = QLineEdit(self.box_detail)
        self.btn_record = QPushButton(self.box_detail)
        self.lbl_owner = QLabel(self.box_detail)
        self.cmb_owner = QComboBox(self.box_detail)
        self.btn_assign = QPushButton(self.box_detail)
        self.box_month = QGroupBox(self)
        self.edt_month = QDateEdit(self.box_month)
        self.lbl_counts = QLabel(self.box_month)
        self.tbl_by_counter = make_table(self.box_month, stretch_column=0)
        self.tbl_by_clerk = make_table(self.box_month, stretch_column=0)
        self.btn_export_csv = QPushButton(self.box_month)
        self.btn_export_json = QPushButton(self.box_month)

        # configure
        self.chk_open_only.setChecked(True)
        self.lbl_detail.setWordWrap(True)
        self.lbl_counts.setWordWrap(True)
        self.tbl_steps.setMinimumHeight(steps_table_height(self.tbl_steps, STEPS_SHOWN))
        self.btn_record.setObjectName("primary")
        self.cmb_outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cmb_owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.edt_month.setDisplayFormat("yyyy-MM")
        self.edt_month.setCalendarPopup(True)
        self._month_set = False

        # connect
        self.chk_open_only.toggled.connect(lambda _on: self.refresh())
        self.btn_refresh.clicked.connect(self.refresh)
        self.tbl_follow_ups.itemSelectionChanged.connect(self._on_chosen)
        self.btn_record.clicked.connect(self.record)
        self.btn_assign.clicked.connect(self.assign)
        self.cmb_owner.currentIndexChanged.connect(lambda _i: self._show_assign_state())
        self.edt_month.dateChanged.connect(lambda _d: self._load_month())
        self.btn_export_csv.clicked.connect(lambda: self.export("csv"))
        self.btn_export_json.clicked.connect(lambda: self.export("json"))

        # assemble
        top = QHBoxLayout()
        top.addWidget(self.chk_open_only)
        top.addStretch(1)
        top.addWidget(self.btn_refresh)
        step = QHBoxLayout()
        step.addWidget(self.lbl_next)
        step.addWidget(self.cmb_outcome, 1)
        note = QHBoxLayout()
        note.addWidget(self.edt_note, 1)
        note.addWidget(self.btn_record)
        owner = QHBoxLayout()
        owner.addWidget(self.lbl_owner)
        owner.addWidget(self.cmb_owner, 1)
        owner.addWidget(self.btn_assign)
        detail = QVBoxLayout(self.box_detail)
        detail.addWidget(self.lbl_detail)
        detail.addWidget(self.tbl_steps, 1)
        detail.addLayout(owner)
        detail.addLayout(step)
        detail.addLayout(note)
        month_top = QHBoxLayout()
        month_top.addWidget(self.edt_month)
        month_top.addStretch(1)
        month_top.addWidget(self.btn_export_csv)
        month_top.addWidget(self.btn_export_json)
        rankings = QHBoxLayout()
        rankings.addWidget(self.tbl_by_counter)
        rankings.addWidget(self.tbl_by_clerk)
        month = QVBoxLayout(self.box_month)
        month.addLayout(month_top)
        month.addWidget(self.lbl_counts)
        month.addLayout(rankings, 1)
        lower = QSplitter(self)
        lower.addWidget(self.box_detail)
        lower.addWidget(self.box_month)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lbl_message)
        # The lower half holds a follow-up's steps and the three rows that record the next one: at 1366×768
        # an even split left the steps table one cut row (核实 · 整改 · 回访 are three).
        layout.addWidget(self.tbl_follow_ups, 1)
        layout.addWidget(lower, 2)
        self.retranslate_ui()

    # ---- loading -----------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        context = self._context
        if context.session is None:
            return
        if not self._month_set:
            self._month_set = True
            today = context.today()
            self.edt_month.blockSignals(True)
            self.edt_month.setDate(QDate(today.year, today.month, 1))
            self.edt_month.blockSignals(False)
        open_only = self.chk_open_only.isChecked()
        context.runner.run(lambda: context.core.follow_ups.overview(open_only=open_only), self._on_loaded,
                           self._on_error)
        context.runner.run(context.core.follow_ups.owners, self._on_owners, self._on_error)
        self._load_month()

    def _on_loaded(self, follow_ups: list[FollowUpView]) -> None:
        chosen = self.chosen.id if self.chosen else None
        self.follow_ups = follow_ups
        self._show_list()
        rows = [i for i, f in enumerate(follow_ups) if f.id == chosen]
        if rows:
            self.tbl_follow_ups.selectRow(rows[0])
        else:
            self.chosen = None
            self._show_detail()
        self.loaded.emit()

    def _on_owners(self, owners: list[OwnerChoice]) -> None:
        self.owners = owners
        self._show_owner()

    def _load_month(self) -> None:
        context, value = self._context, self.edt_month.date()
        if context.session is None:
            return
        year, month = value.year(), value.month()
        context.runner.run(lambda: context.core.follow_ups.monthly(year, month), self._on_month, self._on_error)

    def _on_month(self, month: MonthlyRatings) -> None:
        self.month = month
        self._show_month()

    def _on_error(self, error: BaseException) -> None:
        show_banner(self.lbl_message, self._context.error_text(error), "problem")

    # ---- one follow-up -----------------------------------------------------------------------

    def _on_chosen(self) -> None:
        if not self.isVisible():  # a table being taken down also "changes" its selection
            return
        key = row_key(self.tbl_follow_ups)
        self.chosen = next((f for f in self.follow_ups if str(f.id) == key), None)
        if self.chosen is None:
            self._show_detail()
            return
        context, follow_up_id = self._context, self.chosen.id
        context.runner.run(lambda: context.core.follow_ups.get(follow_up_id), self._on_detail, self._on_error)

    def _on_detail(self, follow_up: FollowUpView) -> None:
        self.chosen = follow_up
        self._show_detail()

    @Slot()
    def record(self) -> None:
        chosen = self.chosen
        if chosen is None or chosen.step is FollowUpStep.CLOSED:
            return
        outcome = StepOutcome(self.cmb_outcome.currentData())  # Qt hands the enum back as its str value
        note = self.edt_note.text()
        context, actor = self._context, self._context.actor
        self.btn_record.setEnabled(False)
        context.runner.run(
            lambda: context.core.follow_ups.record(actor, chosen.id, chosen.step, outcome, note, chosen.version),
            self._on_recorded, self._on_record_error)

    def _on_recorded(self, follow_up: FollowUpView) -> None:
        self.edt_note.clear()
        step = self._step_text(follow_up.steps[-1].step)
        # Kept for the list read next, which set the banner again and wiped it: a recorded step was never
        # confirmed, and a closing one left only “暂无差评回访。”.
        self._recorded_text = (self.tr("已登记：%1。这条差评回访已办结。") if follow_up.step is FollowUpStep.CLOSED
                               else self.tr("已登记：%1")).replace("%1", step)
        show_banner(self.lbl_message, self._recorded_text, "ok")
        self.chosen = follow_up
        self._show_detail()
        self.recorded.emit(follow_up)
        self.refresh()

    @Slot()
    def assign(self) -> None:
        """指派: name the chosen follow-up's owner (责任人) — one use case, audited (follow_up.assigned)."""
        chosen, owner_id = self.chosen, self.cmb_owner.currentData()
        if chosen is None or owner_id is None or owner_id == chosen.owner_id:
            return
        context, actor = self._context, self._context.actor
        self.btn_assign.setEnabled(False)
        context.runner.run(lambda: context.core.follow_ups.assign(actor, chosen.id, int(owner_id), chosen.version),
                           self._on_assigned, self._on_record_error)

    def _on_assigned(self, follow_up: FollowUpView) -> None:
        show_banner(self.lbl_message, self.tr("已指派责任人：%1").replace("%1", follow_up.owner_name), "ok")
        self.chosen = follow_up
        self._show_detail()
        self.assigned.emit(follow_up)
        self.refresh()

    def _on_record_error(self, error: BaseException) -> None:
        self.btn_record.setEnabled(True)  # the note stays as typed
        self._show_assign_state()
        self._on_error(error)

    # ---- export ------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        value = self.edt_month.date()
        first = date(value.year(), value.month(), 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        suggested = f"haochaping-{self._context.core.station_code}-{first:%Y-%m}.{kind}"
        filters = {"csv": "CSV (*.csv)", "json": "JSON (*.json)"}
        path = self._asker.save_path(self, self.tr("导出好差评数据"), suggested, filters[kind])
        if path is None:
            return
        follow_ups = self._context.core.follow_ups

        def work() -> Path:
            path.write_bytes(follow_ups.platform_export(first, last, kind))
            return path

        def done(written: Path) -> None:
            show_banner(self.lbl_message, self.tr("已导出：%1").replace("%1", str(written)), "ok")
            self.exported.emit(str(written))

        self._context.runner.run(work, done, self._on_error)

    # ---- showing -----------------------------------------------------------------------------

    def _step_text(self, step: FollowUpStep) -> str:
        return self._context.word(f"followup.step.{step.value}")

    def _level_text(self, level: RatingLevel) -> str:
        return self._context.word(f"rating.{level.value}")

    def _outcome_text(self, outcome: StepOutcome) -> str:
        return self._context.word(f"followup.outcome.{outcome.value}")

    def _due_text(self, f: FollowUpView) -> str:
        if f.step is FollowUpStep.CLOSED:
            return self.tr("逾期办结") if f.overdue else self.tr("按期办结")
        if f.overdue:
            return self.tr("超期 %1 个工作日").replace("%1", str(-f.working_days_left))
        return self.tr("剩 %1 个工作日").replace("%1", str(f.working_days_left))

    def _show_list(self) -> None:
        rows = [(f.case_number or "—", self._level_text(f.level), f.clerk_name or "—",
                 f.counter_number if f.counter_number is not None else "—",
                 "；".join((*f.reasons, *((f.comment,) if f.comment else ()))) or "—", f.phone or "—",
                 self._step_text(f.step), f.owner_name or self.tr("未指派"), fmt_date(f.due_date), self._due_text(f))
                for f in self.follow_ups]
        fill_table(self.tbl_follow_ups, [self.tr("受理编号"), self.tr("评价"), self.tr("经办人"), self.tr("窗口"),
                                         self.tr("原因"), self.tr("联系电话"), self.tr("当前环节"), self.tr("责任人"),
                                         self.tr("整改期限"), self.tr("剩余/超期")],
                   rows, [str(f.id) for f in self.follow_ups])
        overdue = sum(1 for f in self.follow_ups if f.overdue and f.step is not FollowUpStep.CLOSED)
        recorded, self._recorded_text = self._recorded_text, None
        if overdue:
            show_banner(self.lbl_message, self.tr("%1 条差评已超过15个工作日仍未办结。").replace("%1", str(overdue)),
                        "problem")
        elif recorded:
            show_banner(self.lbl_message, recorded, "ok")
        elif not self.follow_ups:
            show_banner(self.lbl_message, self.tr("暂无差评回访。"), "info")
        else:
            show_banner(self.lbl_message, None)

    def _show_detail(self) -> None:
        f = self.chosen
        self.cmb_outcome.clear()
        if f is None:
            self.box_detail.setTitle(self.tr("回访详情"))
            self.lbl_detail.setText(self.tr("在上表中选择一条差评。"))
            fill_table(self.tbl_steps, [self.tr("环节"), self.tr("结果"), self.tr("情况"), self.tr("登记人"),
                                        self.tr("时间")], [])
            for widget in (self.lbl_next, self.cmb_outcome, self.edt_note, self.btn_record):
                widget.setVisible(False)
            self._show_owner()
            return
        self.box_detail.setTitle(self.tr("回访详情：%1").replace("%1", f.case_number or str(f.rating_id)))
        self.lbl_detail.setText(self.tr("评价时间 %1 · 整改期限 %2（%3）· 结果：%4").replace("%1", fmt_time(f.rated_at))
                                .replace("%2", fmt_date(f.due_date)).replace("%3", self._due_text(f))
                                .replace("%4", f.result or "—"))
        fill_table(self.tbl_steps, [self.tr("环节"), self.tr("结果"), self.tr("情况"), self.tr("登记人"),
                                    self.tr("时间")],
                   [(self._step_text(s.step), self._outcome_text(s.outcome), s.note, s.actor_name, fmt_time(s.at))
                    for s in f.steps])
        open_step = f.step is not FollowUpStep.CLOSED
        for widget in (self.lbl_next, self.cmb_outcome, self.edt_note, self.btn_record):
            widget.setVisible(open_step)
        if open_step:
            self.lbl_next.setText(self.tr("登记%1：").replace("%1", self._step_text(f.step)))
            for outcome in NEXT_STEP[f.step]:
                self.cmb_outcome.addItem(self._outcome_text(outcome), outcome)
            self.btn_record.setEnabled(True)
        self._show_owner()

    def _show_owner(self) -> None:
        """The owner row: who answers for the chosen follow-up now, and whom it may be given to."""
        f = self.chosen
        open_step = f is not None and f.step is not FollowUpStep.CLOSED
        for widget in (self.lbl_owner, self.cmb_owner, self.btn_assign):
            widget.setVisible(f is not None)
        if f is None:
            return
        self.lbl_owner.setText(self.tr("责任人：%1").replace("%1", f.owner_name or self.tr("未指派")))
        self.cmb_owner.blockSignals(True)
        self.cmb_owner.clear()
        for owner in self.owners:
            self.cmb_owner.addItem(f"{owner.name}（{self._role_text(owner.role)}）", owner.user_id)
        current = self.cmb_owner.findData(f.owner_id) if f.owner_id is not None else -1
        self.cmb_owner.setCurrentIndex(current if current >= 0 else (0 if self.owners else -1))
        self.cmb_owner.blockSignals(False)
        self.cmb_owner.setEnabled(open_step and bool(self.owners))
        self._show_assign_state()

    def _show_assign_state(self) -> None:
        f, owner_id = self.chosen, self.cmb_owner.currentData()
        self.btn_assign.setEnabled(f is not None and f.step is not FollowUpStep.CLOSED and owner_id is not None
                                   and owner_id != f.owner_id)

    def _role_text(self, role: Role) -> str:
        return self._context.word(f"role.{role.value}")

    def _ranking_rows(self, rows: tuple[RankingRow, ...], *, counters: bool) -> list[tuple[object, ...]]:
        return [(index, self._ranked_text(r, counters), r.ratings, r.satisfied, r.bad,
                 f"{r.satisfaction_rate:.1%}" if r.satisfaction_rate is not None else "—")
                for index, r in enumerate(rows, start=1)]

    def _ranked_text(self, row: RankingRow, counters: bool) -> str:
        """A ranking row's window or clerk in the screen's language (the key is the counter number or the
        clerk's id; "" where none was recorded — the kiosk, or a rating without a clerk)."""
        if counters:
            return self.tr("%1号窗口").replace("%1", row.key) if row.key else self.tr("自助终端/未记录窗口")
        return row.label if row.key else self.tr("未记录经办人")

    def _levels_text(self, levels: dict[str, int]) -> str:
        by_label = {level.label_zh: level for level in RatingLevel}
        separator = "、" if self._context.is_chinese else ", "
        words = {label: self._level_text(by_label[label]) if label in by_label else label for label in levels}
        return separator.join(f"{words[label]} {count}" for label, count in levels.items())

    def _show_month(self) -> None:
        month = self.month
        if month is None:
            return
        c = month.counts
        total = sum(month.levels.values())
        self.lbl_counts.setText(self.tr("评价 %1 件（%2）· 差评 %3 · 本月办结 %4（按期 %5）· 月末未办结 %6（超期 %7）")
                                .replace("%1", str(total))
                                .replace("%2", self._levels_text(month.levels))
                                .replace("%3", str(c.opened)).replace("%4", str(c.closed))
                                .replace("%5", str(c.closed_on_time)).replace("%6", str(c.open_at_end))
                                .replace("%7", str(c.overdue_at_end)))
        headers = [self.tr("名次"), self.tr("窗口"), self.tr("评价"), self.tr("满意"), self.tr("差评"),
                   self.tr("满意率")]
        fill_table(self.tbl_by_counter, headers, self._ranking_rows(month.by_counter, counters=True))
        fill_table(self.tbl_by_clerk, [headers[0], self.tr("经办人"), *headers[2:]],
                   self._ranking_rows(month.by_clerk, counters=False))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.chk_open_only.setText(self.tr("只看未办结"))
        self.btn_refresh.setText(self.tr("刷新"))
        self.btn_record.setText(self.tr("登记(&R)"))
        self.btn_assign.setText(self.tr("指派"))
        self.cmb_owner.setToolTip(self.tr("在本所领导和所长中指派这条差评的责任人"))
        self.edt_note.setPlaceholderText(self.tr("写明核实、整改或回访的情况"))
        self.box_month.setTitle(self.tr("月度统计与排名"))
        self.btn_export_csv.setText(self.tr("导出好差评 CSV"))
        self.btn_export_json.setText(self.tr("导出好差评 JSON"))
        self._show_list()
        self._show_detail()
        self._show_month()
