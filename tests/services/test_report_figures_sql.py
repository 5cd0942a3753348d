"""The daily report's case figures read with a bounded, column-only query equal what loading every
accepted case of the station as ORM objects (the former way, kept here as the reference) gives — for
every day of a demo history with every state, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desk.domain.catalog import Catalog
from desk.domain.clock import local_date
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.services.demo import DEMO_STATION, build_demo
from desk.services.reports import ReportService
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.store.models import Case, User
from printing.report_figures import CaseFigure

_FINAL = {CaseState.COMPLETED.value, CaseState.DENIED.value, CaseState.NOT_ACCEPTED.value, CaseState.WITHDRAWN.value}


def reference_figures(session: Session, catalog: Catalog, calendar: WorkingCalendar, day: date,
                      station_code: str) -> list[CaseFigure]:
    names = {uid: name for uid, name in session.execute(select(User.id, User.display_name))}
    cases = session.execute(
        select(Case).where(Case.station_code == station_code, Case.accepted_on.is_not(None), Case.accepted_on <= day)
        .options(selectinload(Case.events))
    ).unique().scalars().all()
    figures = []
    for case in cases:
        assert case.accepted_on is not None and case.due_date is not None
        closed_on = None
        if case.state in _FINAL:
            closed_on = next((local_date(e.at) for e in reversed(case.events) if e.to_state in _FINAL),
                             local_date(case.updated_at))
        open_on_day = closed_on is None or closed_on > day
        accepted_today = case.accepted_on == day
        completed_today = case.state == CaseState.COMPLETED.value and case.completed_on == day
        late_open = open_on_day and case.due_date < day
        late_done = completed_today and case.due_date < day
        if not (accepted_today or completed_today or late_open):
            continue
        transaction = catalog.get(case.transaction_code)
        taken = calendar.working_days_between(case.accepted_on, day) if completed_today else None
        clerk_id = case.accepted_by or case.created_by
        figures.append(CaseFigure(
            case_number=case.number, transaction_code=case.transaction_code,
            transaction_name_zh=transaction.name_zh if transaction else case.transaction_code,
            clerk_id=str(clerk_id), clerk_name=names.get(clerk_id, str(clerk_id)),
            applicant_name=case.applicant.name, accepted_on=case.accepted_on, due_on=case.due_date,
            accepted_today=accepted_today, completed_today=completed_today, overdue=late_open or late_done,
            completed_within_limit=completed_today and case.due_date >= day,
            working_days_taken=float(taken) if taken is not None else None,
            overdue_working_days=calendar.working_days_between(case.due_date, day) if late_open else 0,
            status_zh=CaseState(case.state).label_zh if not open_on_day or case.state not in _FINAL else "处理中",
            pending_with_zh="" if case.state in _FINAL else {
                "under_review": "分局审批" if case.approval == "branch" else "所领导审批",
                "supplement_requested": "待群众补正材料",
                "approved": f"窗口办结：{names.get(clerk_id)}"}.get(case.state, f"窗口：{names.get(clerk_id)}"),
        ))
    return figures


def test_bounded_figures_equal_the_full_load_on_every_day(database_url: str) -> None:
    store = Store(database_url)
    catalog, calendar, today = shipped_catalog(), WorkingCalendar(), date(2026, 3, 20)
    summary = build_demo(store, catalog, calendar, residents=25, cases=90, seed=11, today=today)
    assert summary.cases >= 80
    # Demo cases finish in time; make every other closed case accepted five days earlier and due the next
    # day, so the days until its closing see it open and late (the report of a past day).
    with store.write() as session:
        for case in session.execute(select(Case).where(Case.state.in_(_FINAL), Case.accepted_on.is_not(None),
                                                       Case.id % 2 == 0)).unique().scalars():
            assert case.accepted_on is not None
            case.accepted_on -= timedelta(days=5)
            case.due_date = case.accepted_on + timedelta(days=1)
    reports = ReportService(store, catalog, calendar, clock=None)  # type: ignore[arg-type]
    station = DEMO_STATION[0]
    checked = late_after_closing = 0
    with store.read() as session:
        for offset in range(45):
            day = today - timedelta(days=offset)
            new = sorted(reports.case_figures(session, day, station), key=lambda f: f.case_number)
            old = sorted(reference_figures(session, catalog, calendar, day, station), key=lambda f: f.case_number)
            assert new == old, day
            checked += len(old)
            late_after_closing += sum(f.overdue and f.status_zh == "处理中" for f in old)
    assert checked > 100  # the days covered accepted, completed and overdue cases
    assert late_after_closing > 0
    store.dispose()
