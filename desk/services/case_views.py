"""Read-only snapshots of cases for screens, the CLI and printing (no live ORM objects leak out)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from desk.domain.clock import local_datetime
from desk.domain.workdays import DueStatus
from desk.domain.workflow import Action, Approval, CaseFacts, CaseState
from desk.store.models import Case, CaseEvent, Citizen, MaterialReceived


@dataclass(frozen=True)
class CitizenView:
    id: int
    id_number: str
    name: str
    sex: str
    nation: str
    birth_date: date | None
    address: str
    issuing_authority: str
    valid_from: date | None
    valid_to: date | None
    card_type: str
    phone: str
    household_head: str = ""
    relationship_to_head: str = ""
    registered_on: date | None = None
    former_names: str = ""
    card_difference: dict[str, Any] | None = None  # a kiosk read that disagreed, for the desk to look at

    @classmethod
    def of_columns(cls, columns: Mapping[str, Any]) -> CitizenView:
        """From the columns a repository read (`citizen_lookup.VIEW_COLUMNS`) rather than an ORM object."""
        difference = columns["card_difference"]
        return cls(**{**columns, "card_difference": dict(difference) if difference else None})

    @classmethod
    def of(cls, citizen: Citizen) -> CitizenView:
        return cls(
            id=citizen.id,
            id_number=citizen.id_number,
            name=citizen.name,
            sex=citizen.sex,
            nation=citizen.nation,
            birth_date=citizen.birth_date,
            address=citizen.address,
            issuing_authority=citizen.issuing_authority,
            valid_from=citizen.valid_from,
            valid_to=citizen.valid_to,
            card_type=citizen.card_type,
            phone=citizen.phone,
            household_head=citizen.household_head,
            relationship_to_head=citizen.relationship_to_head,
            registered_on=citizen.registered_on,
            former_names=citizen.former_names,
            card_difference=dict(citizen.card_difference) if citizen.card_difference else None,
        )

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id_number": self.id_number,
            "name": self.name,
            "sex": self.sex,
            "nation": self.nation,
            "birth_date": _iso(self.birth_date),
            "address": self.address,
            "issuing_authority": self.issuing_authority,
            "valid_from": _iso(self.valid_from),
            "valid_to": _iso(self.valid_to),
            "card_type": self.card_type,
        }


@dataclass(frozen=True)
class EventView:
    action: str
    from_state: str | None
    to_state: str
    actor_id: int | None
    actor_name: str
    at: datetime
    reason: str | None
    details: dict[str, Any]

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "from_state": self.from_state,
            "to_state": self.to_state,
            "actor": self.actor_name,
            "at": local_datetime(self.at).isoformat(timespec="seconds"),
            "reason": self.reason,
            "details": self.details,
        }


@dataclass(frozen=True)
class MaterialView:
    key: str
    name_zh: str
    form: str
    copies: int

    @classmethod
    def of(cls, row: MaterialReceived) -> MaterialView:
        return cls(row.material_key, row.name_zh, row.form, row.copies)


@dataclass(frozen=True)
class CaseRow:
    """A case as a list shows it (Today, the due and review lists, a day's cases): the columns of the
    list only — no form, materials or history, which opening the case loads (`CaseView`). `due_status`
    is set for an open case with a due date, as of the day the list was read."""

    number: str
    station_code: str
    transaction_code: str
    state: CaseState
    approval: Approval
    applicant_name: str
    applicant_id_number: str
    created_at: datetime
    accepted_at: datetime | None
    due_date: date | None
    completed_on: date | None
    due_status: DueStatus | None = None


@dataclass(frozen=True)
class CaseLists:
    """The case lists of one station's Today screen, read in one transaction (one call in city mode):
    a page of each list, soonest due first, and how many open cases each due list holds in all (the
    headings count those, not the page)."""

    drafts: list[CaseRow] = field(default_factory=list)  # drafts, then cases awaiting supplements
    overdue: list[CaseRow] = field(default_factory=list)
    due_today: list[CaseRow] = field(default_factory=list)
    due_soon: list[CaseRow] = field(default_factory=list)
    review: list[CaseRow] = field(default_factory=list)
    overdue_count: int = 0
    due_today_count: int = 0
    due_soon_count: int = 0


@dataclass(frozen=True)
class CaseView:
    id: int
    number: str
    lookup_code: str
    station_code: str
    transaction_code: str
    state: CaseState
    approval: Approval
    time_limit_days: int
    applicant: CitizenView
    form_values: dict[str, Any]
    created_by: int
    created_at: datetime
    accepted_by: int | None
    accepted_at: datetime | None
    due_date: date | None
    decided_by: int | None
    completed_at: datetime | None
    completed_on: date | None
    decision_reason: str | None
    missing_materials: list[dict[str, Any]]
    version: int
    materials: list[MaterialView] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)

    @property
    def applicant_name(self) -> str:
        """As a list row (`CaseRow`) names it, so a screen may list either."""
        return self.applicant.name

    @property
    def submitted_by(self) -> int | None:
        """Whoever last submitted the case for review (they may not decide it)."""
        return submitted_by(self.events)

    @property
    def tier(self) -> tuple[str, str | None]:
        """The tier fixed at acceptance — its key and why the case is on it (None for the base tier);
        ("base", None) before acceptance."""
        for event in reversed(self.events):
            if event.action == "accept":
                return str(event.details.get("tier", "base")), event.details.get("tier_zh")
        return "base", None

    @property
    def facts(self) -> CaseFacts:
        """What the workflow judges an action on."""
        return CaseFacts(self.state, self.approval, self.accepted_by, self.submitted_by)

    @classmethod
    def of(cls, case: Case, user_names: dict[int, str] | None = None) -> CaseView:
        names = user_names or {}
        return cls(
            id=case.id,
            number=case.number,
            lookup_code=case.lookup_code,
            station_code=case.station_code,
            transaction_code=case.transaction_code,
            state=CaseState(case.state),
            approval=Approval(case.approval),
            time_limit_days=case.time_limit_days,
            applicant=CitizenView.of(case.applicant),
            form_values=dict(case.form_values or {}),
            created_by=case.created_by,
            created_at=case.created_at,
            accepted_by=case.accepted_by,
            accepted_at=case.accepted_at,
            due_date=case.due_date,
            decided_by=case.decided_by,
            completed_at=case.completed_at,
            completed_on=case.completed_on,
            decision_reason=case.decision_reason,
            missing_materials=list(case.missing_materials or []),
            version=case.version,
            materials=[MaterialView.of(m) for m in case.materials],
            events=[_event_view(e, names) for e in case.events],
        )

    @classmethod
    def of_rows(cls, case: Mapping[str, Any], applicant: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                materials: Iterable[Mapping[str, Any]]) -> CaseView:
        """From the rows a repository read (`CaseWrites`): the case's columns, its applicant's shown columns,
        its events each with `actor_name`, its materials — the same view `of` gives of the ORM objects."""
        return cls(
            id=case["id"], number=case["number"], lookup_code=case["lookup_code"], station_code=case["station_code"],
            transaction_code=case["transaction_code"], state=CaseState(case["state"]),
            approval=Approval(case["approval"]), time_limit_days=case["time_limit_days"],
            applicant=CitizenView.of_columns(applicant), form_values=dict(case["form_values"] or {}),
            created_by=case["created_by"], created_at=case["created_at"], accepted_by=case["accepted_by"],
            accepted_at=case["accepted_at"], due_date=case["due_date"], decided_by=case["decided_by"],
            completed_at=case["completed_at"], completed_on=case["completed_on"],
            decision_reason=case["decision_reason"], missing_materials=list(case["missing_materials"] or []),
            version=case["version"],
            materials=[MaterialView(m["material_key"], m["name_zh"], m["form"], m["copies"]) for m in materials],
            events=[EventView(action=e["action"], from_state=e["from_state"], to_state=e["to_state"],
                              actor_id=e["actor_id"], actor_name=_actor_name(e["actor_id"], e["actor_name"]),
                              at=e["at"], reason=e["reason"], details=dict(e["details"] or {})) for e in history],
        )

    def as_read_back(self) -> CaseView:
        """This view as the store would give it back: its times in UTC and its JSON values (form,
        missing materials, event details) through a JSON round trip (string keys, lists for tuples)."""
        return replace(
            self,
            created_at=_utc(self.created_at),
            accepted_at=_utc(self.accepted_at),
            completed_at=_utc(self.completed_at),
            form_values=_json_round_trip(self.form_values),
            missing_materials=_json_round_trip(self.missing_materials),
            events=[replace(e, at=_utc(e.at), details=_json_round_trip(e.details)) for e in self.events],
        )

    def to_json_dict(self, *, with_history: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "number": self.number,
            "lookup_code": self.lookup_code,
            "station_code": self.station_code,
            "transaction_code": self.transaction_code,
            "state": self.state.value,
            "state_zh": self.state.label_zh,
            "approval": self.approval.value,
            "time_limit_days": self.time_limit_days,
            "tier": self.tier[0],
            "applicant_id_number": self.applicant.id_number,
            "applicant_name": self.applicant.name,
            "created_at": local_datetime(self.created_at).isoformat(timespec="seconds"),
            "accepted_at": local_datetime(self.accepted_at).isoformat(timespec="seconds")
            if self.accepted_at
            else None,
            "due_date": _iso(self.due_date),
            "completed_at": local_datetime(self.completed_at).isoformat(timespec="seconds")
            if self.completed_at
            else None,
            "decision_reason": self.decision_reason,
            "missing_materials": self.missing_materials,
            "materials_received": [m.key for m in self.materials],
            "form_values": self.form_values,
            "version": self.version,
        }
        if with_history:
            data["history"] = [e.to_json_dict() for e in self.events]
        return data


def submitted_by(events: Iterable[EventView] | Iterable[CaseEvent]) -> int | None:
    """The actor of the latest 提交审核 in a case's history, if any."""
    last: int | None = None
    for event in events:
        if event.action == Action.SUBMIT_FOR_REVIEW.value:
            last = event.actor_id
    return last


def _event_view(event: CaseEvent, names: dict[int, str]) -> EventView:
    return EventView(
        action=event.action,
        from_state=event.from_state,
        to_state=event.to_state,
        actor_id=event.actor_id,
        actor_name=_actor_name(event.actor_id, names.get(event.actor_id or -1)),
        at=event.at,
        reason=event.reason,
        details=dict(event.details or {}),
    )


def _actor_name(actor_id: int | None, display_name: str | None) -> str:
    """The name a history shows for a step: its user's display name; 系统 for a step of no user."""
    if display_name is not None:
        return display_name
    return "系统" if actor_id is None else str(actor_id)


_T = TypeVar("_T", dict[str, Any], list[dict[str, Any]])


def _json_round_trip(value: _T) -> _T:
    return json.loads(json.dumps(value))  # type: ignore[no-any-return]


_When = TypeVar("_When", datetime, datetime | None)


def _utc(value: _When) -> _When:
    return value.astimezone(UTC) if value is not None else value  # type: ignore[return-value]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
