"""The thin adapter between the API and the use cases: the services of each station, built once.

The services are bound to a station (case numbers, the station printed on papers, its signing key),
and a city server serves every station, so it keeps one set per station. Each window decision is one
call of `desk/services/decisions.py` — one transaction that changes the case and issues its papers.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from desk.domain.catalog import Catalog
from desk.domain.chained_changes import ChainRules
from desk.domain.clock import Clock
from desk.domain.workdays import WorkingCalendar
from desk.services.case_queries import CaseQueries
from desk.services.cases import CaseService
from desk.services.citizens import CitizenService
from desk.services.decisions import DecisionService
from desk.services.documents import DocumentService
from desk.services.kiosks import KioskService
from desk.services.queue import QueueService
from desk.services.ratings import RatingService
from desk.services.register_import import RegisterImportService
from desk.services.reports import ReportService
from desk.services.users import UserService
from desk.services.verifications import VerificationService
from desk.store.database import Store


@dataclass(frozen=True)
class StationServices:
    cases: CaseService
    documents: DocumentService
    decisions: DecisionService
    ratings: RatingService
    kiosks: KioskService


@dataclass
class Window:
    store: Store
    catalog: Catalog
    calendar: WorkingCalendar
    clock: Clock
    keys_dir: Path
    verify_url: str = ""
    chain_rules: ChainRules | None = None  # 公民信息连锁变更: the completed change's papers and follow-ups
    _stations: dict[str, StationServices] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.users = UserService(self.store, self.clock)
        self.queries = CaseQueries(self.store, self.calendar, self.clock)
        self.citizens = CitizenService(self.store, self.clock)
        self.register_import = RegisterImportService(self.store, self.clock)
        self.reports = ReportService(self.store, self.catalog, self.calendar, self.clock)
        self.verifications = VerificationService(self.store, self.clock, self.keys_dir)

    def queue(self, station_code: str, counter_number: int | None = None) -> QueueService:
        """The station's queue as the desk at `counter_number` calls it (cheap: it holds no state)."""
        return QueueService(self.store, self.catalog, self.clock, station_code, counter_number)

    def at(self, station_code: str) -> StationServices:
        """The use cases as the given station runs them."""
        with self._lock:
            services = self._stations.get(station_code)
            if services is None:
                cases = CaseService(self.store, self.catalog, self.calendar, self.clock, station_code)
                documents = DocumentService(self.store, self.catalog, self.calendar, self.clock, station_code,
                                            self.keys_dir, self.verify_url, self.chain_rules)
                services = StationServices(cases, documents, DecisionService(self.store, cases, documents, self.users),
                                           RatingService(self.store, self.calendar, self.clock, station_code),
                                           KioskService(self.store, self.clock, station_code))
                self._stations[station_code] = services
            return services
