"""One check before identity data is stored (card, form, kiosk), the database's CHECKs behind it,
the kiosk that never overwrites, and the two desks that register one citizen at once."""

from __future__ import annotations

import contextlib
import threading
from dataclasses import replace
from datetime import date

import pytest
from desk_fixtures import OLD_MAN, YOUNG_WOMAN, Desk, make_id
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from desk.domain.identity import InvalidIdentity, check_name, check_person
from desk.services.citizens import CardFacts
from desk.store.models import AuditEntry, Citizen

NEW = make_id("21010219850312123")  # a valid number nobody has registered
GOOD = CardFacts(NEW, "张伟", "male", "汉", date(1985, 3, 12), "辽宁省沈阳市和平区太原街1号")


def _count(desk: Desk) -> int:
    with desk.core.store.read() as session:
        return session.execute(select(func.count()).select_from(Citizen)).scalar_one()


@pytest.mark.parametrize(("facts", "code", "words"), [
    (replace(GOOD, name="张" * 10_000), "identity_too_long", "姓名过长"),
    (replace(GOOD, name="张\x00伟"), "identity_control_character", "控制字符"),
    (replace(GOOD, name="张\u202e伟"), "identity_control_character", "U+202E"),
    (replace(GOOD, name="张\u200b伟"), "identity_control_character", "U+200B"),
    (replace(GOOD, name="张伟<script>"), "identity_name_character", "只允许汉字"),
    (replace(GOOD, name="张\ufffd伟"), "identity_control_character", "U+FFFD"),
    (replace(GOOD, name="  "), "identity_missing", "请填写姓名"),
    (replace(GOOD, id_number="1" * 200), "identity_id_number", "过长"),
    (replace(GOOD, id_number=NEW[:17] + ("0" if NEW[17] != "0" else "1")), "identity_id_number", "校验码错误"),
    (replace(GOOD, birth_date=date(1985, 3, 13)), "identity_date", "出生日期与证件号码不一致"),
    (replace(GOOD, sex="female"), "identity_sex", "性别与证件号码不一致"),
    (replace(GOOD, sex="robot"), "identity_sex", "性别"),
    (replace(GOOD, valid_from=date(2020, 1, 1), valid_to=date(2019, 1, 1)), "identity_date", "有效期"),
    (replace(GOOD, valid_from=date(2999, 1, 1)), "identity_date", "不可能"),
    (replace(GOOD, address="沈阳" * 101), "identity_too_long", "住址过长"),
    (replace(GOOD, address="沈阳\u2066市"), "identity_control_character", "住址"),
    (replace(GOOD, phone="138\u202e0000"), "identity_control_character", "电话"),
    (replace(GOOD, phone="call me"), "identity_phone", "电话号码"),
])
def test_junk_is_refused_with_a_clear_message_and_nothing_is_stored(
        desk: Desk, facts: CardFacts, code: str, words: str) -> None:
    before = _count(desk)
    for source in ("card", "typed", "kiosk_card"):
        with pytest.raises(InvalidIdentity) as caught:
            desk.core.citizens.register_card(desk.clerk if source != "kiosk_card" else None, facts, source=source)
        assert caught.value.code == code
        assert words in caught.value.message_zh
        assert caught.value.message_en
    assert _count(desk) == before


@pytest.mark.parametrize("name", [
    "王𠮷",  # Extension B
    "李\U0002A700",  # Extension C
    "陈\U0002B740",  # Extension D
    "赵\U0002B820",  # Extension E
    "周\U0002CEB0",  # Extension F
    "吴\U00030000",  # Extension G
    "郑\U00031350",  # Extension H (unknown to Python 3.11's unicodedata)
    "冯\U0002EBF0",  # Extension I (GB 18030-2022 register characters)
    "阿依古丽·买买提",  # minority name with the middle dot
    "John Smith-O'Neil",
    "张\ue000",  # a private-use code point as police systems use for rare characters
])
def test_rare_and_minority_names_are_stored_exactly(desk: Desk, name: str) -> None:
    view = desk.core.citizens.register_card(desk.clerk, replace(GOOD, name=name))
    assert view.name == name
    assert desk.core.citizens.view(desk.clerk, NEW).name == name  # read back, not normalised


def test_names_are_never_normalised() -> None:
    compatibility = "\uf900"  # 豈 compatibility ideograph: NFC would turn it into U+8C48
    assert check_name("李" + compatibility) == "李" + compatibility


def test_check_person_normalises_only_the_id_number() -> None:
    facts = check_person(id_number=" " + NEW.lower() + " ", name="张伟", today=date(2026, 3, 2))
    assert facts.id_number == NEW


def test_the_database_refuses_junk_that_skips_the_service(desk: Desk) -> None:
    """The CHECK constraints behind the service (SQLite and PostgreSQL alike)."""
    bad_rows = [
        {"id_number": "1" * 12, "name": "张伟"},
        {"id_number": NEW.lower()[:17] + "x", "name": "张伟"},
        {"id_number": NEW, "name": ""},
        {"id_number": NEW, "name": "张" * 61},
        {"id_number": NEW, "name": "张伟", "sex": "robot"},
        {"id_number": NEW, "name": "张伟", "valid_from": date(2020, 1, 1), "valid_to": date(2019, 1, 1)},
        {"id_number": NEW, "name": "张伟", "birth_date": date(1000, 1, 1)},
    ]
    for row in bad_rows:
        with pytest.raises((IntegrityError, DataError)), desk.core.store.write() as session:
            session.add(Citizen(updated_at=desk.clock.now(), **row))
    assert _count(desk) == 2


def test_a_kiosk_read_never_overwrites_the_stored_facts(desk: Desk) -> None:
    stored = desk.core.citizens.view(desk.clerk, YOUNG_WOMAN)
    kiosk = CardFacts(YOUNG_WOMAN, "王吉", "female", "汉", date(1998, 5, 20), "辽宁省沈阳市皇姑区")
    view = desk.core.citizens.register_card(None, kiosk, source="kiosk_card")
    assert (view.name, view.address) == (stored.name, stored.address)
    assert view.card_difference == {"name": "王吉", "address": "辽宁省沈阳市皇姑区"}
    with desk.core.store.read() as session:
        entry = session.execute(select(AuditEntry).where(AuditEntry.action == "citizen.kiosk_card_read")
                                .order_by(AuditEntry.seq.desc())).scalars().first()
        assert entry is not None and entry.details["difference"] == ["address", "name"]
    # The desk reads the card itself: now the card is the authority, and the flag is cleared.
    desk_view = desk.core.citizens.register_card(desk.clerk, kiosk)
    assert desk_view.name == "王吉" and desk_view.card_difference is None


def test_a_kiosk_read_of_a_new_citizen_registers_them(desk: Desk) -> None:
    view = desk.core.citizens.register_card(None, GOOD, source="kiosk_card")
    assert view.name == "张伟" and view.card_difference is None


def test_two_desks_registering_the_same_new_citizen_both_succeed(desk: Desk) -> None:
    """The insert race's loser is retried as an update (the upsert): no IntegrityError, one record."""
    service = desk.core.citizens
    barrier = threading.Barrier(2)
    original = service._register
    errors: list[BaseException] = []
    results = []
    calls: list[int] = []

    def both_looked_up(session: Session, _context: object, _instances: object) -> None:
        # Both desks have looked the citizen up and found nobody; now both insert.
        if any(isinstance(obj, Citizen) for obj in session.new):
            with contextlib.suppress(threading.BrokenBarrierError):  # SQLite: the other desk waits at BEGIN
                barrier.wait(timeout=1)

    def counting_register(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    service._register = counting_register  # type: ignore[method-assign]

    def desk_registers(name: str) -> None:
        try:
            results.append(service.register_card(desk.clerk, replace(GOOD, address=name)))
        except BaseException as exc:  # recorded and asserted below
            errors.append(exc)

    event.listen(Session, "before_flush", both_looked_up)
    try:
        threads = [threading.Thread(target=desk_registers, args=(f"地址{i}",)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        event.remove(Session, "before_flush", both_looked_up)
    assert errors == [] and len(results) == 2
    # PostgreSQL: both looked up before either inserted, the loser's insert failed on the unique index
    # and was retried as an update (3 calls). SQLite's BEGIN IMMEDIATE serialises the desks (2 calls).
    assert len(calls) == (2 if desk.core.store.is_sqlite else 3)
    with desk.core.store.read() as session:
        assert session.execute(select(func.count()).select_from(Citizen)
                               .where(Citizen.id_number == NEW)).scalar_one() == 1


def test_register_facts_are_checked_too(desk: Desk) -> None:
    with pytest.raises(InvalidIdentity) as caught:
        desk.core.citizens.set_register_facts(desk.clerk, OLD_MAN, household_head="李\u202e建国",
                                              relationship_to_head="本人", registered_on=None)
    assert "户主姓名" in caught.value.message_zh
    assert desk.core.citizens.view(desk.clerk, OLD_MAN).household_head == ""


def test_the_migration_refuses_to_run_over_junk_and_changes_nothing(tmp_path: object) -> None:
    from pathlib import Path

    from alembic import command

    from desk.store.database import Store
    from desk.store.migrate import alembic_config, current_revision

    url = f"sqlite:///{Path(str(tmp_path)) / 'old.sqlite3'}"
    store = Store(url, upgrade=False)
    config = alembic_config(store)
    command.upgrade(config, "0003")
    with store.engine.begin() as connection:
        connection.execute(text("INSERT INTO citizens (id_number, name, sex, nation, address, issuing_authority,"
                                " card_type, phone, household_head, relationship_to_head, former_names, updated_at)"
                                " VALUES ('123', '张伟', '', '', '', '', 'resident', '', '', '', '', '2026-01-01')"))
    with pytest.raises(RuntimeError, match="1 citizen record"):
        command.upgrade(config, "0006")
    assert "0006" not in (current_revision(store) or "")
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM citizens WHERE id_number = '123'")).scalar_one() == "张伟"
    store.dispose()
