"""Dates typed the usual ways are read; what cannot be read is said, never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from desk.domain.typed_dates import UnreadableDate, finish_typed_date, read_typed_date


@pytest.mark.parametrize("text", ["2026-11-28", "2026.11.28", "2026/11/28", "2026年11月28日", "2026 11 28",
                                  "20261128"])
def test_the_usual_ways(text: str) -> None:
    assert read_typed_date(text) == date(2026, 11, 28)


@pytest.mark.parametrize("text", ["2", "2026", "2026-", "2026-1", "2026-11", "2026-11-", "2026-11-2", "202611"])
def test_incomplete_text_waits(text: str) -> None:
    assert read_typed_date(text) is None


def test_one_digit_month_and_day() -> None:
    assert read_typed_date("2026-1-5") == date(2026, 1, 5)  # 5 cannot grow into a two-digit day
    assert read_typed_date("2026-1-05") == date(2026, 1, 5)
    assert finish_typed_date("2026-11-2") == date(2026, 11, 2)
    assert finish_typed_date("") is None


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "20261345", "2026-11-28-3", "abc", "26-11-28",
                                  "202611281"])
def test_what_cannot_be_a_date_is_unreadable(text: str) -> None:
    with pytest.raises(UnreadableDate, match="无法识别"):
        read_typed_date(text)


def test_leaving_incomplete_text_is_unreadable() -> None:
    with pytest.raises(UnreadableDate):
        finish_typed_date("2026-11")
