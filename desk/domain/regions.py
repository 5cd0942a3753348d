"""Administrative division codes (GB/T 2260): the name of the place in an ID number's first six digits.

The data lives in `resources/regions/` (see its README for the source): `gb2260.tsv` holds the
codes in use, `gb2260-history.tsv` the retired ones, because an ID number keeps the code of the
place where its holder was first registered, however long ago that code was abolished.

The domain knows no install paths: a composition root names the folder once
(`desk.shipped.use_shipped_regions()`, which `shipped_catalog()` also calls), and the files are read
on first use, once per folder. An ID number checked before any root named it is a programming error
said at once, never a silently empty table.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

# Province-level names whose prefecture entries are not places (municipalities directly under the
# central government list their districts straight under the province).
_NO_PREFECTURE_NAME = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


@dataclass(frozen=True)
class RegionTable:
    """Both code lists of one resources folder, as read-only mappings code -> short name."""

    current: Mapping[str, str]
    historical: Mapping[str, str]

    def short_name(self, code: str) -> str | None:
        return self.current.get(code) or self.historical.get(code)


_folder: Path | None = None


def use_region_folder(folder: Path) -> None:
    """Where the code lists are (`gb2260.tsv`, `gb2260-history.tsv`); read on first use."""
    global _folder
    _folder = folder


def regions_dir() -> Path:
    if _folder is None:
        raise RuntimeError("no region table: the composition root calls desk.shipped.use_shipped_regions() "
                           "(or regions.use_region_folder) before an ID number is checked")
    return _folder


def _read_tsv(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            code = fields[0]
            if len(fields) < 2 or len(code) != 6 or not code.isdigit() or not fields[1]:
                raise ValueError(f"{path.name}:{number}: expected 'code<TAB>name', got {line!r}")
            table[code] = fields[1]
    return table


@functools.cache
def _load(directory: Path) -> RegionTable:
    current = _read_tsv(directory / "gb2260.tsv")
    historical = _read_tsv(directory / "gb2260-history.tsv")
    return RegionTable(MappingProxyType(current), MappingProxyType(historical))


def load_region_table(folder: Path) -> RegionTable:
    """The code lists of `folder` (read once, then cached); a malformed line names file and line."""
    return _load(folder)


def region_table() -> RegionTable:
    """The code lists of the folder the composition root named (read on first call, then cached)."""
    return _load(regions_dir())


def province_codes() -> frozenset[str]:
    """Two-digit codes of the provinces, autonomous regions, municipalities and SARs (11 … 82)."""
    return _province_codes(regions_dir())


@functools.cache
def _province_codes(directory: Path) -> frozenset[str]:
    return frozenset(code[:2] for code in _load(directory).current if code.endswith("0000"))


def is_current_region(code: str) -> bool:
    """True for a code in today's list."""
    return code in region_table().current


def is_known_region(code: str) -> bool:
    """True for a code in today's list or one that was in an earlier list."""
    table = region_table()
    return code in table.current or code in table.historical


def region_short_name(code: str) -> str | None:
    """The name the list gives the code itself (`和平区`), or None for an unknown code."""
    return region_table().short_name(code)


def region_name(code: str) -> str | None:
    """The full place name for a 6-digit code: `210102` -> `辽宁省沈阳市和平区`.

    The province and prefecture parts are taken from the same lists, so a code that was retired
    is named as it was. A code that is itself unknown gives the longest known part (`辽宁省沈阳市`
    for `210199`); None when not even the province is known.
    """
    if len(code) != 6 or not code.isdigit():
        return None
    table = region_table()
    province = table.short_name(code[:2] + "0000")
    if province is None:
        return None
    parts = [province]
    prefecture_code = code[:4] + "00"
    if prefecture_code != code[:2] + "0000":
        prefecture = table.short_name(prefecture_code)
        if prefecture is not None and prefecture not in _NO_PREFECTURE_NAME:
            parts.append(prefecture)
    if code not in (prefecture_code, code[:2] + "0000"):
        county = table.short_name(code)
        if county is not None:
            parts.append(county)
    return "".join(parts)
