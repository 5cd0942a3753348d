"""Plain data for every printed document: what the store and services hand to `printing`.

Frozen dataclasses only — no SQLAlchemy, no Qt — so a document can be built (and tested) from
values alone. The documents mask, format and lay out; these classes carry the facts unmasked
(e.g. the full ID number: the receipt masks it, the certificate prints it in full).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

# Administrative Reconsideration Law (行政复议法, revised 2023, in force 2024-01-01) art. 20: apply
# within 60 days of knowing of the act. Administrative Procedure Law (行政诉讼法, 2017) art. 46:
# sue within 6 months of knowing of the act.
RECONSIDERATION_PERIOD_DAYS = 60
LAWSUIT_PERIOD_MONTHS = 6

# The published average approval time the station measures itself against (working days).
TARGET_WORKING_DAYS = 1.27


@dataclass(frozen=True)
class StationInfo:
    """The issuing police station, printed as the header and signature of every document."""

    code: str  # e.g. "210102001"; also the key name in the signing keyring
    name_zh: str  # e.g. "沈阳市公安局和平分局南市场派出所"
    address: str
    phone: str
    branch_name: str = ""  # e.g. "沈阳市公安局和平分局"
    name_en: str = ""  # e.g. "Taiyuan Street Police Station" (screens in English; papers print name_zh)


@dataclass(frozen=True)
class ReceivedMaterial:
    name_zh: str
    form: str = "原件"  # 原件 / 复印件 / 电子证照
    copies: int = 1


@dataclass(frozen=True)
class ReceiptData:
    """受理回执: proof that an application was accepted and when it will be finished."""

    station: StationInfo
    case_number: str
    lookup_code: str  # for progress queries at the kiosk (goes into the QR code)
    transaction_code: str
    transaction_name_zh: str
    transaction_name_en: str
    applicant_name: str
    applicant_id_number: str  # full; the receipt prints it masked
    materials_received: tuple[ReceivedMaterial, ...]
    accepted_at: datetime
    time_limit_days: int  # working days; 0 = finished on the spot
    promised_date: date
    clerk_name: str
    approval_level: str  # e.g. "派出所审批", "分局审批（5个工作日）"
    fee_zh: str = "不收费"
    # A case decided above the station (its tier): who decides it and why; "" when the station does.
    decided_above_zh: str = ""
    # The case's other persons besides the applicant: (("当事人", "赵小明"), ("监护人", …)).
    roles_zh: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MissingMaterial:
    name_zh: str
    why_zh: str  # why it is needed / what is wrong with what was brought
    form: str = "原件"


@dataclass(frozen=True)
class SupplementNoticeData:
    """一次性告知书: every missing material in one notice."""

    station: StationInfo
    document_number: str
    case_number: str
    transaction_name_zh: str
    applicant_name: str
    applied_at: datetime
    missing_materials: tuple[MissingMaterial, ...]
    supply_deadline: date
    clerk_name: str
    issued_at: datetime


@dataclass(frozen=True)
class AppealRights:
    """Where the citizen may challenge a decision; the periods are the statutory ones."""

    reconsideration_body: str  # e.g. "沈阳市和平区人民政府"
    court: str  # e.g. "沈阳市和平区人民法院"
    reconsideration_days: int = RECONSIDERATION_PERIOD_DAYS
    lawsuit_months: int = LAWSUIT_PERIOD_MONTHS


@dataclass(frozen=True)
class NotAcceptedNoticeData:
    """不予受理通知书."""

    station: StationInfo
    document_number: str
    transaction_name_zh: str
    applicant_name: str
    applied_at: datetime
    reason_zh: str
    legal_basis_zh: str  # e.g. "《中华人民共和国行政许可法》第三十二条第一款第（二）项"
    rights: AppealRights
    clerk_name: str
    issued_at: datetime
    case_number: str = ""
    ground_key: str = ""  # the procedural ground (resources/refusals.toml), "" for a free-text reason


@dataclass(frozen=True)
class DenialDecisionData:
    """不予许可决定书: the application was accepted, examined and refused."""

    station: StationInfo
    document_number: str
    case_number: str
    transaction_name_zh: str
    applicant_name: str
    applicant_id_number: str
    applied_at: datetime
    reason_zh: str
    legal_basis_zh: str
    rights: AppealRights
    decided_at: datetime
    clerk_name: str
    power_type: str = "licensing"  # licensing 不予许可 · confirmation 不予登记 · service 不予办理
    # The paper's title, chosen by the document service from the one table the screens read too
    # (messages `paper.denial_decision[.<power_type>]`); the operative verb is the title without 决定书.
    title_zh: str = "不予许可决定书"
    accepted_by_zh: str = ""  # the station that accepted, when another organ decided ("" = the same)
    rule_bases_zh: tuple[str, ...] = ()  # the articles the transaction's eligibility rules rest on


@dataclass(frozen=True)
class CompletionNoticeData:
    """办结通知书: the case is finished; what to collect, where and when."""

    station: StationInfo
    document_number: str
    case_number: str
    transaction_name_zh: str
    applicant_name: str
    accepted_at: datetime
    completed_at: datetime
    result_zh: str
    items_to_collect: tuple[str, ...]
    collect_place_zh: str
    collect_hours_zh: str
    clerk_name: str


@dataclass(frozen=True)
class MovePerson:
    """One person on a move-in permit (the applicant and those moving with them)."""

    name: str
    sex: str
    birth_date: date
    id_number: str
    relationship_zh: str  # to the applicant: 本人 / 配偶 / 子女 …


@dataclass(frozen=True)
class MoveInPermitData:
    """准予迁入证明 (the move-in permit of the national form)."""

    station: StationInfo
    permit_number: str
    case_number: str
    persons: tuple[MovePerson, ...]
    from_address_zh: str  # 迁出地 (current registered address)
    from_authority_zh: str  # 迁出地户口登记机关
    to_address_zh: str  # 迁入地 (full address)
    to_authority_zh: str  # 迁入地户口登记机关 (normally this station)
    reason_zh: str
    issued_on: date
    valid_until: date
    clerk_name: str
    # On a 户口迁移证: the 准予迁入证明 it was issued on ("编号，签发机关"); "" on a permit.
    permit_reference_zh: str = ""
    # On a re-issued (补发) paper: the original it replaces ("原证编号…，…签发，…作废"); "" on a first issue.
    reissue_of_zh: str = ""


@dataclass(frozen=True)
class HouseholdCertificateData:
    """户籍证明: facts certified from the register, with a signed QR code."""

    station: StationInfo
    serial: str
    name: str
    sex: str
    nation: str
    birth_date: date
    id_number: str
    address: str
    household_head: str
    relationship_to_head: str
    registered_on: date  # when the person was registered at this address
    purpose_zh: str
    issued_at: datetime
    clerk_name: str
    valid_until: date | None = None
    former_names: str = ""
    verify_url: str = ""  # the city's verification address, put in the QR code around the payload

    def certified_facts(self) -> dict[str, str]:
        """The facts the signature covers, as text exactly as printed (key order is fixed)."""
        return {
            "serial": self.serial,
            "station": self.station.code,
            "name": self.name,
            "former_names": self.former_names,
            "sex": self.sex,
            "nation": self.nation,
            "birth_date": self.birth_date.isoformat(),
            "id_number": self.id_number,
            "address": self.address,
            "household_head": self.household_head,
            "relationship_to_head": self.relationship_to_head,
            "registered_on": self.registered_on.isoformat(),
            "purpose": self.purpose_zh,
            "issued_on": self.issued_at.date().isoformat(),
        }


@dataclass(frozen=True)
class DeregistrationCertificateData:
    """注销户口证明: a person's cancelled registration as the register holds it, with a signed QR code."""

    station: StationInfo
    serial: str
    name: str
    sex: str
    nation: str
    birth_date: date | None
    id_number: str
    address: str  # the address the person was registered at before the registration was cancelled
    deregistered_on: date
    reason_zh: str  # 死亡或被宣告死亡, 入伍, …
    purpose_zh: str
    issued_at: datetime
    clerk_name: str
    valid_until: date | None = None
    former_names: str = ""
    verify_url: str = ""  # the city's verification address, put in the QR code around the payload

    def certified_facts(self) -> dict[str, str]:
        """The facts the signature covers, as text exactly as printed (key order is fixed)."""
        return {
            "kind": "deregistration_certificate",  # never mistaken for a 户籍证明's facts
            "serial": self.serial,
            "station": self.station.code,
            "name": self.name,
            "former_names": self.former_names,
            "sex": self.sex,
            "nation": self.nation,
            "birth_date": self.birth_date.isoformat() if self.birth_date else "",
            "id_number": self.id_number,
            "address": self.address,
            "deregistered_on": self.deregistered_on.isoformat(),
            "reason": self.reason_zh,
            "purpose": self.purpose_zh,
            "issued_on": self.issued_at.date().isoformat(),
        }


@dataclass(frozen=True)
class QueueTicketData:
    """排队号."""

    station: StationInfo
    number: str  # e.g. "A023"
    transaction_name_zh: str
    people_ahead: int
    issued_at: datetime
    estimated_wait_minutes: int | None = None
    note_zh: str = "请留意叫号屏幕和语音提示，过号请重新取号。"
    transaction_name_en: str = ""
    language: str = "zh"  # the citizen's: "zh", or "en" (English, with the Chinese the window needs)


# --- the daily report -------------------------------------------------------------------------


class RatingLevel(Enum):
    """The five levels of the 好差评 service rating, best first."""

    VERY_SATISFIED = "非常满意"
    SATISFIED = "满意"
    BASICALLY_SATISFIED = "基本满意"
    DISSATISFIED = "不满意"
    VERY_DISSATISFIED = "非常不满意"

    @property
    def label_zh(self) -> str:
        return self.value

    @property
    def label_en(self) -> str:
        return self.name.replace("_", " ").lower()


@dataclass(frozen=True)
class RatingCounts:
    counts: Mapping[RatingLevel, int] = field(default_factory=dict)

    def count(self, level: RatingLevel) -> int:
        return int(self.counts.get(level, 0))

    def items(self) -> Iterator[tuple[RatingLevel, int]]:
        """All five levels in order, including those nobody chose."""
        for level in RatingLevel:
            yield level, self.count(level)

    @property
    def total(self) -> int:
        return sum(count for _, count in self.items())

    @property
    def satisfied(self) -> int:
        """非常满意 + 满意 + 基本满意: the numerator of the published satisfaction rate."""
        return sum(
            self.count(level)
            for level in (RatingLevel.VERY_SATISFIED, RatingLevel.SATISFIED, RatingLevel.BASICALLY_SATISFIED)
        )

    @property
    def dissatisfied_follow_ups(self) -> int:
        """不满意 + 非常不满意: each opens a follow-up to rectify within 15 working days."""
        return self.count(RatingLevel.DISSATISFIED) + self.count(RatingLevel.VERY_DISSATISFIED)

    @property
    def satisfaction_rate(self) -> float | None:
        return self.satisfied / self.total if self.total else None


@dataclass(frozen=True)
class FigureRow:
    """Case figures of one transaction or one clerk for the report day."""

    key: str  # transaction code or clerk id
    label_zh: str
    accepted: int
    completed: int
    overdue: int
    completed_within_limit: int
    average_working_days: float | None  # over the cases completed that day
    open_overdue: int = 0  # still open past their due date (part of `overdue`)

    @property
    def within_limit_share(self) -> float | None:
        """按时办结率: on time among the cases that were due — completed today, and those still open past
        their due date (a backlog of overdue open cases must not read as 100 %)."""
        due = self.completed + self.open_overdue
        return self.completed_within_limit / due if due else None


@dataclass(frozen=True)
class OverdueRow:
    case_number: str
    transaction_name_zh: str
    applicant_name: str
    clerk_name: str
    accepted_on: date
    due_on: date
    overdue_working_days: int
    status_zh: str
    pending_with_zh: str = ""  # 当前处理人/环节: who holds the case now


@dataclass(frozen=True)
class KioskUseRow:
    kiosk_code: str
    location_zh: str
    sessions: int
    tickets_issued: int
    progress_queries: int
    documents_printed: int


@dataclass(frozen=True)
class AuditAnchorLine:
    """The day's audit anchor as the daily report prints it, so paper keeps the head too: when it was
    written, the newest entry's number and hash, the tag (HMAC with the audit key) and how many chains."""

    written_at: str
    seq: int
    head_hash: str
    tag: str
    chains: int


@dataclass(frozen=True)
class LegalClockCounts:
    """The clocks the law starts, counted for the daily report: applications that count as accepted
    (no answer within five working days), 注销公告 whose 30 days are over and wait for a decision,
    permits (准予迁入证明 / 户口迁移证) running out within a week or expired, and bundle follow-ups
    not yet referred or done."""

    deemed_accepted: int = 0
    notices_due: int = 0
    notices_running: int = 0
    permits_expiring: int = 0
    follow_ups_open: int = 0


@dataclass(frozen=True)
class FollowUpFigures:
    """差评回访 on the report day: opened, closed, and still open at its end (and of those overdue)."""

    opened: int = 0
    closed: int = 0
    open_at_end: int = 0
    overdue_at_end: int = 0


@dataclass(frozen=True)
class DailyReportData:
    """户籍业务日报: the figures of one station and one day, already computed."""

    station: StationInfo
    report_date: date
    generated_at: datetime
    totals: FigureRow
    by_transaction: tuple[FigureRow, ...]
    by_clerk: tuple[FigureRow, ...]
    overdue: tuple[OverdueRow, ...]
    kiosk_use: tuple[KioskUseRow, ...]
    ratings: RatingCounts
    target_working_days: float = TARGET_WORKING_DAYS
    audit_anchor: AuditAnchorLine | None = None  # printed when the caller found the day's anchor
    legal_clocks: LegalClockCounts = LegalClockCounts()
    supplement_notices: int = 0  # 一次性告知 issued on the day
    not_accepted: int = 0  # 不予受理 decided on the day
    follow_ups: FollowUpFigures = field(default_factory=lambda: FollowUpFigures())


@dataclass(frozen=True)
class ChecklistItem:
    """One material on the what-to-bring checklist; `condition_zh` None when it is always needed."""

    name_zh: str
    form_zh: str
    copies: int
    condition_zh: str | None = None
    note_zh: str | None = None
    # The English, for a checklist printed in English (the catalog's; "" when not given).
    name_en: str = ""
    form_en: str = ""
    condition_en: str | None = None
    note_en: str | None = None


@dataclass(frozen=True)
class MaterialChecklistData:
    """办事材料清单 for one transaction: names no citizen, so anybody may print it."""

    station: StationInfo
    transaction_name_zh: str
    time_limit_days: int
    approval_zh: str  # 窗口办理 / 派出所审批 / 分局审批
    description_zh: str
    always: tuple[ChecklistItem, ...]
    sometimes: tuple[ChecklistItem, ...]
    printed_at: datetime
    # "en": printed for a citizen who reads English — English first, each material's Chinese name under
    # its English one (the documents themselves and the clerk at the window are Chinese).
    language: str = "zh"
    transaction_name_en: str = ""
    approval_en: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class ChainRecord:
    """One record elsewhere that must follow the change, and who keeps it."""

    name_zh: str
    agency_zh: str
    how_zh: str


@dataclass(frozen=True)
class ChainNoticeData:
    """连锁变更告知单: after a change of basic facts, what changed and which records must follow."""

    station: StationInfo
    document_number: str
    case_number: str
    transaction_name_zh: str
    person_name: str
    fact_zh: str  # 姓名 / 性别 / 出生日期 / 民族 / 公民身份号码
    old_value: str
    new_value: str
    old_id_number: str
    new_id_number: str | None
    completed_at: datetime
    records: tuple[ChainRecord, ...]
