"""Daily report figures: aggregation checked independently, and CSV / XLSX equal to the data."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from printing import samples
from printing.models import RatingCounts, RatingLevel
from printing.report_export import parse_report_csv, report_csv, report_tables, report_xlsx
from printing.report_figures import CaseFigure, build_daily_report

DAY = date(2026, 11, 25)

case_strategy = st.builds(
    CaseFigure,
    case_number=st.uuids().map(lambda u: u.hex[:12]),
    transaction_code=st.sampled_from(["a", "b", "c"]),
    transaction_name_zh=st.just(""),
    clerk_id=st.sampled_from(["c1", "c2"]),
    clerk_name=st.just(""),
    applicant_name=st.sampled_from(["王芳", "\U00020bb7志强"]),
    accepted_on=st.integers(0, 5).map(lambda d: DAY - timedelta(days=d)),
    due_on=st.integers(-3, 5).map(lambda d: DAY + timedelta(days=d)),
    accepted_today=st.booleans(),
    completed_today=st.booleans(),
    overdue=st.booleans(),
    completed_within_limit=st.booleans(),
    working_days_taken=st.none() | st.floats(0, 10, allow_nan=False),
    overdue_working_days=st.integers(0, 9),
).map(lambda c: _named(c))


def _named(case: CaseFigure) -> CaseFigure:
    from dataclasses import replace

    return replace(case, transaction_name_zh=f"事项{case.transaction_code}", clerk_name=f"民警{case.clerk_id}")


@settings(max_examples=80, deadline=None)
@given(st.lists(case_strategy, max_size=40))
def test_figures_equal_an_independent_count(cases: list[CaseFigure]) -> None:
    report = build_daily_report(samples.STATION, DAY, cases)
    for rows, key in ((report.by_transaction, "transaction_code"), (report.by_clerk, "clerk_id")):
        assert sorted(r.key for r in rows) == sorted({getattr(c, key) for c in cases})
        for row in rows:
            mine = [c for c in cases if getattr(c, key) == row.key]
            done = [c for c in mine if c.completed_today]
            days = [c.working_days_taken for c in done if c.working_days_taken is not None]
            assert row.accepted == sum(c.accepted_today for c in mine)
            assert row.completed == len(done)
            assert row.overdue == sum(c.overdue for c in mine)
            assert row.completed_within_limit == sum(c.completed_within_limit for c in done)
            if days:
                assert row.average_working_days is not None
                assert abs(row.average_working_days - sum(days) / len(days)) < 1e-9
            else:
                assert row.average_working_days is None
    assert report.totals.accepted == sum(r.accepted for r in report.by_transaction)
    assert Counter(o.case_number for o in report.overdue) == Counter(c.case_number for c in cases if c.overdue)
    assert [o.overdue_working_days for o in report.overdue] == sorted(
        (o.overdue_working_days for o in report.overdue), reverse=True)


def test_ratings_and_shares() -> None:
    ratings = RatingCounts({RatingLevel.VERY_SATISFIED: 8, RatingLevel.DISSATISFIED: 1, RatingLevel.SATISFIED: 1})
    assert [c for _, c in ratings.items()] == [8, 1, 0, 1, 0]
    assert ratings.total == 10 and ratings.satisfaction_rate == 0.9 and ratings.dissatisfied_follow_ups == 1
    assert RatingCounts().satisfaction_rate is None


def test_csv_equals_the_data() -> None:
    data = samples.daily_report()
    sections = parse_report_csv(report_csv(data))
    tables = {t.key: t for t in report_tables(data)}
    assert set(sections) == set(tables)
    for key, table in tables.items():
        header, *rows = sections[key]
        assert tuple(header) == table.headers
        assert rows == [["" if v is None else str(v) for v in row] for row in table.rows]
    # Spot checks against the data itself, not only against report_tables.
    by_tx = {row[0]: row for row in sections["by_transaction"][1:]}
    for figure in data.by_transaction:
        assert int(by_tx[figure.key][2]) == figure.accepted and int(by_tx[figure.key][3]) == figure.completed
    assert [r[0] for r in sections["overdue"][1:]] == [o.case_number for o in data.overdue]
    assert int(sections["ratings"][1][1]) == data.ratings.count(RatingLevel.VERY_SATISFIED)
    assert report_csv(data).startswith("\ufeff".encode())  # Excel needs the BOM for UTF-8


def test_xlsx_equals_the_data() -> None:
    data = samples.daily_report()
    book = load_workbook(io.BytesIO(report_xlsx(data)))
    tables = {t.key: t for t in report_tables(data)}
    assert book.sheetnames == list(tables)
    for key, table in tables.items():
        sheet = book[key]
        values = list(sheet.iter_rows(min_row=2, values_only=True))
        assert values[0] == table.headers
        # An empty text cell reads back as None from a spreadsheet.
        assert [tuple(row) for row in values[1:]] == [tuple(None if v == "" else v for v in row) for row in table.rows]
    totals = {row[0]: row[1] for row in book["summary"].iter_rows(min_row=3, values_only=True)}
    assert totals["受理件数"] == data.totals.accepted
    assert totals["超期件数"] == data.totals.overdue == len(data.overdue)
    assert book["by_transaction"]["G3"].number_format == "0.0%"


def test_empty_day_exports_cleanly() -> None:
    data = build_daily_report(samples.STATION, DAY, [])
    assert parse_report_csv(report_csv(data))["by_transaction"] == [list(report_tables(data)[1].headers),
                                                                     ["", "合计", "0", "0", "0", "0", "", ""]]
    load_workbook(io.BytesIO(report_xlsx(data)))


def test_the_transaction_charts_labels_stand_apart_on_a_busy_day() -> None:
    """Live: on a day of 20 items the chart's labels, slanted 20°, ran into each other (“大中专毕业生落户”
    over “就业（调工调干…”). Neighbouring labels now stand at least a line and a fifth apart, and a quiet
    day keeps the gentle slant."""
    import math

    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.lib.units import mm

    from printing.documents.daily_report import _FRAME_MM
    from printing.documents.report_charts import transaction_bars
    from printing.fonts import default_fonts

    fonts = default_fonts()

    def chart_of(items: int) -> VerticalBarChart:
        cases = [CaseFigure(case_number=f"HP01-{i:04d}", transaction_code=f"t{i:02d}",
                            transaction_name_zh=f"大中专毕业生落户{i}", clerk_id="c1", clerk_name="张丽",
                            applicant_name="王芳", accepted_on=DAY, due_on=DAY + timedelta(days=5),
                            accepted_today=True, completed_today=False, overdue=False, completed_within_limit=False,
                            working_days_taken=None, overdue_working_days=0) for i in range(items)]
        drawing = transaction_bars(build_daily_report(samples.STATION, DAY, cases), fonts, _FRAME_MM * mm)
        return next(c for c in drawing.contents if isinstance(c, VerticalBarChart))

    for items in (3, 20, 40):
        chart = chart_of(items)
        labels = chart.categoryAxis.labels
        step = chart.width / items
        assert step * math.sin(math.radians(labels.angle)) >= 1.2 * labels.fontSize or labels.angle == 90, items
        assert chart.y >= 48
    assert chart_of(3).categoryAxis.labels.angle == 20
