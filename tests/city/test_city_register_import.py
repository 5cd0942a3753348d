"""`desk register import` in city mode: the file is read on this machine and its rows go through the
real city server (`POST /admin/register/batch`), which checks them again; an administrator loads for
any station, a manager for their own only, a clerk not at all; the audit names who and the file."""

from __future__ import annotations

import getpass
import io
import sys
from pathlib import Path

import pytest
from city_server import PASSWORD, City
from desk_fixtures import make_id
from sqlalchemy import select

from desk.cli import main
from desk.services import audit
from desk.services.demo import DEMO_PASSWORD
from desk.settings import load_settings
from desk.store.models import AuditEntry, Citizen

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

HEADER = "公民身份号码,姓名,户主姓名,与户主关系,登记日期,住址\n"
HEAD = make_id("21010219600202001")
DAUGHTER = make_id("21010219920303002")


@pytest.fixture
def machine(demo_city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESK_SERVER_URL", demo_city.server.base_url.removesuffix("/api/v1"))
    monkeypatch.setenv("DESK_SERVER_CA", str(demo_city.server.tls.ca_cert))
    monkeypatch.setenv("DESK_DEVICE_ID", "it-laptop")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    return tmp_path


def _password(folder: Path, password: str) -> str:
    path = folder / f"password-{len(password)}"
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return str(path)


def _citizen(city: City, id_number: str) -> Citizen | None:
    with city.store.read() as session:
        return session.execute(select(Citizen).where(Citizen.id_number == id_number)).scalar_one_or_none()


def test_an_administrator_loads_a_stations_register_through_the_server(
        machine: Path, demo_city: City, capsys: pytest.CaptureFixture[str]) -> None:
    with demo_city.store.read() as session:
        resident = session.execute(select(Citizen).order_by(Citizen.id)).scalars().first()
    assert resident is not None
    path = machine / "hp02.csv"
    path.write_bytes((HEADER + f"{HEAD},赵䶮,赵䶮,户主,1985-06-01,辽宁省沈阳市和平区南市场街2号\n"
                      f"{DAUGHTER},赵𠮷,赵䶮,女,1992-03-10,辽宁省沈阳市和平区南市场街2号\n"
                      f"{resident.id_number},{resident.name}x,赵䶮,女,1992-03-10,\n").encode("gb18030"))
    admin = ["--user", "cityadmin", "--password-file", _password(machine, PASSWORD)]
    assert main(["register", "import", str(path), "--station", "HP02", "--dry-run", *admin]) == 1
    assert _citizen(demo_city, HEAD) is None
    assert main(["register", "import", str(path), "--station", "HP02", *admin]) == 1  # one bad row
    out = capsys.readouterr().out
    assert "第 4 行［姓名］" in out and "3 rows: 2 loaded (2 new" in out
    # the name check on the server: 'x' is no name character, so the row never left this machine
    daughter = _citizen(demo_city, DAUGHTER)
    assert daughter is not None and (daughter.name, daughter.household_head, daughter.relationship_to_head) == \
        ("赵𠮷", "赵䶮", "女")
    with demo_city.store.read() as session:
        [entry] = session.execute(select(AuditEntry).where(AuditEntry.action == "register.imported")).scalars()
        assert (entry.actor, entry.chain, entry.details["station"]) == ("cityadmin", "HP02", "HP02")
        assert entry.details["os_user"] == getpass.getuser() and entry.details["created"] == 2
        assert audit.verify(session).ok
    assert main(["register", "import", str(path), "--station", "HP02", *admin]) == 1
    assert "(0 new, 0 updated, 2 unchanged)" in capsys.readouterr().out


def test_the_server_checks_the_rows_again_and_the_name_against_the_register(
        machine: Path, demo_city: City) -> None:
    from desk.remote.connection import Connection

    with demo_city.store.read() as session:
        resident = session.execute(select(Citizen).order_by(Citizen.id.desc())).scalars().first()
    assert resident is not None
    wrong = "0" if resident.id_number[-1] != "0" else "1"  # a check character that does not add up
    connection = Connection.from_settings(load_settings())
    assert connection is not None
    connection.sign_in("cityadmin", PASSWORD)
    cells = {"id_number": resident.id_number, "name": "张三", "household_head": "张三",
             "relationship_to_head": "户主", "registered_on": "2000-01-01"}
    answer = connection.call("POST", "/admin/register/batch", {
        "file_name": "forged.csv", "sha256": "0" * 64, "batch": 1, "columns": {"name": "姓名"},
        "rows": [{"line": 2, "cells": cells},
                 {"line": 3, "cells": {**cells, "id_number": resident.id_number[:-1] + wrong}},
                 {"line": 4, "cells": {**cells, "relationship_to_head": "表叔"}}]})
    problems = {(p["line"], p["key"]) for p in answer["problems"]}
    assert problems == {(2, "register.name_mismatch"), (3, "id.checksum_18"), (4, "register.unknown_relationship")}
    assert answer["created"] == answer["updated"] == 0
    connection.sign_out()


def test_a_manager_loads_their_own_station_only_and_a_clerk_not_at_all(
        machine: Path, demo_city: City, capsys: pytest.CaptureFixture[str]) -> None:
    son = make_id("21010220000505003")
    path = machine / "hp01.csv"
    path.write_text(HEADER + f"{son},钱多,钱多,户主,2018-01-01,\n", encoding="utf-8")
    manager = ["--user", "manager", "--password-file", _password(machine, DEMO_PASSWORD)]
    assert main(["register", "import", str(path), "--station", "HP02", *manager]) == 1
    assert "只能导入本所（HP01）的户籍信息" in capsys.readouterr().err
    assert _citizen(demo_city, son) is None
    assert main(["register", "import", str(path), *manager]) == 0
    citizen = _citizen(demo_city, son)
    assert citizen is not None and citizen.household_head == "钱多"
    clerk = ["--user", "clerk", "--password-file", _password(machine, DEMO_PASSWORD)]
    assert main(["register", "import", str(path), *clerk]) == 1
    assert "须由系统管理员或所长登录" in capsys.readouterr().err
