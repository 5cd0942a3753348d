"""The case lists as light rows (`CaseRow`: the columns a list shows, no form, materials or history):
the Today screen's lists in one call, the due lists (overdue …) and the filtered lists, a page at a
time. Opening a case still goes through `GET /cases/{number}` (the full, audited view).

Scope as for the full lists (`_scope` of the station routes): the caller's station, one station of its branch, or for a
branch user the whole branch — the branch's lists merged, each cut to the page again."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, FastAPI

from desk.domain.workdays import DueStatus
from desk.domain.workflow import CaseState
from desk.server.context import CallerDep, Server
from desk.server.station_routes import LIST_LIMIT, _scope
from desk.services.case_queries import DRAFTS_PAGE
from desk.services.case_views import CaseLists, CaseRow
from desk.services.rights import READ
from desk.services.wire import to_wire


def register_case_list_routes(app: FastAPI, prefix: str, server: Server) -> None:
    router = APIRouter(prefix=prefix)

    @router.get("/case-lists/today", tags=["reads"])
    def today_lists(caller: CallerDep, station: str | None = None, page: int = 200,
                    soon_days: int = 2) -> dict[str, Any]:
        """The Today screen's case lists (drafts, due, review) with the due counts, in one call."""
        server.rights.require(caller, READ)
        page = max(1, min(page, LIST_LIMIT))
        soon_days = max(0, min(soon_days, 30))
        lists = [server.window.queries.today_lists(code, page=page, soon_days=soon_days)
                 for code in _scope(server, caller, station)]
        return dict(to_wire(lists[0] if len(lists) == 1 else merged(lists, page)))

    @router.get("/case-rows", tags=["reads"])
    def rows(caller: CallerDep, state: CaseState | None = None, station: str | None = None,
             applicant: str | None = None, day: date | None = None, limit: int = 100,
             offset: int = 0) -> list[dict[str, Any]]:
        """Cases of the caller's station (or of one station of its branch), newest first, filtered. By
        applicant alone: the citizen's cases at every station (a row is what a case summary shows)."""
        server.rights.require(caller, READ)
        limit, offset = max(1, min(limit, LIST_LIMIT)), max(0, offset)
        queries = server.window.queries
        if applicant and station is None:
            found = queries.rows(day=day, state=state, applicant_id_number=applicant, limit=limit + offset)
        else:
            found = [r for code in _scope(server, caller, station) for r in queries.rows(
                day=day, state=state, station_code=code, applicant_id_number=applicant, limit=limit + offset)]
        return [to_wire(r) for r in _newest(found)[offset:offset + limit]]

    @router.get("/case-rows/due/{status}", tags=["reads"])
    def due_rows(caller: CallerDep, status: DueStatus, station: str | None = None, limit: int = 100,
                 offset: int = 0, soon_days: int = 2) -> list[dict[str, Any]]:
        """Open cases overdue / due today / due soon / on track, soonest due first, a page at a time."""
        server.rights.require(caller, READ)
        limit, offset = max(1, min(limit, LIST_LIMIT)), max(0, offset)
        soon_days = max(0, min(soon_days, 30))
        found: list[CaseRow] = []
        for code in _scope(server, caller, station):
            found += server.window.queries.rows_by_due_status(status, code, soon_days, limit=limit + offset)
        return [to_wire(r) for r in _soonest(found)[offset:offset + limit]]

    app.include_router(router)


def merged(lists: list[CaseLists], page: int) -> CaseLists:
    """Several stations' Today lists as one: each list in its own order, cut to `page`; counts added."""
    drafts = [r for one in lists for r in one.drafts]
    return CaseLists(
        drafts=(_newest([r for r in drafts if r.state is CaseState.DRAFT])[:DRAFTS_PAGE]
                + _newest([r for r in drafts if r.state is not CaseState.DRAFT])[:DRAFTS_PAGE]),
        overdue=_soonest([r for one in lists for r in one.overdue])[:page],
        due_today=_soonest([r for one in lists for r in one.due_today])[:page],
        due_soon=_soonest([r for one in lists for r in one.due_soon])[:page],
        review=_newest([r for one in lists for r in one.review])[:page],
        overdue_count=sum(one.overdue_count for one in lists),
        due_today_count=sum(one.due_today_count for one in lists),
        due_soon_count=sum(one.due_soon_count for one in lists))


def _newest(rows: list[CaseRow]) -> list[CaseRow]:
    return sorted(rows, key=lambda r: r.created_at, reverse=True)


def _soonest(rows: list[CaseRow]) -> list[CaseRow]:
    return sorted(rows, key=lambda r: r.due_date or date.max)
