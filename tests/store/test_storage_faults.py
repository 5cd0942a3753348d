"""Storage faults become the application's own messages, and nothing stored is lost:
a full disk (SQLite's own SQLITE_FULL, through max_page_count), a corrupt or truncated database file,
a mysql:// URL, NaN in stored JSON, a stale version (also raised from an autoflush)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from desk_fixtures import OLD_MAN, YOUNG_WOMAN, Desk, make_id
from sqlalchemy import event, func, select

from desk.domain.errors import ConcurrentChange, InvalidInput
from desk.domain.workflow import Role
from desk.services.citizens import CardFacts
from desk.store.database import DiskFull, Store, StoreCorrupt, StoreError
from desk.store.models import AuditEntry, Case, Citizen


def _fill_the_disk(store: Store) -> None:
    """From now on the database may not grow: SQLite answers SQLITE_FULL ("database or disk is full")."""
    with store.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count={pages}")
        cursor.close()

    store.engine.dispose()  # every new connection gets the cap


def _number(serial: int) -> str:
    birth = date(1950, 1, 1) + timedelta(days=serial)
    return make_id(f"210102{birth:%Y%m%d}{serial % 1000:03d}")


@pytest.fixture
def sqlite_desk(sqlite_url: str) -> Desk:
    from desk_fixtures import CATALOG, START

    from desk.core import Core
    from desk.domain.catalog_loader import load_catalog
    from desk.domain.clock import FixedClock
    from desk.domain.workdays import WorkingCalendar
    from desk.domain.workflow import Actor
    from desk.settings import Settings

    clock = FixedClock(START)
    core = Core(Store(sqlite_url), load_catalog(CATALOG), WorkingCalendar(), clock, Settings(station_code="HP01"))
    core.users.ensure_station("HP01", "太原街派出所", "和平分局")
    clerk = Actor(core.users.create_user("clerk", "张丽", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "张丽")
    core.citizens.register_card(clerk, CardFacts(OLD_MAN, "李建国", "male", "汉", date(1953, 1, 15)))
    return Desk(core, clock, clerk, clerk, clerk, clerk, clerk)


def test_a_full_disk_is_said_plainly_and_loses_nothing(sqlite_desk: Desk) -> None:
    store = sqlite_desk.core.store
    big = "沈阳市和平区" + "长" * 190
    _fill_the_disk(store)
    with pytest.raises(DiskFull) as caught:
        for i in range(200):  # until the capped file is full
            sqlite_desk.core.citizens.register_card(
                sqlite_desk.clerk, CardFacts(make_id(f"2101021985031{i:04d}"), "张伟", address=big))
    assert "磁盘空间已满" in caught.value.message_zh and caught.value.code == "store_disk_full"
    # What was committed before is all there, and readable.
    with store.read() as session:
        assert session.execute(select(Citizen.name).where(Citizen.id_number == OLD_MAN)).scalar_one() == "李建国"


def test_sign_in_still_works_on_a_full_disk_but_nothing_unaudited_is_shown(sqlite_desk: Desk) -> None:
    store = sqlite_desk.core.store
    with store.read() as session:
        audits_before = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    _fill_the_disk(store)
    # Fill the last free pages (big rows, then small ones) so that even a sign-in's audit entry cannot be written.
    serial = 0
    for address in ("长" * 200, "长" * 20, ""):
        with pytest.raises(DiskFull):
            for _ in range(500):
                serial += 1
                sqlite_desk.core.citizens.register_card(
                    sqlite_desk.clerk, CardFacts(_number(serial), "张伟", address=address))
    for _ in range(50):  # the sign-ins themselves use up what space is left
        signed = sqlite_desk.core.users.sign_in("clerk", "secret-pass")
        if signed.audit_missing:
            break
    assert signed.actor.role is Role.CLERK and signed.audit_missing
    with pytest.raises(DiskFull):  # a wrong password on a full disk is not let through either
        sqlite_desk.core.users.sign_in("clerk", "wrong")
    with pytest.raises(DiskFull):  # looking at a citizen is audited: refused while the audit cannot be written
        sqlite_desk.core.citizens.view(signed.actor, OLD_MAN)
    with store.read() as session:
        assert session.execute(select(func.count()).select_from(AuditEntry)).scalar_one() >= audits_before


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(b"this is a letter, not a database\n" * 200)
    with pytest.raises(StoreCorrupt) as caught:
        Store(f"sqlite:///{path}")
    assert "数据库文件已损坏" in caught.value.message_zh and "切勿删除" in caught.value.message_zh
    assert path.read_bytes().startswith(b"this is a letter")  # left exactly as it was


def test_a_truncated_database_file(tmp_path: Path, sqlite_url: str) -> None:
    store = Store(sqlite_url)
    store.dispose()
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(StoreCorrupt):
        Store(sqlite_url)


@pytest.mark.parametrize("url", ["mysql://user:pw@localhost/desk", "mysql+pymysql://u@h/d", "oracle://x",
                                 "nonsense"])
def test_an_unsupported_database_url(url: str) -> None:
    with pytest.raises(StoreError) as caught:
        Store(url)
    assert caught.value.code == "store_unsupported_url"
    assert "只支持 SQLite" in caught.value.message_zh
    assert "pw" not in caught.value.message_zh  # the password is not shown


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_non_finite_form_numbers_are_refused_and_nothing_is_stored(desk: Desk, bad: float) -> None:
    with desk.core.store.read() as session:
        cases_before = session.execute(select(func.count()).select_from(Case)).scalar_one()
    with pytest.raises(InvalidInput) as caught:
        desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True, "count": bad})
    assert caught.value.code == "store_not_finite" and "未保存" in caught.value.message_zh
    with desk.core.store.read() as session:
        assert session.execute(select(func.count()).select_from(Case)).scalar_one() == cases_before


def test_a_non_finite_number_fails_the_form_check() -> None:
    from desk.shipped import shipped_catalog

    catalog = shipped_catalog()
    spec = next(f for f in catalog["deregistration_certificate"].fields if f.key == "copies")
    for bad in (float("nan"), float("inf"), float("-inf")):
        problem = spec.check_value(bad)
        assert problem is not None and "有效的数字" in problem.message_zh


def test_a_stale_version_from_an_autoflush_is_a_conflict_not_a_raw_error(desk: Desk) -> None:
    """Two desks save the same draft; the loser's change reaches the database in an autoflush."""
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True})
    store = desk.core.store
    with pytest.raises(ConcurrentChange) as caught, store.write() as session:
        case = session.execute(select(Case).where(Case.number == draft.number)).scalar_one()
        case.form_values = {"lost": False}
        if store.is_sqlite:
            # SQLite lets one writer at a time: the other desk's commit is made on our connection.
            session.connection().exec_driver_sql(
                "UPDATE cases SET version = version + 1 WHERE number = ?", (draft.number,))
        else:  # PostgreSQL: another desk saves the same case in its own committed transaction
            desk.core.cases.save_draft(desk.clerk2, draft.number, {"lost": True, "by": "other"}, draft.version)
        session.execute(select(Citizen).where(Citizen.id_number == YOUNG_WOMAN))  # the autoflush meets the stale row
    assert caught.value.code == "store_concurrent_change"
    assert "已被其他人修改" in caught.value.message_zh
    assert desk.core.queries.get(draft.number).form_values != {"lost": False}
