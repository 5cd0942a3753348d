"""Refusing to accept, and who decides at which level: the procedural grounds (不予受理的程序性理由)
and the deciding organs, as data (resources/refusals.toml).

A not-accepted notice cites a procedural ground from a fixed list with the article that allows it
(《中华人民共和国行政许可法》第三十二条 …), never the transaction's substantive basis. A decision is
issued in the name of the organ of the level that decided (station, branch, city bureau), and names
the 复议 body and the court of that level.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk.domain.catalog import Approval
from desk.domain.errors import DeskError

LEVELS = ("station", "branch", "city")
_GROUND_KEYS = {"key", "text_zh", "text_en", "basis_zh"}
_LEVEL_KEYS = {"organ_zh", "reconsideration_body_zh", "court_zh"}
_CITY_KEYS = {"name_zh", "bureau_zh"}
_PLACEHOLDERS = ("{station}", "{branch}", "{city}", "{city_bureau}", "{station_reconsideration_body}",
                 "{station_court}")


class RefusalRulesError(DeskError):
    code = "refusal_rules_invalid"

    def __init__(self, file: str, problems: list[str]) -> None:
        self._speak("refusals.invalid", {"file": file, "count": len(problems), "problems": "; ".join(problems)})
        self.problems = problems


@dataclass(frozen=True)
class ProceduralGround:
    key: str
    text_zh: str
    text_en: str
    basis_zh: str


@dataclass(frozen=True)
class DecidingBody:
    """Who decided, and where the citizen may challenge it."""

    level: str  # station | branch | city
    organ_zh: str
    reconsideration_body_zh: str
    court_zh: str

    @property
    def above_station(self) -> bool:
        return self.level != "station"


@dataclass(frozen=True)
class StationNames:
    """The station's own names, from its settings (the store's stations row)."""

    name_zh: str
    branch_name: str = ""
    reconsideration_body: str = ""
    court: str = ""


def level_of(approval: Approval) -> str:
    """The level whose organ decides a case of this approval (a leader decides in the station's name)."""
    return {Approval.CLERK: "station", Approval.LEADER: "station", Approval.BRANCH: "branch",
            Approval.CITY: "city"}[approval]


@dataclass(frozen=True)
class RefusalRules:
    grounds: tuple[ProceduralGround, ...]
    levels: Mapping[str, Mapping[str, str]]
    city_zh: str
    city_bureau_zh: str

    def ground(self, key: str) -> ProceduralGround | None:
        return next((g for g in self.grounds if g.key == key), None)

    def deciding_body(self, approval: Approval, station: StationNames) -> DecidingBody:
        level = level_of(approval)
        branch = station.branch_name or f"{station.name_zh}所属公安分局"
        values = {
            "{station}": station.name_zh, "{branch}": branch, "{city}": self.city_zh,
            "{city_bureau}": self.city_bureau_zh,
            "{station_reconsideration_body}": station.reconsideration_body or f"{branch}所在地的区（县）人民政府",
            "{station_court}": station.court or f"{branch}所在地有管辖权的人民法院",
        }

        def fill(template: str) -> str:
            for name, value in values.items():
                template = template.replace(name, value)
            return template

        texts = self.levels[level]
        return DecidingBody(level, fill(texts["organ_zh"]), fill(texts["reconsideration_body_zh"]),
                            fill(texts["court_zh"]))

    @classmethod
    def load(cls, path: Path) -> RefusalRules:
        """Read and check the file (`desk.shipped.shipped_refusal_rules()` reads the release's)."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise RefusalRulesError(path.name, [str(exc)]) from exc
        return cls.from_data(data, path.name)

    @classmethod
    def from_data(cls, data: Mapping[str, Any], file: str = "refusals.toml") -> RefusalRules:
        problems: list[str] = []
        unknown = set(data) - {"city", "grounds", "levels"}
        problems += [f"unknown key {name!r}" for name in sorted(unknown)]
        city = data.get("city")
        if not isinstance(city, dict) or set(city) != _CITY_KEYS or not all(_text(v) for v in city.values()):
            problems.append(f"city: needs exactly {sorted(_CITY_KEYS)} as non-empty strings")
            city = {"name_zh": "", "bureau_zh": ""}
        grounds: list[ProceduralGround] = []
        raw_grounds = data.get("grounds")
        if not isinstance(raw_grounds, list) or not raw_grounds:
            problems.append("grounds: needs at least one [[grounds]] entry")
            raw_grounds = []
        for index, entry in enumerate(raw_grounds):
            where = f"grounds[{index}]"
            if not isinstance(entry, dict) or set(entry) != _GROUND_KEYS or not all(map(_text, entry.values())):
                problems.append(f"{where}: needs exactly {sorted(_GROUND_KEYS)} as non-empty strings")
                continue
            if any(g.key == entry["key"] for g in grounds):
                problems.append(f"{where}.key: duplicate key {entry['key']!r}")
                continue
            if "《" not in entry["basis_zh"]:
                problems.append(f"{where}.basis_zh: must name a law or rule (《…》)")
                continue
            grounds.append(ProceduralGround(entry["key"], entry["text_zh"], entry["text_en"], entry["basis_zh"]))
        levels: dict[str, dict[str, str]] = {}
        raw_levels = data.get("levels")
        raw_levels = raw_levels if isinstance(raw_levels, dict) else {}
        for level in LEVELS:
            entry = raw_levels.get(level)
            if not isinstance(entry, dict) or set(entry) != _LEVEL_KEYS or not all(map(_text, entry.values())):
                problems.append(f"levels.{level}: needs exactly {sorted(_LEVEL_KEYS)} as non-empty strings")
                continue
            for name, text in entry.items():
                leftover = text
                for placeholder in _PLACEHOLDERS:
                    leftover = leftover.replace(placeholder, "")
                if "{" in leftover or "}" in leftover:
                    problems.append(f"levels.{level}.{name}: unknown placeholder in {text!r}")
            levels[level] = dict(entry)
        problems += [f"levels.{name}: unknown level" for name in sorted(set(raw_levels) - set(LEVELS))]
        if problems:
            raise RefusalRulesError(file, problems)
        return cls(tuple(grounds), levels, city["name_zh"], city["bureau_zh"])


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
