"""A desk signed in as the city's clerk, in-process on the online city's database (the embedded way the
desk reaches the services; over the server the same service interface answers)."""

from __future__ import annotations

from typing import Any

from browser import OnlineCity

from desk.core import Core
from desk.domain.clock import Clock
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor, Role
from desk.qt.tasks import TaskRunner
from desk.services.keys import KeyService
from desk.services.users import SignedIn
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.context import DeskContext
from printing.signing import KeyRegistry


def desk_context(city: OnlineCity, qtbot: Any) -> DeskContext:
    core = Core(Store(city.url), shipped_catalog(), WorkingCalendar(), Clock(), Settings(station_code="HP01"))
    # The desk signs what it decides online (a 户籍证明) with the station's key in its own keys folder —
    # made here, not left to whichever earlier test of the session happened to make one.
    if KeyRegistry(core.keys_dir).active("HP01", core.clock.today()) is None:
        KeyService(core.store, core.clock, core.keys_dir).create("HP01", by="admin")
    session = SignedIn(Actor(city.clerk_id, Role.CLERK, "张丽"), "clerk", "张丽", "HP01")
    return DeskContext(runner=TaskRunner(), core_or_none=core, session=session)
