"""Plain data for the papers of “一件事” bundles and of the 30-day 注销公告 (kept apart from
`printing.models` so each paper family stays small)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from printing.models import StationInfo


@dataclass(frozen=True)
class BundleMemberLine:
    """One member case on the bundle's receipt."""

    case_number: str
    transaction_name_zh: str
    state_zh: str  # 已受理 / 已办结 / 已提交审核 …
    promised_date: date | None
    materials_zh: str  # the materials taken for it, one line


@dataclass(frozen=True)
class BundleReceiptData:
    """“一件事”受理回执: one paper that lists every member case of the bundle."""

    station: StationInfo
    serial: str
    bundle_number: str
    bundle_name_zh: str
    applicant_name: str
    applicant_id_number: str  # full; printed masked
    subject_zh: str  # whom it is about (新生儿：张子涵 / 死亡人员：王德厚), "" when the applicant
    members: tuple[BundleMemberLine, ...]
    follow_up_count: int
    accepted_at: datetime
    clerk_name: str


@dataclass(frozen=True)
class ReferralLine:
    name_zh: str
    agency_zh: str
    how_zh: str
    state_zh: str  # 待办 / 已转介 / 已办结


@dataclass(frozen=True)
class ReferralListData:
    """后续事项告知单: the follow-ups at other agencies, for the citizen to take along."""

    station: StationInfo
    serial: str
    bundle_number: str
    bundle_name_zh: str
    applicant_name: str
    subject_zh: str
    lines: tuple[ReferralLine, ...]
    issued_at: datetime


@dataclass(frozen=True)
class DeregistrationNoticeData:
    """注销户口公告: 30 days' public notice before a registration is cancelled for a person who did not apply."""

    station: StationInfo
    serial: str
    case_number: str
    person_name: str
    person_id_number: str  # printed masked on a notice put up in public
    body_zh: str
    published_on: date
    ends_on: date
