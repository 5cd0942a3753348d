"""The clocks the law starts: deemed acceptance on the 6th working day with the holiday calendar
(National Day 2026 and its make-up Saturday), and move-in permits running out — SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desk_fixtures import OLD_MAN, Desk

from desk.domain.workdays import WorkingCalendar
from desk.paths import holidays_dir
from desk.services.clocks import LegalClocks


def _at(desk: Desk, moment: datetime) -> None:
    desk.clock.advance(moment - desk.clock.now())


def test_an_unanswered_application_counts_as_accepted_from_the_sixth_working_day(desk: Desk) -> None:
    clocks = LegalClocks(desk.core.store, WorkingCalendar.from_folder(holidays_dir()), desk.clock, "HP01")
    _at(desk, datetime(2026, 9, 30, 2, 0, tzinfo=UTC))  # Wednesday before National Day, 10:00 in Shenyang
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False})
    answered = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False})
    desk.core.cases.not_accept(desk.clerk, answered.number, answered.version, "不属于本所管辖")
    # 1–7 October off; 8, 9, 10 (the make-up Saturday), 12, 13 October are the five working days.
    _at(desk, datetime(2026, 10, 13, 9, 0, tzinfo=UTC))
    assert clocks.deemed_accepted() == []
    _at(desk, datetime(2026, 10, 14, 1, 0, tzinfo=UTC))
    [late] = clocks.deemed_accepted()
    assert (late.case_number, late.received_on, late.notice_due_on, late.working_days_waited) == (
        draft.number, date(2026, 9, 30), date(2026, 10, 13), 6)


def test_permits_running_out_are_listed(desk: Desk) -> None:
    from desk.store.models import Case, DocumentIssued

    clocks = LegalClocks(desk.core.store, WorkingCalendar(), desk.clock, "HP01")
    case = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False})
    with desk.core.store.write() as session:  # a permit issued today (its paper is printing's business)
        case_id = session.query(Case.id).filter(Case.number == case.number).scalar()
        session.add(DocumentIssued(serial="HP01ZQ202603020001", kind="move_in_permit", case_id=case_id,
                                   station_code="HP01", issued_at=desk.clock.now(), details={}))
    assert clocks.expiring_permits() == []
    desk.clock.advance(timedelta(days=35))
    [soon] = clocks.expiring_permits()
    assert soon.days_left == 5 and soon.valid_until == date(2026, 4, 11)
    desk.clock.advance(timedelta(days=10))
    assert clocks.expiring_permits()[0].days_left == -5  # expired: still listed for a while


def test_cli_lists_the_clocks(desk: Desk, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    from desk.cli import main

    desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False})
    desk.clock.advance(timedelta(days=10))  # two weeks of weekdays (weekends only in this calendar)
    monkeypatch.setattr("desk.cli.clocks_cmd.core_from_args", lambda _args: desk.core)
    assert main(["clocks", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert len(result["deemed_accepted"]) == 1 and result["expiring_permits"] == []
    assert main(["clocks"]) == 0
    assert "视为受理" in capsys.readouterr().out


def test_the_case_says_it_counts_as_accepted_and_the_daily_report_counts_it(desk: Desk) -> None:
    import io

    from pypdf import PdfReader

    from printing.documents import daily_report

    calendar = WorkingCalendar.from_folder(holidays_dir())
    clocks = LegalClocks(desk.core.store, calendar, desk.clock, "HP01")
    _at(desk, datetime(2026, 9, 30, 2, 0, tzinfo=UTC))
    waiting = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False})
    late = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False})
    in_time = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False})
    _at(desk, datetime(2026, 10, 13, 3, 0, tzinfo=UTC))  # the fifth working day: still in time
    desk.core.cases.not_accept(desk.clerk, in_time.number, in_time.version, "不属于本所管辖")
    _at(desk, datetime(2026, 10, 14, 3, 0, tzinfo=UTC))  # the sixth: too late
    desk.core.cases.not_accept(desk.clerk, late.number, late.version, "不属于本所管辖")
    assert clocks.deemed_acceptance_of(in_time.number) is None
    answered_late = clocks.deemed_acceptance_of(late.number)
    assert answered_late is not None and answered_late.received_on == date(2026, 9, 30)
    still = clocks.deemed_acceptance_of(waiting.number)
    assert still is not None and still.notice_due_on == date(2026, 10, 13) and still.working_days_waited == 6

    reports = desk.core.reports
    reports.calendar = calendar
    report = reports.daily(date(2026, 10, 14), "HP01")
    assert report.legal_clocks.deemed_accepted == 1  # the one still waiting (the late refusal is answered)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(daily_report.build_pdf(report))).pages)
    assert "依法视为受理1件" in text.replace(" ", "").replace("\n", "")
