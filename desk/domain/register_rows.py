"""The rows of a register extract (户籍信息导出) and their checks that need no database.

An extract from the public-security population system (人口信息管理系统) tells, per person, the facts a
household certificate certifies that no ID card carries: the household head, the relationship to the
head (GB/T 4761 家庭关系), the registration date — and the registered address. Which header names are
accepted for which column, the date shapes and the relationships are data (resources/register/
extract.toml), checked when loaded. A row's problems are said as message keys with parameters
(`RowProblem`), each naming its line and the column as the file's header spells it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from desk.domain import messages
from desk.domain.errors import InvalidInput
from desk.domain.identity import (
    ADDRESS_MAX,
    NATION_MAX,
    InvalidIdentity,
    check_name,
    check_text,
)
from desk.domain.idnumber import IdKind, InvalidIdNumber, parse_id_number

COLUMN_KEYS = ("id_number", "name", "household_head", "relationship_to_head", "registered_on", "address",
               "former_names", "nation")
# The head's own row: its 户主姓名 is the person's own name.
HEAD = "户主"
FORMER_NAMES_MAX = 120


@dataclass(frozen=True)
class ExtractFormat:
    """What an extract may look like: header names per column, date shapes, relationships."""

    names: Mapping[str, tuple[str, ...]]  # column key → accepted header texts
    required: frozenset[str]
    date_formats: tuple[str, ...]
    relationships: Mapping[str, str]  # GB/T 4761 code → name
    relationship_names: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path) -> ExtractFormat:
        """Read and check the format file; a ValueError names the file and the bad key."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: cannot be read: {exc}") from exc
        columns = data.get("columns")
        if not isinstance(columns, dict):
            raise ValueError(f"{path}: [columns] is missing")
        unknown = set(columns) - set(COLUMN_KEYS)
        if unknown:
            raise ValueError(f"{path}: columns: unknown keys {sorted(unknown)} (known: {', '.join(COLUMN_KEYS)})")
        names: dict[str, tuple[str, ...]] = {}
        required: set[str] = set()
        seen: dict[str, str] = {}
        for key in COLUMN_KEYS:
            spec = columns.get(key)
            if not isinstance(spec, dict):
                raise ValueError(f"{path}: columns.{key} is missing")
            texts = spec.get("names")
            if not isinstance(texts, list) or not texts or not all(isinstance(t, str) and t.strip() for t in texts):
                raise ValueError(f"{path}: columns.{key}.names must be a list of header texts")
            for text in texts:
                folded = _fold(text)
                if folded in seen:
                    raise ValueError(f"{path}: columns.{key}.names: {text!r} is also a name of {seen[folded]}")
                seen[folded] = key
            if not isinstance(spec.get("required"), bool):
                raise ValueError(f"{path}: columns.{key}.required must be true or false")
            names[key] = tuple(texts)
            if spec["required"]:
                required.add(key)
        for key in ("id_number", "name", "household_head", "relationship_to_head", "registered_on"):
            if key not in required:
                raise ValueError(f"{path}: columns.{key} must be required (a certificate states it)")
        formats = data.get("dates", {}).get("formats")
        if not isinstance(formats, list) or not formats or not all(isinstance(f, str) and "%Y" in f for f in formats):
            raise ValueError(f"{path}: dates.formats must be a list of strptime formats with %Y")
        relationships = data.get("relationships")
        if not isinstance(relationships, dict) or not relationships:
            raise ValueError(f"{path}: [relationships] is missing")
        for code, name in relationships.items():
            if not (code.isdigit() and len(code) == 2) or not isinstance(name, str) or not name.strip():
                raise ValueError(f"{path}: relationships.{code}: a two-digit code and a name are needed")
        if HEAD not in relationships.values():
            raise ValueError(f"{path}: relationships: {HEAD} is missing")
        if len(set(relationships.values())) != len(relationships):
            raise ValueError(f"{path}: relationships: a name appears twice")
        return cls(names, frozenset(required), tuple(formats), dict(relationships),
                   frozenset(relationships.values()))

    def relationship(self, text: str) -> str | None:
        """The relationship's name for a cell that holds its name or its GB/T 4761 code; None if unknown."""
        if text in self.relationship_names:
            return text
        return self.relationships.get(text.zfill(2) if text.isdigit() and len(text) <= 2 else text)


def _fold(text: str) -> str:
    return text.strip().strip("\ufeff").casefold()


@dataclass(frozen=True)
class RowProblem(messages.Saying):
    """What is wrong at one line of the file, in one column (its header text; "" for the whole row)."""

    line: int
    column: str
    message_key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def to_wire(self) -> dict[str, object]:
        return {"line": self.line, "column": self.column, "key": self.message_key,
                "params": messages.params_to_wire(self.params)}

    @classmethod
    def from_wire(cls, data: Mapping[str, object]) -> RowProblem:
        params = data.get("params")
        return cls(int(str(data["line"])), str(data["column"]), str(data["key"]),
                   messages.params_from_wire(params if isinstance(params, Mapping) else {}))


class ExtractError(InvalidInput):
    """The file as a whole cannot be read as an extract (no header, a missing column, undecodable)."""

    code = "register_extract_invalid"


@dataclass(frozen=True)
class Header:
    """Which cell of a row holds which column, and the header text each column had in the file."""

    index: Mapping[str, int]
    text: Mapping[str, str]
    width: int

    @classmethod
    def of(cls, cells: Sequence[str], fmt: ExtractFormat) -> Header:
        by_name = {_fold(name): key for key, names in fmt.names.items() for name in names}
        index: dict[str, int] = {}
        text: dict[str, str] = {}
        for position, cell in enumerate(cells):
            key = by_name.get(_fold(cell))
            if key is None:
                continue  # an export's other columns (性别, 出生地 …) are not ours
            if key in index:
                raise ExtractError.say("register.duplicate_column", column=cell.strip(), first=text[key])
            index[key], text[key] = position, cell.strip().strip("\ufeff")
        missing = [key for key in COLUMN_KEYS if key in fmt.required and key not in index]
        if missing:
            raise ExtractError.say("register.missing_columns",
                               columns="、".join(f"{fmt.names[key][0]}（{key}）" for key in missing))
        return cls(index, text, len(cells))


def keyed_header(columns: Mapping[str, str] | None = None) -> Header:
    """A header of every known column in COLUMN_KEYS order, for cells given by key (`cells_of`, the
    city server's batch): problems name the column by `columns[key]` (the file's header text), else the key."""
    columns = columns or {}
    return Header({key: i for i, key in enumerate(COLUMN_KEYS)},
                  {key: columns.get(key, key) for key in COLUMN_KEYS}, len(COLUMN_KEYS))


@dataclass(frozen=True)
class RegisterRow:
    """One person's register facts as checked (ID number normalised, names exactly as written)."""

    line: int
    id_number: str
    name: str
    household_head: str
    relationship_to_head: str
    registered_on: date
    sex: str
    birth_date: date
    address: str = ""
    former_names: str = ""
    nation: str = ""


def cells_of(row: RegisterRow) -> dict[str, str]:
    """The row's facts as the cells a file would hold (by column key), to be checked again elsewhere."""
    return {"id_number": row.id_number, "name": row.name, "household_head": row.household_head,
            "relationship_to_head": row.relationship_to_head, "registered_on": row.registered_on.isoformat(),
            "address": row.address, "former_names": row.former_names, "nation": row.nation}


def check_row(line: int, cells: Sequence[str], header: Header, fmt: ExtractFormat,
              today: date) -> RegisterRow | list[RowProblem]:
    """The row's facts, or every problem found in it (one per column at most)."""
    if len(cells) != header.width:
        return [RowProblem(line, "", "register.field_count", {"found": len(cells), "expected": header.width})]
    problems: list[RowProblem] = []

    def cell(key: str) -> str:
        position = header.index.get(key)
        return cells[position] if position is not None else ""

    def problem(key: str, message_key: str, **params: object) -> None:
        problems.append(RowProblem(line, header.text.get(key, key), message_key, params))

    def missing(key: str) -> bool:
        if key in fmt.required and not cell(key).strip(" \u3000"):
            problem(key, "register.cell_empty")
            return True
        return False

    id_number, birth, sex = "", None, ""
    if not missing("id_number"):
        try:
            info = parse_id_number(cell("id_number"), today=today)
        except InvalidIdNumber as exc:
            problem("id_number", exc.message_key or "identity.id_number_illegal", **exc.params)
        else:
            if info.kind is not IdKind.RESIDENT:
                problem("id_number", "register.not_resident_number")
            else:
                id_number, birth, sex = info.number, info.birth_date, info.sex
    texts: dict[str, str] = {}
    for key, check in (("name", _name), ("household_head", _name), ("address", _address),
                       ("former_names", _former_names), ("nation", _nation)):
        if missing(key):
            continue
        try:
            texts[key] = check(cell(key), key)
        except InvalidIdentity as exc:
            problem(key, exc.message_key or "identity.not_text", **exc.params)
    relationship = ""
    if not missing("relationship_to_head"):
        raw = cell("relationship_to_head").strip(" \u3000")
        relationship = fmt.relationship(raw) or ""
        if not relationship:
            problem("relationship_to_head", "register.unknown_relationship", value=raw[:20])
    registered_on = None
    if not missing("registered_on"):
        raw = cell("registered_on").strip(" \u3000")
        registered_on = _date(raw, fmt.date_formats)
        if registered_on is None:
            problem("registered_on", "register.not_a_date", value=raw[:20])
        elif registered_on > today:
            problem("registered_on", "register.date_in_future", date=registered_on.isoformat())
        elif birth is not None and registered_on < birth:
            problem("registered_on", "register.date_before_birth", date=registered_on.isoformat(),
                    birth=birth.isoformat())
    if (relationship == HEAD and "name" in texts and "household_head" in texts
            and texts["name"] != texts["household_head"]):
        problem("household_head", "register.head_not_self", head=texts["household_head"], name=texts["name"])
    if problems:
        return problems
    assert birth is not None and registered_on is not None
    return RegisterRow(line=line, id_number=id_number, name=texts["name"], household_head=texts["household_head"],
                       relationship_to_head=relationship, registered_on=registered_on, sex=sex, birth_date=birth,
                       address=texts.get("address", ""), former_names=texts.get("former_names", ""),
                       nation=texts.get("nation", ""))


# Fast paths for the common cell (an extract has a million of them): text these patterns match is text
# the full checks accept unchanged — a subset of identity.py's Han ranges, no mark first, no control or
# format character, nothing to trim — so only the rest goes through them (and gets their message).
_PLAIN_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002a6df][\u3400-\u4dbf\u4e00-\u9fff"
                         r"\U00020000-\U0002a6df·]{0,59}")
_PLAIN_ADDRESS = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]([\u4e00-\u9fff0-9A-Za-z#\-、，（）()]{0,198}"
                            r"[\u4e00-\u9fff0-9A-Za-z）)])?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _name(value: str, key: str) -> str:
    if _PLAIN_NAME.fullmatch(value):
        return value
    return check_name(value, field=key, label=f"word.person.{key}")


def _address(value: str, key: str) -> str:
    if _PLAIN_ADDRESS.fullmatch(value):
        return value
    return check_text(value, field=key, label="word.person.address", max_length=ADDRESS_MAX)


def _former_names(value: str, key: str) -> str:
    return check_text(value, field=key, label="word.person.former_names", max_length=FORMER_NAMES_MAX)


def _nation(value: str, key: str) -> str:
    return check_text(value, field=key, label="word.person.nation", max_length=NATION_MAX)


def _date(text: str, formats: Sequence[str]) -> date | None:
    if "%Y-%m-%d" in formats and _ISO_DATE.fullmatch(text):  # the common shape, without strptime
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    for shape in formats:
        try:
            return datetime.strptime(text, shape).date()
        except ValueError:
            continue
    return None
