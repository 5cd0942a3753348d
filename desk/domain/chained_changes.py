"""公民信息连锁变更: once a change of a person's basic facts (姓名, 性别, 出生日期, 民族, 公民身份号码) is
completed, what follows — the new resident ID number where the facts in it changed (GB 11643), and
every record elsewhere that must follow, with the agency that keeps it.

The rules are data (`resources/chains/identity_changes.toml`), checked when read: every problem is
named with the file and the key. Plain Python: no store, no Qt; the service reads the case and the
register and asks `follow_ups_for`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desk.domain.catalog import Catalog
from desk.domain.errors import DeskError
from desk.domain.idnumber import FEMALE, MALE, compute_check_char

FACTS = ("name", "sex", "birth_date", "nation", "id_number")
_CHANGE_KEYS = {"transaction", "fact", "field", "new_id_number", "records"}
_RECORD_KEYS = {"key", "name_zh", "agency_zh", "how_zh"}


class ChainRulesError(DeskError):
    code = "chain_rules"


@dataclass(frozen=True)
class FollowUpRecord:
    key: str
    name_zh: str
    agency_zh: str
    how_zh: str


@dataclass(frozen=True)
class ChangeRule:
    transaction_code: str
    fact: str
    field: str  # the form field with the new value ("" when the new value is not typed)
    new_id_number: bool
    records: tuple[FollowUpRecord, ...]


@dataclass(frozen=True)
class ChainRules:
    changes: Mapping[str, ChangeRule]  # by transaction code

    def for_transaction(self, code: str) -> ChangeRule | None:
        return self.changes.get(code)


@dataclass(frozen=True)
class FollowUps:
    """What a completed change sets in motion."""

    transaction_code: str
    fact: str
    old_value: str
    new_value: str
    old_id_number: str
    new_id_number: str | None  # None: the number stays
    records: tuple[FollowUpRecord, ...]


def load_chain_rules(path: Path, catalog: Catalog | None = None) -> ChainRules:
    """Read and check the rules; ChainRulesError names every problem with the file and the key."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ChainRulesError.say("chain_rules.unreadable", file=path.name, reason=str(exc)) from exc
    problems: list[str] = []
    records: dict[str, FollowUpRecord] = {}
    for index, item in enumerate(raw.get("record", [])):
        where = f"{path.name}: record[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: not a table")
            continue
        problems += [f"{where}: unknown key {k!r}" for k in sorted(set(item) - _RECORD_KEYS)]
        problems += [f"{where}: missing {k!r}" for k in sorted(_RECORD_KEYS - set(item))]
        if set(item) >= _RECORD_KEYS and all(isinstance(item[k], str) and item[k] for k in _RECORD_KEYS):
            if item["key"] in records:
                problems.append(f"{where}: key {item['key']!r} appears twice")
            records[item["key"]] = FollowUpRecord(item["key"], item["name_zh"], item["agency_zh"], item["how_zh"])
    changes: dict[str, ChangeRule] = {}
    for index, item in enumerate(raw.get("change", [])):
        where = f"{path.name}: change[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: not a table")
            continue
        problems += [f"{where}: unknown key {k!r}" for k in sorted(set(item) - _CHANGE_KEYS)]
        problems += [f"{where}: missing {k!r}" for k in sorted(_CHANGE_KEYS - set(item))]
        if not set(item) >= _CHANGE_KEYS:
            continue
        code, fact, field = item["transaction"], item["fact"], item["field"]
        if fact not in FACTS:
            problems.append(f"{where}: fact {fact!r} is not one of {list(FACTS)}")
        if catalog is not None:
            transaction = catalog.get(code)
            if transaction is None:
                problems.append(f"{where}: transaction {code!r} is not in the catalog")
            elif field and field not in {f.key for f in transaction.fields}:
                problems.append(f"{where}: transaction {code!r} has no field {field!r}")
        if not isinstance(item["new_id_number"], bool):
            problems.append(f"{where}: new_id_number must be true or false")
        unknown = [key for key in item["records"] if key not in records]
        problems += [f"{where}: record {key!r} is not defined in [[record]]" for key in unknown]
        if code in changes:
            problems.append(f"{where}: transaction {code!r} appears twice")
        changes[code] = ChangeRule(code, fact, field, bool(item["new_id_number"]),
                                   tuple(records[key] for key in item["records"] if key in records))
    unknown_tables = sorted(set(raw) - {"change", "record"})
    problems += [f"{path.name}: unknown table {name!r}" for name in unknown_tables]
    if problems:
        # The problem lines name file and key in the file's own words (English), like the refusal rules'.
        raise ChainRulesError.say("chain_rules.invalid", problems="; ".join(problems))
    return ChainRules(changes)


def new_id_number(old: str, *, birth_date: date | None = None, sex: str | None = None) -> str:
    """The number after a birth-date or sex change: region code kept, the birth date and the order
    code's parity (odd for men, even for women) as the new facts say, the check character recomputed.
    Whether the number is free in the register is the caller's question (`next_free_id_number`)."""
    if len(old) != 18:
        raise ValueError("only an 18-character resident ID number can be derived")
    region, old_birth, order = old[:6], old[6:14], int(old[14:17])
    birth = f"{birth_date:%Y%m%d}" if birth_date is not None else old_birth
    if sex is not None:
        if sex not in (MALE, FEMALE):
            raise ValueError(f"sex must be {MALE!r} or {FEMALE!r}")
        wants_odd = sex == MALE
        if (order % 2 == 1) != wants_odd:
            order = order + 1 if order < 999 else order - 1
    body = f"{region}{birth}{order:03d}"
    return body + compute_check_char(body)


def next_free_id_number(candidate: str, taken: set[str]) -> str:
    """The candidate, or the next order code of the same parity that nobody holds (GB 11643)."""
    region_and_birth, order = candidate[:14], int(candidate[14:17])
    while order <= 999:
        body = f"{region_and_birth}{order:03d}"
        number = body + compute_check_char(body)
        if number not in taken:
            return number
        order += 2
    raise DeskError.say("chain.id_number_exhausted", code="id_number_exhausted")


def follow_ups_for(rule: ChangeRule, values: Mapping[str, Any], old_facts: Mapping[str, str],
                   *, new_number: str | None = None) -> FollowUps:
    """What a completed change of `rule` sets in motion, given the case's form `values` and the
    person's facts before the change (`old_facts`: name, sex, birth_date ISO, nation, id_number)."""
    old_value = str(old_facts.get(rule.fact, ""))
    new_value = str(values.get(rule.field, "")) if rule.field else (new_number or "")
    return FollowUps(rule.transaction_code, rule.fact, old_value, new_value, str(old_facts.get("id_number", "")),
                     new_number if rule.new_id_number else None, rule.records)
