"""API v1 for loading a register extract in city mode (`desk register import FILE` on any machine).

| call | use case | right |
|---|---|---|
| `POST /admin/register/batch` | one batch of an extract's rows checked and loaded | register_import |

(the use case: desk/services/register_import.py)

The command reads and checks the file where it runs, then sends its good rows in batches (each one
transaction and at most one audit entry on the server). The server trusts nothing of it: every row is
checked again here as a file's row would be, the name against the register, the caller's right now. A
manager loads for their own station only; an administrator for any station.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Header
from pydantic import BaseModel, Field

from desk.domain.register_rows import COLUMN_KEYS, RegisterRow, RowProblem, check_row, keyed_header
from desk.domain.workflow import Role
from desk.server.context import CallerDep, Server
from desk.services.register_file import extract_format
from desk.services.register_import import BATCH_ROWS, BatchOutcome, ExtractSource
from desk.services.rights import REGISTER_IMPORT, Refused

OsUser = Annotated[str | None, Header(alias="X-Desk-OS-User")]


class WireRow(BaseModel):
    line: int = Field(ge=1)
    cells: dict[str, Annotated[str, Field(max_length=400)]]


class RegisterBatch(BaseModel):
    file_name: str = Field(min_length=1, max_length=400)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    station_code: str | None = Field(default=None, max_length=20)  # None: the caller's station
    dry_run: bool = False
    batch: int = Field(ge=1)
    columns: dict[str, Annotated[str, Field(max_length=60)]] = Field(default_factory=dict)
    rows: list[WireRow] = Field(max_length=BATCH_ROWS)


def register_register_routes(app: FastAPI, prefix: str, server: Server) -> None:
    router = APIRouter(prefix=f"{prefix}/admin/register", tags=["admin"])
    fmt = extract_format()

    @router.post("/batch")
    def load_batch(caller: CallerDep, body: RegisterBatch, os_user: OsUser = None) -> dict[str, Any]:
        server.rights.require(caller, REGISTER_IMPORT)
        station = body.station_code or caller.station_code
        if caller.role is not Role.ADMIN and station != caller.station_code:
            raise Refused.say("register.other_station", code="other_station", own=caller.station_code,
                              station=station)
        service = server.window.register_import
        service.check_station(station)
        header = keyed_header(body.columns)
        today: date = server.clock.today()
        rows: list[RegisterRow] = []
        problems: list[RowProblem] = []
        for row in body.rows:
            checked = check_row(row.line, [row.cells.get(key, "") for key in COLUMN_KEYS], header, fmt, today)
            if isinstance(checked, RegisterRow):
                rows.append(checked)
            else:
                problems.extend(checked)
        source = ExtractSource(body.file_name, body.sha256, station, dry_run=body.dry_run,
                               name_column=header.text["name"])
        outcome = service.load_batch(caller.username, source, body.batch, rows,
                                     details={"os_user": (os_user or "?")[:60], "device": caller.device_id}) \
            if rows else BatchOutcome()
        return BatchOutcome(outcome.created, outcome.updated, outcome.unchanged,
                            (*problems, *outcome.problems)).to_wire()

    app.include_router(router)
