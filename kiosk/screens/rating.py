"""Rating (好差评): which case (when the citizen has any), one of the five official levels as big buttons,
an optional reason chosen from short phrases — no typing — and thanks. 不满意 or worse opens a
follow-up for the station manager (the rating service does that; we say when they will call)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from desk.domain.errors import DeskError
from desk.services.ratings import RatingLevel, RatingView
from kiosk.context import KioskContext
from kiosk.plain_words import CaseSummary
from kiosk.said import QT_TRANSLATE_NOOP, Day, Phrase, says
from kiosk.screens.base import Screen
from kiosk.style import Metrics
from kiosk.widgets import TileButton, TileGrid, big_button, text_label

# The five official levels: a style for the button and the words (each source is the level's own
# Chinese label; a test keeps them equal).
LEVEL_STYLE: dict[RatingLevel, tuple[str, Phrase]] = {
    RatingLevel.VERY_SATISFIED: ("good", says(QT_TRANSLATE_NOOP("KioskSays", "非常满意"))),
    RatingLevel.SATISFIED: ("ok", says(QT_TRANSLATE_NOOP("KioskSays", "满意"))),
    RatingLevel.BASICALLY_SATISFIED: ("fair", says(QT_TRANSLATE_NOOP("KioskSays", "基本满意"))),
    RatingLevel.DISSATISFIED: ("bad", says(QT_TRANSLATE_NOOP("KioskSays", "不满意"))),
    RatingLevel.VERY_DISSATISFIED: ("worst", says(QT_TRANSLATE_NOOP("KioskSays", "非常不满意"))),
}
# A reason is stored as its Chinese source text (the manager reads them in Chinese).
GOOD_REASONS: tuple[Phrase, ...] = (
    says(QT_TRANSLATE_NOOP("KioskSays", "办得快")),
    says(QT_TRANSLATE_NOOP("KioskSays", "态度好")),
    says(QT_TRANSLATE_NOOP("KioskSays", "指引清楚")),
)
BAD_REASONS: tuple[Phrase, ...] = (
    says(QT_TRANSLATE_NOOP("KioskSays", "等候时间太长")),
    says(QT_TRANSLATE_NOOP("KioskSays", "工作人员态度不好")),
    says(QT_TRANSLATE_NOOP("KioskSays", "材料要求没说清楚")),
    says(QT_TRANSLATE_NOOP("KioskSays", "办理太慢")),
    says(QT_TRANSLATE_NOOP("KioskSays", "自助机不好用")),
    says(QT_TRANSLATE_NOOP("KioskSays", "其他原因")),
)
MAX_CASES = 4


class RatingScreen(Screen):
    name = "rating"
    back_requested = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._cases: list[CaseSummary] = []
        self._case_number: str | None = None
        self._level: RatingLevel | None = None
        self._case_choices: list[str | None] = []
        self._reasons: tuple[Phrase, ...] = ()
        self.lbl_title = text_label("", "title")
        self.lbl_case = text_label("", "large")
        self.steps = QStackedWidget()
        # step 0: which case
        step_case = QWidget()
        self.case_tiles = TileGrid(MAX_CASES + 1, 2)
        case_layout = QVBoxLayout(step_case)
        case_layout.setContentsMargins(0, 0, 0, 0)
        case_layout.addWidget(self.case_tiles)
        case_layout.addStretch(1)
        # step 1: the level
        step_level = QWidget()
        self.level_buttons: dict[RatingLevel, TileButton] = {}
        levels = QHBoxLayout(step_level)
        levels.setContentsMargins(0, 0, 0, 0)
        levels.setSpacing(20)
        for level in RatingLevel:
            button = TileButton()
            button.setProperty("role", "level")
            button.setProperty("level", LEVEL_STYLE[level][0])
            button.clicked.connect(lambda _=False, chosen=level: self._choose_level(chosen))
            levels.addWidget(button)
            self.level_buttons[level] = button
        # step 2: reasons
        step_reason = QWidget()
        self.lbl_reason = text_label("", "large")
        self.reason_tiles = TileGrid(max(len(GOOD_REASONS), len(BAD_REASONS)), 3, checkable=True)
        self.btn_submit = big_button("")
        reason_layout = QVBoxLayout(step_reason)
        reason_layout.setContentsMargins(0, 0, 0, 0)
        reason_layout.addWidget(self.lbl_reason)
        reason_layout.addWidget(self.reason_tiles)
        reason_layout.addStretch(1)
        reason_layout.addWidget(self.btn_submit)
        for step in (step_case, step_level, step_reason):
            self.steps.addWidget(step)
        self.btn_back = big_button("", "secondary")

        self.btn_submit.clicked.connect(self._submit)
        self.case_tiles.tile_clicked.connect(lambda index: self._choose_case(self._case_choices[index]))
        self.btn_back.clicked.connect(self.back_requested)

        self.body.addWidget(self.lbl_title)
        self.body.addWidget(self.lbl_case)
        self.body.addWidget(self.steps, 1)
        self.body.addWidget(self.btn_back)
        self.retranslate_ui()

    # ---- entering -----------------------------------------------------------------------------------

    def on_shown(self) -> None:
        self._case_number, self._level = None, None
        session = self.ctx.sessions.current
        if session is not None and session.receipt_case is not None:
            self._cases = []
            self._case_number = session.receipt_case.number
            self.steps.setCurrentIndex(1)
        elif session is not None and session.has_citizen:
            # Asked afresh each time (not 我的办件's list): a case rated a minute ago — here or at the
            # counter's evaluator — must not be offered again, and a bundle is rated case by case.
            id_number, backend = session.id_number, self.ctx.backend
            self._cases = []
            self.steps.setCurrentIndex(1)
            self.ctx.call(lambda: backend.cases_to_rate(id_number), self._cases_loaded)
        else:
            self._cases = []
            self.steps.setCurrentIndex(1)
        self.retranslate_ui()

    def _cases_loaded(self, cases: list[CaseSummary]) -> None:
        to_rate = [case for case in cases if not case.rated]  # 一次一评: a rated case is not offered
        if to_rate and self._level is None and self.steps.currentIndex() == 1 and self._case_number is None:
            self._offer_cases(to_rate)

    def _offer_cases(self, cases: list[CaseSummary]) -> None:
        # Finished cases first: those are the ones usually rated.
        self._cases = sorted(cases, key=lambda case: not case.finished)[:MAX_CASES]
        self.steps.setCurrentIndex(0)
        self.retranslate_ui()

    def wipe(self) -> None:
        self._cases, self._case_number, self._level = [], None, None
        self._case_choices = []
        self.case_tiles.clear()
        self.reason_tiles.clear()
        self.lbl_case.clear()
        self.steps.setCurrentIndex(1)

    # ---- steps --------------------------------------------------------------------------------------

    def _choose_case(self, number: str | None) -> None:
        self._case_number = number
        self.steps.setCurrentIndex(1)
        self.retranslate_ui()

    def _choose_level(self, level: RatingLevel) -> None:
        self._level = level
        self.steps.setCurrentIndex(2)
        self.retranslate_ui()

    def _chosen_reasons(self) -> list[str]:
        return [reason.source for reason, tile in zip(self._reasons, self.reason_tiles.tiles, strict=False)
                if tile.isChecked()]

    def _submit(self) -> None:
        level = self._level
        if level is None:
            return
        reason = "；".join(self._chosen_reasons()) or None
        number, backend = self._case_number, self.ctx.backend
        self.nav.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在提交评价…")))
        self.ctx.call(lambda: backend.rate(level, number, reason), self._rated, self._refused)

    def _rated(self, rating: RatingView) -> None:
        text = says(QT_TRANSLATE_NOOP("KioskSays", "感谢您的评价！"))
        if rating.follow_up_due is not None:
            text = says(QT_TRANSLATE_NOOP("KioskSays", "感谢您的评价。所长会认真核查，并在{day}前回访处理。"),
                        day=Day(rating.follow_up_due))
        self.nav.show_message(text, title=says(QT_TRANSLATE_NOOP("KioskSays", "评价已提交")), kind="done")

    def _refused(self, error: DeskError) -> None:
        self.nav.show_message(self.ctx.error_said(error), kind="warning")

    # ---- texts --------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        step = self.steps.currentIndex()
        titles = {0: self.tr("您要评价哪一件事？"), 1: self.tr("您对这次服务满意吗？"),
                  2: self.tr("可以说说原因吗？（可不选）")}
        self.lbl_title.setText(titles.get(step, ""))
        self.lbl_case.setText(self.tr("评价的办件：{number}").format(number=self._case_number)
                              if self._case_number and step > 0 else "")
        for level, button in self.level_buttons.items():
            button.set_texts(self.ctx.say(LEVEL_STYLE[level][1]))
        self.lbl_reason.setText(self.tr("可以选一项或几项，也可以直接提交。"))
        self.btn_submit.setText(self.tr("提交评价"))
        self.btn_back.setText(self.tr("返回"))
        self._fill_case_tiles()
        self._fill_reason_tiles()

    def apply_metrics(self, metrics: Metrics) -> None:
        super().apply_metrics(metrics)
        for button in self.level_buttons.values():
            button.set_height(metrics.px(220))
        self.retranslate_ui()

    def _fill_case_tiles(self) -> None:
        if self.steps.currentIndex() != 0:
            self._case_choices = []
            self.case_tiles.clear()
            return
        entries: list[tuple[str | None, str, str]] = [
            (case.number, self.ctx.say(case.transaction), f"{case.number} · {self.ctx.say(case.state)}")
            for case in self._cases]
        entries.append((None, self.tr("不针对具体办件"), self.tr("评价今天的整体服务")))
        self._case_choices = [number for number, _, _ in entries]
        self.case_tiles.show_items([(title, subtitle) for _, title, subtitle in entries],
                                   self.ctx.metrics.tile_height)

    def _fill_reason_tiles(self) -> None:
        if self._level is None:
            self._reasons = ()
            self.reason_tiles.clear()
            return
        reasons = BAD_REASONS if self._level.needs_follow_up or self._level is RatingLevel.BASICALLY_SATISFIED \
            else GOOD_REASONS
        if reasons != self._reasons:
            self.reason_tiles.clear()  # a new level: no reason ticked yet
        self._reasons = reasons
        self.reason_tiles.show_items([(self.ctx.say(reason), "") for reason in reasons],
                                     self.ctx.metrics.tile_height)
