"""`desk report month --city [--branch NAME] [--month YYYY-MM] [--json]` on a small bulk city: the JSON is
the service's report, the text names every branch and station, bad input is told with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.cli import main
from desk.core import build_core
from desk.services.city_reports import CityReportService, parse_month

CITY = ["demo-data", "--residents", "1200", "--stations", "8", "--cases", "900", "--seed", "4", "--days", "90"]


@pytest.fixture(scope="module")
def city_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('month') / 'city.sqlite3'}"
    assert main(["--db", url, *CITY]) == 0
    return url


def _month_with_cases(url: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["--db", url, "report", "month", "--city", "--json"]) == 0
    this_month = json.loads(capsys.readouterr().out)["month"]
    year, month = map(int, this_month.split("-"))
    return f"{year - (month == 1)}-{12 if month == 1 else month - 1:02d}"  # the month before: complete


def test_month_json_is_the_services_report(city_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    month = _month_with_cases(city_url, capsys)
    assert main(["--db", city_url, "report", "month", "--city", "--month", month, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    core = build_core(city_url)
    expected = CityReportService(core.store, core.catalog, core.clock).month(parse_month(month)).as_dict()
    assert printed == expected
    assert printed["scope"] == "city" and printed["total"]["accepted"] > 0 and len(printed["stations"]) >= 8
    branch = printed["branches"][0]["name"]
    assert main(["--db", city_url, "report", "month", "--branch", branch, "--month", month, "--json"]) == 0
    narrowed = json.loads(capsys.readouterr().out)
    assert narrowed["scope"] == "branch" and narrowed["branch"] == branch
    assert narrowed["total"] == next(b for b in printed["branches"] if b["name"] == branch) | {
        "code": "*", "name": branch}
    assert main(["--db", city_url, "report", "month", "--city", "--month", month]) == 0
    text = capsys.readouterr().out
    assert f"{month[:4]}年{month[5:]}月 户籍业务月报（全市" in text
    assert all(station["code"] in text for station in printed["stations"]) and "合计" in text
    core.close()


def test_month_bad_input_is_told(city_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    capsys.readouterr()
    assert main(["--db", city_url, "report", "month", "--month", "2026-01"]) == 2
    assert "--city" in capsys.readouterr().out
    assert main(["--db", city_url, "report", "month", "--city", "--month", "2026-1x"]) != 0
    assert "YYYY-MM" in capsys.readouterr().err
    assert main(["--db", city_url, "report", "month", "--branch", "没有这个分局"]) != 0
    assert "没有名为“没有这个分局”的分局" in capsys.readouterr().err


def test_a_station_managers_own_month(city_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Live: a station manager had no month of their own station — `report month` asked for the city or a
    branch by its exact name. `--station` (this station) or `--station CODE` gives the station's month:
    its total is the city report's line of that station, and only its items are listed."""
    month = _month_with_cases(city_url, capsys)
    assert main(["--db", city_url, "report", "month", "--city", "--month", month, "--json"]) == 0
    city = json.loads(capsys.readouterr().out)
    station = city["stations"][1]
    assert main(["--db", city_url, "report", "month", "--station", station["code"], "--month", month, "--json"]) == 0
    own = json.loads(capsys.readouterr().out)
    assert own["scope"] == "station" and [s["code"] for s in own["stations"]] == [station["code"]]
    assert own["total"] == {key: value for key, value in station.items() if key != "branch"} | {"code": "*"}
    assert {cell["code"] for cell in own["cells"]} == {station["code"]}
    assert sum(t["accepted"] for t in own["transactions"]) == station["accepted"]
    assert main(["--db", city_url, "--set", f"station_code={station['code']}", "report", "month", "--station",
                 "--month", month]) == 0
    text = capsys.readouterr().out
    assert f"户籍业务月报（{station['name']}" in text and "分局 branches" not in text
    assert main(["--db", city_url, "report", "month", "--station", "XX99"]) != 0
    assert "XX99" in capsys.readouterr().err
