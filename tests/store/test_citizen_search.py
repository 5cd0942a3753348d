"""Citizen search on indexes: the same rows on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm), equal
to an independent filter in Python, and each kind of query served by an index (query plans)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import event, text

from desk.domain.names import pinyin_initials
from desk.store.citizen_search import CitizenQuery, SearchKind, search_citizens
from desk.store.database import Store
from desk.store.models import Citizen

PEOPLE = [
    ("210102195301150038", "李建国", "辽宁省沈阳市和平区南京南街12号3-1-2"),
    ("210103199805200048", "王𠮷", "辽宁省沈阳市沈河区青年大街100%号"),
    ("210104198001010011", "王建国", "辽宁省沈阳市大东区津桥路7号_1"),
    ("210104198001010029", "张丽", "辽宁省沈阳市大东区津桥路7号1-1"),
    ("210105200002020013", "张磊", "辽宁省沈阳市皇姑区黄河南大街8号"),
    ("210106197702030027", "张丽华", "辽宁省沈阳市铁西区兴华南街9号"),
    ("210112198511110015", "单伟", "辽宁省沈阳市浑南区创新路1号"),
    ("210114199912120026", "欧阳𬌗", "辽宁省沈阳市于洪区黄海路3号[A]*"),
    ("ABC123456789012", "约翰", "辽宁省沈阳市和平区中华路5号"),
]
QUERIES = ["2101", "210104198001010029", "21010419800101", "ZL", "zl", "Z", "W", "SW", "OYH", "张", "张丽", "王𠮷",
           "建国", "李建国", "津桥路", "7号_", "7号1", "100%", "100%号", "%号", "_1", "号[A]*", "ABC12", "沈阳市",
           "不存在的名字", "X", "'", '"和平"']


def expected(query: CitizenQuery) -> list[str]:
    """The same search as a plain filter and sort in Python (independent of the SQL)."""
    if query.kind is SearchKind.ID_PREFIX:
        rows = sorted((p for p in PEOPLE if p[0].startswith(query.text)), key=lambda p: p[0])
    elif query.kind is SearchKind.INITIALS:
        rows = sorted((p for p in PEOPLE if pinyin_initials(p[1]).startswith(query.text)),
                      key=lambda p: (pinyin_initials(p[1]), p[1].encode(), p[0]))
    elif query.kind is SearchKind.NAME_PREFIX:
        rows = sorted((p for p in PEOPLE if p[1].startswith(query.text)), key=lambda p: (p[1].encode(), p[0]))
    else:
        rows = sorted((p for p in PEOPLE if query.text in p[1] or query.text in p[2]),
                      key=lambda p: (p[1].encode(), p[0]))
    return [p[0] for p in rows]


@pytest.fixture
def store(database_url: str) -> Store:
    store = Store(database_url)
    now = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    with store.write() as session:
        for id_number, _name, _address in PEOPLE:  # inserted in id order, so id order == list order
            session.add(Citizen(id_number=id_number, name="临时", address="", updated_at=now))
        session.flush()
    with store.write() as session:  # an update must reach the search indexes too (SQLite triggers)
        for citizen, (_, name, address) in zip(session.query(Citizen).order_by(Citizen.id), PEOPLE, strict=True):
            citizen.name, citizen.address = name, address
    return store


@pytest.mark.parametrize("typed", QUERIES)
def test_search_matches_an_independent_filter_on_both_backends(store: Store, typed: str) -> None:
    query = CitizenQuery.parse(typed)
    assert query is not None
    with store.read() as session:
        found = [c.id_number for c in search_citizens(session, query, limit=50)]
    assert found == expected(query)
    store.dispose()


def test_kinds_of_query() -> None:
    assert CitizenQuery.parse("  ") is None
    assert CitizenQuery.parse("21010219530115003x") == CitizenQuery(SearchKind.ID_PREFIX, "21010219530115003X")
    assert CitizenQuery.parse("zl") == CitizenQuery(SearchKind.INITIALS, "ZL")
    assert CitizenQuery.parse("张丽") == CitizenQuery(SearchKind.NAME_PREFIX, "张丽")
    assert CitizenQuery.parse("李建国") == CitizenQuery(SearchKind.TEXT, "李建国")


def test_a_deleted_citizen_leaves_the_search(store: Store) -> None:
    with store.write() as session:
        session.execute(text("DELETE FROM citizens WHERE id_number = '210104198001010011'"))
    with store.read() as session:
        found = [c.id_number for c in search_citizens(session, CitizenQuery(SearchKind.TEXT, "津桥路"), 50)]
    assert found == ["210104198001010029"]
    store.dispose()


@pytest.mark.parametrize(("typed", "index"), [
    ("210104", "id_prefix"), ("ZL", "initials"), ("张", "name"), ("津桥路", "trgm")])
def test_each_kind_of_search_uses_an_index(store: Store, typed: str, index: str) -> None:
    query = CitizenQuery.parse(typed)
    assert query is not None
    sqlite = store.is_sqlite
    sent: list[tuple[str, Any]] = []

    def capture(_conn: object, _cursor: object, statement: str, parameters: Any, *_: object) -> None:
        sent.append((statement, parameters))

    with store.read() as session:
        if not sqlite:
            session.execute(text("SET LOCAL enable_seqscan = off"))  # a 9-row table would be scanned
        event.listen(store.engine, "before_cursor_execute", capture)
        try:
            search_citizens(session, query, limit=50)
        finally:
            event.remove(store.engine, "before_cursor_execute", capture)
        statement, parameters = sent[-1]
        explain = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
        plan = " ".join(str(row) for row in session.connection().exec_driver_sql(explain + statement, parameters))
    store.dispose()
    wanted = {
        ("id_prefix", True): "sqlite_autoindex_citizens_1", ("id_prefix", False): "ix_citizens_search_id_ordered",
        ("initials", True): "ix_citizens_name_initials", ("initials", False): "ix_citizens_search_initials_ordered",
        ("name", True): "ix_citizens_name", ("name", False): "ix_citizens_search_name_ordered",
        ("trgm", True): "citizens_search VIRTUAL TABLE INDEX", ("trgm", False): "ix_citizens_search_address_trgm",
    }[(index, sqlite)]
    assert wanted in plan, plan
    assert not re.search(r"SCAN citizens\b(?!_search)", plan) and "Seq Scan" not in plan, plan


def test_a_common_text_sorts_a_bounded_number_of_matches(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every address holds 沈阳市: the search stops after TEXT_CANDIDATES matches and shows those by name."""
    from desk.store import citizen_search

    monkeypatch.setattr(citizen_search, "TEXT_CANDIDATES", 3)
    query = CitizenQuery.parse("沈阳市")
    assert query is not None
    with store.read() as session:
        found = search_citizens(session, query, limit=50)
    store.dispose()
    assert len(found) == 3
    assert {c.id_number for c in found} <= set(expected(query))
    assert [c.name for c in found] == sorted((c.name for c in found), key=str.encode)


def test_a_whole_name_that_fills_the_page_is_read_from_the_name_index(store: Store) -> None:
    """Three or more characters that are the whole name of at least `limit` residents: those residents
    by id (the name's B-tree), not the trigram search that would gather every holder first. Fewer
    holders than the page: the text search as before (names and addresses holding the text)."""
    now = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    with store.write() as session:
        for number in ("210102195301150046", "210102195301150054", "210102195301150062"):
            session.add(Citizen(id_number=number, name="王宏伟", address="辽宁省沈阳市李建国街1号", updated_at=now))
    common, rare = CitizenQuery.parse("王宏伟"), CitizenQuery.parse("李建国")
    assert common is not None and rare is not None
    sent: list[str] = []

    def capture(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        sent.append(statement)

    with store.read() as session:
        event.listen(store.engine, "before_cursor_execute", capture)
        try:
            page = [c.id_number for c in search_citizens(session, common, limit=2)]
        finally:
            event.remove(store.engine, "before_cursor_execute", capture)
        whole = [c.id_number for c in search_citizens(session, common, limit=50)]
        text_hits = [c.id_number for c in search_citizens(session, rare, limit=50)]
    store.dispose()
    assert page == ["210102195301150046", "210102195301150054"]  # the first two by id
    [searched] = [statement for statement in sent if statement != "BEGIN"]  # SQLite's BEGIN is the store's
    assert "citizens_search" not in searched and "LIKE" not in searched  # no trigram search
    assert whole == ["210102195301150046", "210102195301150054", "210102195301150062"]
    # 李建国 is one resident's whole name and three addresses: fewer than the page, so the text search
    assert text_hits == ["210102195301150038", "210102195301150046", "210102195301150054", "210102195301150062"]
