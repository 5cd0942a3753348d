"""The support commands in city mode: `desk station add`, `desk user add|list|password|deactivate`,
`desk db upgrade` and `desk demo-data` run on any machine, but act through the server, for a signed-in
administrator only. Each call is audited naming the administrator and the OS user who typed the
command (sent as `X-Desk-OS-User`), beside whatever the use case audits itself.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Header
from pydantic import BaseModel, Field
from sqlalchemy import String

from desk.domain.workflow import Role
from desk.server.context import CallerDep, Server
from desk.services import audit
from desk.services.demo_guard import check_demo_target, flag_demo
from desk.services.rights import ADMIN, Caller
from desk.store.models import Station

OsUser = Annotated[str | None, Header(alias="X-Desk-OS-User")]


def _station_column(name: str) -> int:
    """The length the database keeps of a station's field: a longer value is refused as bad input (422)
    here, not failed by the database as the server's fault."""
    column_type = Station.__table__.c[name].type
    assert isinstance(column_type, String) and column_type.length is not None
    return column_type.length


class NewStation(BaseModel):
    """A station to register, or an existing one's fields to change (a field left out, null, is kept)."""

    code: str = Field(min_length=1, max_length=_station_column("code"))
    name_zh: str = Field(min_length=1, max_length=_station_column("name_zh"))
    branch_name: str | None = Field(default=None, max_length=_station_column("branch_name"))
    address: str | None = Field(default=None, max_length=_station_column("address"))
    phone: str | None = Field(default=None, max_length=_station_column("phone"))
    reconsideration_body: str | None = Field(default=None, max_length=_station_column("reconsideration_body"))
    court: str | None = Field(default=None, max_length=_station_column("court"))
    name_en: str | None = Field(default=None, max_length=_station_column("name_en"))


class NewUser(BaseModel):
    username: str = Field(min_length=1, max_length=40)
    display_name: str = Field(min_length=1, max_length=40)
    role: Role
    station_code: str = Field(min_length=1, max_length=20)
    password: str = Field(min_length=1, max_length=256)
    badge_number: str = Field(default="", max_length=40)  # 警号 (checked by the use case)
    kiosk_only: bool = False  # a kiosk's or hall screen's account: kiosk sessions only


class NewBadge(BaseModel):
    badge_number: str = Field(max_length=40)


class NewPassword(BaseModel):
    password: str = Field(min_length=1, max_length=256)


class Active(BaseModel):
    active: bool


class DemoData(BaseModel):
    residents: int = Field(default=200, ge=0, le=5000)
    cases: int = Field(default=120, ge=0, le=5000)
    seed: int = 2026


def register_admin_routes(app: FastAPI, prefix: str, server: Server) -> None:
    router = APIRouter(prefix=f"{prefix}/admin", tags=["admin"])

    def admin(caller: Caller, os_user: str | None, action: str, entity_id: str,
              details: dict[str, Any] | None = None) -> None:
        """The audit line of an administrator's command: who signed in, and who at the keyboard."""
        with server.store.write() as session:
            audit.append(session, at=server.clock.now(), actor=caller.username, action=f"admin.{action}",
                         entity_type="admin", entity_id=entity_id[:40],
                         details={"os_user": (os_user or "?")[:60], "device": caller.device_id, **(details or {})})

    @router.post("/stations")
    def add_station(caller: CallerDep, body: NewStation, os_user: OsUser = None) -> dict[str, str]:
        server.rights.require(caller, ADMIN)
        created = server.window.users.save_station(
            body.code, body.name_zh, by=caller.username, branch_name=body.branch_name, address=body.address,
            phone=body.phone, reconsideration_body=body.reconsideration_body, court=body.court,
            name_en=body.name_en)
        admin(caller, os_user, "station_added" if created else "station_updated", body.code,
              {"branch": body.branch_name})
        return {"status": "created" if created else "updated"}

    @router.post("/users")
    def add_user(caller: CallerDep, body: NewUser, os_user: OsUser = None) -> dict[str, Any]:
        server.rights.require(caller, ADMIN)
        user_id = server.window.users.create_user(body.username, body.display_name, body.role, body.station_code,
                                                  body.password, badge_number=body.badge_number,
                                                  kiosk_only=body.kiosk_only)
        admin(caller, os_user, "user_added", body.username, {"role": body.role.value, "station": body.station_code,
                                                             "kiosk_only": body.kiosk_only})
        return {"user_id": user_id}

    @router.get("/users")
    def users(caller: CallerDep) -> list[dict[str, Any]]:
        server.rights.require(caller, ADMIN)
        badges, kiosks = server.window.users.badges(), server.window.users.kiosk_accounts()
        return [{"username": u, "display_name": n, "role": r.value, "station_code": s, "locked": locked,
                 "badge": badges.get(u, ""), "kiosk_only": u in kiosks}
                for u, n, r, s, locked in server.window.users.users()]

    @router.post("/users/{username}/badge")
    def badge(caller: CallerDep, username: str, body: NewBadge, os_user: OsUser = None) -> dict[str, str]:
        """The user's 警号 (empty clears it)."""
        server.rights.require(caller, ADMIN)
        stored = server.window.users.set_badge(username, body.badge_number, by=caller.username)
        admin(caller, os_user, "badge_set", username, {"badge": stored})
        return {"badge": stored}

    @router.post("/users/{username}/password")
    def password(caller: CallerDep, username: str, body: NewPassword, os_user: OsUser = None) -> dict[str, str]:
        server.rights.require(caller, ADMIN)
        server.window.users.reset_password(username, body.password)
        admin(caller, os_user, "password_reset", username)
        return {"status": "ok"}

    @router.post("/users/{username}/active")
    def active(caller: CallerDep, username: str, body: Active, os_user: OsUser = None) -> dict[str, Any]:
        """Deactivating also ends every session of the user at once."""
        server.rights.require(caller, ADMIN)
        server.window.users.set_active(username, body.active, by=caller.username)
        ended = 0 if body.active else server.sessions.revoke_user(username, "deactivated", by=caller.username)
        admin(caller, os_user, "user_activated" if body.active else "user_deactivated", username,
              {"sessions_ended": ended})
        return {"status": "ok", "sessions_ended": ended}

    @router.post("/db/upgrade")
    def upgrade(caller: CallerDep, os_user: OsUser = None) -> dict[str, str | None]:
        """Migrate the city database to the newest schema — where the server runs as the owner role; a
        server role without DDL answers that the owner must run `desk --db OWNER_URL db upgrade`."""
        server.rights.require(caller, ADMIN)
        from sqlalchemy.exc import ProgrammingError

        from desk.store.migrate import current_revision, upgrade_to_head
        from desk.store.roles import not_the_owner

        before = current_revision(server.store)
        try:
            upgrade_to_head(server.store)
        except ProgrammingError as error:  # a server role without DDL (docs/city.md): the owner upgrades
            raise not_the_owner() from error
        after = current_revision(server.store)
        admin(caller, os_user, "db_upgraded", "schema", {"from": before, "to": after})
        return {"from": before, "to": after}

    @router.post("/demo-data")
    def demo_data(caller: CallerDep, body: DemoData, os_user: OsUser = None) -> dict[str, Any]:
        """Demo station, people and cases — refused on a register that holds real people."""
        server.rights.require(caller, ADMIN)
        check_demo_target(server.store)
        from desk.services.demo import build_demo

        summary = build_demo(server.store, server.catalog, server.window.calendar, residents=body.residents,
                             cases=body.cases, seed=body.seed, today=server.clock.today())
        flag_demo(server.store, server.clock, by=caller.username,
                  details={"residents": summary.residents, "cases": summary.cases})
        admin(caller, os_user, "demo_data", "demo", {"residents": summary.residents, "cases": summary.cases})
        return {"residents": summary.residents, "cases": summary.cases, "by_state": summary.by_state}

    app.include_router(router)
