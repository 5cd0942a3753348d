"""A station may carry an English name (0015_station_name_en): the kiosk's English header says it."""

from __future__ import annotations

from desk_fixtures import Desk

from desk.services.demo import DEMO_STATION, DEMO_STATION_EN
from desk.store.repositories.stations import StationRepository


def test_the_station_facts_carry_the_english_name(desk: Desk) -> None:
    assert desk.core.documents.station_info().name_en == ""  # registered without one
    desk.core.users.save_station(DEMO_STATION[0], DEMO_STATION[1], name_en=DEMO_STATION_EN)
    station = desk.core.documents.station_info()
    assert station.code == DEMO_STATION[0] and station.name_en == DEMO_STATION_EN


def test_the_english_name_is_given_later_and_kept_when_not_given(desk: Desk) -> None:
    users = desk.core.users
    users.ensure_station("HP07", "沈阳市公安局和平分局南市场派出所", "沈阳市公安局和平分局")
    users.save_station("HP07", "沈阳市公安局和平分局南市场派出所", name_en="  Nanshichang Police Station ")
    users.save_station("HP07", "沈阳市公安局和平分局南市场派出所", phone="024-1")  # name_en not given: kept
    with desk.core.store.read() as session:
        station = StationRepository(session).get("HP07")
        assert station is not None and station.name_en == "Nanshichang Police Station" and station.phone == "024-1"
