"""补发 (re-issue) of a move paper this station issued: find the original in the station's own register of
papers and check that it may be re-issued — ours, of the kind asked for, not void, still valid, and the
applicant one of the persons on it. The checks run when the case is accepted (a wrong number is said at
the window, before anything is decided) and again when the new paper is printed (days may pass between).

Completing the case prints the original's facts (persons, addresses, reason, validity) under a new number,
marked 补发 with the original's number, and voids the original: `void_original` records which paper
replaced it, so the permit clock and a second re-issue both see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from desk.domain.catalog import Transaction
from desk.domain.clock import local_date
from desk.domain.errors import InvalidInput
from desk.domain.messages import Term
from desk.services.case_views import CaseView
from desk.store.models import DocumentIssued
from desk.store.repositories.cases import CaseRepository
from desk.store.repositories.documents import DocumentRepository

# How long a move paper is valid (the national forms' 40 days); a paper's record holds the date printed,
# this is for papers issued before that was recorded.
MOVE_PERMIT_VALID_DAYS = 40


@dataclass(frozen=True)
class Original:
    """The paper being re-issued: its register row and the case it was issued for."""

    record: DocumentIssued
    case: CaseView
    valid_until: date


def original_of(session: Session, station_code: str, transaction: Transaction, case: CaseView, *,
                today: date, reissued_serial: str | None = None) -> Original | None:
    """The original the re-issue case names, checked; None for an item that re-issues nothing.
    `reissued_serial`: the re-issued paper's own number, on a reprint (the original is void by it)."""
    spec = transaction.reissues
    if spec is None:
        return None
    kind = spec.kind(case.form_values)
    number = spec.original_number(case.form_values)
    if kind is None or not number:
        raise InvalidInput.say("reissue.not_chosen")
    record = DocumentRepository(session).by_serial(number)
    if record is None or record.station_code != station_code or record.case_id is None:
        raise InvalidInput.say("reissue.not_ours", number=number)
    if record.kind != str(kind):
        raise InvalidInput.say("reissue.wrong_kind", number=number, kind=Term(f"paper.{record.kind}"),
                               chosen=Term(f"paper.{kind}"))
    details: dict[str, Any] = record.details or {}
    voided_by = details.get("voided_by")
    if voided_by and voided_by != reissued_serial:
        raise InvalidInput.say("reissue.already_void", number=number, by=voided_by)
    until = valid_until(details, local_date(record.issued_at))
    if reissued_serial is None and until < today:
        raise InvalidInput.say("reissue.expired", number=number, until=until.isoformat())
    original_case = CaseRepository(session).by_id(record.case_id)
    if original_case is None:  # a register row without its case: the record cannot be checked
        raise InvalidInput.say("reissue.not_ours", number=number)
    from desk.services.cases import user_names

    original = CaseView.of(original_case, user_names(session, original_case))
    if reissued_serial is None and not _on_the_paper(original, case):
        raise InvalidInput.say("reissue.not_on_original", number=number, name=case.applicant.name)
    return Original(record, original, until)


def void_original(original: Original, reissued_serial: str) -> bool:
    """Mark the original void, replaced by `reissued_serial`; False when it already was (a reprint)."""
    details = dict(original.record.details or {})
    if details.get("voided_by") == reissued_serial:
        return False
    details["voided_by"] = reissued_serial
    original.record.details = details
    return True


def voided_by(details: dict[str, Any] | None) -> str:
    """The re-issued paper that replaced this one; "" while it is valid."""
    return str((details or {}).get("voided_by") or "")


def valid_until(details: dict[str, Any] | None, issued_on: date, valid_days: int = MOVE_PERMIT_VALID_DAYS) -> date:
    """The last day a move paper is valid: the date printed on it (a 户口迁移证 may end earlier, with its
    permit), else `valid_days` from its issue (a paper issued before the date was recorded)."""
    printed = (details or {}).get("valid_until")
    if isinstance(printed, str) and printed:
        return date.fromisoformat(printed)
    return issued_on + timedelta(days=valid_days)


def _on_the_paper(original: CaseView, case: CaseView) -> bool:
    """The applicant applied for the original, or is one of the persons its form names (a mover, the
    guardian of a child on it): the 证上所列迁移人员本人或其监护人."""
    wanted = case.applicant.id_number
    if original.applicant.id_number == wanted:
        return True
    for value in original.form_values.values():
        if isinstance(value, dict) and str(value.get("id_number", "")).strip().upper() == wanted:
            return True
    return False
