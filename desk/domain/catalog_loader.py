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
    "permit_when": False, "replaced_by": False,
}
_ROLE_KEYS = {"subject": False, "guardian": False, "agent": False}
_SOURCE_KEYS = {"title_zh": True, "issuer_zh": True, "address": True, "date": False}
_SOURCE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TIER_KEYS = {"key": True, "when": True, "approval": True, "time_limit_days": True, "label_zh": True,
              "label_en": True}
_FIELD_KEYS = {
    "key": True, "type": True, "label_zh": True, "label_en": True, "required": False, "when": False,
    "options": False, "help_zh": False, "help_en": False, "max_length": False, "min": False, "max": False,
    "applicant_when": False,
}
_OPTION_KEYS = {"value": True, "label_zh": True, "label_en": True}
_MATERIAL_KEYS = {
    "key": True, "name_zh": True, "name_en": True, "form": True, "copies": False, "when": False,
    "why_zh": True, "why_en": True, "note_zh": False, "verify": False,
}
_RULE_KEYS = {"key": True, "require": True, "reason_zh": True, "reason_en": True, "basis_zh": True}
_OPTION_VALUE = re.compile(r"^[a-z0-9_]+$")
_TEXT_TYPES = (FieldType.TEXT, FieldType.ADDRESS)


# A transaction file is a few kilobytes; anything far larger is not one (or is /dev/zero behind a link).
MAX_FILE_BYTES = 1_000_000


class NotARegularFile(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def read_bounded(file: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; never blocks on a FIFO or reads a device forever.

    Raises NotARegularFile (with both messages) or OSError."""
    # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever, before any fstat.
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile("不是普通文件（可能是管道、设备或指向设备的链接），已跳过",
                                  "not a regular file (a pipe, a device or a link to one); skipped")
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise NotARegularFile(f"文件过大（超过 {limit // 1000} KB），不像事项文件",
                              f"file too large (over {limit // 1000} kB) to be a transaction file")
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
            return [], [CatalogIssue(path.name, None, "", "目录中没有 .toml 事项文件",
                                     f"no .toml transaction files in {path}")]
    else:
        return [], [CatalogIssue(path.name, None, "", "找不到事项目录", f"no such catalog folder or file: {path}")]
    transactions: list[Transaction] = []
    issues: list[CatalogIssue] = []
    first_file: dict[str, str] = {}
    for file in files:
        transaction, file_issues = read_transaction_file(file)
        issues.extend(file_issues)
        if transaction is None:
            continue
        if transaction.code in first_file:
            issues.append(CatalogIssue(file.name, transaction.code, "code", "事项代码重复",
                                       f"duplicate code: also used by {first_file[transaction.code]}"))
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
                                           f"事项目录中没有“{code}”", f"no item {code!r} in the catalog"))
            elif target.retired:
                issues.append(CatalogIssue(transaction.file_name, transaction.code, f"replaced_by[{index}]",
                                           f"“{code}”本身已停用", f"{code!r} is retired itself"))
    return issues


def read_transaction_file(file: Path) -> tuple[Transaction | None, list[CatalogIssue]]:
    """One transaction file: the transaction (None if anything is wrong) and its problems."""
    try:
        data = tomllib.loads(read_bounded(file).decode("utf-8"))
    except NotARegularFile as exc:
        return None, [CatalogIssue(file.name, None, "", exc.zh, exc.en)]
    except tomllib.TOMLDecodeError as exc:
        # tomllib also refuses a key given twice ("Cannot overwrite a value"), with its line.
        return None, [CatalogIssue(file.name, None, "", f"TOML 语法错误：{exc}", f"TOML syntax error: {exc}")]
    except UnicodeDecodeError:
        return None, [CatalogIssue(file.name, None, "", "文件不是 UTF-8 编码", "file is not UTF-8")]
    except OSError as exc:
        return None, [CatalogIssue(file.name, None, "", f"无法读取文件：{exc}", f"cannot read file: {exc}")]
    checker = _Checker(file.name, file.stem)
    transaction = checker.transaction(data)
    return (transaction if not checker.issues else None), checker.issues


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

    def issue(self, path: str, zh: str, en: str) -> None:
        self.issues.append(CatalogIssue(self.file_name, self.code, path, zh, en))

    # ---- the transaction -----------------------------------------------------------------------------

    def transaction(self, data: dict[str, Any]) -> Transaction | None:
        code = data.get("code")
        self.code = code if isinstance(code, str) and code else None
        self.known_keys(data, _TOP_KEYS, "")
        code = self.take_str(data, "code", "code")
        if code is not None:
            if not KEY_PATTERN.match(code):
                self.issue("code", "代码只能由小写字母、数字和下划线组成，且以字母开头",
                           f"code {code!r} must match ^[a-z][a-z0-9_]*$")
            elif code != self.stem:
                self.issue("code", f"代码应与文件名一致（{self.stem}）",
                           f"code {code!r} differs from the file name {self.stem!r}")
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
                self.issue(f"{path}.max_length", "max_length 只用于 text 和 address 字段",
                           f"max_length is only for text and address fields, not {field_type}")
            low = self.take_number(table, "min", f"{path}.min")
            high = self.take_number(table, "max", f"{path}.max")
            if (low is not None or high is not None) and field_type is not None \
                    and field_type is not FieldType.NUMBER:
                self.issue(path, "min/max 只用于 number 字段", f"min/max are only for number fields, not {field_type}")
            if low is not None and high is not None and low > high:
                self.issue(f"{path}.min", "min 大于 max", f"min {low} is greater than max {high}")
            label_zh = self.take_str(table, "label_zh", f"{path}.label_zh")
            label_en = self.take_str(table, "label_en", f"{path}.label_en")
            required = self.take_bool(table, "required", f"{path}.required")
            help_zh = self.take_str(table, "help_zh", f"{path}.help_zh")
            help_en = self.take_str(table, "help_en", f"{path}.help_en")
            if key is None or field_type is None or label_zh is None or label_en is None:
                continue
            specs[path] = FieldSpec(
                key=key, type=field_type, label_zh=label_zh, label_en=label_en, required=bool(required),
                options=tuple(options), help_zh=help_zh, help_en=help_en, max_length=max_length,
                min_value=low, max_value=high,
            )
        if isinstance(raw, list) and not raw:
            self.issue("fields", "至少需要一个字段", "at least one [[fields]] entry is needed")
        return specs

    def options(self, table: Mapping[str, Any], path: str, field_type: FieldType | None) -> list[FieldOption]:
        raw = table.get("options")
        if field_type is not FieldType.ENUM:
            if raw is not None and field_type is not None:
                self.issue(f"{path}.options", "只有 enum 字段才有 options",
                           f"options are only for enum fields, not {field_type}")
            return []
        if raw is None:
            self.issue(f"{path}.options", "enum 字段需要 options", "an enum field needs options")
            return []
        options: list[FieldOption] = []
        seen: set[str] = set()
        for option_path, option in self.tables(raw, f"{path}.options"):
            self.known_keys(option, _OPTION_KEYS, option_path)
            value = self.take_str(option, "value", f"{option_path}.value")
            if value is not None:
                if not _OPTION_VALUE.match(value):
                    self.issue(f"{option_path}.value", "选项值只能由小写字母、数字和下划线组成",
                               f"option value {value!r} must match ^[a-z0-9_]+$")
                elif value in seen:
                    self.issue(f"{option_path}.value", f"选项值重复：{value}", f"duplicate option value {value!r}")
                seen.add(value)
            label_zh = self.take_str(option, "label_zh", f"{option_path}.label_zh")
            label_en = self.take_str(option, "label_en", f"{option_path}.label_en")
            if value is not None and label_zh is not None and label_en is not None:
                options.append(FieldOption(value, label_zh, label_en))
        if isinstance(raw, list) and not raw:
            self.issue(f"{path}.options", "enum 字段需要至少一个选项", "an enum field needs at least one option")
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
                self.issue(f"{path}.when", "字段的 when 不能引用字段本身",
                           f"a field's when cannot name the field itself ({spec.key})")
            is_applicant = self.take_condition(table, "applicant_when", f"{path}.applicant_when")
            if is_applicant is not None and spec.type is not FieldType.PERSON:
                self.issue(f"{path}.applicant_when", "只有 person 字段可以写 applicant_when",
                           f"only a person field may have applicant_when ({spec.key} is {spec.type})")
            result.append(replace(spec, when=when, applicant_when=is_applicant))
        cycle = _condition_cycle({spec.key: spec.when.names - {spec.key}  # naming itself: reported above
                                  for spec in result if spec.when is not None})
        if cycle:
            chain = " → ".join(cycle)
            self.issue("fields", f"字段的 when 条件互相依赖，形成循环（{chain}），这些字段永远不会显示",
                       f"the fields' when conditions form a cycle ({chain}): these fields could never show")
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
            verify = self.take_enum(table, "verify", f"{path}.verify", MaterialVerify)
            if key is None or form is None or any(text is None for text in texts.values()):
                continue
            specs.append(MaterialSpec(key=key, form=form, copies=copies or 1, when=when, note_zh=note_zh,
                                      verify=verify, **texts))  # type: ignore[arg-type]
        if isinstance(raw, list) and not raw:
            self.issue("materials", "至少需要一项材料", "at least one [[materials]] entry is needed")
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
                self.issue(f"{path}.basis_zh", "依据应写明法律或规定的名称（《…》）",
                           "basis_zh must name the law or rule (in 《…》)")
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
                self.issue(f"{path}.key", "base 是保留的层级名（无层级适用时）",
                           "'base' names the transaction's own level; choose another tier key")
                key = None
            when = self.take_condition(table, "when", f"{path}.when")
            approval = self.take_enum(table, "approval", f"{path}.approval", Approval)
            days = self.take_int(table, "time_limit_days", f"{path}.time_limit_days", minimum=0)
            label_zh = self.take_str(table, "label_zh", f"{path}.label_zh")
            label_en = self.take_str(table, "label_en", f"{path}.label_en")
            if (approval is Approval.CLERK and days) or (approval is not None and approval is not Approval.CLERK
                                                         and days == 0):
                self.issue(f"{path}.time_limit_days", "窗口办结的层级时限应为0；需审批的层级时限应大于0",
                           "a clerk tier is finished on the spot (0 days); an approval tier needs days > 0")
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
            self.issue("roles", "roles 应为表（[roles]）", "roles must be a table ([roles])")
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
                self.issue(f"roles.{role}", f"{key} 不是本事项的 {' 或 '.join(allowed)} 字段",
                           f"{key!r} is not a {' or '.join(allowed)} field of this transaction")
                continue
            found[role] = key
        return found

    def movers(self, data: Mapping[str, Any]) -> list[str]:
        """`movers`: the person fields naming everyone who moves, in the order they are printed."""
        keys = self.take_str_list(data, "movers", "movers")
        for index, key in enumerate(keys):
            if key == MOVER_APPLICANT:
                continue  # the applicant's own card facts
            signature = self.signatures.get(key)
            if signature is None or signature.type != "person":
                self.issue(f"movers[{index}]", f"{key} 不是本事项的 person 字段",
                           f"{key!r} is not a person field of this transaction")
        if len(set(keys)) != len(keys):
            self.issue("movers", "movers 中有重复的字段", "movers names a field twice")
        return keys

    def replaced_by(self, data: Mapping[str, Any]) -> list[str]:
        """`replaced_by`: the codes of the items a retired item was merged into (checked across files later)."""
        codes = self.take_str_list(data, "replaced_by", "replaced_by")
        if "replaced_by" in data and not codes:
            self.issue("replaced_by", "replaced_by 不能为空", "replaced_by must name at least one item")
        for index, code in enumerate(codes):
            if not KEY_PATTERN.match(code):
                self.issue(f"replaced_by[{index}]", f"{code!r} 不是有效的事项代码", f"{code!r} is not an item code")
            elif code == self.stem:
                self.issue(f"replaced_by[{index}]", "事项不能由自身替代", "an item cannot replace itself")
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
                self.issue(f"{path}.date", "日期应为 YYYY、YYYY-MM 或 YYYY-MM-DD",
                           f"date {date_text!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
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
                hint_zh = f"（是否应为 {close[0]}？）" if close else ""
                hint_en = f" (did you mean {close[0]!r}?)" if close else ""
                self.issue(f"{prefix}{name}", f"未知的键 {name}{hint_zh}", f"unknown key {name!r}{hint_en}")
        for name, required in allowed.items():
            if required and name not in table:
                self.issue(f"{prefix}{name}", f"缺少必填的键 {name}", f"missing required key {name!r}")

    def tables(self, raw: object, path: str, report: bool = True) -> list[tuple[str, dict[str, Any]]]:
        """The entries of an array of tables; a missing array is reported by known_keys."""
        if raw is None:
            return []
        if not isinstance(raw, list):
            if report:
                self.issue(path, f"{path} 应为表数组（[[{path}]]）", f"{path} must be an array of tables ([[{path}]])")
            return []
        entries: list[tuple[str, dict[str, Any]]] = []
        for index, item in enumerate(raw):
            if isinstance(item, dict):
                entries.append((f"{path}[{index}]", item))
            elif report:
                self.issue(f"{path}[{index}]", "应为表", f"must be a table, not {_toml_type(item)}")
        return entries

    def take_key(self, table: Mapping[str, Any], path: str, seen: set[str], reserved: bool = False) -> str | None:
        key = self.take_str(table, "key", f"{path}.key")
        if key is None:
            return None
        if not KEY_PATTERN.match(key):
            self.issue(f"{path}.key", "键只能由小写字母、数字和下划线组成，且以字母开头",
                       f"key {key!r} must match ^[a-z][a-z0-9_]*$")
            return None
        if reserved and key in RESERVED_NAMES:
            self.issue(f"{path}.key", f"{key} 是保留字", f"{key!r} is a reserved name")
            return None
        if key in seen:
            self.issue(f"{path}.key", f"键重复：{key}", f"duplicate key {key!r}")
            return None
        seen.add(key)
        return key

    def take_str(self, table: Mapping[str, Any], name: str, path: str) -> str | None:
        value = table.get(name)
        if value is None:
            return None  # a missing required key was reported by known_keys
        if not isinstance(value, str):
            self.issue(path, "应为字符串", f"must be a string, not {_toml_type(value)}")
            return None
        if not value.strip():
            self.issue(path, "不能为空", "must not be empty")
            return None
        return value

    def take_str_list(self, table: Mapping[str, Any], name: str, path: str) -> list[str]:
        value = table.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            self.issue(path, "应为非空字符串的列表", "must be a list of non-empty strings")
            return []
        return value

    def take_bool(self, table: Mapping[str, Any], name: str, path: str) -> bool | None:
        value = table.get(name)
        if value is not None and not isinstance(value, bool):
            self.issue(path, "应为 true 或 false", f"must be true or false, not {_toml_type(value)}")
            return None
        return value

    def take_int(self, table: Mapping[str, Any], name: str, path: str, minimum: int) -> int | None:
        value = table.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.issue(path, "应为整数", f"must be an integer, not {_toml_type(value)}")
            return None
        if value < minimum:
            self.issue(path, f"不能小于 {minimum}", f"must be at least {minimum}, not {value}")
            return None
        maximum = NUMBER_LIMITS.get(name, DEFAULT_NUMBER_LIMIT)
        if value > maximum:
            self.issue(path, f"不能大于 {maximum}", f"must be at most {maximum}, not {value}")
            return None
        return value

    def take_number(self, table: Mapping[str, Any], name: str, path: str,
                    minimum: float | None = None) -> float | None:
        value = table.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.issue(path, "应为数字", f"must be a number, not {_toml_type(value)}")
            return None
        if not math.isfinite(value):  # TOML has nan and inf; both pass every comparison test
            self.issue(path, "应为有限的数字", f"must be a finite number, not {value}")
            return None
        if minimum is not None and value < minimum:
            self.issue(path, f"不能小于 {minimum}", f"must be at least {minimum}, not {value}")
            return None
        maximum = NUMBER_LIMITS.get(name, DEFAULT_NUMBER_LIMIT)
        if abs(value) > maximum:
            self.issue(path, f"绝对值不能大于 {maximum}", f"must lie within ±{maximum}, not {value}")
            return None
        return value

    def take_enum(self, table: Mapping[str, Any], name: str, path: str, enum: type[_E]) -> _E | None:
        value = table.get(name)
        if value is None:
            return None
        choices = ", ".join(member.value for member in enum)
        if not isinstance(value, str) or value not in enum._value2member_map_:
            self.issue(path, f"无效的值 {value!r}（可选：{choices}）",
                       f"unknown {name} {value!r} (expected one of {choices})")
            return None
        return enum(value)

    def take_condition(self, table: Mapping[str, Any], name: str, path: str) -> Condition | None:
        value = table.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self.issue(path, "条件应为字符串", f"a condition must be a string, not {_toml_type(value)}")
            return None
        try:
            return compile_condition(value, self.signatures)
        except ConditionError as exc:
            self.issue(path, f"条件 {value!r} 有误：{exc.message_zh}", f"condition {value!r}: {exc.message_en}")
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
