"""Step 1 of a new case: who is applying. The card reader fills it; typing the ID number works too,
checked as it is typed (desk.domain.idnumber). Once known, the citizen's record and open cases show.

The lookup (register the card, or view the record — both audited) runs on a worker thread.
A typed number unknown to the register asks for the name, then registers the person as typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.devices.card import IdCard, describe_problem
from desk.devices.photo import PhotoDecoder, decode_photo
from desk.domain.errors import DeskError, NotFound
from desk.domain.idnumber import InvalidIdNumber, validate_id_number
from desk.ui.context import DeskContext
from desk.ui.widgets import (
    banner,
    fill_table,
    fit_stretch_column,
    fmt_date,
    make_table,
    row_key,
    section_title,
    set_style_property,
    show_banner,
)

if TYPE_CHECKING:
    from desk.core import Core
    from desk.services.case_views import CaseView, CitizenView
    from printing.models import StationInfo

SEX = {"male": ("男", "male"), "female": ("女", "female")}
STATE_EMS = 7  # the open cases' state column: a wider state goes on two lines


@dataclass(frozen=True)
class Identified:
    citizen: CitizenView
    cases: list[CaseView]  # every case of the citizen, newest first
    card_problems: tuple[str, ...] = ()
    # The other stations whose open cases are listed (city mode), by code: their names on the rows, and
    # where to send the citizen — such a case is not this desk's to open (the server refuses it).
    stations: dict[str, StationInfo] = field(default_factory=dict)


def other_stations(core: Core, cases: list[CaseView]) -> dict[str, StationInfo]:
    """The stations, other than the desk's own, of the citizen's open cases (on the worker thread)."""
    own = core.station_code
    codes = sorted({case.station_code for case in cases if case.station_code != own and not case.state.is_final})
    return {code: _station_of(core, code) for code in codes}


def _station_of(core: Core, code: str) -> StationInfo:
    """The station's words; one not known (or a server that does not say: an older release) is named by
    its code — the citizen still learns the case is elsewhere, and looking them up does not fail."""
    try:
        return core.documents.station_of(code)
    except DeskError:
        from printing.models import StationInfo

        return StationInfo(code=code, name_zh=code, address="", phone="")


class IdentifyPanel(QWidget):
    identified = Signal(object)  # Identified
    open_case_requested = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.current: Identified | None = None
        self._typed_unknown: str | None = None
        self.photo_decoder: PhotoDecoder | None = None  # the licensed WLT decoder, where installed
        self._photo: bytes = b""  # the card's photo (WLT) of the applicant being identified
        self._photo_shown = False
        self._card_read = False  # the line under the ID number says a card was read (else it checks the typing)

        # create
        self.lbl_title = section_title("", self)
        self.edt_id_number = QLineEdit(self)
        self.lbl_id_check = QLabel(self)
        self.frm_register = QFrame(self)
        self.lbl_register = QLabel(self.frm_register)
        self.edt_name = QLineEdit(self.frm_register)
        self.btn_register = QPushButton(self.frm_register)
        self.lbl_message = banner(self)
        self.frm_citizen = QFrame(self)
        self.lbl_name = QLabel(self.frm_citizen)
        self.lbl_photo = QLabel(self.frm_citizen)
        self.chk_face = QCheckBox(self.frm_citizen)
        self.lbl_facts = QLabel(self.frm_citizen)
        self.lbl_register_facts = QLabel(self.frm_citizen)
        self.lbl_card_problems = QLabel(self.frm_citizen)
        self.lbl_cases = section_title("", self)
        self.tbl_cases = make_table(self, stretch_column=0)

        # configure
        self.edt_id_number.setObjectName("id_number")
        self.edt_id_number.setMaxLength(18)
        self.lbl_id_check.setWordWrap(True)
        self.frm_register.hide()
        self.lbl_register.setWordWrap(True)
        self.btn_register.setObjectName("primary")
        self.frm_citizen.setObjectName("card")
        self.frm_citizen.hide()
        self.lbl_name.setObjectName("person")
        self.lbl_photo.setObjectName("photo")
        self.lbl_photo.setFixedSize(102, 126)  # the card photo's own size
        self.lbl_photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lbl_photo.setWordWrap(True)
        self.lbl_photo.setFrameShape(QFrame.Shape.Box)
        self.chk_face.hide()
        self.lbl_facts.setWordWrap(True)
        self.lbl_facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_register_facts.setWordWrap(True)
        self.lbl_register_facts.setObjectName("subtle")
        self.lbl_card_problems.setObjectName("problem")
        self.lbl_card_problems.setWordWrap(True)
        self.lbl_cases.hide()
        self.tbl_cases.hide()

        # connect
        self.edt_id_number.textEdited.connect(self._check_typed)
        self.edt_id_number.returnPressed.connect(self.look_up_typed)
        self.edt_name.returnPressed.connect(self._register_typed)
        self.btn_register.clicked.connect(self._register_typed)
        self.tbl_cases.cellDoubleClicked.connect(self._open_case)
        self.chk_face.clicked.connect(self._on_face_checked)

        # assemble
        register = QVBoxLayout(self.frm_register)
        register.setContentsMargins(0, 0, 0, 0)
        register.addWidget(self.lbl_register)
        row = QHBoxLayout()
        row.addWidget(self.edt_name, 1)
        row.addWidget(self.btn_register)
        register.addLayout(row)
        citizen = QVBoxLayout(self.frm_citizen)
        head = QHBoxLayout()
        head.addWidget(self.lbl_photo)
        who = QVBoxLayout()
        who.addWidget(self.lbl_name)
        who.addWidget(self.chk_face)
        who.addStretch(1)
        head.addLayout(who, 1)
        citizen.addLayout(head)
        citizen.addWidget(self.lbl_facts)
        citizen.addWidget(self.lbl_register_facts)
        citizen.addWidget(self.lbl_card_problems)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.edt_id_number)
        layout.addWidget(self.lbl_id_check)
        layout.addWidget(self.frm_register)
        layout.addWidget(self.lbl_message)
        layout.addWidget(self.frm_citizen)
        layout.addWidget(self.lbl_cases)
        layout.addWidget(self.tbl_cases, 1)
        layout.addStretch(0)
        self.retranslate_ui()

    # ---- inputs ------------------------------------------------------------------------------

    def reset(self) -> None:
        self.current = None
        self._typed_unknown = None
        self._photo = b""
        self.chk_face.setChecked(False)
        self.edt_id_number.clear()
        self.edt_id_number.setEnabled(True)
        self.lbl_id_check.clear()
        self._card_read = False
        self.frm_register.hide()
        self.frm_citizen.hide()
        self.lbl_cases.hide()
        self.tbl_cases.hide()
        show_banner(self.lbl_message, None)

    def lock(self, locked: bool) -> None:
        """While a case is being filled in, its applicant stays fixed (Ctrl+N starts another)."""
        self.edt_id_number.setEnabled(not locked)

    def identify_card(self, card: IdCard) -> None:
        context, actor = self._context, self._context.actor
        from desk.services.citizens import CardFacts

        facts = CardFacts.from_card(card)
        self._photo = card.photo_wlt or b""
        self.chk_face.setChecked(False)  # a new card: compared anew
        self.edt_id_number.setText(card.id_number)
        self._card_read = True
        self._say_id_check()
        self.frm_register.hide()

        def work() -> Identified:
            citizen = context.core.citizens.register_card(actor, facts)
            cases = context.core.queries.list(applicant_id_number=citizen.id_number, limit=50)
            return Identified(citizen, cases, card.problems, other_stations(context.core, cases))

        context.runner.run(work, self._on_identified, self._on_error)

    @Slot()
    def look_up_typed(self) -> None:
        text = self.edt_id_number.text().strip().upper()
        result = validate_id_number(text, today=self._context.today())
        if isinstance(result, InvalidIdNumber):
            self._show_check(result)
            return
        context, actor = self._context, self._context.actor

        def work() -> Identified:
            citizen = context.core.citizens.view(actor, result.number)
            cases = context.core.queries.list(applicant_id_number=citizen.id_number, limit=50)
            return Identified(citizen, cases, stations=other_stations(context.core, cases))

        self._typed_unknown = result.number
        self._photo = b""  # a typed number: no card in hand, nothing to compare
        self.chk_face.setChecked(False)
        context.runner.run(work, self._on_identified, self._on_lookup_error)

    def show_citizen(self, citizen: CitizenView, cases: list[CaseView]) -> None:
        """Show an applicant already known (a draft being resumed)."""
        self._photo = b""
        self.edt_id_number.setText(citizen.id_number)
        self._on_identified(Identified(citizen, cases), emit=False)

    def note_case(self, case: CaseView) -> None:
        """A case of the applicant shown was decided at this desk: the open-cases list takes it as the
        decision left it (a 待补正 case joins the list, a finished one leaves it) without a new lookup."""
        result = self.current
        if result is None or case.applicant.id_number != result.citizen.id_number:
            return
        others = [known for known in result.cases if known.number != case.number]
        self.current = replace(result, cases=[case, *others])
        self._show_citizen()

    # ---- results -----------------------------------------------------------------------------

    def _on_identified(self, result: Identified, emit: bool = True) -> None:
        self.current = result
        self._typed_unknown = None
        self.frm_register.hide()
        show_banner(self.lbl_message, None)
        self._show_citizen()
        if emit:
            self.identified.emit(result)

    def _on_lookup_error(self, error: BaseException) -> None:
        if isinstance(error, NotFound) and self._typed_unknown:
            self.frm_register.show()
            self.edt_name.clear()
            self.edt_name.setFocus()
            return
        self._on_error(error)

    def _on_error(self, error: BaseException) -> None:
        show_banner(self.lbl_message, self._context.error_text(error), "problem")

    @Slot()
    def _register_typed(self) -> None:
        number, name = self._typed_unknown, self.edt_name.text().strip()
        if not number:
            return
        if not name:
            show_banner(self.lbl_message, self.tr("请输入申请人姓名。"), "problem")
            return
        info = validate_id_number(number, today=self._context.today())
        birth = None if isinstance(info, InvalidIdNumber) else info.birth_date
        sex = "" if isinstance(info, InvalidIdNumber) else info.sex
        from desk.services.citizens import CardFacts

        context, actor = self._context, self._context.actor
        facts = CardFacts(id_number=number, name=name, sex=sex, birth_date=birth)

        def work() -> Identified:
            citizen = context.core.citizens.register_card(actor, facts, source="typed")
            return Identified(citizen, [])

        context.runner.run(work, self._on_identified, self._on_error)

    def _say_id_check(self) -> None:
        """The line under the ID number in the screen's language — again after a language switch (it
        stayed 已读取身份证 in English): a card read says so; a typed number is checked anew."""
        if self._card_read:
            self.lbl_id_check.setText(self.tr("已读取身份证"))
            self._level("ok")  # not the red of a mistyped number before it
        else:
            self._check_typed(self.edt_id_number.text())

    @Slot(str)
    def _check_typed(self, text: str) -> None:
        self._card_read = False
        text = text.strip().upper()
        self.frm_register.hide()
        if not text:
            self.lbl_id_check.clear()
            return
        if len(text) < 18 and text.isdigit():
            self.lbl_id_check.setText(self.tr("已输入 %1 / 18 位").replace("%1", str(len(text))))
            self._level("info")
            return
        self._show_check(validate_id_number(text, today=self._context.today()))

    def _show_check(self, result: object) -> None:
        if isinstance(result, InvalidIdNumber):
            self.lbl_id_check.setText(self._context.pick(result.message_zh, result.message_en))
            self._level("problem")
            return
        info = result
        sex = SEX.get(info.sex, (info.sex, info.sex))  # type: ignore[attr-defined]
        self.lbl_id_check.setText(self.tr("✓ 号码有效：%1，%2 出生，%3 — 按回车查询").replace(
            "%1", self._context.pick(*sex)).replace("%2", fmt_date(info.birth_date)).replace(  # type: ignore[attr-defined]
            "%3", info.region_name))  # type: ignore[attr-defined]
        self._level("ok")

    def _level(self, level: str) -> None:
        set_style_property(self.lbl_id_check, "level", level)

    def _show_citizen(self) -> None:
        result = self.current
        if result is None:
            return
        c = result.citizen
        pick = self._context.pick
        sex = pick(*SEX.get(c.sex, (c.sex, c.sex)))
        self.lbl_name.setText(c.name)
        self._show_photo()
        facts = [
            self.tr("身份证号：%1").replace("%1", c.id_number),
            self.tr("性别：%1　民族：%2　出生：%3").replace("%1", sex).replace("%2", c.nation or "—").replace(
                "%3", fmt_date(c.birth_date)),
            self.tr("住址：%1").replace("%1", c.address or "—"),
        ]
        if c.valid_to is not None or c.valid_from is not None:
            facts.append(self.tr("有效期：%1 至 %2").replace("%1", fmt_date(c.valid_from)).replace(
                "%2", fmt_date(c.valid_to) or self.tr("长期")))
        self.lbl_facts.setText("\n".join(facts))
        register = ""
        if c.household_head:
            register = self.tr("户主：%1（与户主关系：%2）").replace("%1", c.household_head).replace(
                "%2", c.relationship_to_head or "—")
        self.lbl_register_facts.setText(register)
        self.lbl_register_facts.setVisible(bool(register))
        problems = [pick(*describe_problem(flag)) for flag in result.card_problems]
        self.lbl_card_problems.setText("\n".join(f"⚠ {p}" for p in problems))
        self.lbl_card_problems.setVisible(bool(problems))
        self.frm_citizen.show()
        open_cases = [case for case in result.cases if not case.state.is_final]
        rows = []
        for case in open_cases:
            transaction = self._context.core.catalog.get(case.transaction_code)
            name = pick(transaction.name_zh, transaction.name_en) if transaction else case.transaction_code
            station = result.stations.get(case.station_code)
            lines = [name, case.number]
            if station is not None:  # another station's: where it is, on the row itself
                lines.append(self.tr("%1受理").replace("%1", self._station_name(station, short=True)))
            rows.append(("\n".join(lines), self._state_lines(self._context.state_text(case.state))))
        # Two columns: the item with its number (and its station, when another's) and the state — the
        # panel's width at 1366×768 holds both in English too, with no sideways scrolling.
        fill_table(self.tbl_cases, [self.tr("申请"), self.tr("状态")], rows, [case.number for case in open_cases])
        for row, case in enumerate(open_cases):
            station = result.stations.get(case.station_code)
            if station is not None:
                where = self._elsewhere_text(case.number, station)
                for column in range(self.tbl_cases.columnCount()):
                    item = self.tbl_cases.item(row, column)
                    if item is None:
                        continue
                    item.setToolTip(where)
                    item.setForeground(self.palette().placeholderText())
        self.tbl_cases.resizeRowsToContents()
        self._fit_cases_height()
        self.lbl_cases.setText(self.tr("未办结的申请（%1）").replace("%1", str(len(open_cases))))
        self.lbl_cases.show()
        self.tbl_cases.setVisible(bool(open_cases))
        QTimer.singleShot(0, self, self._fit_cases_height)  # once shown and laid out: its columns fitted again

    def _state_lines(self, state: str) -> str:
        """A state too wide for its column on two lines (“Waiting for / materials”): the case number
        beside it stays whole at the panel's width."""
        metrics = self.tbl_cases.fontMetrics()
        if metrics.horizontalAdvance(state) <= STATE_EMS * metrics.horizontalAdvance("中") or " " not in state:
            return state
        spaces = [i for i, char in enumerate(state) if char == " "]
        middle = min(spaces, key=lambda i: abs(metrics.horizontalAdvance(state[:i]) * 2
                                               - metrics.horizontalAdvance(state)))
        return state[:middle] + "\n" + state[middle + 1:]

    def _station_name(self, station: StationInfo, *, short: bool = False) -> str:
        """The station's name in the screen's language; short: without its branch's name before it."""
        name = self._context.pick(station.name_zh, station.name_en) or station.code
        if short and station.branch_name and name.startswith(station.branch_name) and name != station.branch_name:
            return name.removeprefix(station.branch_name)
        return name

    def _elsewhere_text(self, number: str, station: StationInfo) -> str:
        """What the clerk tells the citizen of an open case another station accepted: where to go."""
        text = self.tr("申请 %1 由%2受理，请到该所办理。").replace("%1", number).replace(
            "%2", self._station_name(station))
        contact = [self.tr("地址：%1").replace("%1", station.address) if station.address else "",
                   self.tr("电话：%1").replace("%1", station.phone) if station.phone else ""]
        said = self.tr("，").join(part for part in contact if part)
        return text + self.tr("（%1）").replace("%1", said) if said else text

    def _fit_cases_height(self) -> None:
        """The open cases' table as tall as its rows (less when the panel is short), so a sideways scroll
        bar (English) sits under them, not at the panel's foot. Measured again once laid out and styled."""
        table = self.tbl_cases
        fit_stretch_column(table)  # filled while hidden, the columns were fitted to no room
        header = table.horizontalHeader()
        height = (max(header.height(), header.sizeHint().height()) + 2 * table.frameWidth()
                  + sum(table.rowHeight(r) for r in range(table.rowCount()))
                  + table.horizontalScrollBar().sizeHint().height())
        if table.maximumHeight() != height:
            table.setMaximumHeight(height)
            QTimer.singleShot(0, self, self._fit_cases_height)

    @Slot(int, int)
    def _open_case(self, row: int, _column: int) -> None:
        number = row_key(self.tbl_cases, row)
        result = self.current
        case = next((c for c in result.cases if c.number == number), None) if result is not None else None
        station = result.stations.get(case.station_code) if result is not None and case is not None else None
        if number and station is not None:
            # Not this station's to open (the server refuses, and a refusal at the foot of the window went
            # unseen): say here where the citizen is to go. Its form and papers are that station's.
            show_banner(self.lbl_message, self._elsewhere_text(number, station), "info")
            return
        if number:
            self.open_case_requested.emit(number)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_photo(self) -> None:
        """The card photo beside the name (the licensed decoder draws it); else a placeholder saying why."""
        from PySide6.QtGui import QPixmap

        image = decode_photo(self._photo, self.photo_decoder) if self._photo else None
        pixmap = QPixmap()
        self._photo_shown = bool(image) and pixmap.loadFromData(image or b"")
        if self._photo_shown:
            self.lbl_photo.setPixmap(pixmap.scaled(self.lbl_photo.size(), Qt.AspectRatioMode.KeepAspectRatio))
        elif self._photo:
            self.lbl_photo.setText(self.tr("证件照片\n（未安装授权解码组件，请核对证件原件）"))
        else:
            self.lbl_photo.setText(self.tr("未读卡\n无照片"))
        self.chk_face.setVisible(bool(self._photo))

    @Slot(bool)
    def _on_face_checked(self, matches: bool) -> None:
        """人证一致 ticked (or taken back): the clerk compared face and card; audited."""
        current = self.current
        if current is None:
            return
        context, actor, number, shown = self._context, self._context.actor, current.citizen.id_number, self._photo_shown
        context.runner.run(lambda: context.core.citizens.record_face_check(actor, number, matches=matches,
                                                                           photo_shown=shown),
                           None, self._on_error)

    def retranslate_ui(self) -> None:
        self.lbl_title.setText(self.tr("① 核验身份"))
        self.edt_id_number.setPlaceholderText(self.tr("刷身份证，或输入身份证号后按回车"))
        self.lbl_register.setText(self.tr("系统中没有此号码的人员记录。请刷身份证；无证件时输入姓名登记："))
        self.edt_name.setPlaceholderText(self.tr("申请人姓名"))
        self.btn_register.setText(self.tr("登记"))
        self.chk_face.setText(self.tr("人证一致(&K)"))
        self.chk_face.setToolTip(self.tr("已核对窗口前的人与身份证照片为同一人（记入审计日志）"))
        if self.lbl_id_check.text():
            self._say_id_check()
        self._show_citizen()
