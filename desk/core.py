"""The core composition root: store, catalog, calendar, clock and the services built on them.

The CLI uses it directly; the desk and kiosk apps wrap it in their own Qt bootstraps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, cast

from desk.domain.bundles import Bundles
from desk.domain.catalog import Catalog
from desk.domain.chained_changes import ChainRules, load_chain_rules
from desk.domain.clock import Clock
from desk.domain.errors import DeskError
from desk.domain.refusals import RefusalRules
from desk.domain.workdays import WorkingCalendar, load_holiday_files
from desk.paths import data_dir, holiday_overrides_dir, holidays_dir, resources_dir
from desk.services import audit
from desk.services.bundles import BundleService
from desk.services.case_queries import CaseQueries
from desk.services.cases import CaseService
from desk.services.chain_follow_ups import ChainFollowUpService
from desk.services.citizens import CitizenService
from desk.services.clocks import LegalClocks
from desk.services.decisions import DecisionService
from desk.services.documents import DocumentService
from desk.services.followups import FollowUpService
from desk.services.keys import KeyService
from desk.services.kiosks import KioskService
from desk.services.online import OnlineService
from desk.services.public_notices import PublicNoticeService
from desk.services.queue import QueueService
from desk.services.ratings import RatingService
from desk.services.register_import import RegisterImportService
from desk.services.reports import ReportService
from desk.services.user_photos import UserPhotoService
from desk.services.users import UserService
from desk.services.verifications import VerificationService
from desk.settings import Settings, load_settings
from desk.shipped import shipped_bundles, shipped_catalog, shipped_refusal_rules
from desk.store.database import Store

if TYPE_CHECKING:
    from desk.remote.core import RemoteCore


@dataclass
class Core:
    store: Store
    catalog: Catalog
    calendar: WorkingCalendar
    clock: Clock
    settings: Settings = field(default_factory=Settings)

    @property
    def station_code(self) -> str:
        return self.settings.station_code

    @cached_property
    def cases(self) -> CaseService:
        return CaseService(self.store, self.catalog, self.calendar, self.clock, self.station_code,
                           self.refusal_rules)

    @cached_property
    def decisions(self) -> DecisionService:
        return DecisionService(self.store, self.cases, self.documents, self.users)

    @cached_property
    def clocks(self) -> LegalClocks:
        return LegalClocks(self.store, self.calendar, self.clock, self.station_code)

    @cached_property
    def queries(self) -> CaseQueries:
        return CaseQueries(self.store, self.calendar, self.clock)

    @cached_property
    def citizens(self) -> CitizenService:
        return CitizenService(self.store, self.clock)

    @cached_property
    def register_import(self) -> RegisterImportService:
        return RegisterImportService(self.store, self.clock)

    @cached_property
    def users(self) -> UserService:
        return UserService(self.store, self.clock)

    @property
    def keys_dir(self) -> Path:
        return data_dir() / "keys"

    @cached_property
    def documents(self) -> DocumentService:
        return DocumentService(self.store, self.catalog, self.calendar, self.clock, self.station_code,
                               self.keys_dir, self.settings.verify_url, self.chain_rules, self.refusal_rules)

    @cached_property
    def user_photos(self) -> UserPhotoService:
        """The clerks' photos for the citizen-facing evaluator (一次一评)."""
        return UserPhotoService(self.store, self.clock)

    @cached_property
    def chain_follow_ups(self) -> ChainFollowUpService:
        return ChainFollowUpService(self.store, self.clock, self.documents)

    @cached_property
    def chain_rules(self) -> ChainRules:
        # Checked against the shipped catalog by the tests (tests/domain/test_chained_changes.py); a
        # station's own smaller catalog simply never meets the rules of transactions it lacks.
        return load_chain_rules(resources_dir() / "chains" / "identity_changes.toml")

    @cached_property
    def refusal_rules(self) -> RefusalRules:
        return shipped_refusal_rules()

    @cached_property
    def bundle_catalog(self) -> Bundles:
        """The “一件事” bundles (resources/bundles), checked on load (file and key named); one naming
        a transaction this core's catalog lacks is left out (tests/domain/test_bundles.py checks the
        shipped bundles against the shipped catalog)."""
        return shipped_bundles(self.catalog)

    @cached_property
    def bundles(self) -> BundleService:
        return BundleService(self.store, self.catalog, self.bundle_catalog, self.cases, self.documents,
                             self.clock, self.station_code)

    @cached_property
    def notices(self) -> PublicNoticeService:
        return PublicNoticeService(self.store, self.catalog, self.cases, self.documents, self.clock,
                                   self.station_code)

    @cached_property
    def keys(self) -> KeyService:
        return KeyService(self.store, self.clock, self.keys_dir)

    @cached_property
    def verifications(self) -> VerificationService:
        return VerificationService(self.store, self.clock, self.keys_dir)

    @cached_property
    def reports(self) -> ReportService:
        return ReportService(self.store, self.catalog, self.calendar, self.clock)

    @cached_property
    def queue(self) -> QueueService:
        return QueueService(self.store, self.catalog, self.clock, self.station_code,
                            self.settings.counter_number or None)

    @cached_property
    def online(self) -> OnlineService:
        """网上办 as this station sees it: the pre-review queue and the counter (docs/online.md)."""
        return OnlineService(self.store, self.catalog, self.clock, self.settings.online_upload_max_kb * 1024,
                             cases=self.cases, decisions=self.decisions, station_code=self.station_code)

    @cached_property
    def ratings(self) -> RatingService:
        return RatingService(self.store, self.calendar, self.clock, self.station_code)

    @cached_property
    def follow_ups(self) -> FollowUpService:
        return FollowUpService(self.store, self.catalog, self.calendar, self.clock, self.station_code)

    @cached_property
    def kiosks(self) -> KioskService:
        return KioskService(self.store, self.clock, self.station_code)

    def build_demo_data(self, *, residents: int, cases: int) -> None:
        """The demo station, users, residents and cases (`desk demo-data`, the demo desk and kiosk)."""
        from desk.services.demo import build_demo

        build_demo(self.store, self.catalog, self.calendar, residents=residents, cases=cases,
                   today=self.clock.today())

    def close(self) -> None:
        """Release the database connections (the app is shutting down)."""
        self.store.dispose()


def working_calendar() -> WorkingCalendar:
    """The shipped holiday tables with the administrator's imported ones (`desk holidays import`) over them."""
    return WorkingCalendar.from_folder(holidays_dir(), extra=load_holiday_files(holiday_overrides_dir()))


def build_core(database_url: str | None = None, *, clock: Clock | None = None,
               settings: Settings | None = None) -> Core:
    """The in-process core; in city mode (`server_url` set, no database named) the same services over the
    city server (desk/remote/core.py), which holds the database and the keys — this machine opens neither."""
    settings = settings or load_settings()
    if settings.server_url and not database_url:
        return cast(Core, build_remote_core(settings, clock=clock))
    url = database_url or settings.database_url or None
    store = Store(url)
    audit.attach_key(store, data_dir() / "keys")
    return Core(
        store=store,
        catalog=shipped_catalog(),
        calendar=working_calendar(),
        clock=clock or Clock(),
        settings=settings,
    )


def build_remote_core(settings: Settings, *, clock: Clock | None = None, kind: str = "desk") -> RemoteCore:
    """City mode: the catalog, calendar and clock are local (shipped data), every use case is remote.
    Nothing is sent yet: an unreachable server shows at the first call, not at start. (Imported here:
    embedded mode and the CLI do not load the HTTPS client.)"""
    from desk.remote.connection import Connection
    from desk.remote.core import RemoteCore

    connection = Connection.from_settings(settings, kind=kind)
    if connection is None:
        raise DeskError.say("city.no_server_url", code="no_server_url")
    return RemoteCore(connection, shipped_catalog(), working_calendar(), clock or Clock(), settings)


def is_city_mode(core: object) -> bool:
    """Is this core the city server's (a RemoteCore) rather than in-process?"""
    return bool(getattr(core, "remote", False))


DEMO_RESIDENTS = 200
DEMO_CASES = 150


# Citizens waiting in the hall when the demo opens: tickets a kiosk issued (transaction codes).
DEMO_TICKETS = ("birth_registration", "household_certificate", "spouse_joins_spouse", None)


def ensure_demo_data(core: Core) -> None:
    """Fill an empty store with the demo station, users, residents and cases, and put a few queue
    tickets in the hall when nobody waits today (idempotent)."""
    if not core.queries.list(limit=1):
        core.build_demo_data(residents=DEMO_RESIDENTS, cases=DEMO_CASES)
    core.keys.ensure_demo_key(core.station_code)
    if not core.queue.waiting():
        for code in DEMO_TICKETS:
            core.queue.take_ticket(code, kiosk_code=core.settings.kiosk_code)
