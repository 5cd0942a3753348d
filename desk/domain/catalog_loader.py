"""Reading catalog TOML files into `desk.domain.catalog` objects, checking every key on the way.

The catalog is edited by hand, so the loader is strict: an unknown key (a typo such as `lable_zh`)
is an error, not something silently ignored; so are missing keys, wrong types, duplicates, a code
that differs from the file name, an enum field without options and a condition that names unknown
fields or uses forbidden syntax. It does not stop at the first problem: every problem of every
file is collected, each naming file, transaction code and path (`fields[2].type`, 0-based).
"""

from __future__ import annotations

import difflib
import math
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from desk.domain.catalog import (
    DEFAULT_POWER_TYPE,
    MOVER_APPLICANT,
    REISSUABLE,
    Approval,
    Catalog,
    CatalogError,
    CatalogIssue,
    Category,
    FieldOption,
    FieldSpec,
    FieldType,
    IssuedDocument,
    MaterialForm,
    MaterialSpec,
    MaterialVerify,
    OnlineMode,
    PowerType,
    ReissueSpec,
    RuleSpec,
    SourceSpec,
    TierSpec,
    Transaction,
)
from desk.domain.conditions import (
    KEY_PATTERN,
    RESERVED_NAMES,
    Condition,
    ConditionError,
    FieldSignature,
    compile_condition,
)

_E = TypeVar("_E", bound=StrEnum)

# key -> required?  (optional keys have defaults in the dataclasses)
_TOP_KEYS = {
    "code": True, "name_zh": True, "name_en": True, "category": True, "time_limit_days": True,
    "approval": True, "fee_yuan": False, "kiosk_startable": False, "description_zh": True,
    "description_en": True, "conditions_zh": True, "legal_basis_zh": True, "issues_document": False,
    "source": True, "keywords": False, "fields": True, "materials": True, "rules": False,
    "tiers": False, "power_type": False, "department_zh": False, "procedure_zh": False, "fee_basis_zh": False,
    "sources": False, "delegated": False, "movers": False, "roles": False, "online": False,
    "permit_when": False, "replaced_by": False, "hands_over_zh": False, "reissues": False,
}
_REISSUE_KEYS = {"kind_field": True, "number_field": True}
_ROLE_KEYS = {"subject": False, "guardian": False, "agent": False}
_SOURCE_KEYS = {"title_zh": True, "issuer_zh": True, "address": True, "date": False}
_SOURCE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TIER_KEYS = {"key": True, "when": True, "approval": True, "time_limit_days": True, "label_zh": True,
              "label_en": True}
_FIELD_KEYS = {
    "key": True, "type": True, "label_zh": True, "label_en": True, "required": False, "when": False,
    "options": False, "help_zh": False, "help_en": False, "max_length": False, "min": False, "max": False,
    "applicant_when": False, "label_false_zh": False, "label_false_en": False,
}
_OPTION_KEYS = {"value": True, "label_zh": True, "label_en": True}
_MATERIAL_KEYS = {
    "key": True, "name_zh": True, "name_en": True, "form": True, "copies": False, "when": False,
    "why_zh": True, "why_en": True, "note_zh": False, "note_en": False, "verify": False,
}
_RULE_KEYS = {"key": True, "require": True, "reason_zh": True, "reason_en": True, "basis_zh": True}
_OPTION_VALUE = re.compile(r"^[a-z0-9_]+$")
_TEXT_TYPES = (FieldType.TEXT, FieldType.ADDRESS)


# A transaction file is a few kilobytes; anything far larger is not one (or is /dev/zero behind a link).
MAX_FILE_BYTES = 1_000_000


class NotARegularFile(Exception):
    """A data file that is no regular file or far too large: says why as a message key and parameters."""

    def __init__(self, message_key: str, **params: object) -> None:
        super().__init__(message_key)
        self.message_key, self.params = message_key, params


def read_bounded(file: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; never blocks on a FIFO or reads a device forever.

    Raises NotARegularFile (saying why) or OSError."""
    # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever, before any fstat.
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile("data.not_regular_file")
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise NotARegularFile("data.too_large", kilobytes=limit // 1000)
    return data


# Sane upper bounds for the catalog's numbers (a typo like 99999999999 days would fail later, raw).
NUMBER_LIMITS: dict[str, int] = {
    "time_limit_days": 366, "copies": 20, "max_length": 2000, "fee_yuan": 100_000, "min": 10**12, "max": 10**12,
}
DEFAULT_NUMBER_LIMIT = 10**12


def _condition_cycle(depends: Mapping[str, frozenset[str]]) -> list[str]:
    """A cycle among fields whose `when` names other fields (as a closed path of keys), or []."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(key: str) -> list[str]:
        state[key] = 1
        path.append(key)
        for other in sorted(depends.get(key, ())):
            if state.get(other) == 1:
                return [*path[path.index(other):], other]
            if other not in state:
                found = visit(other)
                if found:
                    return found
        path.pop()
        state[key] = 2
        return []

    for key in sorted(depends):
        if key not in state:
            found = visit(key)
            if found:
                return found
    return []


def read_catalog(path: Path) -> tuple[list[Transaction], list[CatalogIssue]]:
    """Every transaction that loaded cleanly, and every problem found, from a folder or one file."""
    if path.is_file() or (path.exists() and not path.is_dir()):
        files = [path]  # a pipe or a device is refused by read_transaction_file, not opened blindly
    elif path.is_dir():
        files = sorted(path.glob("*.toml"))
        if not files:
            return [], [CatalogIssue(path.name, None, "", "catalog.no_files", {"folder": str(path)})]
    else:
        return [], [CatalogIssue(path.name, None, "", "catalog.no_folder", {"folder": str(path)})]
    transactions: list[Transaction] = []
    issues: list[CatalogIssue] = []
    first_file: dict[str, str] = {}
    for file in files:
        transaction, file_issues = read_transaction_file(file)
        issues.extend(file_issues)
        if transaction is None:
            continue
        if transaction.code in first_file:
            issues.append(CatalogIssue(file.name, transaction.code, "code", "catalog.duplicate_code",
                                       {"other": first_file[transaction.code]}))
            continue
        first_file[transaction.code] = file.name
        transactions.append(transaction)
    issues += _replacement_issues(transactions)
    return transactions, issues


def _replacement_issues(transactions: list[Transaction]) -> list[CatalogIssue]:
    """A retired item must name items that exist and are themselves in use (only when a whole
    folder is read: one file alone cannot be checked against the others)."""
    by_code = {t.code: t for t in transactions}
    if len(by_code) < 2:
        return []
    issues: list[CatalogIssue] = []
    for transaction in transactions:
        for index, code in enumerate(transaction.replaced_by):
            target = by_code.get(code)
            if target is None:
                issues.append(CatalogIssue(transaction.file_name, transaction.code, f"replaced_by[{index}]",
                                           "catalog.no_replacement", {"item": code}))
            elif target.retired:
                issues.append(CatalogIssue(transaction.file_name, transaction.code, f"replaced_by[{index}]",
                                           "catalog.replacement_retired", {"item": code}))
    return issues


def read_transaction_file(file: Path) -> tuple[Transaction | None, list[CatalogIssue]]:
    """One transaction file: the transaction (None if anything is wrong) and its problems."""
    data, problem = read_toml(file)
    if problem is not None:
        return None, [problem]
    checker = _Checker(file.name, file.stem)
    transaction = checker.transaction(data)
    return (transaction if not checker.issues else None), checker.issues


def read_toml(file: Path) -> tuple[dict[str, Any], CatalogIssue | None]:
    """A data file's TOML table, or the problem (naming the file) that kept it from being read."""
    def refused(key: str, **params: object) -> tuple[dict[str, Any], CatalogIssue]:
        return {}, CatalogIssue(file.name, None, "", key, params)

    try:
        return tomllib.loads(read_bounded(file).decode("utf-8")), None
    except NotARegularFile as exc:
        return refused(exc.message_key, **exc.params)
    except tomllib.TOMLDecodeError as exc:
        # tomllib also refuses a key given twice ("Cannot overwrite a value"), with its line.
        return refused("data.toml_syntax", detail=str(exc))
    except UnicodeDecodeError:
        return refused("data.not_utf8")
    except OSError as exc:
        return refused("data.unreadable", reason=str(exc))


class _Checker:
    """Checks one file's data, collecting issues; each `take_*` returns a usable value or a default."""

    def __init__(self, file_name: str, stem: str) -> None:
        self.file_name = file_name
        self.stem = stem
        self.code: str | None = None
        self.issues: list[CatalogIssue] = []
        # Every field with a usable key, even one with other errors, so that conditions naming it
        # are checked without a cascade of "unknown field" reports.
        self.signatures: dict[str, FieldSignature] = {}

    def issue(self, path: str, message_key: str, **params: object) -> None:
        self.issues.append(CatalogIssue(self.file_name, self.code, path, message_key, params))

    # ---- the transaction -----------------------------------------------------------------------------

    def transaction(self, data: dict[str, Any]) -> Transaction | None:
        code = data.get("code")
        self.code = code if isinstance(code, str) and code else None
        self.known_keys(data, _TOP_KEYS, "")
        code = self.take_str(data, "code", "code")
        if code is not None:
            if not KEY_PATTERN.match(code):
                self.issue("code", "catalog.bad_code", value=code)
            elif code != self.stem:
                self.issue("code", "catalog.code_not_file_name", value=code, stem=self.stem)
        fields_by_index = self.fields(data.get("fields"))
        fields = self.field_conditions(data.get("fields"), fields_by_index)
        materials = self.materials(data.get("materials"))
        rules = self.rules(data.get("rules"))
        tiers = self.tiers(data.get("tiers"))
        values = {
            "name_zh": self.take_str(data, "name_zh", "name_zh"),
            "name_en": self.take_str(data, "name_en", "name_en"),
            "category": self.take_enum(data, "category", "category", Category),
            "time_limit_days": self.take_int(data, "time_limit_days", "time_limit_days", minimum=0),
            "approval": self.take_enum(data, "approval", "approval", Approval),
            "description_zh": self.take_str(data, "description_zh", "description_zh"),
            "description_en": self.take_str(data, "description_en", "description_en"),
            "conditions_zh": self.take_str(data, "conditions_zh", "conditions_zh"),
            "legal_basis_zh": self.take_str(data, "legal_basis_zh", "legal_basis_zh"),
            "source": self.take_str(data, "source", "source"),
        }
        fee = self.take_number(data, "fee_yuan", "fee_yuan", minimum=0)
        kiosk = self.take_bool(data, "kiosk_startable", "kiosk_startable")
        issues_document = self.take_enum(data, "issues_document", "issues_document", IssuedDocument)
        hands_over = self.take_str(data, "hands_over_zh", "hands_over_zh")
        if issues_document is IssuedDocument.BOOKLET and hands_over is None and "hands_over_zh" not in data:
            self.issue("hands_over_zh", "catalog.hands_over_needed")  # the completion notice says it
        elif hands_over is not None and issues_document is not IssuedDocument.BOOKLET:
            self.issue("hands_over_zh", "catalog.hands_over_booklet_only")
        keywords = self.take_str_list(data, "keywords", "keywords")
        power_type = self.take_enum(data, "power_type", "power_type", PowerType)
        guide = {
            "department_zh": self.take_str(data, "department_zh", "department_zh") or "",
            "procedure_zh": tuple(self.take_str_list(data, "procedure_zh", "procedure_zh")),
            "fee_basis_zh": self.take_str(data, "fee_basis_zh", "fee_basis_zh") or "",
            "sources": tuple(self.sources(data.get("sources"))),
            "delegated": bool(self.take_bool(data, "delegated", "delegated")),
            "movers": tuple(self.movers(data)),
            "permit_when": self.take_condition(data, "permit_when", "permit_when"),
            "reissues": self.reissues(data.get("reissues")),
            "replaced_by": tuple(self.replaced_by(data)),
            **self.roles(data.get("roles")),
        }
        category = values["category"]
        if power_type is None and isinstance(category, Category):
            power_type = DEFAULT_POWER_TYPE[category.value]
        online = self.take_enum(data, "online", "online", OnlineMode)
        if self.issues or code is None:
            return None
        return Transaction(
            code=code, fields=tuple(fields), materials=tuple(materials), rules=tuple(rules), tiers=tuple(tiers),
            fee_yuan=Decimal(str(fee)) if fee is not None else Decimal(0),
            kiosk_startable=bool(kiosk), issues_document=issues_document or IssuedDocument.RECEIPT_ONLY,
            hands_over_zh=hands_over or "",
            online=online or OnlineMode.VISIT,
            keywords=tuple(keywords), file_name=self.file_name, power_type=power_type or PowerType.LICENSING,
            **guide, **values,  # type: ignore[arg-type]
        )

    def fields(self, raw: object) -> dict[str, FieldSpec]:
        """The fields that parsed, by their path in the file (their `when` comes later)."""
        specs: dict[str, FieldSpec] = {}
        seen: set[str] = set()
        for path, table in self.tables(raw, "fields"):
            self.known_keys(table, _FIELD_KEYS, path)
            key = self.take_key(table, path, seen, reserved=True)
            field_type = self.take_enum(table, "type", f"{path}.type", FieldType)
            options = self.options(table, path, field_type)
            if key is not None:
                self.signatures[key] = FieldSignature(str(field_type or "any"), frozenset(o.value for o in options))
            max_length = self.take_int(table, "max_length", f"{path}.max_length", minimum=1)
            if max_length is not None and field_type is not None and field_type not in _TEXT_TYPES:
                self.issue(f"{path}.max_length", "catalog.max_length_text_only", type=str(field_type))
            low = self.take_number(table, "min", f"{path}.min")
            high = self.take_number(table, "max", f"{path}.max")
            if (low is not None or high is not None) and field_type is not None \
                    and field_type is not FieldType.NUMBER:
                self.issue(path, "catalog.min_max_number_only", type=str(field_type))
            if low is not None and high is not None and low > high:
                self.issue(f"{path}.min", "catalog.min_above_max", low=low, high=high)
            label_zh = self.take_str(table, "label_zh", f"{path}.label_zh")
            label_en = self.take_str(table, "label_en", f"{path}.label_en")
            required = self.take_bool(table, "required", f"{path}.required")
            help_zh = self.take_str(table, "help_zh", f"{path}.help_zh")
            help_en = self.take_str(table, "help_en", f"{path}.help_en")
            false_zh = self.take_str(table, "label_false_zh", f"{path}.label_false_zh")
            false_en = self.take_str(table, "label_false_en", f"{path}.label_false_en")
            if (false_zh is not None or false_en is not None) and field_type is not None:
                if field_type is not FieldType.BOOL:
                    self.issue(f"{path}.label_false_zh", "catalog.false_label_bool_only", type=str(field_type))
                elif false_zh is None or false_en is None:
                    self.issue(f"{path}.label_false_zh", "catalog.false_label_both")
            if key is None or field_type is None or label_zh is None or label_en is None:
                continue
            specs[path] = FieldSpec(
                key=key, type=field_type, label_zh=label_zh, label_en=label_en, required=bool(required),
                options=tuple(options), help_zh=help_zh, help_en=help_en, max_length=max_length,
                min_value=low, max_value=high, label_false_zh=false_zh, label_false_en=false_en,
            )
        if isinstance(raw, list) and not raw:
            self.issue("fields", "catalog.no_fields")
        return specs

    def options(self, table: Mapping[str, Any], path: str, field_type: FieldType | None) -> list[FieldOption]:
        raw = table.get("options")
        if field_type is not FieldType.ENUM:
            if raw is not None and field_type is not None:
                self.issue(f"{path}.options", "catalog.options_enum_only", type=str(field_type))
            return []
        if raw is None:
            self.issue(f"{path}.options", "catalog.enum_needs_options")
            return []
        options: list[FieldOption] = []
        seen: set[str] = set()
        for option_path, option in self.tables(raw, f"{path}.options"):
            self.known_keys(option, _OPTION_KEYS, option_path)
            value = self.take_str(option, "value", f"{option_path}.value")
            if value is not None:
                if not _OPTION_VALUE.match(value):
                    self.issue(f"{option_path}.value", "catalog.bad_option_value", value=value)
                elif value in seen:
                    self.issue(f"{option_path}.value", "catalog.duplicate_option", value=value)
                seen.add(value)
            label_zh = self.take_str(option, "label_zh", f"{option_path}.label_zh")
            label_en = self.take_str(option, "label_en", f"{option_path}.label_en")
            if value is not None and label_zh is not None and label_en is not None:
                options.append(FieldOption(value, label_zh, label_en))
        if isinstance(raw, list) and not raw:
            self.issue(f"{path}.options", "catalog.enum_needs_an_option")
        return options

    def field_conditions(self, raw: object, specs: Mapping[str, FieldSpec]) -> list[FieldSpec]:
        """Compile the fields' `when`s now that every field's key and type are known."""
        result: list[FieldSpec] = []
        for path, table in self.tables(raw, "fields", report=False):
            when = self.take_condition(table, "when", f"{path}.when")
            spec = specs.get(path)
            if spec is None:
                continue
            if when is not None and spec.key in when.names:
                self.issue(f"{path}.when", "catalog.when_names_itself", field=spec.key)
            is_applicant = self.take_condition(table, "applicant_when", f"{path}.applicant_when")
            if is_applicant is not None and spec.type is not FieldType.PERSON:
                self.issue(f"{path}.applicant_when", "catalog.applicant_when_not_person", field=spec.key,
                           type=str(spec.type))
            result.append(replace(spec, when=when, applicant_when=is_applicant))
        cycle = _condition_cycle({spec.key: spec.when.names - {spec.key}  # naming itself: reported above
                                  for spec in result if spec.when is not None})
        if cycle:
            chain = " → ".join(cycle)
            self.issue("fields", "catalog.when_cycle", chain=chain)
        return result

    def materials(self, raw: object) -> list[MaterialSpec]:
        specs: list[MaterialSpec] = []
        seen: set[str] = set()
        for path, table in self.tables(raw, "materials"):
            self.known_keys(table, _MATERIAL_KEYS, path)
            key = self.take_key(table, path, seen)
            form = self.take_enum(table, "form", f"{path}.form", MaterialForm)
            copies = self.take_int(table, "copies", f"{path}.copies", minimum=1)
            when = self.take_condition(table, "when", f"{path}.when")
            texts = {name: self.take_str(table, name, f"{path}.{name}")
                     for name in ("name_zh", "name_en", "why_zh", "why_en")}
            note_zh = self.take_str(table, "note_zh", f"{path}.note_zh")
            note_en = self.take_str(table, "note_en", f"{path}.note_en")
            if ("note_zh" in table) != ("note_en" in table):  # a note is said in both languages
                self.issue(f"{path}.note_en" if "note_en" not in table else f"{path}.note_zh", "catalog.note_both")
            verify = self.take_enum(table, "verify", f"{path}.verify", MaterialVerify)
            if key is None or form is None or any(text is None for text in texts.values()):
                continue
            specs.append(MaterialSpec(key=key, form=form, copies=copies or 1, when=when, note_zh=note_zh,
                                      note_en=note_en, verify=verify, **texts))  # type: ignore[arg-type]
        if isinstance(raw, list) and not raw:
            self.issue("materials", "catalog.no_materials")
        return specs

    def rules(self, raw: object) -> list[RuleSpec]:
        specs: list[RuleSpec] = []
        seen: set[str] = set()
        for path, table in self.tables(raw, "rules"):
            self.known_keys(table, _RULE_KEYS, path)
            key = self.take_key(table, path, seen)
            require = self.take_condition(table, "require", f"{path}.require")
            reason_zh = self.take_str(table, "reason_zh", f"{path}.reason_zh")
            reason_en = self.take_str(table, "reason_en", f"{path}.reason_en")
            basis_zh = self.take_str(table, "basis_zh", f"{path}.basis_zh")
            if basis_zh is not None and "《" not in basis_zh:
                self.issue(f"{path}.basis_zh", "catalog.basis_names_law")
            if key is None or require is None or reason_zh is None or reason_en is None or basis_zh is None:
                continue
            specs.append(RuleSpec(key, require, reason_zh, reason_en, basis_zh))
        return specs

    def tiers(self, raw: object) -> list[TierSpec]:
        """`[[tiers]]`: who decides which cases, and in how many working days (first match wins)."""
        specs: list[TierSpec] = []
        seen: set[str] = set()
        for path, table in self.tables(raw, "tiers"):
            self.known_keys(table, _TIER_KEYS, path)
            key = self.take_key(table, path, seen)
            if key == "base":
                self.issue(f"{path}.key", "catalog.base_tier_reserved")
                key = None
            when = self.take_condition(table, "when", f"{path}.when")
            approval = self.take_enum(table, "approval", f"{path}.approval", Approval)
            days = self.take_int(table, "time_limit_days", f"{path}.time_limit_days", minimum=0)
            label_zh = self.take_str(table, "label_zh", f"{path}.label_zh")
            label_en = self.take_str(table, "label_en", f"{path}.label_en")
            if (approval is Approval.CLERK and days) or (approval is not None and approval is not Approval.CLERK
                                                         and days == 0):
                self.issue(f"{path}.time_limit_days", "catalog.tier_days")
                continue
            if key is None or when is None or approval is None or days is None or label_zh is None \
                    or label_en is None:
                continue
            specs.append(TierSpec(key, when, approval, days, label_zh, label_en))
        return specs

    def roles(self, raw: object) -> dict[str, str]:
        """`[roles]`: which fields name the 当事人 (person or text), the guardian and the agent (person)."""
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.issue("roles", "catalog.roles_table")
            return {}
        self.known_keys(raw, _ROLE_KEYS, "roles")
        found: dict[str, str] = {}
        for role in _ROLE_KEYS:
            key = self.take_str(raw, role, f"roles.{role}")
            if key is None:
                continue
            signature = self.signatures.get(key)
            allowed = ("person", "text") if role == "subject" else ("person",)
            if signature is None or signature.type not in allowed:
                self.issue(f"roles.{role}", "catalog.not_person_or_text_field" if role == "subject"
                           else "catalog.not_person_field", field=key)
                continue
            found[role] = key
        return found

    def reissues(self, raw: object) -> ReissueSpec | None:
        """`[reissues]`: the enum field choosing the paper (its options reissuable kinds) and the text field
        holding the original's number."""
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.issue("reissues", "catalog.reissues_table")
            return None
        self.known_keys(raw, _REISSUE_KEYS, "reissues")
        kind_field = self.take_str(raw, "kind_field", "reissues.kind_field")
        number_field = self.take_str(raw, "number_field", "reissues.number_field")
        if kind_field is None or number_field is None:
            return None
        kinds = self.signatures.get(kind_field)
        reissuable = sorted(str(kind) for kind in REISSUABLE)
        if kinds is None or kinds.type != "enum" or not kinds.options or not kinds.options <= set(reissuable):
            self.issue("reissues.kind_field", "catalog.reissue_kind_field", field=kind_field,
                       kinds="、".join(reissuable))
            return None
        number = self.signatures.get(number_field)
        if number is None or number.type != "text":
            self.issue("reissues.number_field", "catalog.reissue_number_field", field=number_field)
            return None
        return ReissueSpec(kind_field, number_field)

    def movers(self, data: Mapping[str, Any]) -> list[str]:
        """`movers`: the person fields naming everyone who moves, in the order they are printed."""
        keys = self.take_str_list(data, "movers", "movers")
        for index, key in enumerate(keys):
            if key == MOVER_APPLICANT:
                continue  # the applicant's own card facts
            signature = self.signatures.get(key)
            if signature is None or signature.type != "person":
                self.issue(f"movers[{index}]", "catalog.not_person_field", field=key)
        if len(set(keys)) != len(keys):
            self.issue("movers", "catalog.movers_twice")
        return keys

    def replaced_by(self, data: Mapping[str, Any]) -> list[str]:
        """`replaced_by`: the codes of the items a retired item was merged into (checked across files later)."""
        codes = self.take_str_list(data, "replaced_by", "replaced_by")
        if "replaced_by" in data and not codes:
            self.issue("replaced_by", "catalog.replaced_by_empty")
        for index, code in enumerate(codes):
            if not KEY_PATTERN.match(code):
                self.issue(f"replaced_by[{index}]", "catalog.not_item_code", item=code)
            elif code == self.stem:
                self.issue(f"replaced_by[{index}]", "catalog.replaces_itself")
        return codes

    def sources(self, raw: object) -> list[SourceSpec]:
        """`[[sources]]`: the public texts an item was taken from (title, issuer, address, date)."""
        specs: list[SourceSpec] = []
        for path, table in self.tables(raw, "sources"):
            self.known_keys(table, _SOURCE_KEYS, path)
            texts = {name: self.take_str(table, name, f"{path}.{name}")
                     for name in ("title_zh", "issuer_zh", "address")}
            date_text = self.take_str(table, "date", f"{path}.date")  # absent: the text names no date
            if date_text is not None and not _SOURCE_DATE.match(date_text):
                self.issue(f"{path}.date", "catalog.bad_source_date", value=date_text)
                continue
            if any(text is None for text in texts.values()):
                continue
            specs.append(SourceSpec(date=date_text or "", **texts))  # type: ignore[arg-type]
        return specs

    # ---- typed access --------------------------------------------------------------------------------

    def known_keys(self, table: Mapping[str, Any], allowed: Mapping[str, bool], path: str) -> None:
        prefix = f"{path}." if path else ""
        for name in table:
            if name not in allowed:
                close = difflib.get_close_matches(name, list(allowed), n=1)
                if close:
                    self.issue(f"{prefix}{name}", "catalog.unknown_key_close", name=name, close=close[0])
                else:
                    self.issue(f"{prefix}{name}", "catalog.unknown_key", name=name)
        for name, required in allowed.items():
            if required and name not in table:
                self.issue(f"{prefix}{name}", "catalog.missing_key", name=name)

    def tables(self, raw: object, path: str, report: bool = True) -> list[tuple[str, dict[str, Any]]]:
        """The entries of an array of tables; a missing array is reported by known_keys."""
        if raw is None:
            return []
        if not isinstance(raw, list):
            if report:
                self.issue(path, "catalog.not_table_array", name=path)
            return []
        entries: list[tuple[str, dict[str, Any]]] = []
        for index, item in enumerate(raw):
            if isinstance(item, dict):
                entries.append((f"{path}[{index}]", item))
            elif report:
                self.issue(f"{path}[{index}]", "catalog.not_a_table", kind=_toml_type(item))
        return entries

    def take_key(self, table: Mapping[str, Any], path: str, seen: set[str], reserved: bool = False) -> str | None:
        key = self.take_str(table, "key", f"{path}.key")
        if key is None:
            return None
        if not KEY_PATTERN.match(key):
            self.issue(f"{path}.key", "catalog.bad_key", value=key)
            return None
        if reserved and key in RESERVED_NAMES:
            self.issue(f"{path}.key", "catalog.reserved_key", value=key)
            return None
        if key in seen:
            self.issue(f"{path}.key", "catalog.duplicate_key", value=key)
            return None
        seen.add(key)
        return key

    def take_str(self, table: Mapping[str, Any], name: str, path: str) -> str | None:
        value = table.get(name)
        if value is None:
            return None  # a missing required key was reported by known_keys
        if not isinstance(value, str):
            self.issue(path, "catalog.not_string", kind=_toml_type(value))
            return None
        if not value.strip():
            self.issue(path, "catalog.empty")
            return None
        return value

    def take_str_list(self, table: Mapping[str, Any], name: str, path: str) -> list[str]:
        value = table.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            self.issue(path, "catalog.not_string_list")
            return []
        return value

    def take_bool(self, table: Mapping[str, Any], name: str, path: str) -> bool | None:
        value = table.get(name)
        if value is not None and not isinstance(value, bool):
            self.issue(path, "catalog.not_bool", kind=_toml_type(value))
            return None
        return value

    def take_int(self, table: Mapping[str, Any], name: str, path: str, minimum: int) -> int | None:
        value = table.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.issue(path, "catalog.not_integer", kind=_toml_type(value))
            return None
        if value < minimum:
            self.issue(path, "catalog.below_minimum", minimum=minimum, value=value)
            return None
        maximum = NUMBER_LIMITS.get(name, DEFAULT_NUMBER_LIMIT)
        if value > maximum:
            self.issue(path, "catalog.above_maximum", maximum=maximum, value=value)
            return None
        return value

    def take_number(self, table: Mapping[str, Any], name: str, path: str,
                    minimum: float | None = None) -> float | None:
        value = table.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.issue(path, "catalog.not_number", kind=_toml_type(value))
            return None
        if not math.isfinite(value):  # TOML has nan and inf; both pass every comparison test
            self.issue(path, "catalog.not_finite", value=value)
            return None
        if minimum is not None and value < minimum:
            self.issue(path, "catalog.below_minimum", minimum=minimum, value=value)
            return None
        maximum = NUMBER_LIMITS.get(name, DEFAULT_NUMBER_LIMIT)
        if abs(value) > maximum:
            self.issue(path, "catalog.beyond_limit", maximum=maximum, value=value)
            return None
        return value

    def take_enum(self, table: Mapping[str, Any], name: str, path: str, enum: type[_E]) -> _E | None:
        value = table.get(name)
        if value is None:
            return None
        choices = ", ".join(member.value for member in enum)
        if not isinstance(value, str) or value not in enum._value2member_map_:
            self.issue(path, "catalog.bad_choice", name=name, value=value, choices=choices)
            return None
        return enum(value)

    def take_condition(self, table: Mapping[str, Any], name: str, path: str) -> Condition | None:
        value = table.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self.issue(path, "catalog.condition_not_string", kind=_toml_type(value))
            return None
        try:
            return compile_condition(value, self.signatures)
        except ConditionError as exc:
            self.issue(path, "catalog.bad_condition", condition=value, problems=exc.problems)
            return None


def _toml_type(value: object) -> str:
    return {bool: "boolean", int: "integer", float: "float", str: "string", list: "array",
            dict: "table"}.get(type(value), type(value).__name__)


def load_catalog(folder: Path) -> Catalog:
    """Read and check every `*.toml` in `folder` (or one transaction file); raise CatalogError naming
    every problem. The composition roots pass the folder (`desk.shipped.shipped_catalog()` reads the
    one shipped with the release): the domain knows no install paths."""
    transactions, issues = read_catalog(folder)
    if issues:
        raise CatalogError(issues)
    return Catalog(transactions)
