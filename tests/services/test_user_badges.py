"""警号: a user's badge number is what the daily report (PDF and CSV) and the citizen's evaluator give as
工号; a user without one is given by their number in this system, as before."""

from __future__ import annotations

import io

from desk_fixtures import OLD_MAN, Desk
from pypdf import PdfReader

from desk.services.report_files import daily_report_file


def _accepted_by(desk: Desk, badge: str) -> str:
    desk.core.users.set_badge("clerk", badge)
    values = {"lost": False, "contact_phone": "13912345678"}
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", values)
    desk.core.decisions.accept_and_complete(desk.clerk, draft.number, draft.version, ["id_card"])
    return draft.number


def test_the_badge_number_is_the_staff_number_on_the_report_and_the_evaluator(desk: Desk) -> None:
    number = _accepted_by(desk, "012345")
    assert desk.core.ratings.subject(number).clerk_badge == "012345"
    report = desk.core.reports.daily(desk.clock.today(), "HP01")
    [row] = report.by_clerk
    assert (row.key, row.label_zh) == ("012345", "张丽")
    assert "012345,张丽" in daily_report_file(report, "csv").decode("utf-8-sig")
    pdf = daily_report_file(report, "pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "012345" in text and str(desk.clerk.user_id) + "张丽" not in text.replace(" ", "")

    desk.core.users.set_badge("clerk", "")  # cleared: the user's number in this system, as before
    assert desk.core.ratings.subject(number).clerk_badge == str(desk.clerk.user_id)
    [row] = desk.core.reports.daily(desk.clock.today(), "HP01").by_clerk
    assert row.key == str(desk.clerk.user_id)
