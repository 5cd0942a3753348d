"""The support commands on a machine in city mode (`DESK_SERVER_URL`, no database URL): they sign in to
the real city server as an administrator and act through it; the audit names the administrator and
the OS user; a non-administrator is refused; `desk demo-data` refuses the city's real register."""

from __future__ import annotations

import getpass
import io
import sys
from pathlib import Path

import pytest
from city_server import PASSWORD, City
from sqlalchemy import select

from desk.cli import main
from desk.store.models import AuditEntry, Station, User

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def city_machine(demo_city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This machine's settings: the server and its CA only; the administrator's password in a file."""
    monkeypatch.setenv("DESK_SERVER_URL", demo_city.server.base_url.removesuffix("/api/v1"))
    monkeypatch.setenv("DESK_SERVER_CA", str(demo_city.server.tls.ca_cert))
    monkeypatch.setenv("DESK_DEVICE_ID", "it-laptop")
    password_file = tmp_path / "admin-password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    password_file.chmod(0o600)
    return password_file


def run(args: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None) -> int:
    assert monkeypatch is not None
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(args)


def admin_entries(city: City, action: str) -> list[AuditEntry]:
    with city.store.read() as session:
        return list(session.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars())


def test_station_and_user_commands_go_through_the_server_as_the_admin(
        city_machine: Path, demo_city: City, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    admin = ["--user", "cityadmin", "--password-file", str(city_machine)]
    assert run(["station", "add", "HP03", "沈阳市公安局和平分局新华派出所", "--branch", "沈阳市公安局和平分局",
                "--name-en", "Xinhua Police Station", *admin], monkeypatch=monkeypatch) == 0
    assert run(["user", "add", "zhou3", "--name", "周新华", "--role", "leader", "--station", "HP03", *admin],
               "Xinhua-Road-2026\n", monkeypatch) == 0
    with demo_city.store.read() as session:
        station = session.get(Station, "HP03")
        assert station is not None and station.name_en == "Xinhua Police Station"
        user = session.execute(select(User).where(User.username == "zhou3")).scalar_one()
        assert user.role == "leader" and user.station_code == "HP03"
    [added] = admin_entries(demo_city, "admin.user_added")
    assert added.actor == "cityadmin" and added.details["os_user"] == getpass.getuser()
    assert added.details["device"] == "it-laptop"
    assert run(["user", "list", *admin], monkeypatch=monkeypatch) == 0
    assert "zhou3" in capsys.readouterr().out

    assert run(["user", "deactivate", "zhou3", *admin], monkeypatch=monkeypatch) == 0
    [deactivated] = admin_entries(demo_city, "admin.user_deactivated")
    assert deactivated.actor == "cityadmin"
    with demo_city.store.read() as session:
        assert not session.execute(select(User.active).where(User.username == "zhou3")).scalar_one()

    assert run(["db", "upgrade", *admin], monkeypatch=monkeypatch) == 0
    assert "最新" in capsys.readouterr().out


def test_only_an_administrator_runs_the_support_commands(city_machine: Path, demo_city: City,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    # The branch's user signs in fine (same password as the file) but is no administrator.
    assert run(["station", "add", "HP09", "某派出所", "--user", "branch", "--password-file", str(city_machine)],
               monkeypatch=monkeypatch) == 1
    assert "须由系统管理员登录" in capsys.readouterr().err
    with demo_city.store.read() as session:
        assert session.get(Station, "HP09") is None


def test_demo_data_refuses_the_citys_register(city_machine: Path, demo_city: City,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    # The demo city holds residents but no demo flag: to the guard it is a real register.
    code = run(["demo-data", "--residents", "5", "--cases", "0", "--user", "cityadmin", "--password-file",
                str(city_machine)], monkeypatch=monkeypatch)
    assert code == 1
    err = capsys.readouterr().err
    assert "不是演示数据库" in err and "not a demo database" in err


def test_without_a_password_file_or_a_terminal_the_admin_is_told_how(
        city_machine: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["user", "list", "--user", "cityadmin"], monkeypatch=monkeypatch) == 1
    assert "--password-file" in capsys.readouterr().err


def test_station_add_through_the_server_updates_an_existing_station(
        city_machine: Path, demo_city: City, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    admin = ["--user", "cityadmin", "--password-file", str(city_machine)]
    assert run(["station", "add", "HP02", "沈阳市公安局和平分局南市场派出所", "--phone", "024-22345678", *admin],
               monkeypatch=monkeypatch) == 0
    assert "已更新" in capsys.readouterr().out
    with demo_city.store.read() as session:
        station = session.get(Station, "HP02")
        assert station is not None and station.phone == "024-22345678"
        assert station.branch_name == "沈阳市公安局和平分局"  # not given: kept
    [updated] = admin_entries(demo_city, "admin.station_updated")
    assert updated.actor == "cityadmin"
