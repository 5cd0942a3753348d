"""What every call of the city server shares: the use cases built once per process, and who calls.

Thread contract: endpoints are plain functions, so FastAPI runs each in its worker thread pool; each
opens its own database sessions (the Store's unit of work); nothing is shared between calls but the
immutable catalog and the per-station service objects, which hold no state between calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Header, Request

from desk.domain.catalog import Catalog
from desk.domain.chained_changes import load_chain_rules
from desk.domain.clock import Clock
from desk.domain.errors import DeskError
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor
from desk.message_catalog import install_english
from desk.paths import holidays_dir, resources_dir
from desk.server.config import ServerConfig
from desk.server.window import Window
from desk.services import audit
from desk.services.audit_anchors import AnchorKeeper
from desk.services.rights import Caller, Rights, RightsPolicy
from desk.services.sessions import SessionRefused, SessionService
from desk.shipped import shipped_catalog
from desk.store.database import Store


@dataclass
class Server:
    """What every call uses: built once per process."""

    store: Store
    catalog: Catalog
    clock: Clock
    sessions: SessionService
    rights: Rights
    window: Window
    anchors: AnchorKeeper | None = None  # the daily audit anchors, written while the server serves

    def caller(self, token: str, device_id: str) -> Caller:
        user = self.sessions.check(token, device_id)
        return Caller(user.user_id, user.username, user.role, user.station_code, user.active, user.kind,
                      user.device_id)

    def refused(self, caller: Caller | None, call: str, error: DeskError, case_number: str | None = None) -> None:
        self.rights.record_refusal(self.clock.now(), caller, call, error, case_number)


def build_server(config: ServerConfig, *, clock: Clock | None = None, upgrade: bool = False) -> Server:
    clock = clock or Clock()
    install_english()  # answers carry message_en beside the message key (scripts, logs)
    store = Store(config.database_url, upgrade=upgrade)
    # The audit key (`desk audit key create` on this machine) keys the chain; the server is its one writer.
    audit.attach_key(store, Path(config.keys_dir))
    catalog = shipped_catalog()
    calendar = WorkingCalendar.from_folder(holidays_dir())
    return Server(
        store=store,
        catalog=catalog,
        clock=clock,
        sessions=SessionService(store, clock, timedelta(minutes=config.idle_minutes)),
        rights=Rights(store, RightsPolicy.load()),
        window=Window(store, catalog, calendar, clock, Path(config.keys_dir), config.verify_url,
                      load_chain_rules(resources_dir() / "chains" / "identity_changes.toml")),
        anchors=AnchorKeeper(store, Path(config.anchors_dir), clock) if config.anchors_dir else None,
    )


def caller_dependency(request: Request, authorization: Annotated[str | None, Header()] = None,
                      x_desk_device: Annotated[str | None, Header()] = None) -> Caller:
    """The signed-in caller: `Authorization: Bearer <token>` and the device's `X-Desk-Device`."""
    server: Server = request.app.state.server
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise SessionRefused.say("server.not_signed_in", code="unauthenticated")
    caller = server.caller(token.strip(), (x_desk_device or "").strip())
    request.state.caller = caller
    return caller


CallerDep = Annotated[Caller, Depends(caller_dependency)]


def actor_of(caller: Caller, display_name: str = "") -> Actor:
    return Actor(caller.user_id, caller.role, display_name)

