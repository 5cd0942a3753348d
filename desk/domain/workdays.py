"""The working-day calendar: China's statutory holidays, 调休 make-up working days, due dates.

Time limits of household-registration cases are promised in *working days* (工作日), and which
days are working days changes every year: the State Council publishes the next year's holidays
and weekend make-up working days (调休上班) around November. This module answers "is this a
working day?", "what is the due date of a case accepted on D with N working days?" and "how is a
case doing against its due date?".

Where a year's answer comes from, in order of precedence:

1. ``official_file`` — a :class:`YearSchedule` handed to :class:`WorkingCalendar`: one of the
   ``resources/holidays/<year>.toml`` files (:func:`load_holiday_files`) or rows an administrator
   entered in the store. Both carry the State Council's notice as their source.
2. ``chinesecalendar`` — the ``chinesecalendar`` package (2004–2026 in version 1.11; a newer
   version that knows more years is picked up automatically).
3. ``weekend_fallback`` — Monday to Friday are working days. This is a guess, so it is never
   silent: every due date that crosses such a year carries a warning telling the administrator
   which file to add.

Counting convention (期间开始之日不计算在内): a case accepted on day D with a limit of N working
days is due on the N-th working day *after* D. D itself never counts, whether or not it is a
working day, so a case accepted on a Saturday with 1 working day is due on Monday (the first
working day after D), exactly like one accepted on the Friday before. N = 0 (当场办结) is due on
D itself.

Plain Python: no Qt, no SQL. A calendar is immutable after construction and safe to share
between threads (its only mutable state is a cache of per-year coverage, filled idempotently).
"""

from __future__ import annotations

import enum
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

import chinese_calendar

from desk.domain import messages

ONE_DAY = timedelta(days=1)
_FILE_NAME = re.compile(r"^(\d{4})\.toml$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TOP_KEYS = frozenset({"year", "source", "published", "note", "holidays", "workdays"})
_SINGLE_KEYS = frozenset({"date", "name"})
_RANGE_KEYS = frozenset({"from", "to", "name"})


class Coverage(enum.StrEnum):
    """Where the working days of one year come from (see the module docstring)."""

    OFFICIAL_FILE = "official_file"
    CHINESECALENDAR = "chinesecalendar"
    WEEKEND_FALLBACK = "weekend_fallback"

    @property
    def label_zh(self) -> str:
        return _COVERAGE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _COVERAGE_LABELS[self][1]


_COVERAGE_LABELS: dict[Coverage, tuple[str, str]] = {
    Coverage.OFFICIAL_FILE: ("官方节假日数据（本地文件）", "official holiday data (local file)"),
    Coverage.CHINESECALENDAR: (
        "官方节假日数据（chinesecalendar）",
        "official holiday data (chinesecalendar)",
    ),
    Coverage.WEEKEND_FALLBACK: ("无官方数据，仅按周末推算", "no official data, weekends only"),
}


class DueStatus(enum.StrEnum):
    """How a case stands against its due date, for list colouring and reminders."""

    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    ON_TRACK = "on_track"

    @property
    def label_zh(self) -> str:
        return _STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _STATUS_LABELS[self][1]


_STATUS_LABELS: dict[DueStatus, tuple[str, str]] = {
    DueStatus.OVERDUE: ("已超期", "overdue"),
    DueStatus.DUE_TODAY: ("今日到期", "due today"),
    DueStatus.DUE_SOON: ("即将到期", "due soon"),
    DueStatus.ON_TRACK: ("正常", "on track"),
}


class DayKind(enum.StrEnum):
    """Why a day is or is not a working day."""

    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    MAKEUP_WORKDAY = "makeup_workday"  # 调休上班: a Saturday or Sunday that is worked


class HolidayDataError(messages.Saying, ValueError):
    """A holiday data file (or store row set) is wrong; says where (file and entry) and what (a message key)."""

    def __init__(self, origin: str, entry: str, message_key: str, **params: object) -> None:
        self.origin = origin
        self.entry = entry
        self.message_key, self.params = message_key, params
        where = f"{origin} {entry}".strip()
        super().__init__(f"holidays: {where}: {self.message_zh} / {self.message_en}")


class WorkdayError(messages.Saying, ValueError):
    """A calculation was asked something impossible (negative days, beyond year 9999)."""

    def __init__(self, message_key: str, **params: object) -> None:
        self.message_key, self.params = message_key, params
        super().__init__(f"{self.message_zh} / {self.message_en}")


@dataclass(frozen=True)
class CalendarWarning(messages.Saying):
    """A due date is not certain: one year it crosses has no official holiday data."""

    year: int
    message_key: str = "holidays.no_official_data"

    @property
    def params(self) -> Mapping[str, object]:  # type: ignore[override]
        return {"year": self.year}

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "message_zh": self.message_zh, "message_en": self.message_en}


@dataclass(frozen=True)
class YearSchedule:
    """One year's official schedule: named holidays and weekend make-up working days.

    Build it with :meth:`build` (or :func:`parse_year_table` for a TOML table); both validate, so
    a ``YearSchedule`` in hand is consistent. ``origin`` names where it came from (a file name,
    "store") for error messages and ``desk deadline --check-year``.
    """

    year: int
    source: str
    holidays: Mapping[date, str]
    workdays: frozenset[date]
    origin: str = ""
    published: date | None = None

    @classmethod
    def build(
        cls,
        year: int,
        source: str,
        holidays: Iterable[tuple[date, str]],
        workdays: Iterable[date],
        *,
        origin: str = "",
        published: date | None = None,
    ) -> YearSchedule:
        """Validate and build; raises :class:`HolidayDataError` naming the offending entry."""
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 9998:
            raise HolidayDataError(origin, "year", "holidays.bad_year", value=year)
        if not isinstance(source, str) or not source.strip():
            raise HolidayDataError(origin, "source", "holidays.no_source")
        named: dict[date, str] = {}
        for index, (day, name) in enumerate(holidays):
            entry = f"holidays[{index}]"
            _check_in_year(day, year, origin, entry)
            if not isinstance(name, str) or not name.strip():
                raise HolidayDataError(origin, entry, "holidays.empty_name")
            if day in named:
                raise HolidayDataError(origin, entry, "holidays.holiday_twice", day=day)
            named[day] = name.strip()
        if not named:
            raise HolidayDataError(origin, "holidays", "holidays.none_listed")
        worked: set[date] = set()
        for index, day in enumerate(workdays):
            entry = f"workdays[{index}]"
            _check_in_year(day, year, origin, entry)
            if day in named:
                raise HolidayDataError(origin, entry, "holidays.holiday_and_workday", day=day)
            if day.weekday() < 5:
                raise HolidayDataError(origin, entry, "holidays.workday_not_weekend", day=day,
                                       weekday=messages.Term(f"weekday.{day.weekday()}"))
            if day in worked:
                raise HolidayDataError(origin, entry, "holidays.workday_twice", day=day)
            worked.add(day)
        return cls(
            year=year,
            source=source.strip(),
            holidays=MappingProxyType(dict(sorted(named.items()))),
            workdays=frozenset(worked),
            origin=origin,
            published=published,
        )

    def is_working_day(self, day: date) -> bool:
        return day in self.workdays or (day.weekday() < 5 and day not in self.holidays)


def _check_in_year(day: object, year: int, origin: str, entry: str) -> None:
    if isinstance(day, datetime) or not isinstance(day, date):
        raise HolidayDataError(origin, entry, "holidays.not_a_date", value=day)
    if day.year != year:
        raise HolidayDataError(origin, entry, "holidays.outside_year", day=day, year=year)


def _as_date(value: object, origin: str, entry: str) -> date:
    """A TOML date (2027-01-01), or the same written as a quoted string; never a date-time."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    elif isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise HolidayDataError(origin, entry, "holidays.bad_date", value=value)


def _check_keys(table: Mapping[str, Any], allowed: frozenset[str], origin: str, entry: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise HolidayDataError(origin, entry, "holidays.unknown_keys", unknown=", ".join(unknown),
                               allowed=", ".join(sorted(allowed)))


def _holiday_days(item: object, origin: str, entry: str) -> list[tuple[date, str]]:
    """One ``holidays`` entry: ``{ date, name }`` or a range ``{ from, to, name }``."""
    if not isinstance(item, Mapping):
        raise HolidayDataError(origin, entry, "holidays.bad_entry")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise HolidayDataError(origin, entry, "holidays.no_name")
    if "date" in item:
        _check_keys(item, _SINGLE_KEYS, origin, entry)
        return [(_as_date(item["date"], origin, f"{entry}.date"), name)]
    _check_keys(item, _RANGE_KEYS, origin, entry)
    if "from" not in item or "to" not in item:
        raise HolidayDataError(origin, entry, "holidays.date_or_range")
    first = _as_date(item["from"], origin, f"{entry}.from")
    last = _as_date(item["to"], origin, f"{entry}.to")
    if last < first:
        raise HolidayDataError(origin, entry, "holidays.range_backwards", first=first, last=last)
    if (last - first).days > 31:
        # No statutory break is longer than a few days; a month-long range is a typo.
        raise HolidayDataError(origin, entry, "holidays.range_too_long", first=first, last=last)
    return [(first + timedelta(days=offset), name) for offset in range((last - first).days + 1)]


def parse_year_table(data: Mapping[str, Any], origin: str, expected_year: int | None = None) -> YearSchedule:
    """Validate one parsed TOML table (the content of ``<year>.toml``) into a :class:`YearSchedule`."""
    _check_keys(data, _TOP_KEYS, origin, "")
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise HolidayDataError(origin, "year", "holidays.no_year")
    if expected_year is not None and year != expected_year:
        raise HolidayDataError(origin, "year", "holidays.year_not_file_name", year=year, expected=expected_year)
    raw_holidays = data.get("holidays")
    if not isinstance(raw_holidays, list):
        raise HolidayDataError(origin, "holidays", "holidays.no_holidays_list")
    days: list[tuple[date, str]] = []
    listed_in: dict[date, int] = {}
    # Checked here as well as in build() so errors name the entry in the file, not a range's day.
    for index, item in enumerate(raw_holidays):
        entry = f"holidays[{index}]"
        for day, name in _holiday_days(item, origin, entry):
            _check_in_year(day, year, origin, entry)
            if day in listed_in:
                earlier = f"holidays[{listed_in[day]}]"
                raise HolidayDataError(origin, entry, "holidays.listed_already", day=day, earlier=earlier)
            listed_in[day] = index
            days.append((day, name))
    raw_workdays = data.get("workdays", [])
    if not isinstance(raw_workdays, list):
        raise HolidayDataError(origin, "workdays", "holidays.workdays_list")
    workdays = [_as_date(value, origin, f"workdays[{i}]") for i, value in enumerate(raw_workdays)]
    published = data.get("published")
    return YearSchedule.build(
        year,
        data.get("source", ""),
        days,
        workdays,
        origin=origin,
        published=None if published is None else _as_date(published, origin, "published"),
    )


def load_holiday_file(path: Path) -> YearSchedule:
    """Read and validate one ``<year>.toml`` file."""
    match = _FILE_NAME.match(path.name)
    if match is None:
        raise HolidayDataError(path.name, "", "holidays.file_name")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise HolidayDataError(path.name, "", "data.toml_syntax", detail=str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise HolidayDataError(path.name, "", "data.not_utf8") from exc
    return parse_year_table(data, path.name, expected_year=int(match.group(1)))


def load_holiday_files(folder: Path) -> dict[int, YearSchedule]:
    """Load every ``*.toml`` in ``folder`` (a missing folder is no data, not an error).

    Any ``.toml`` not named like ``2027.toml`` is an error rather than ignored: an administrator
    who saves "2027年.toml" must learn it is not being used. Other files (README.md) are skipped.
    """
    if not folder.is_dir():
        return {}
    schedules: dict[int, YearSchedule] = {}
    for path in sorted(folder.glob("*.toml")):
        schedule = load_holiday_file(path)
        schedules[schedule.year] = schedule
    return schedules


def _chinesecalendar_covers(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


@dataclass(frozen=True)
class DueDate:
    """A computed due date with the provenance of every year it was computed across."""

    start: date
    days: int
    due_date: date
    coverage: Mapping[int, Coverage]
    warnings: tuple[CalendarWarning, ...] = field(default=())

    @property
    def is_certain(self) -> bool:
        """True when every year crossed has official data."""
        return not self.warnings

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (the keys ``desk deadline --json`` prints)."""
        return {
            "start": self.start.isoformat(),
            "days": self.days,
            "due_date": self.due_date.isoformat(),
            "coverage": {str(year): str(kind) for year, kind in sorted(self.coverage.items())},
            "warnings": [warning.to_dict() for warning in self.warnings],
        }


@dataclass(frozen=True)
class DayInfo:
    """Why one day is or is not a working day, for calendars on screen."""

    day: date
    working: bool
    kind: DayKind
    name: str | None
    coverage: Coverage


class WorkingCalendar:
    """Working days of mainland China with official data where there is some.

    ``overrides`` maps a year to its official :class:`YearSchedule` (from
    :func:`load_holiday_files` and/or the store); they take precedence over ``chinesecalendar``.
    ``use_chinesecalendar=False`` ignores the package (tests, or a site that wants only its own
    files). Never raises for an unknown year: it falls back to weekends and says so.
    """

    def __init__(
        self, overrides: Mapping[int, YearSchedule] | None = None, *, use_chinesecalendar: bool = True
    ) -> None:
        schedules = dict(overrides or {})
        for year, schedule in schedules.items():
            if schedule.year != year:
                raise HolidayDataError(schedule.origin, "year", "holidays.passed_as_other_year", year=year,
                                       holds=schedule.year)
        self._overrides: Mapping[int, YearSchedule] = MappingProxyType(schedules)
        self._use_chinesecalendar = use_chinesecalendar
        self._coverage_cache: dict[int, Coverage] = {}

    @classmethod
    def from_folder(cls, folder: Path, extra: Mapping[int, YearSchedule] | None = None) -> WorkingCalendar:
        """Files from ``folder``; ``extra`` (e.g. store rows) wins over a file for the same year."""
        schedules = load_holiday_files(folder)
        schedules.update(extra or {})
        return cls(schedules)

    def with_overrides(self, extra: Mapping[int, YearSchedule]) -> WorkingCalendar:
        """A new calendar with ``extra`` years added or replaced."""
        return WorkingCalendar({**self._overrides, **extra}, use_chinesecalendar=self._use_chinesecalendar)

    # -- per year ---------------------------------------------------------------------------

    def coverage(self, year: int) -> Coverage:
        cached = self._coverage_cache.get(year)
        if cached is not None:
            return cached
        if year in self._overrides:
            kind = Coverage.OFFICIAL_FILE
        elif self._use_chinesecalendar and _chinesecalendar_covers(year):
            kind = Coverage.CHINESECALENDAR
        else:
            kind = Coverage.WEEKEND_FALLBACK
        self._coverage_cache[year] = kind
        return kind

    def schedule(self, year: int) -> YearSchedule | None:
        """The official schedule given for ``year``, if any (not chinesecalendar's)."""
        return self._overrides.get(year)

    def official_years(self) -> list[int]:
        return sorted(self._overrides)

    def coverage_warning(self, year: int) -> CalendarWarning | None:
        """The warning to show when a calculation touches ``year``, or None if it has official data."""
        if self.coverage(year) is not Coverage.WEEKEND_FALLBACK:
            return None
        return CalendarWarning(year=year)

    # -- per day ----------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        day = _plain_date(day)
        kind = self.coverage(day.year)
        if kind is Coverage.OFFICIAL_FILE:
            return self._overrides[day.year].is_working_day(day)
        if kind is Coverage.CHINESECALENDAR:
            return bool(chinese_calendar.is_workday(day))
        return day.weekday() < 5

    def describe(self, day: date) -> DayInfo:
        """Working or not, and why (holiday name from the file, or chinesecalendar's English name)."""
        day = _plain_date(day)
        kind = self.coverage(day.year)
        working = self.is_working_day(day)
        name: str | None = None
        if kind is Coverage.OFFICIAL_FILE:
            name = self._overrides[day.year].holidays.get(day)
        elif kind is Coverage.CHINESECALENDAR:
            # Its names are English; on a 调休 working day it names the holiday that caused it.
            name = chinese_calendar.get_holiday_detail(day)[1]
        weekend = day.weekday() >= 5
        if working:
            day_kind = DayKind.MAKEUP_WORKDAY if weekend else DayKind.WORKDAY
        else:
            day_kind = DayKind.HOLIDAY if name is not None else DayKind.WEEKEND
        return DayInfo(day=day, working=working, kind=day_kind, name=name, coverage=kind)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1).due_date

    # -- spans ------------------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> DueDate:
        """The n-th working day after ``start`` (``start`` itself never counts; n = 0 → ``start``).

        The result lists the coverage of every year from ``start`` to the due date and a warning
        for each one that has only the weekend fallback.
        """
        start = _plain_date(start)
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise WorkdayError("workdays.negative_days", value=n)
        day = start
        counted = 0
        try:
            while counted < n:
                day += ONE_DAY
                if self.is_working_day(day):
                    counted += 1
        except OverflowError as exc:
            raise WorkdayError("workdays.beyond_calendar") from exc
        return self._due(start, n, day)

    def working_days_between(self, first: date, last: date) -> int:
        """Working days elapsed from ``first`` to ``last``: those after ``first``, up to and
        including ``last`` (same day → 0). Negative when ``last`` is before ``first``."""
        first, last = _plain_date(first), _plain_date(last)
        if last < first:
            return -self.working_days_between(last, first)
        count = 0
        day = first
        while day < last:
            day += ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count

    def due_status(self, due: date, today: date, soon_days: int = 2) -> DueStatus:
        """Overdue after ``due``; due today on it; due soon when ``due`` is at most ``soon_days``
        working days away; otherwise on track."""
        if soon_days < 0:
            raise WorkdayError("workdays.negative_soon", value=soon_days)
        due, today = _plain_date(due), _plain_date(today)
        if today > due:
            return DueStatus.OVERDUE
        if today == due:
            return DueStatus.DUE_TODAY
        if self.working_days_between(today, due) <= soon_days:
            return DueStatus.DUE_SOON
        return DueStatus.ON_TRACK

    def _due(self, start: date, n: int, due: date) -> DueDate:
        years = range(start.year, due.year + 1)
        coverage = {year: self.coverage(year) for year in years}
        warnings = tuple(w for w in (self.coverage_warning(year) for year in years) if w is not None)
        return DueDate(start=start, days=n, due_date=due, coverage=MappingProxyType(coverage), warnings=warnings)


def _plain_date(value: date) -> date:
    # datetime is a subclass of date; comparing the two raises, so strip the time up front.
    return value.date() if isinstance(value, datetime) else value
