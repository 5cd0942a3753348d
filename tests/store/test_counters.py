"""Case numbers, queue tickets and document serials come from per-station, per-day counters: two desks of
one station never draw the same number, and a transaction rolled back gives its number back (on both
backends: PostgreSQL's row lock held to the end of the transaction, SQLite's write lock)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from desk_fixtures import Desk

from desk.store.repositories.counters import CounterRepository

DAY = date(2026, 3, 2)


def test_a_second_desk_of_the_station_waits_for_the_first_and_draws_the_next_number(desk: Desk) -> None:
    store = desk.core.store
    drawn: list[int] = []

    def another_desk() -> None:
        with store.write() as session:
            drawn.append(CounterRepository(session).next("HP01", DAY, "case"))

    with store.write() as session:
        first = CounterRepository(session).next("HP01", DAY, "case")
        other = threading.Thread(target=another_desk)
        other.start()
        other.join(timeout=0.5)
        assert other.is_alive() and not drawn  # held back until this transaction ends
    other.join(timeout=30)
    assert first == 1 and drawn == [2]


def test_a_number_drawn_in_a_transaction_rolled_back_is_drawn_again(desk: Desk) -> None:
    store = desk.core.store
    with store.write() as session:
        assert CounterRepository(session).next("HP01", DAY, "ticket") == 1
    with pytest.raises(RuntimeError), store.write() as session:
        assert CounterRepository(session).next("HP01", DAY, "ticket") == 2
        raise RuntimeError("the case was not saved")
    with store.write() as session:
        counters = CounterRepository(session)
        assert counters.next("HP01", DAY, "ticket") == 2
        assert counters.next("HP01", DAY, "case") == 1  # each kind, station and day counts apart
        assert counters.next("HP01", date(2026, 3, 3), "ticket") == 1
