"""The city's month report (户籍业务月报): for a month, the whole city or one branch (分局), on-time against
late per station and per transaction.

A case counts in the month that decides it:
- *accepted*: accepted in the month;
- *on time*: completed in the month on or before its due date;
- *late, completed*: completed in the month after its due date;
- *late, open*: still open now (accepted, not final) with its due date in the month and already past
  (before today) — so a case left open is late once, in the month it fell due, and a late case
  completed later is late in the month it was completed.
The on-time rate is on time / (on time + late). Refused, denied and withdrawn cases are neither.

All counting is one GROUP BY (station, transaction) in SQL over the month's cases (indexes on the
acceptance, completion and due dates), so the report costs what the month holds, not what the city's
history holds; Python only adds the groups up by station, transaction, branch and city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from desk.domain.catalog import Catalog
from desk.domain.clock import Clock
from desk.domain.errors import InvalidInput, NotFound
from desk.domain.workflow import CaseState
from desk.store.database import Store
from desk.store.repositories.report_figures import ReportFigureRepository

OPEN_STATES = tuple(state.value for state in CaseState if not state.is_final and state is not CaseState.DRAFT)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> date:
    """`YYYY-MM` → the month's first day; a clear error otherwise."""
    match = _MONTH.match(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise InvalidInput.say("report.bad_month", text=text)
    return date(int(match.group(1)), int(match.group(2)), 1)


def month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


@dataclass
class MonthFigures:
    accepted: int = 0
    on_time: int = 0
    late_completed: int = 0
    late_open: int = 0

    @property
    def completed(self) -> int:
        return self.on_time + self.late_completed

    @property
    def late(self) -> int:
        return self.late_completed + self.late_open

    @property
    def on_time_rate(self) -> float | None:
        decided = self.on_time + self.late
        return self.on_time / decided if decided else None

    def add(self, other: MonthFigures) -> None:
        self.accepted += other.accepted
        self.on_time += other.on_time
        self.late_completed += other.late_completed
        self.late_open += other.late_open

    def as_dict(self) -> dict[str, Any]:
        rate = self.on_time_rate
        return {"accepted": self.accepted, "completed": self.completed, "on_time": self.on_time,
                "late": self.late, "late_completed": self.late_completed, "late_open": self.late_open,
                "on_time_rate": None if rate is None else round(rate, 4)}


@dataclass
class MonthRow:
    """One line of the report: a station, a transaction, a branch, a station × transaction cell or the total."""

    code: str
    name: str
    figures: MonthFigures = field(default_factory=MonthFigures)
    branch: str = ""
    transaction_code: str = ""

    def as_dict(self) -> dict[str, Any]:
        row: dict[str, Any] = {"code": self.code, "name": self.name}
        if self.branch:
            row["branch"] = self.branch
        if self.transaction_code:
            row["transaction"] = self.transaction_code
        return {**row, **self.figures.as_dict()}


@dataclass
class MonthReport:
    month: date  # its first day
    as_of: date  # "late, open" is counted against this day
    scope: str  # "city", "branch" or "station"
    branch: str
    total: MonthRow
    branches: list[MonthRow]
    stations: list[MonthRow]
    transactions: list[MonthRow]
    cells: list[MonthRow]  # station × transaction, only where something happened

    def as_dict(self) -> dict[str, Any]:
        return {"month": f"{self.month:%Y-%m}", "as_of": self.as_of.isoformat(), "scope": self.scope,
                "branch": self.branch or None, "total": self.total.as_dict(),
                "branches": [r.as_dict() for r in self.branches], "stations": [r.as_dict() for r in self.stations],
                "transactions": [r.as_dict() for r in self.transactions], "cells": [r.as_dict() for r in self.cells]}


@dataclass
class CityReportService:
    store: Store
    catalog: Catalog
    clock: Clock

    def month(self, month: date, *, branch: str | None = None, station: str | None = None) -> MonthReport:
        """The month's figures for the whole city, for the stations of one branch (分局, by its name), or
        for one station (by its code: a station manager's own month)."""
        first, last = month.replace(day=1), month_end(month)
        today = self.clock.today()
        with self.store.read() as session:
            figures_ = ReportFigureRepository(session)
            if station:
                stations = [row for row in figures_.stations(None) if row[0] == station]
                if not stations:
                    raise NotFound.say("station.not_found", station=station)
                cells = [cell for cell in figures_.month_cells(first, last, today, stations[0][2], OPEN_STATES)
                         if cell[0] == station]
            else:
                stations = list(figures_.stations(branch))
                if branch and not stations:
                    known = "、".join(figures_.branch_names()) or "（无）"
                    raise NotFound.say("report.unknown_branch", branch=branch, known=known)
                cells = list(figures_.month_cells(first, last, today, branch, OPEN_STATES))
        names = {code: (name, branch_name) for code, name, branch_name in stations}
        by_station = {code: MonthRow(code, name, branch=branch_name) for code, name, branch_name in stations}
        by_branch: dict[str, MonthRow] = {}
        for _, _, branch_name in stations:
            by_branch.setdefault(branch_name, MonthRow(branch_name, branch_name))
        by_transaction: dict[str, MonthRow] = {}
        total = MonthRow("*", stations[0][1] if station else branch if branch else "全市")
        cell_rows = []
        for station_code, transaction_code, accepted, on_time, late_completed, late_open in cells:
            figures = MonthFigures(int(accepted or 0), int(on_time or 0), int(late_completed or 0),
                                   int(late_open or 0))
            name, branch_name = names.get(station_code, (station_code, ""))
            cell_rows.append(MonthRow(station_code, name, figures, branch_name, transaction_code))
            if transaction_code not in by_transaction:
                transaction = self.catalog.get(transaction_code)
                by_transaction[transaction_code] = MonthRow(
                    transaction_code, transaction.name_zh if transaction else transaction_code)
            for row in (by_station.setdefault(station_code, MonthRow(station_code, name, branch=branch_name)),
                        by_branch.setdefault(branch_name, MonthRow(branch_name, branch_name)),
                        by_transaction[transaction_code], total):
                row.figures.add(figures)
        scope = "station" if station else "branch" if branch else "city"
        return MonthReport(first, today, scope, "" if station else branch or "", total,
                           sorted(by_branch.values(), key=lambda r: r.code), list(by_station.values()),
                           sorted(by_transaction.values(), key=lambda r: r.code), cell_rows)
