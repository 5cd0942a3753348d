"""Loading a register extract (户籍信息) from the population system: the facts a household certificate
certifies and no ID card carries — household head, relationship to the head, registration date, and
the registered address.

The file is read and each row checked apart from the database (desk/services/register_file.py); the
rows go to `RegisterImportService.load_batch` in batches of `BATCH_ROWS`, each one transaction with one
audit entry that names the file's SHA-256, its lines and its counts — a million-row extract costs a few
hundred entries, not a million. A batch's rows are checked against the register (the name must be the
one on record) and only the rows that change something are written: a re-run of the same file finds
every row unchanged and writes nothing, not even an entry. A person the register does not hold yet is
created from the row (ID number, name, and the sex and birth date the number says): the extract is the
register's own record of the person, and the household certificate can then be issued for them.

`run_import` drives one file through a batch loader — the service in-process, or the city server's
route (`POST /admin/register/batch`) for `desk register import` in city mode — so both check alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from desk.domain.clock import Clock
from desk.domain.errors import InvalidInput
from desk.domain.register_rows import ExtractFormat, RegisterRow, RowProblem
from desk.services import audit
from desk.services.register_file import ExtractFile
from desk.store.database import Store
from desk.store.repositories.register import REGISTER_COLUMNS, RegisterRepository, StoredFacts
from desk.store.repositories.stations import StationRepository

BATCH_ROWS = 5000
# A report keeps this many problems to show; past it they are only counted.
PROBLEMS_KEPT = 1000


@dataclass(frozen=True)
class ExtractSource:
    """Which file a batch comes from (for the audit entry) and for which station it is loaded."""

    file_name: str
    sha256: str
    station_code: str
    dry_run: bool = False
    name_column: str = "姓名"  # the name's header in the file, named by a refused row


@dataclass(frozen=True)
class BatchOutcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: tuple[RowProblem, ...] = ()

    def to_wire(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "problems": [problem.to_wire() for problem in self.problems]}

    @classmethod
    def from_wire(cls, data: Mapping[str, Any]) -> BatchOutcome:
        return cls(int(data["created"]), int(data["updated"]), int(data["unchanged"]),
                   tuple(RowProblem.from_wire(problem) for problem in data["problems"]))


BatchLoader = Callable[[ExtractSource, int, list[RegisterRow]], BatchOutcome]


@dataclass
class ImportReport:
    """What one run did: rows read, loaded (created / updated / unchanged), and the bad ones."""

    file: str
    sha256: str
    encoding: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    bad_rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    def add(self, outcome: BatchOutcome) -> None:
        self.created += outcome.created
        self.updated += outcome.updated
        self.unchanged += outcome.unchanged
        self.bad(list(outcome.problems))

    def bad(self, problems: list[RowProblem]) -> None:
        self.bad_rows += len({problem.line for problem in problems})
        room = PROBLEMS_KEPT - len(self.problems)
        if room > 0:
            self.problems.extend(problems[:room])


def run_import(extract: ExtractFile, load: BatchLoader, source: ExtractSource, fmt: ExtractFormat, today: date,
               *, batch_rows: int = BATCH_ROWS, progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Check every row of `extract` and hand the good ones to `load` in batches; `progress(line, lines)`
    after each batch. Bad rows are reported and skipped: the good rows of the file are loaded."""
    source = replace(source, name_column=extract.header(fmt).text["name"])
    report = ImportReport(source.file_name, source.sha256, extract.encoding, source.dry_run)
    batch: list[RegisterRow] = []
    number = 0

    def flush() -> None:
        nonlocal number
        if batch:
            number += 1
            report.add(load(source, number, batch))
            if progress is not None:
                progress(batch[-1].line, extract.lines)
            batch.clear()

    for checked in extract.rows(fmt, today):
        report.rows += 1
        if isinstance(checked, RegisterRow):
            batch.append(checked)
            if len(batch) >= batch_rows:
                flush()
        else:
            report.bad(checked)
    flush()
    report.problems.sort(key=lambda problem: problem.line)
    return report


@dataclass
class RegisterImportService:
    store: Store
    clock: Clock

    def check_station(self, station_code: str) -> None:
        with self.store.read() as session:
            if StationRepository(session).get(station_code) is None:
                raise InvalidInput.say("document.station_not_configured", station=station_code)

    def load_batch(self, actor: str, source: ExtractSource, number: int, rows: list[RegisterRow],
                   *, details: Mapping[str, Any] | None = None) -> BatchOutcome:
        """One batch in one transaction: rows whose name differs from the register's are refused, the
        others create the citizen or set their facts where they differ; one audit entry (in the loading
        station's chain) when anything changed. A dry run checks the same and writes nothing."""
        if source.dry_run:
            with self.store.read() as session:
                return _plan(RegisterRepository(session), rows, source.name_column).outcome
        with self.store.write() as session:
            repository = RegisterRepository(session)
            plan = _plan(repository, rows, source.name_column)
            outcome = plan.outcome
            if not plan.inserts and not plan.updates:
                return outcome
            now = self.clock.now()
            repository.insert_citizens(plan.inserts, now)
            repository.update_facts(plan.updates, now)
            audit.append(session, at=now, actor=actor, action="register.imported", entity_type="register_extract",
                         entity_id=source.sha256[:40], chain=source.station_code,
                         details={"file": source.file_name[-120:], "sha256": source.sha256,
                                  "station": source.station_code, "batch": number,
                                  "lines": [rows[0].line, rows[-1].line], "created": outcome.created,
                                  "updated": outcome.updated, "unchanged": outcome.unchanged,
                                  "refused": len(outcome.problems), **(details or {})})
            return outcome


@dataclass
class _Plan:
    outcome: BatchOutcome
    inserts: list[dict[str, Any]]
    updates: list[dict[str, Any]]


def _plan(repository: RegisterRepository, rows: list[RegisterRow], name_column: str) -> _Plan:
    stored = repository.facts_by_id_number([row.id_number for row in rows])
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    problems: list[RowProblem] = []
    unchanged = 0
    for row in rows:
        facts = stored.get(row.id_number)
        if facts is None:
            inserts.append({"id_number": row.id_number, "name": row.name, "sex": row.sex,
                            "birth_date": row.birth_date, **_wanted(row, None)})
        elif facts.name != row.name:  # exact code points: a rare character must match as written
            problems.append(RowProblem(row.line, name_column, "register.name_mismatch",
                                       {"name": row.name, "recorded": facts.name}))
        else:
            wanted = _wanted(row, facts)
            if all(getattr(facts, column) == wanted[column] for column in REGISTER_COLUMNS):
                unchanged += 1
            else:
                updates.append({"citizen_id": facts.id, **wanted})
    return _Plan(BatchOutcome(len(inserts), len(updates), unchanged, tuple(problems)), inserts, updates)


def _wanted(row: RegisterRow, facts: StoredFacts | None) -> dict[str, Any]:
    """The register facts the row sets; an optional column left empty keeps what is stored."""
    return {"household_head": row.household_head, "relationship_to_head": row.relationship_to_head,
            "registered_on": row.registered_on,
            "address": row.address or (facts.address if facts else ""),
            "former_names": row.former_names or (facts.former_names if facts else ""),
            "nation": row.nation or (facts.nation if facts else "")}
