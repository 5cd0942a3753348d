"""Rights in city mode, checked on every call against what the database says now.

The policy is data (`resources/rights.toml`): which actions a role may call, over which cases (its own
station, or every station of its branch), and which roles decide a case of each approval level. On top
of it, fixed rules: the user must be active; a kiosk session takes no window decision; whoever accepted
or submitted a case never approves or denies it (separation of duties).

Every refusal raises `Refused` (a code and a message in both languages); the caller records it in the
audit log (`record_refusal`) in a transaction of its own, since the refused call's is rolled back.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desk.domain import messages
from desk.domain.errors import PermissionDenied
from desk.domain.messages import Term
from desk.domain.workflow import Action, Approval, Role
from desk.paths import resources_dir
from desk.services import audit
from desk.store.database import Store
from desk.store.models import Case
from desk.store.repositories.cases import CaseRepository
from desk.store.repositories.stations import StationRepository

# Calls that are not case actions: reads, opening and saving drafts, the catalog, calling the queue,
# the daily figures, and the kiosk's own calls (a citizen's card, their cases, tickets, ratings, papers).
# "admin": the support commands (`desk user|station …`, `desk db upgrade`, `desk demo-data`) in city mode.
READ, OPEN, CATALOG, QUEUE, REPORT, KIOSK = "read", "open", "catalog", "queue", "report", "kiosk"
ADMIN = "admin"
# Loading a register extract (`desk register import`): a manager for their station, an administrator for any.
REGISTER_IMPORT = "register_import"
KNOWN_ACTIONS = frozenset({READ, OPEN, CATALOG, QUEUE, REPORT, KIOSK, ADMIN, REGISTER_IMPORT,
                           *(a.value for a in Action)})
DECISIONS = frozenset({Action.APPROVE, Action.DENY})


class Refused(PermissionDenied):
    """A call the rights do not allow."""


@dataclass(frozen=True)
class RolePolicy:
    actions: frozenset[str]
    scope: str  # station | branch


@dataclass(frozen=True)
class RightsPolicy:
    roles: Mapping[Role, RolePolicy]
    deciders: Mapping[Approval, frozenset[Role]]
    kiosk_actions: frozenset[str]

    @classmethod
    def load(cls, path: Path | None = None) -> RightsPolicy:
        path = path or resources_dir() / "rights.toml"
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        roles: dict[Role, RolePolicy] = {}
        for name, entry in data.get("roles", {}).items():
            actions = frozenset(entry.get("actions", ()))
            unknown = actions - KNOWN_ACTIONS
            scope = entry.get("scope", "station")
            if unknown or scope not in ("station", "branch"):
                raise ValueError(f"{path}: role {name}: unknown actions {sorted(unknown)} or scope {scope!r}")
            roles[Role(name)] = RolePolicy(actions, scope)
        deciders = {Approval(level): frozenset(Role(r) for r in names)
                    for level, names in data.get("deciders", {}).items()}
        kiosk = frozenset(data.get("kiosk", {}).get("actions", ()))
        return cls(roles, deciders, kiosk)


@dataclass(frozen=True)
class Caller:
    """Who is calling, reloaded from the database for this call."""

    user_id: int
    username: str
    role: Role
    station_code: str
    active: bool
    session_kind: str  # desk / kiosk
    device_id: str


@dataclass
class Rights:
    store: Store
    policy: RightsPolicy

    def require(self, caller: Caller, action: str) -> None:
        """May this caller make this kind of call at all (before any case is looked at)?"""
        if not caller.active:
            raise Refused.say("rights.user_inactive", code="user_inactive")
        if caller.session_kind == "kiosk":
            if action not in self.policy.kiosk_actions:
                raise Refused.say("rights.kiosk_session", code="kiosk_session")
            return
        role = self.policy.roles.get(caller.role)
        if role is None or action not in role.actions:
            raise Refused.say("rights.role_not_permitted", code="role_not_permitted",
                              role=Term(f"role.{caller.role.value}"), action=_action_word(action))

    def require_case(self, caller: Caller, action: str, number: str) -> str | None:
        """The call is allowed on this case: station or branch, approval level, separation of duties.

        The decision that follows runs at the version the caller loaded, so a case changed after this
        check is a conflict, not a decision taken on facts the check never saw. Returns the case's
        station (None when there is no such case: the use case then says "not found").
        """
        self.require(caller, action)
        with self.store.read() as session:
            case = CaseRepository(session).by_number(number)
            if case is None:
                return None
            self._in_scope(session, caller, case)
            if action in (Action.APPROVE.value, Action.DENY.value):
                self._may_decide(session, caller, case)
            return case.station_code

    def may_see_station(self, session: Session, caller: Caller, station_code: str) -> bool:
        role = self.policy.roles.get(caller.role)
        if role is not None and role.scope == "branch":
            return station_code in self.branch_stations(session, caller.station_code)
        return station_code == caller.station_code

    def branch_stations(self, session: Session, station_code: str) -> set[str]:
        """Every station of the branch the given station belongs to."""
        stations = StationRepository(session)
        station = stations.get(station_code)
        if station is None or not station.branch_name:
            return {station_code}
        return stations.codes_of_branch(station.branch_name)

    def record_refusal(self, at: datetime, caller: Caller | None, call: str, error: PermissionDenied | Any,
                       case_number: str | None = None) -> None:
        """The refusal in the audit log: who (or "-" when nobody is signed in), the call, why."""
        with self.store.write() as session:
            audit.append(session, at=at, actor=caller.username if caller else "-", action="server.refused",
                         entity_type="case" if case_number else "call", entity_id=(case_number or call)[:40],
                         details={"call": call, "code": error.code, "reason": error.message_en,
                                  "device": caller.device_id if caller else None})

    # ---- helpers -------------------------------------------------------------------------------

    def _in_scope(self, session: Session, caller: Caller, case: Case) -> None:
        if not self.may_see_station(session, caller, case.station_code):
            role = self.policy.roles.get(caller.role)
            if role is not None and role.scope == "branch":
                raise Refused.say("rights.other_branch", code="other_branch", number=case.number)
            raise Refused.say("rights.other_station", code="other_station", number=case.number,
                              station=case.station_code)

    def _may_decide(self, session: Session, caller: Caller, case: Case) -> None:
        approval = Approval(case.approval)
        deciders = self.policy.deciders.get(approval, frozenset())
        if caller.role not in deciders:
            who = tuple(Term(f"role.{r.value}") for r in sorted(deciders)) or Term("word.nobody")
            raise Refused.say("rights.not_a_decider", code="not_a_decider", approval=approval.value, deciders=who)
        submitted_by = CaseRepository(session).actors_of_action(case.id, Action.SUBMIT_FOR_REVIEW.value)
        if caller.user_id == case.accepted_by or caller.user_id in submitted_by:
            raise Refused.say("rights.separation_of_duties", code="separation_of_duties")


def _action_word(action: str) -> Term | str:
    """The action's word in the messages' table (a case's action, or a kind of call); else its code."""
    for key in (f"action.{action}", f"rights.call.{action}"):
        if key in messages.TEMPLATES:
            return Term(key)
    return action
