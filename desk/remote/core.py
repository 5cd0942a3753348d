"""The desk's composition root in city mode: the same attributes as `desk.core.Core` (the services a
screen calls), each reached over the city server, so the screens do not change.

What stays on the desk: the catalog, the working-day calendar and the clock (shipped data the forms
need at every keystroke), the settings (no database URL: the server holds it) and the connection.
Nothing here opens a database or a key file.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from functools import cached_property

from desk.domain.bundles import Bundles
from desk.domain.catalog import Catalog
from desk.domain.clock import Clock
from desk.domain.errors import DeskError
from desk.domain.refusals import RefusalRules
from desk.domain.workdays import WorkingCalendar
from desk.remote.city_extras import CityExtras
from desk.remote.connection import Connection
from desk.remote.online import RemoteOnline
from desk.remote.services import (
    RemoteCases,
    RemoteCitizens,
    RemoteDecisions,
    RemoteDocuments,
    RemoteQueries,
    RemoteQueue,
    RemoteReports,
)
from desk.services.users import SignedIn
from desk.settings import Settings


@dataclass
class RemoteUsers:
    """Sign-in at the desk goes to the server: a session bound to this user and this device."""

    connection: Connection

    def sign_in(self, username: str, password: str) -> SignedIn:
        with self.connection._session_lock:
            if self.connection.user is not None:  # unlocking, or another clerk taking over: the old one ends
                with contextlib.suppress(DeskError):  # it had expired already; it ends anyway
                    self.connection.sign_out()
            return self.connection.sign_in(username.strip(), password)


@dataclass
class RemoteCore(CityExtras):
    """`Core`'s face over the city server (see the module docstring)."""

    connection: Connection
    catalog: Catalog
    calendar: WorkingCalendar
    clock: Clock
    settings: Settings = field(default_factory=Settings)
    remote: bool = True

    @property
    def station_code(self) -> str:
        """The signed-in user's station (the server's word), the setting until someone signs in."""
        user = self.connection.user
        return user.station_code if user is not None else self.settings.station_code

    @cached_property
    def users(self) -> RemoteUsers:
        return RemoteUsers(self.connection)

    @cached_property
    def cases(self) -> RemoteCases:
        return RemoteCases(self.connection)

    @cached_property
    def decisions(self) -> RemoteDecisions:
        return RemoteDecisions(self.connection)

    @cached_property
    def queries(self) -> RemoteQueries:
        return RemoteQueries(self.connection)

    @cached_property
    def citizens(self) -> RemoteCitizens:
        return RemoteCitizens(self.connection)

    @cached_property
    def documents(self) -> RemoteDocuments:
        return RemoteDocuments(self.connection)

    @cached_property
    def queue(self) -> RemoteQueue:
        queue = RemoteQueue(self.connection)
        queue.counter_number = self.settings.counter_number or None
        return queue

    @cached_property
    def reports(self) -> RemoteReports:
        return RemoteReports(self.connection)

    @cached_property
    def refusal_rules(self) -> RefusalRules:
        """The procedural grounds for not accepting: data shipped with the release, read here like the catalog."""
        from desk.shipped import shipped_refusal_rules

        return shipped_refusal_rules()

    @cached_property
    def bundle_catalog(self) -> Bundles:
        """The “一件事” bundles (data, found by the picker); starting one is `bundles` (the server's)."""
        from desk.shipped import shipped_bundles

        return shipped_bundles(self.catalog)

    @cached_property
    def online(self) -> RemoteOnline:
        """网上预审 over the server's /online routes (the same methods as `OnlineService`)."""
        return RemoteOnline(self.connection)

    def __getattr__(self, name: str) -> object:
        # A use case the server does not offer (a support command run on a desk in city mode): say so.
        if name.startswith("_"):
            raise AttributeError(name)
        raise DeskError.say("city.only_on_server", code="not_in_city_mode", name=name)

    def close(self) -> None:
        """Sign out (the session ends on the server too) and close the connection."""
        with contextlib.suppress(DeskError):  # shutting down: an unreachable server must not stop the exit
            self.connection.sign_out()
        self.connection.close()
