"""A demo city in bulk: millions of residents, a hundred stations, a year of cases — for trying the
desk at city scale and for `bench/bench_city.py`.

The small demo (`desk/services/demo.py`) goes through the real services, one durable transaction per
step. This loader writes rows directly, `BATCH` rows a transaction: COPY on PostgreSQL, multi-row
INSERTs on SQLite; each batch is audited by one entry ("citizen.bulk_loaded" / "case.bulk_loaded")
naming the range of ids it wrote. Memory stays bounded: a batch of rows and one byte per resident
(the district, to send a case to a station of the applicant's district).

Distributions: districts by their share of Shenyang's population; stations of a district unequally
busy (Zipf); ages 0–90 weighted to the working ages; surnames by their Zipf rank; a case mix from the
catalog (Zipf); cases on working days; most finished within their limit after 1.27 working days on
average, some late, some refused or withdrawn, the recent ones still open.
"""

from __future__ import annotations

import bisect
import itertools
import json
import multiprocessing
import random
import sys
import traceback
from collections.abc import Generator, Iterator, Sequence
from contextlib import closing, nullcontext
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from queue import Empty
from typing import Any, TextIO

from sqlalchemy.orm import Session

from desk.domain.catalog import Catalog, FieldType, Transaction
from desk.domain.clock import CHINA_TZ
from desk.domain.idnumber import generate_id_number
from desk.domain.names import pinyin_initials
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Approval, CaseState
from desk.services import audit
from desk.services.demo import GIVEN_FEMALE, GIVEN_MALE, NATIONS, SHENYANG_DISTRICTS, SURNAMES, years_later
from desk.store.bulk_indexes import indexes_built_after, worth_it
from desk.store.database import Store
from desk.store.models import AuditEntry, Case, CaseEvent, Citizen, Station
from desk.store.repositories.bulk_load import BulkLoadRepository
from desk.store.repositories.cases import CaseRepository
from desk.store.repositories.counters import CounterRepository
from desk.store.repositories.stations import StationRepository

BATCH = 20_000
# Share of Shenyang's population by district (2020 census, rounded) and the branch's station prefix.
DISTRICT_SHARES = {"210102": (0.13, "HP"), "210103": (0.14, "SH"), "210104": (0.16, "DD"),
                   "210105": (0.15, "HG"), "210106": (0.20, "TX"), "210112": (0.10, "HN"),
                   "210114": (0.12, "YH")}
LIMITED_SHARE = 0.65  # cases of business with a time limit (the rest are done on the spot)
TAKEN_CUMULATIVE = (0.25, 0.70, 0.86, 0.95, 1.0)  # 1 … 5 working days when the limit allows
_LOOKUP_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_LOOKUP_SPACE = len(_LOOKUP_ALPHABET) ** 8
_LOOKUP_STEP = 350_377_357_913  # odd and prime to 31: index → code is a bijection of the code space


@dataclass(frozen=True)
class LoadStart:
    """What the generation continues from, read from the store before it starts."""

    first_citizen_id: int
    id_numbers: frozenset[str]  # ID numbers already stored (not drawn again)
    clerks: dict[str, int]  # a clerk per station ("*": anyone)
    first_case: int
    first_event: int
    lookup_offset: int  # cases already stored (lookup codes are drawn after theirs)


@dataclass(frozen=True)
class BulkSummary:
    residents: int
    stations: int
    cases: int
    by_state: dict[str, int]


_RELATIONSHIPS = ("配偶", "子", "女", "母亲", "父亲")


class IdNumbers:
    """`generate_id_number` for millions of residents: the region's six characters and the birth
    date's eight, with their shares of the check sum, are worked out once each (7 regions, some
    33,000 days) and only the order code's three digits are added per number (same numbers, a
    fraction of the CPU)."""

    def __init__(self) -> None:
        self._regions: dict[str, int] = {}
        self._days: dict[date, tuple[str, int]] = {}

    def make(self, region: str, birth: date, sex: str, sequence: int) -> str:
        order = 2 * sequence + (1 if sex == "male" else 2)
        region_sum = self._regions.get(region)
        day = self._days.get(birth)
        if region_sum is None or day is None:
            if len(region) != 6 or not region.isdigit() or not 1000 <= birth.year <= 9999:
                return generate_id_number(region, birth, sex, sequence)  # it says what is wrong
            region_sum = self._regions[region] = _weighted(region, 0)
            text = f"{birth:%Y%m%d}"
            day = self._days[birth] = (text, _weighted(text, 6))
        if not 0 < order <= 999 or sex not in ("male", "female"):
            return generate_id_number(region, birth, sex, sequence)
        total = region_sum + day[1] + (order // 100) * _ID_WEIGHTS[14] + (order // 10 % 10) * _ID_WEIGHTS[15] \
            + (order % 10) * _ID_WEIGHTS[16]
        return f"{region}{day[0]}{order:03d}{_ID_CHECK_CHARS[total % 11]}"


def _weighted(digits: str, first_position: int) -> int:
    return sum(int(c) * _ID_WEIGHTS[first_position + i] for i, c in enumerate(digits))


_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # GB 11643's weights (as desk.domain.idnumber)
_ID_CHECK_CHARS = "10X98765432"


@lru_cache(maxsize=65536)
def _initials(name: str) -> str:
    return pinyin_initials(name)  # a few thousand distinct names among millions of residents


def _zipf_cumulative(n: int, s: float = 1.0) -> list[float]:
    weights = list(itertools.accumulate(1 / (rank ** s) for rank in range(1, n + 1)))
    return [w / weights[-1] for w in weights]


def _pick(rng: random.Random, cumulative: Sequence[float]) -> int:
    return min(bisect.bisect_left(cumulative, rng.random()), len(cumulative) - 1)


def lookup_code_for(index: int) -> str:
    """A distinct 8-character lookup code for every index (no set of used codes kept in memory)."""
    value = (index * _LOOKUP_STEP + 12_345) % _LOOKUP_SPACE
    chars = []
    for _ in range(8):
        value, digit = divmod(value, len(_LOOKUP_ALPHABET))
        chars.append(_LOOKUP_ALPHABET[digit])
    return "".join(chars)


class BulkCity:
    def __init__(self, store: Store, catalog: Catalog, calendar: WorkingCalendar, *, seed: int, today: date,
                 stations: int, progress: TextIO | None = None) -> None:
        self.store, self.catalog, self.calendar = store, catalog, calendar
        self.rng = random.Random(seed)
        self.today = today
        self.progress = progress if progress is not None else sys.stderr
        self.districts = list(SHENYANG_DISTRICTS)
        self.district_cumulative = list(itertools.accumulate(DISTRICT_SHARES[d][0] for d in self.districts))
        self.surname_cumulative = _zipf_cumulative(len(SURNAMES), 0.9)
        self.stations = self._station_codes(stations)
        self.resident_district = bytearray()
        self.born: dict[tuple[int, int, str], int] = {}
        self.id_numbers = IdNumbers()
        self.head_name = ""
        self.first_citizen_id = 0
        self.case_counts: dict[str, int] = {}
        self.residents_finished = False
        self.counter_rows: list[dict[str, Any]] = []

    # -- stations --------------------------------------------------------------------------------

    def _station_codes(self, count: int) -> dict[int, list[str]]:
        """Station codes per district index, in proportion to the district's population (≥ 1 each)."""
        shares = [DISTRICT_SHARES[d][0] for d in self.districts]
        per = [max(1, round(count * share)) for share in shares]
        while sum(per) > max(count, len(per)):
            per[per.index(max(per))] -= 1
        while sum(per) < count:
            per[per.index(min(per))] += 1
        return {i: [f"{DISTRICT_SHARES[d][1]}{n:02d}" for n in range(1, per[i] + 1)]
                for i, d in enumerate(self.districts)}

    def ensure_stations(self) -> list[str]:
        codes = []
        with self.store.write() as session:
            stations = StationRepository(session)
            for index, region in enumerate(self.districts):
                district = SHENYANG_DISTRICTS[region][0]
                for number, code in enumerate(self.stations[index], start=1):
                    codes.append(code)
                    if stations.get(code) is None:
                        stations.add(Station(code=code, name_zh=f"沈阳市公安局{district}分局第{number}派出所",
                                            branch_name=f"沈阳市公安局{district}分局",
                                            address=f"沈阳市{district}", phone="024-110",
                                            reconsideration_body=f"沈阳市{district}人民政府",
                                            court=f"沈阳市{district}人民法院"))
        return codes

    # -- residents -------------------------------------------------------------------------------

    def _resident(self, citizen_id: int, index: int, now: datetime) -> dict[str, Any] | None:
        # The draws are `random()` scaled by hand: `randint` and `choice` cost four times as much and
        # were a third of the loader's CPU; the distributions are the same.
        draw = self.rng.random
        district_index = _pick(self.rng, self.district_cumulative)
        region = self.districts[district_index]
        district, streets = SHENYANG_DISTRICTS[region]
        self.resident_district.append(district_index)
        sex = "male" if draw() < 0.505 else "female"
        age_years = min(90.0, abs(self.rng.gauss(42, 20)))
        age_days = max(1, int(age_years * 365.25))
        # Order codes count the people of a sex born that day in that district: unique by construction.
        key = (district_index, age_days, sex)
        sequence = self.born.get(key, 0)
        if sequence > 498:
            self.resident_district.pop()
            return None
        self.born[key] = sequence + 1
        birth = self.today - timedelta(days=age_days)
        given = GIVEN_MALE if sex == "male" else GIVEN_FEMALE
        name = SURNAMES[_pick(self.rng, self.surname_cumulative)] + given[int(draw() * len(given))]
        unit = f"{1 + int(draw() * 30)}-{1 + int(draw() * 6)}-{1 + int(draw() * 4)}"
        start = self.today - timedelta(days=30 + int(draw() * 3571))
        years = 5 if age_years < 16 else 10 if age_years < 26 else 20
        valid_to = None if age_years >= 46 else years_later(start, years)
        head = index % 3 != 2 or not self.head_name  # every third lives in the household before it
        if head:
            self.head_name = name
        return {
            "id": citizen_id, "id_number": self.id_numbers.make(region, birth, sex, sequence),
            "name": name, "name_initials": _initials(name), "sex": sex,
            "nation": NATIONS[int(draw() * len(NATIONS))], "birth_date": birth,
            "address": f"辽宁省沈阳市{district}{streets[int(draw() * len(streets))]}{1 + int(draw() * 300)}号{unit}",
            "issuing_authority": f"沈阳市公安局{district}分局", "valid_from": start, "valid_to": valid_to,
            "card_type": "resident", "photo_wlt": None,
            "phone": f"13{int(draw() * 10)}{10000000 + int(draw() * 90000000)}",
            "household_head": name if head else self.head_name,
            "relationship_to_head": "户主" if head else _RELATIONSHIPS[int(draw() * len(_RELATIONSHIPS))],
            "registered_on": min(birth + timedelta(days=20 + int(draw() * 8981)), self.today - timedelta(days=30)),
            "former_names": "", "updated_at": now,
        }

    def residents(self, count: int) -> int:
        """Generate and write `count` residents in this process (`build_city` generates in a worker)."""
        start = self.read_start(with_cases=False)
        written = 0
        for rows in self.resident_batches(count, start):
            written += self.write_residents(rows, written, count)
        self.finish_residents()
        return written

    def cases(self, count: int, days: int) -> dict[str, int]:
        """`count` cases over the working days of the last `days` calendar days, up to yesterday (the
        residents generated by this object before)."""
        start = self.read_start(with_cases=True)
        made = 0
        for case_rows, event_rows in self.case_batches(count, days, start):
            made += self.write_cases(case_rows, event_rows, made, count)
        self.finish_cases(self.counter_rows)
        return self.case_counts

    # -- what the generation needs from the store, read before it starts -----------------------------

    def read_start(self, *, with_cases: bool) -> LoadStart:
        with self.store.read() as session:
            bulk = BulkLoadRepository(session)
            if not self.first_citizen_id:
                self.first_citizen_id = bulk.max_id(Citizen) + 1
            if not with_cases:
                # The ID numbers already stored (a re-run, or the small demo's residents) are not drawn again.
                return LoadStart(self.first_citizen_id, frozenset(bulk.citizen_id_numbers()), {}, 0, 0, 0)
            return LoadStart(self.first_citizen_id, frozenset(), self._clerks(session), bulk.max_id(Case) + 1,
                             bulk.max_id(CaseEvent) + 1, CaseRepository(session).count())

    # -- generation: rows only, no store (it may run in a worker process) -----------------------------

    def resident_batches(self, count: int, start: LoadStart) -> Iterator[list[dict[str, Any]]]:
        now = datetime.combine(self.today, time(8), CHINA_TZ).astimezone(UTC)
        existing = start.id_numbers
        written = index = 0
        rows: list[dict[str, Any]] = []
        while written < count:
            row = self._resident(self.first_citizen_id + written, index, now)
            index += 1
            if row is None:
                continue
            if row["id_number"] in existing:
                self.resident_district.pop()
                continue
            rows.append(row)
            written += 1
            if len(rows) >= BATCH or written == count:
                yield rows
                rows = []

    def case_batches(self, count: int, days: int, start: LoadStart,
                     ) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
        """Batches of (cases, their events); afterwards `case_counts` (by state) and `counter_rows` (the
        stations' day counters) hold what the load made."""
        if not self.resident_district:
            raise ValueError("bulk cases need the residents loaded in the same run")
        working = [d for d in (self.today - timedelta(days=n) for n in range(days, 0, -1))
                   if self.calendar.is_working_day(d)]
        transactions = self.catalog.transactions()
        # Business on the spot and business with a time limit, each mix unequal (Zipf) within.
        spot = [t for t in transactions if t.time_limit_days == 0] or transactions
        limited = [t for t in transactions if t.time_limit_days > 0] or transactions
        spot_cumulative, limited_cumulative = _zipf_cumulative(len(spot), 0.8), _zipf_cumulative(len(limited), 0.8)
        station_cumulative = {i: _zipf_cumulative(len(codes), 0.8) for i, codes in self.stations.items()}
        clerk_by_station = start.clerks
        counts: dict[str, int] = {}
        case_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        counters: list[dict[str, Any]] = []
        case_id, event_id, made = start.first_case, start.first_event, 0
        for day_index, day in enumerate(working):
            share = count * (day_index + 1) // len(working) - count * day_index // len(working)
            day_cases = []
            for _ in range(share):
                applicant = self.rng.randrange(len(self.resident_district))
                district = self.resident_district[applicant]
                station = self.stations[district][_pick(self.rng, station_cumulative[district])]
                minute = self.rng.randint(8 * 60, 16 * 60 + 30)
                day_cases.append((station, minute, self.first_citizen_id + applicant))
            day_cases.sort()
            sequence: dict[str, int] = {}
            for station, minute, applicant_id in day_cases:
                sequence[station] = sequence.get(station, 0) + 1
                transaction = (limited[_pick(self.rng, limited_cumulative)] if self.rng.random() < LIMITED_SHARE
                               else spot[_pick(self.rng, spot_cumulative)])
                clerk = clerk_by_station.get(station) or clerk_by_station["*"]
                opened = datetime.combine(day, time(minute // 60, minute % 60), CHINA_TZ).astimezone(UTC)
                case_row, events = self._case(case_id, event_id, station, day, sequence[station], opened,
                                              transaction, applicant_id, clerk, start.lookup_offset + made)
                counts[case_row["state"]] = counts.get(case_row["state"], 0) + 1
                case_rows.append(case_row)
                event_rows += events
                case_id += 1
                event_id += len(events)
                made += 1
            counters += [{"station_code": s, "day": day, "kind": "case", "last": n} for s, n in sequence.items()]
            if len(case_rows) >= BATCH or day_index == len(working) - 1:
                yield case_rows, event_rows
                case_rows, event_rows = [], []
        self.case_counts, self.counter_rows = counts, counters

    # -- writing: this process, the store ----------------------------------------------------------

    def write_residents(self, rows: list[dict[str, Any]], before: int, total: int) -> int:
        self._write(Citizen, rows, "citizen.bulk_loaded", "citizen")
        self._report("居民 residents", before + len(rows), total)
        return len(rows)

    def finish_residents(self) -> None:
        self._fix_sequence("citizens")
        self.residents_finished = True

    def write_cases(self, case_rows: list[dict[str, Any]], event_rows: list[dict[str, Any]], before: int,
                    total: int) -> int:
        self._write(Case, case_rows, "case.bulk_loaded", "case", children=(CaseEvent, event_rows))
        self._report("申请 cases", before + len(case_rows), total)
        return len(case_rows)

    def finish_cases(self, counter_rows: list[dict[str, Any]]) -> None:
        self._counters(counter_rows)
        self._fix_sequence("cases")
        self._fix_sequence("case_events")

    def _case(self, case_id: int, event_id: int, station: str, day: date, sequence: int, opened: datetime,
              transaction: Transaction, applicant_id: int, clerk: int, lookup_index: int,
              ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        rng = self.rng
        # The tier is resolved from the case's values as at a real acceptance, not one level per transaction.
        values = tier_values(transaction, rng, day)
        tier = transaction.resolve_tier(values, today=day)
        approval, limit = tier.approval, tier.time_limit_days
        due = _add_working_days(self.calendar, day, limit)
        outcome = rng.random()
        accepted_at = opened + timedelta(minutes=rng.randint(3, 15))
        row: dict[str, Any] = {
            "id": case_id, "number": f"{station}-{day:%Y%m%d}-{sequence:04d}",
            "lookup_code": lookup_code_for(lookup_index), "station_code": station,
            "transaction_code": transaction.code, "applicant_id": applicant_id,
            "form_values": json.dumps(values, ensure_ascii=False),
            "approval": approval.value, "time_limit_days": limit, "created_by": clerk,
            "created_at": opened, "accepted_by": None, "accepted_at": None, "accepted_on": None, "due_date": None,
            "decided_by": None, "decided_at": None, "completed_at": None, "completed_on": None,
            "decision_reason": None, "missing_materials": "[]", "version": 1,
        }
        events = [_event(event_id, case_id, "open", None, CaseState.DRAFT.value, clerk, opened)]
        if outcome < 0.03:
            row.update(state=CaseState.NOT_ACCEPTED.value, updated_at=accepted_at,
                       decision_reason="申请人户籍不在本所辖区，应到户籍所在地派出所申请。")
            events.append(_event(event_id + 1, case_id, "not_accept", CaseState.DRAFT.value, row["state"], clerk,
                                 accepted_at))
            return row, events
        row.update(accepted_by=clerk, accepted_at=accepted_at, accepted_on=day, due_date=due)
        accepted = _event(event_id + 1, case_id, "accept", CaseState.DRAFT.value, CaseState.ACCEPTED.value,
                          clerk, accepted_at)
        details: dict[str, Any] = {"due_date": due.isoformat(), "tier": tier.key, "approval": approval.value,
                                   "time_limit_days": limit}
        if tier.label_zh:
            details["tier_zh"], details["tier_en"] = tier.label_zh, tier.label_en
        accepted["details"] = json.dumps(details, ensure_ascii=False)
        events.append(accepted)
        # Working days taken: on-the-spot business the same day, the rest mostly one to three days
        # (mean over the mix ≈ 1.27), a few past the limit.
        if outcome >= 0.97:
            taken = limit + 1
        elif limit == 0:
            taken = 0
        else:
            taken = min(1 + _pick(rng, TAKEN_CUMULATIVE), limit)
        finished_day = _add_working_days(self.calendar, day, taken)
        forgotten = 0.970 <= outcome < 0.973  # a few are left open past their limit (overdue)
        if finished_day >= self.today or forgotten:
            row.update(state=CaseState.ACCEPTED.value if approval is Approval.CLERK
                       else CaseState.UNDER_REVIEW.value, updated_at=accepted_at)
            if row["state"] == CaseState.UNDER_REVIEW.value:
                events.append(_event(event_id + 2, case_id, "submit_for_review", CaseState.ACCEPTED.value,
                                     row["state"], clerk, accepted_at + timedelta(minutes=10)))
            return row, events
        finished = (accepted_at + timedelta(minutes=20) if taken == 0 else
                    datetime.combine(finished_day, time(rng.randint(9, 16), rng.randint(0, 59)),
                                     CHINA_TZ).astimezone(UTC))
        if outcome > 0.985:
            action, state, reason = "withdraw", CaseState.WITHDRAWN.value, "申请人主动撤回申请。"
        elif outcome > 0.975 and approval is not Approval.CLERK:
            action, state, reason = "deny", CaseState.DENIED.value, "经核查，申请材料与档案记载不一致。"
        else:
            action, state, reason = "complete", CaseState.COMPLETED.value, None
        row.update(state=state, updated_at=finished, decision_reason=reason)
        if state == CaseState.COMPLETED.value:
            row.update(completed_at=finished, completed_on=finished_day)
        if action in ("deny", "complete") and approval is not Approval.CLERK:
            row.update(decided_by=clerk, decided_at=finished)
        events.append(_event(event_id + 2, case_id, action, CaseState.ACCEPTED.value, state, clerk, finished,
                             reason))
        return row, events

    def _clerks(self, session: Session) -> dict[str, int]:
        clerks: dict[str, int] = {}
        for user_id, station in BulkLoadRepository(session).users_and_stations():
            clerks.setdefault(station, user_id)
            clerks.setdefault("*", user_id)
        if "*" not in clerks:
            raise ValueError("bulk cases need at least one user (run the small demo first)")
        return clerks

    def _counters(self, rows: list[dict[str, Any]]) -> None:
        """The day's last number per station: one upsert for all (25,000 rows for a city's year; one
        query each took minutes)."""
        if not rows:
            return
        with self.store.write() as session:
            CounterRepository(session).raise_to(rows, batch=BATCH)

    # -- writing ---------------------------------------------------------------------------------

    def _write(self, model: type[Any], rows: list[dict[str, Any]], action: str, entity_type: str,
               children: tuple[type[Any], list[dict[str, Any]]] | None = None) -> None:
        """One durable transaction: the rows (COPY on PostgreSQL), their children and their audit: one
        entry for a batch of residents; for cases one entry each in its station's chain, with the state
        it was loaded in, so `desk audit verify` finds every case's state explained by its history."""
        with self.store.write() as session:
            bulk = BulkLoadRepository(session)
            # This load only: a crash loses at most the last batches, which the load is re-run for;
            # the index builds at the end commit synchronously, flushing everything before them.
            bulk.commit_without_waiting_for_disk()
            bulk.insert_rows(model, rows)
            if children is not None:
                bulk.insert_rows(children[0], children[1])
            if model is Case:
                now = datetime.now(UTC)
                bulk.insert_rows(AuditEntry, audit.entries_in_bulk(session, [
                    audit.PendingEntry(now, "demo-data", action, entity_type, row["number"],
                                       {"to": row["state"], "transaction": row["transaction_code"]},
                                       row["station_code"]) for row in rows]))
            else:
                audit.append(session, at=datetime.now(UTC), actor="demo-data", action=action,
                             entity_type=entity_type, entity_id=f"{rows[0]['id']}-{rows[-1]['id']}",
                             details={"rows": len(rows)})

    def _fix_sequence(self, table: str) -> None:
        if self.store.is_sqlite:
            return
        with self.store.write() as session:
            BulkLoadRepository(session).fix_id_sequence(table)

    def _report(self, what: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.write(f"\r{what}: {done:,}/{total:,} ({100 * done // max(total, 1)}%)")
            if done >= total:
                self.progress.write("\n")
            self.progress.flush()


def tier_values(transaction: Transaction, rng: random.Random, day: date) -> dict[str, Any]:
    """Values for the fields the transaction's tiers ask about, drawn as a window sees them: an enum
    mostly its first (common) option, a date mostly recent (a few years back now and then). With
    them the case falls in a tier the way an accepted case does; the other fields stay unfilled."""
    values: dict[str, Any] = {}
    for key in sorted({name for tier in transaction.tiers for name in tier.when.names}):
        spec = transaction.field(key)
        if spec is None:
            continue
        if spec.type is FieldType.ENUM and spec.options:
            values[key] = (spec.options[0] if rng.random() < 0.7 else rng.choice(spec.options)).value
        elif spec.type is FieldType.BOOL:
            values[key] = rng.random() < 0.5
        elif spec.type is FieldType.DATE:
            values[key] = (day - timedelta(days=min(int(rng.expovariate(1 / 400)), 6000))).isoformat()
    return values


def _event(event_id: int, case_id: int, action: str, from_state: str | None, to_state: str, actor: int,
           at: datetime, reason: str | None = None) -> dict[str, Any]:
    return {"id": event_id, "case_id": case_id, "action": action, "from_state": from_state, "to_state": to_state,
            "actor_id": actor, "at": at, "reason": reason, "details": "{}"}


@lru_cache(maxsize=8192)
def _add_working_days_cached(calendar_id: int, day: date, days: int) -> date:
    return _CALENDARS[calendar_id].add_working_days(day, days).due_date


_CALENDARS: dict[int, WorkingCalendar] = {}


def _add_working_days(calendar: WorkingCalendar, day: date, days: int) -> date:
    _CALENDARS[id(calendar)] = calendar
    return _add_working_days_cached(id(calendar), day, days)


def build_city(store: Store, catalog: Catalog, calendar: WorkingCalendar, *, residents: int, cases: int,
               stations: int, days: int, seed: int, today: date, progress: TextIO | None = None,
               worker: bool = True) -> BulkSummary:
    """Load the city. With `worker` the rows are generated in a process of their own while this one
    writes the previous batch (two cores busy instead of one taking turns); the rows are the same."""
    city = BulkCity(store, catalog, calendar, seed=seed, today=today, stations=stations, progress=progress)
    codes = city.ensure_stations()
    # A city loaded into an empty store: its search and listing indexes are built once at the end.
    rebuild = worth_it(store, "citizens", residents)
    with indexes_built_after(store, ("citizens", "cases", "case_events"), progress) if rebuild else nullcontext():
        starts = (city.read_start(with_cases=False), city.read_start(with_cases=True) if cases else None)
        batches = _in_worker(city, residents, cases, days, starts) if worker else \
            _generated(city, residents, cases, days, starts)
        written = made = 0
        by_state: dict[str, int] = {}
        with closing(batches):  # a failed write stops the worker at once
            for batch in batches:
                if batch[0] == "citizens":
                    written += city.write_residents(batch[1], written, residents)
                    continue
                if written == residents and not city.residents_finished:
                    city.finish_residents()
                if batch[0] == "cases":
                    made += city.write_cases(batch[1], batch[2], made, cases)
                else:  # "done": the counts by state and the stations' day counters
                    by_state = batch[1]
                    if cases:
                        city.finish_cases(batch[2])
    return BulkSummary(written, len(codes), sum(by_state.values()), by_state)


Batch = tuple[Any, ...]  # ("citizens", rows) | ("cases", case rows, event rows) | ("done", by state, counters)


def _generated(city: BulkCity, residents: int, cases: int, days: int,
               starts: tuple[LoadStart, LoadStart | None]) -> Generator[Batch, None, None]:
    for rows in city.resident_batches(residents, starts[0]):
        yield ("citizens", rows)
    if cases and starts[1] is not None:
        for case_rows, event_rows in city.case_batches(cases, days, starts[1]):
            yield ("cases", case_rows, event_rows)
    yield ("done", city.case_counts, city.counter_rows)


def _in_worker(city: BulkCity, residents: int, cases: int, days: int,
               starts: tuple[LoadStart, LoadStart | None]) -> Generator[Batch, None, None]:
    """`_generated`'s batches from a forked process (it touches no connection: the store stays here);
    at most `_AHEAD` batches wait, so memory stays bounded. A failure there is raised here."""
    context = multiprocessing.get_context("fork")
    queue: Any = context.Queue(maxsize=_AHEAD)
    worker = context.Process(target=_produce, args=(queue, city, residents, cases, days, starts), daemon=True)
    worker.start()
    try:
        while True:
            try:
                batch = queue.get(timeout=5)
            except Empty:
                if not worker.is_alive():
                    raise RuntimeError(f"the bulk demo's generating process ended (exit code {worker.exitcode})"
                                       ) from None
                continue
            if batch[0] == "error":
                raise RuntimeError(f"generating the bulk demo failed:\n{batch[1]}")
            yield batch
            if batch[0] == "done":
                return
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join(timeout=10)
        queue.close()


_AHEAD = 2


def _produce(queue: Any, city: BulkCity, residents: int, cases: int, days: int,
             starts: tuple[LoadStart, LoadStart | None]) -> None:
    try:
        for batch in _generated(city, residents, cases, days, starts):
            queue.put(batch)
    except BaseException:
        queue.put(("error", traceback.format_exc()))
    queue.close()
    queue.join_thread()
