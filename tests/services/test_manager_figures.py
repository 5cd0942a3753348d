"""The manager's figures tell the truth: the on-time rate counts the open overdue cases, the overdue
list says who holds each case now, 一次性告知 and 不予受理 are counted, and a day with no data prints
a sentence instead of an empty chart."""

from __future__ import annotations

import io
from datetime import timedelta

from desk_fixtures import OLD_MAN, YOUNG_WOMAN, Desk
from pypdf import PdfReader

from desk.services.ratings import RatingLevel
from desk.services.report_files import daily_report_file, daily_report_tables

PHONE = "13912345678"
LEADER_VALUES = {"child": {"name": "王𠮷", "id_number": YOUNG_WOMAN}, "marital_status": "married"}
LEADER_MATERIALS = ["booklet", "relationship_proof", "marriage_certificate"]


def _pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_on_time_rate_counts_open_overdue_and_the_overdue_list_says_who_holds_it(desk: Desk) -> None:
    decisions, cases = desk.core.decisions, desk.core.cases
    late = cases.open_draft(desk.clerk, OLD_MAN, "leader_item", LEADER_VALUES)
    decisions.accept_and_route(desk.clerk, late.number, late.version, LEADER_MATERIALS)  # to the leader
    desk.clock.advance(timedelta(days=14))  # two weeks on, the leader has not decided: overdue
    on_time = cases.open_draft(desk.clerk2, OLD_MAN, "spot_item", {"lost": False, "contact_phone": PHONE})
    decisions.accept_and_complete(desk.clerk2, on_time.number, on_time.version, ["id_card"])
    notice = cases.open_draft(desk.clerk, OLD_MAN, "leader_item", LEADER_VALUES)
    decisions.supplement_and_issue(desk.clerk, notice.number, notice.version, ["booklet"])
    refused = cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {})
    decisions.refuse_and_issue(desk.clerk, refused.number, refused.version, "户籍不在本所辖区",
                               {"lost": True, "contact_phone": PHONE})

    data = desk.core.reports.daily(desk.clock.today(), "HP01")
    assert (data.totals.completed, data.totals.completed_within_limit, data.totals.open_overdue) == (1, 1, 1)
    assert data.totals.within_limit_share == 0.5  # not 100 %: one of the two due cases is still open
    assert (data.supplement_notices, data.not_accepted) == (1, 1)
    [overdue] = data.overdue
    assert (overdue.case_number, overdue.pending_with_zh) == (late.number, "所领导审批")
    summary = {row[0]: row[1] for row in daily_report_tables(data)[0].rows}
    assert (summary["按时办结率"], summary["未办结超期件数"], summary["一次性告知件数"], summary["不予受理件数"]) == (
        0.5, 1, 1, 1)
    overdue_table = next(t for t in daily_report_tables(data) if t.key == "overdue")
    assert overdue_table.headers[-1] == "当前处理人/环节" and overdue_table.rows[0][-1] == "所领导审批"
    text = _pdf_text(daily_report_file(data, "pdf"))
    assert "所领导审批" in text and "出具一次性告知书1件，不予受理1件" in text


def test_a_day_without_data_prints_no_empty_chart(desk: Desk) -> None:
    data = desk.core.reports.daily(desk.clock.today(), "HP01")
    assert data.totals.within_limit_share is None
    text = _pdf_text(daily_report_file(data, "pdf"))
    assert "本日无受理、办结或超期案件，不绘制图表" in text
    assert "本日无办结案件，不绘制办理时长图表" in text and "本日无服务评价，不绘制图表" in text
    assert "各业务事项受理、办结、超期件数" not in text and "服务评价分布" not in text


def test_the_daily_report_counts_the_follow_ups(desk: Desk) -> None:
    first = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False, "contact_phone": PHONE})
    done = desk.core.decisions.accept_and_complete(desk.clerk, first.number, first.version, ["id_card"]).case
    desk.core.ratings.rate(RatingLevel.DISSATISFIED, case_number=done.number)
    desk.core.ratings.rate(RatingLevel.VERY_DISSATISFIED, kiosk_code="K01")
    today = desk.core.reports.daily(desk.clock.today(), "HP01")
    assert (today.follow_ups.opened, today.follow_ups.open_at_end, today.follow_ups.overdue_at_end) == (2, 2, 0)
    desk.clock.advance(timedelta(days=28))
    later = desk.core.reports.daily(desk.clock.today(), "HP01")
    assert (later.follow_ups.opened, later.follow_ups.open_at_end, later.follow_ups.overdue_at_end) == (0, 2, 2)
    summary = {row[0]: row[1] for row in daily_report_tables(later)[0].rows}
    assert summary["差评回访超期件数"] == 2
    assert "差评回访未办结2件，其中超过15个工作日2件" in _pdf_text(daily_report_file(later, "pdf"))
