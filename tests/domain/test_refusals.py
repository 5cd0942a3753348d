"""resources/refusals.toml: the procedural grounds and the deciding organs, checked at load with the
file and the key named; the organ, 复议 body and court follow the level that decided."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from desk.domain.catalog import Approval
from desk.domain.refusals import RefusalRules, RefusalRulesError, StationNames

SHIPPED = Path(__file__).parents[2] / "resources" / "refusals.toml"
STATION = StationNames("沈阳市公安局和平分局太原街派出所", "沈阳市公安局和平分局", "沈阳市和平区人民政府",
                       "沈阳市和平区人民法院")


def test_every_shipped_ground_cites_an_article() -> None:
    rules = RefusalRules.load(SHIPPED)
    assert {g.key for g in rules.grounds} >= {"outside_jurisdiction", "materials_not_supplemented",
                                             "not_registration_matter"}
    assert all(g.basis_zh.startswith("《中华人民共和国行政许可法》") for g in rules.grounds)


@pytest.mark.parametrize("approval, organ, body, court", [
    (Approval.CLERK, "沈阳市公安局和平分局太原街派出所", "沈阳市和平区人民政府", "沈阳市和平区人民法院"),
    (Approval.LEADER, "沈阳市公安局和平分局太原街派出所", "沈阳市和平区人民政府", "沈阳市和平区人民法院"),
    (Approval.BRANCH, "沈阳市公安局和平分局", "沈阳市和平区人民政府", "沈阳市和平区人民法院"),
    (Approval.CITY, "沈阳市公安局", "沈阳市人民政府", "沈阳市公安局所在地有管辖权的人民法院"),
])
def test_the_deciding_body_follows_the_level(approval: Approval, organ: str, body: str, court: str) -> None:
    decided = RefusalRules.load(SHIPPED).deciding_body(approval, STATION)
    assert (decided.organ_zh, decided.reconsideration_body_zh, decided.court_zh) == (organ, body, court)
    assert decided.above_station is (approval in (Approval.BRANCH, Approval.CITY))


def test_a_station_without_settings_still_names_a_body() -> None:
    decided = RefusalRules.load(SHIPPED).deciding_body(Approval.CLERK, StationNames("某派出所", "某分局"))
    assert decided.reconsideration_body_zh == "某分局所在地的区（县）人民政府"


@pytest.mark.parametrize("change, words", [
    (lambda d: d["grounds"][0].pop("basis_zh"), "grounds[0]"),
    (lambda d: d["grounds"][1].update(key=d["grounds"][0]["key"]), "grounds[1].key: duplicate"),
    (lambda d: d["grounds"][0].update(basis_zh="第三十二条"), "grounds[0].basis_zh"),
    (lambda d: d["levels"].pop("city"), "levels.city"),
    (lambda d: d["levels"]["branch"].update(organ_zh="{bureau}"), "levels.branch.organ_zh: unknown placeholder"),
    (lambda d: d.update(extra=1), "unknown key 'extra'"),
])
def test_a_broken_file_is_refused_naming_file_and_key(change, words: str) -> None:
    data = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(RefusalRulesError) as caught:
        RefusalRules.from_data(data, "refusals.toml")
    assert "refusals.toml" in caught.value.message_en and words in caught.value.message_en
