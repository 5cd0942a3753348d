"""Time as the station sees it: aware UTC instants, and local (China Standard Time) calendar dates.

Services take a Clock so tests and demo data can fix "now".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

# China has one time zone and no daylight saving; a fixed offset needs no tz database.
CHINA_TZ = timezone(timedelta(hours=8), "CST")


class Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return self.now().astimezone(CHINA_TZ).date()


@dataclass
class FixedClock(Clock):
    """A clock that says what it is told (tests, demo data); `advance` moves it."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta


def local_date(instant: datetime) -> date:
    return instant.astimezone(CHINA_TZ).date()


def local_datetime(instant: datetime) -> datetime:
    return instant.astimezone(CHINA_TZ)
