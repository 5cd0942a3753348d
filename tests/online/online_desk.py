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
from desk.services.users import SignedIn
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.context import DeskContext


def desk_context(city: OnlineCity, qtbot: Any) -> DeskContext:
    core = Core(Store(city.url), shipped_catalog(), WorkingCalendar(), Clock(), Settings(station_code="HP01"))
    # This in-process desk signs what it decides online with its own key (in its data folder); without
    # it the test passed only after another test had made that key.
    core.keys.ensure_demo_key("HP01")
    session = SignedIn(Actor(city.clerk_id, Role.CLERK, "张丽"), "clerk", "张丽", "HP01")
    return DeskContext(runner=TaskRunner(), core_or_none=core, session=session)
