"""The working-day calendar: published facts, due dates across holidays, data files, properties."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.workdays import (
    Coverage,
    DayKind,
    DueStatus,
    HolidayDataError,
    WorkdayError,
    WorkingCalendar,
    YearSchedule,
    load_holiday_file,
    load_holiday_files,
    parse_year_table,
)

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "holidays"
# Built once: hypothesis re-runs test bodies and must not rebuild it per example.
CALENDAR = WorkingCalendar.from_folder(SHIPPED)
PACKAGE_ONLY = WorkingCalendar()

FICTIONAL_2027 = """
year = 2027
source = "测试用虚构数据 / fictional test data"
holidays = [
    { date = 2027-01-01, name = "元旦" },
    { from = 2027-02-06, to = 2027-02-14, name = "春节" },
]
workdays = [2027-02-20, "2027-02-21"]
"""


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


# -- the published facts ------------------------------------------------------------------------


@pytest.mark.parametrize("calendar", [CALENDAR, PACKAGE_ONLY], ids=["shipped-files", "package-only"])
def test_reference_facts(calendar: WorkingCalendar) -> None:
    assert calendar.is_working_day(date(2025, 9, 28))  # Sunday, 国庆调休
    assert calendar.is_working_day(date(2025, 10, 11))  # Saturday, 国庆调休
    assert not any(calendar.is_working_day(d) for d in _days(date(2025, 10, 1), date(2025, 10, 8)))
    assert calendar.is_working_day(date(2026, 2, 14))
    assert calendar.is_working_day(date(2026, 2, 28))
    assert not any(calendar.is_working_day(d) for d in _days(date(2026, 2, 15), date(2026, 2, 23)))
    assert calendar.is_working_day(date(2026, 2, 24))  # Tuesday after the break
    assert not calendar.is_working_day(date(2026, 2, 7))  # an ordinary Saturday


def test_shipped_2026_file_agrees_with_chinesecalendar_every_day() -> None:
    assert CALENDAR.coverage(2026) is Coverage.OFFICIAL_FILE
    for day in _days(date(2026, 1, 1), date(2026, 12, 31)):
        assert CALENDAR.is_working_day(day) == chinese_calendar.is_workday(day), day


def test_every_shipped_file_is_valid_and_named_by_its_year() -> None:
    schedules = load_holiday_files(SHIPPED)
    assert 2026 in schedules
    for year, schedule in schedules.items():
        assert schedule.origin == f"{year}.toml"
        assert schedule.source


# -- due dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        (date(2026, 2, 13), 0, date(2026, 2, 13)),
        (date(2026, 2, 13), 1, date(2026, 2, 14)),  # the make-up Saturday counts
        (date(2026, 2, 13), 2, date(2026, 2, 24)),  # then nine days of 春节
        (date(2026, 2, 13), 5, date(2026, 2, 27)),
        (date(2026, 2, 13), 6, date(2026, 2, 28)),
        (date(2026, 2, 13), 7, date(2026, 3, 2)),
        (date(2026, 2, 15), 0, date(2026, 2, 15)),  # on-the-spot stays on the day itself
        (date(2026, 2, 15), 1, date(2026, 2, 24)),  # accepted on a holiday: first working day after
        (date(2026, 2, 7), 1, date(2026, 2, 9)),  # accepted on a Saturday → Monday
        (date(2025, 9, 26), 1, date(2025, 9, 28)),
        (date(2025, 9, 26), 4, date(2025, 10, 9)),
        (date(2025, 9, 26), 6, date(2025, 10, 11)),
        (date(2025, 12, 31), 1, date(2026, 1, 4)),  # 2026-01-01..03 off, the 4th is a Sunday worked
    ],
)
def test_add_working_days_examples(start: date, n: int, due: date) -> None:
    result = CALENDAR.add_working_days(start, n)
    assert result.due_date == due
    assert result.is_certain
    assert PACKAGE_ONLY.add_working_days(start, n).due_date == due


def test_the_4th_of_january_2026_is_the_first_working_day_of_the_year() -> None:
    assert CALENDAR.next_working_day(date(2025, 12, 31)) == date(2026, 1, 4)
    assert CALENDAR.next_working_day(date(2026, 1, 4)) == date(2026, 1, 5)


def test_due_date_into_2027_warns_unless_2027_data_is_shipped() -> None:
    # Accepted today (2026-11-25) with 30 working days: due in January 2027.
    result = CALENDAR.add_working_days(date(2026, 11, 25), 30)
    assert result.due_date.year == 2027
    if (SHIPPED / "2027.toml").exists() or PACKAGE_ONLY.coverage(2027) is Coverage.CHINESECALENDAR:
        assert result.coverage[2027] is not Coverage.WEEKEND_FALLBACK
        assert result.is_certain
        return
    assert result.due_date == date(2027, 1, 6)  # weekends only: 2027-01-01 (Friday) counted
    assert result.coverage == {2026: Coverage.OFFICIAL_FILE, 2027: Coverage.WEEKEND_FALLBACK}
    assert [w.year for w in result.warnings] == [2027]
    warning = result.warnings[0]
    assert warning.message_zh == (
        "2027 年没有官方节假日数据，按周末推算，可能不准确；"
        "请管理员导入 2027 年的节假日安排（desk holidays import 2027.toml）"
    )
    assert "2027" in warning.message_en and "desk holidays import 2027.toml" in warning.message_en
    assert result.to_dict() == {
        "start": "2026-11-25",
        "days": 30,
        "due_date": "2027-01-06",
        "coverage": {"2026": "official_file", "2027": "weekend_fallback"},
        "warnings": [warning.to_dict()],
    }


def test_unknown_years_fall_back_visibly_and_never_raise() -> None:
    for year in (1950, 2003, 2099, 9998):
        assert CALENDAR.coverage(year) is Coverage.WEEKEND_FALLBACK
        assert CALENDAR.coverage_warning(year) is not None
    assert CALENDAR.is_working_day(date(2003, 10, 1))  # a Wednesday: a guess, hence the warning
    assert not CALENDAR.is_working_day(date(2099, 1, 3))  # Saturday
    result = CALENDAR.add_working_days(date(2003, 12, 30), 3)
    assert result.due_date == date(2004, 1, 5)  # 2004-01-01 is known again (元旦)
    assert [w.year for w in result.warnings] == [2003]
    assert result.coverage[2004] is Coverage.CHINESECALENDAR


def test_without_chinesecalendar_known_years_fall_back_too() -> None:
    calendar = WorkingCalendar(use_chinesecalendar=False)
    assert calendar.coverage(2025) is Coverage.WEEKEND_FALLBACK
    assert calendar.is_working_day(date(2025, 10, 1))
    assert not calendar.add_working_days(date(2025, 9, 26), 1).is_certain


def test_add_working_days_rejects_negative_and_overflow() -> None:
    with pytest.raises(WorkdayError) as error:
        CALENDAR.add_working_days(date(2026, 1, 5), -1)
    assert error.value.message_zh and error.value.message_en
    with pytest.raises(WorkdayError):
        CALENDAR.add_working_days(date(9999, 12, 30), 5)


def test_datetimes_are_taken_by_their_date() -> None:
    assert CALENDAR.add_working_days(datetime(2026, 2, 13, 16, 30), 2).due_date == date(2026, 2, 24)
    assert CALENDAR.working_days_between(datetime(2026, 2, 13, 9), date(2026, 2, 24)) == 2


def test_working_days_between() -> None:
    assert CALENDAR.working_days_between(date(2026, 2, 13), date(2026, 2, 13)) == 0
    assert CALENDAR.working_days_between(date(2026, 2, 13), date(2026, 2, 24)) == 2
    assert CALENDAR.working_days_between(date(2026, 2, 24), date(2026, 2, 13)) == -2
    assert CALENDAR.working_days_between(date(2026, 2, 14), date(2026, 2, 23)) == 0
    assert CALENDAR.working_days_between(date(2025, 9, 30), date(2025, 10, 31)) == 18


@pytest.mark.parametrize(
    ("today", "soon_days", "status"),
    [
        (date(2026, 2, 25), 2, DueStatus.OVERDUE),
        (date(2026, 2, 24), 2, DueStatus.DUE_TODAY),
        (date(2026, 2, 23), 2, DueStatus.DUE_SOON),  # a holiday: one working day left
        (date(2026, 2, 13), 2, DueStatus.DUE_SOON),  # 2 working days left despite 11 calendar days
        (date(2026, 2, 13), 1, DueStatus.ON_TRACK),
        (date(2026, 2, 12), 2, DueStatus.ON_TRACK),
        (date(2026, 2, 23), 0, DueStatus.ON_TRACK),
    ],
)
def test_due_status(today: date, soon_days: int, status: DueStatus) -> None:
    assert CALENDAR.due_status(date(2026, 2, 24), today, soon_days=soon_days) is status
    assert status.label_zh and status.label_en


def test_describe_says_why() -> None:
    assert CALENDAR.describe(date(2026, 2, 14)).kind is DayKind.MAKEUP_WORKDAY
    spring = CALENDAR.describe(date(2026, 2, 16))
    assert (spring.working, spring.kind, spring.name) == (False, DayKind.HOLIDAY, "春节")
    assert CALENDAR.describe(date(2026, 3, 7)).kind is DayKind.WEEKEND
    assert CALENDAR.describe(date(2026, 3, 9)).kind is DayKind.WORKDAY
    national = CALENDAR.describe(date(2025, 10, 1))
    assert (national.kind, national.name, national.coverage) == (
        DayKind.HOLIDAY,
        "National Day",
        Coverage.CHINESECALENDAR,
    )


# -- data files ---------------------------------------------------------------------------------


def test_custom_folder_overrides_and_removes_the_warning(tmp_path: Path) -> None:
    (tmp_path / "2027.toml").write_text(FICTIONAL_2027, encoding="utf-8")
    (tmp_path / "README.md").write_text("not data", encoding="utf-8")
    calendar = WorkingCalendar.from_folder(tmp_path)
    assert calendar.official_years() == [2027]
    assert calendar.coverage(2027) is Coverage.OFFICIAL_FILE
    assert not calendar.is_working_day(date(2027, 1, 1))  # Friday, 元旦
    assert not any(calendar.is_working_day(d) for d in _days(date(2027, 2, 6), date(2027, 2, 14)))
    assert calendar.is_working_day(date(2027, 2, 20)) and calendar.is_working_day(date(2027, 2, 21))
    result = calendar.add_working_days(date(2026, 12, 31), 1)
    assert result.due_date == date(2027, 1, 4)
    assert result.is_certain
    schedule = calendar.schedule(2027)
    assert schedule is not None and schedule.holidays[date(2027, 2, 10)] == "春节"


def test_an_official_file_wins_over_chinesecalendar(tmp_path: Path) -> None:
    # A (fictional) corrected 2025 where 10-08 is worked: the file, not the package, decides.
    text = """
year = 2025
source = "更正 / correction"
holidays = [ { from = 2025-10-01, to = 2025-10-07, name = "国庆节" } ]
workdays = [ 2025-09-28, 2025-10-11 ]
"""
    (tmp_path / "2025.toml").write_text(text, encoding="utf-8")
    calendar = WorkingCalendar.from_folder(tmp_path)
    assert calendar.coverage(2025) is Coverage.OFFICIAL_FILE
    assert calendar.is_working_day(date(2025, 10, 8))
    assert not PACKAGE_ONLY.is_working_day(date(2025, 10, 8))


def test_store_rows_win_over_files(tmp_path: Path) -> None:
    (tmp_path / "2027.toml").write_text(FICTIONAL_2027, encoding="utf-8")
    from_store = YearSchedule.build(2027, "store", [(date(2027, 1, 4), "测试")], [], origin="store")
    calendar = WorkingCalendar.from_folder(tmp_path, extra={2027: from_store})
    assert calendar.is_working_day(date(2027, 1, 1))
    assert not calendar.is_working_day(date(2027, 1, 4))
    again = calendar.with_overrides({2028: YearSchedule.build(2028, "s", [(date(2028, 1, 3), "x")], [])})
    assert again.official_years() == [2027, 2028]
    with pytest.raises(HolidayDataError):
        WorkingCalendar({2030: from_store})


def test_missing_folder_is_no_data(tmp_path: Path) -> None:
    assert load_holiday_files(tmp_path / "absent") == {}


@pytest.mark.parametrize(
    ("file_name", "text", "entry", "needle"),
    [
        ("2027.toml", 'year = 2026\nsource = "s"\nholidays = [{ date = 2026-01-01, name = "元旦" }]', "year", "2026"),
        (
            "2027.toml",
            'year = 2027\nsource = "s"\nholidays = [{ date = 2028-01-01, name = "元旦" }]',
            "holidays[0]",
            "2028-01-01",
        ),
        (
            "2027.toml",
            'year = 2027\nsource = "s"\nholidays = [{ date = 2027-01-01, name = "元旦" }]\nworkdays = [2027-01-01]',
            "workdays[0]",
            "both a holiday and",
        ),
        (
            "2027.toml",
            'year = 2027\nsource = "s"\nholidays = [{ date = 2027-01-01, name = "元旦" }]\nworkdays = [2027-02-08]',
            "workdays[0]",
            "not a weekend day",
        ),
        (
            "2027.toml",
            'year = 2027\nsource = "s"\nholidays = [{ date = 2027-01-01, name = "元旦" }]\nworkday = [2027-02-07]',
            "",
            "workday",
        ),
        (
            "2027.toml",
            'year = 2027\nsource = "s"\nholidays = [{ from = 2027-02-12, to = 2027-02-06, name = "春节" }]',
            "holidays[0]",
            "before",
        ),
        (
            "2027.toml",
            'year = 2027\nsource = "s"\nholidays = [{ from = 2027-02-06, to = 2027-02-12, '
            'name = "春节" }, { date = 2027-02-12, name = "春节" }]',
            "holidays[1]",
            "already listed in holidays[0]",
        ),
        ("2027.toml", 'year = 2027\nholidays = [{ date = 2027-01-01, name = "元旦" }]', "source", "source"),
        (
            "2027.toml",
            'year = 2027\nsource = "s"\nholidays = [{ date = 2027-01-01T08:00:00, name = "元旦" }]',
            "holidays[0].date",
            "not a valid date",
        ),
        (
            "2027.toml",
            'year = 2027\nsource = "s"\nholidays = [{ date = "2027-02-30", name = "x" }]',
            "holidays[0].date",
            "2027-02-30",
        ),
        ("2027.toml", 'year = 2027\nsource = "s"\nholidays = [{ date = 2027-01-01 }]', "holidays[0]", "name"),
        ("2027.toml", 'year = 2027\nsource = "s"\nholidays = []', "holidays", "no holidays"),
        ("2027.toml", "year = 2027\nsource = ", "", "TOML"),
        (
            "2027年.toml",
            'year = 2027\nsource = "s"\nholidays = [{ date = 2027-01-01, name = "元旦" }]',
            "",
            "file name",
        ),
    ],
)
def test_invalid_files_name_file_and_entry(tmp_path: Path, file_name: str, text: str, entry: str, needle: str) -> None:
    (tmp_path / file_name).write_text(text, encoding="utf-8")
    with pytest.raises(HolidayDataError) as error:
        load_holiday_files(tmp_path)
    assert error.value.origin == file_name
    assert error.value.entry == entry
    assert needle in error.value.message_en
    assert error.value.message_zh
    assert file_name in str(error.value)


def test_parse_year_table_accepts_string_dates_and_counts_range_days() -> None:
    schedule = parse_year_table(
        {"year": 2030, "source": "s", "holidays": [{"from": "2030-10-01", "to": "2030-10-07", "name": "国庆节"}]},
        "store",
    )
    assert len(schedule.holidays) == 7 and schedule.workdays == frozenset()


def test_load_single_file(tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(FICTIONAL_2027, encoding="utf-8")
    schedule = load_holiday_file(path)
    assert schedule.year == 2027 and len(schedule.holidays) == 10 and len(schedule.workdays) == 2


# -- properties ---------------------------------------------------------------------------------

# 2003 and 2027 are fallback years, 2004–2025 chinesecalendar, 2026 the shipped file: all three paths.
dates = st.dates(min_value=date(2003, 6, 1), max_value=date(2027, 6, 30))
counts = st.integers(min_value=0, max_value=80)


@given(dates, st.integers(min_value=1, max_value=80))
def test_due_date_is_a_working_day(start: date, n: int) -> None:
    assert CALENDAR.is_working_day(CALENDAR.add_working_days(start, n).due_date)


@given(dates, counts, counts)
def test_due_date_is_monotone_in_n(start: date, n: int, m: int) -> None:
    low, high = sorted((n, m))
    due_low = CALENDAR.add_working_days(start, low).due_date
    due_high = CALENDAR.add_working_days(start, high).due_date
    assert due_low <= due_high
    assert (due_low < due_high) == (low < high)


@given(dates, counts)
def test_between_inverts_add(start: date, n: int) -> None:
    # The brief requires it for working-day starts; the convention makes it hold for every start.
    due = CALENDAR.add_working_days(start, n)
    assert CALENDAR.working_days_between(start, due.due_date) == n
    assert due.due_date >= start + timedelta(days=n)


@given(dates, counts)
def test_warnings_match_fallback_years(start: date, n: int) -> None:
    due = CALENDAR.add_working_days(start, n)
    assert sorted(due.coverage) == list(range(start.year, due.due_date.year + 1))
    fallback = [y for y, kind in due.coverage.items() if kind is Coverage.WEEKEND_FALLBACK]
    assert [w.year for w in due.warnings] == sorted(fallback)


@given(dates)
def test_next_working_day_skips_only_non_working_days(day: date) -> None:
    following = CALENDAR.next_working_day(day)
    assert following > day and CALENDAR.is_working_day(following)
    assert not any(CALENDAR.is_working_day(d) for d in _days(day + timedelta(days=1), following)[:-1])
