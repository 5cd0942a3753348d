"""The bulk demo city's cases fall in their tiers as an accepted case does: each case's approval level
and time limit are those its stored values resolve to, and the acceptance entry records the tier."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest
from sqlalchemy import select

from desk.domain.catalog import BASE_TIER
from desk.domain.workdays import WorkingCalendar
from desk.services.bulk_demo import build_city, tier_values
from desk.services.demo import build_demo
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.store.models import Case, CaseEvent

TODAY = date(2026, 3, 11)


@pytest.fixture
def city(database_url: str) -> Store:
    store = Store(database_url)
    catalog, calendar = shipped_catalog(), WorkingCalendar()
    build_demo(store, catalog, calendar, residents=0, cases=0, seed=7, today=TODAY)
    build_city(store, catalog, calendar, residents=600, cases=900, stations=4, days=60, seed=7, today=TODAY)
    return store


def test_every_demo_case_has_the_tier_its_values_resolve_to(city: Store) -> None:
    catalog = shipped_catalog()
    tiers_seen: set[str] = set()
    with city.read() as session:
        accepts = {event.case_id: json.loads(event.details) if isinstance(event.details, str) else event.details
                   for event in session.execute(select(CaseEvent).where(CaseEvent.action == "accept")).scalars()}
        cases = list(session.execute(select(Case).where(Case.station_code != "")).unique().scalars())
        for case in cases:
            if case.accepted_on is None:
                continue
            transaction = catalog[case.transaction_code]
            tier = transaction.resolve_tier(case.form_values, today=case.accepted_on)
            assert (case.approval, case.time_limit_days) == (str(tier.approval), tier.time_limit_days), case.number
            if case.id in accepts:  # the bulk cases (the small demo's own cases are made through the services)
                assert accepts[case.id]["tier"] == tier.key
            tiers_seen.add(f"{case.transaction_code}:{tier.key}")
    above_base = {seen for seen in tiers_seen if not seen.endswith(f":{BASE_TIER}")}
    assert above_base, "no demo case fell in a tier other than its transaction's base"
    assert any(seen.endswith(f":{BASE_TIER}") for seen in tiers_seen)


def test_the_values_drawn_name_only_fields_the_tiers_ask_about() -> None:
    catalog = shipped_catalog()
    rng = random.Random(3)
    birth = catalog["birth_registration"]
    drawn = [tier_values(birth, rng, TODAY) for _ in range(200)]
    asked = {name for tier in birth.tiers for name in tier.when.names}
    assert all(set(values) <= asked for values in drawn)
    assert {birth.resolve_tier(values, today=TODAY).key for values in drawn} >= {BASE_TIER, "over_five", "rural"}
    assert tier_values(catalog["household_certificate"], rng, TODAY) == {}
