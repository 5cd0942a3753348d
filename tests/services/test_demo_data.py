"""Demo data generation: residents' card facts are valid whatever day the random draw lands on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desk.domain.catalog_loader import load_catalog
from desk.domain.workdays import WorkingCalendar
from desk.services.demo import DemoBuilder, years_later
from desk.store.database import Store

CATALOG = Path(__file__).parent / "catalog"


def test_years_later_keeps_the_day_and_maps_29_february_to_28() -> None:
    assert years_later(date(2023, 5, 17), 10) == date(2033, 5, 17)
    assert years_later(date(2024, 2, 29), 20) == date(2044, 2, 29)  # a leap year again
    assert years_later(date(2024, 2, 29), 10) == date(2034, 2, 28)


def test_a_card_issued_on_29_february_makes_a_resident(tmp_path: Path) -> None:
    # Seed 1 drew a 29 February issue date and crashed the whole demo load (issue #19).
    store = Store(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    builder = DemoBuilder(store, load_catalog(CATALOG), WorkingCalendar(), seed=1, today=date(2026, 12, 4))
    leap_issued = []
    for _ in range(30_000):
        facts = builder.resident()
        assert facts.valid_from is not None
        if facts.valid_from.month == 2 and facts.valid_from.day == 29 and facts.valid_to is not None:
            leap_issued.append(facts)
            if len(leap_issued) >= 2:
                break
    assert leap_issued, "the draw never landed on 29 February; pick a longer run"
    for facts in leap_issued:
        assert facts.valid_to is not None and facts.valid_from is not None
        assert (facts.valid_to.month, facts.valid_to.day) in ((2, 28), (2, 29))
        assert facts.valid_to.year - facts.valid_from.year in (10, 20)
    store.dispose()
