"""“高效办成一件事” bundles: several catalog transactions a citizen needs for one event of life
(a birth, a death, a marriage), started together, the fields they share asked once, and the
follow-ups at other agencies (医保参保, 社保卡, 预防接种 …) listed for the citizen and tracked.

A bundle is data — one TOML file per bundle in `resources/bundles/` — and refers to transactions by
their catalog codes; it never changes the catalog. The loader is as strict as the catalog's: an
unknown key, a wrong type, a transaction or field the catalog lacks, a shared field whose targets
disagree in type — every problem is collected and named with the file and the key
(`members[1].transaction`, 0-based). Plain Python: no Qt, no store.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desk.domain.catalog import Catalog, CatalogIssue, FieldSpec, Transaction
from desk.domain.catalog_loader import read_toml
from desk.domain.errors import DeskError

_TOP_KEYS = {"code": True, "name_zh": True, "name_en": True, "description_zh": True, "description_en": True,
             "source": True, "keywords": False, "members": True, "shared": False, "follow_ups": False}
_MEMBER_KEYS = {"transaction": True, "optional": False, "note_zh": False}
_SHARED_KEYS = {"key": True, "fills": True, "label_zh": False, "label_en": False}
_FOLLOW_UP_KEYS = {"key": True, "name_zh": True, "agency_zh": True, "how_zh": True}
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class BundleError(DeskError):
    """The bundles did not load; `errors` holds every problem, each naming file and key."""

    code = "bundles_invalid"

    def __init__(self, errors: list[CatalogIssue]) -> None:
        self._speak("bundles.invalid", {"count": len(errors), "files": len({issue.file for issue in errors}),
                                        "problems": "; ".join(map(str, errors))})
        self.errors = errors


@dataclass(frozen=True)
class BundleMember:
    """A member transaction, in the order the bundle handles it."""

    transaction_code: str
    optional: bool = False  # the clerk may leave it out (e.g. 户主变更 only when the deceased was the head)
    note_zh: str = ""


@dataclass(frozen=True)
class SharedField:
    """A value asked once that fills a field of several members; its form field is the first target's
    (with the bundle's label when it gives one)."""

    key: str
    targets: tuple[tuple[str, str], ...]  # (transaction code, field key)
    spec: FieldSpec


@dataclass(frozen=True)
class Referral:
    """A follow-up at another agency, printed for the citizen and tracked to done (or referred)."""

    key: str
    name_zh: str
    agency_zh: str
    how_zh: str


@dataclass(frozen=True)
class Bundle:
    code: str
    name_zh: str
    name_en: str
    description_zh: str
    description_en: str
    source: str
    members: tuple[BundleMember, ...]
    shared: tuple[SharedField, ...] = ()
    follow_ups: tuple[Referral, ...] = ()
    keywords: tuple[str, ...] = ()
    file_name: str = field(default="", compare=False)

    @property
    def member_codes(self) -> tuple[str, ...]:
        return tuple(m.transaction_code for m in self.members)

    def member(self, code: str) -> BundleMember | None:
        return next((m for m in self.members if m.transaction_code == code), None)

    def shared_targets(self, code: str) -> dict[str, str]:
        """field key of member `code` → the shared key that fills it."""
        return {target_field: s.key for s in self.shared for target_code, target_field in s.targets
                if target_code == code}

    def own_fields(self, transaction: Transaction) -> tuple[FieldSpec, ...]:
        """The member's fields the bundle does not ask once for all."""
        filled = self.shared_targets(transaction.code)
        return tuple(f for f in transaction.fields if f.key not in filled)

    def member_values(self, code: str, shared_values: Mapping[str, Any],
                      own_values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """A member's form values: its own, with every shared value copied into the fields it fills."""
        values = dict(own_values or {})
        for target_field, shared_key in self.shared_targets(code).items():
            if shared_key in shared_values:
                values[target_field] = shared_values[shared_key]
        return values


class Bundles(Mapping[str, Bundle]):
    """The loaded bundles by code, in file order."""

    def __init__(self, bundles: list[Bundle] | tuple[Bundle, ...] = ()) -> None:
        self._by_code = {b.code: b for b in bundles}

    def __getitem__(self, code: str) -> Bundle:
        return self._by_code[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_code)

    def __len__(self) -> int:
        return len(self._by_code)


def load_bundles(folder: Path, catalog: Catalog, *, skip_foreign: bool = False) -> Bundles:
    """Every bundle in `folder`; BundleError with every problem when any file is wrong.

    `skip_foreign`: a bundle naming a transaction this catalog lacks is left out instead of refused —
    a station's own smaller catalog simply has no such bundle (the shipped bundles are checked
    against the shipped catalog strictly, by the tests)."""
    bundles, issues = read_bundles(folder, catalog, skip_foreign=skip_foreign)
    if issues:
        raise BundleError(issues)
    return Bundles(bundles)


def read_bundles(folder: Path, catalog: Catalog, *,
                 skip_foreign: bool = False) -> tuple[list[Bundle], list[CatalogIssue]]:
    """The bundles that loaded cleanly and every problem found (a missing folder is no bundles)."""
    if not folder.is_dir():
        return [], []
    bundles: list[Bundle] = []
    issues: list[CatalogIssue] = []
    seen: dict[str, str] = {}
    for file in sorted(folder.glob("*.toml")):
        bundle, file_issues = read_bundle_file(file, catalog, skip_foreign=skip_foreign)
        issues += file_issues
        if bundle is None:
            continue
        if bundle.code in seen:
            issues.append(CatalogIssue(file.name, bundle.code, "code", "bundle_file.duplicate_code",
                                       {"other": seen[bundle.code]}))
            continue
        seen[bundle.code] = file.name
        bundles.append(bundle)
    return bundles, issues


def read_bundle_file(file: Path, catalog: Catalog, *,
                     skip_foreign: bool = False) -> tuple[Bundle | None, list[CatalogIssue]]:
    data, problem = read_toml(file)
    if problem is not None:
        return None, [problem]
    members = data.get("members")
    if skip_foreign and isinstance(members, list) and any(
            isinstance(m, dict) and isinstance(m.get("transaction"), str) and m["transaction"] not in catalog
            for m in members):
        return None, []
    checker = _Checker(file.name, file.stem, catalog)
    bundle = checker.bundle(data)
    return (bundle if not checker.issues else None), checker.issues


class _Checker:
    def __init__(self, file_name: str, stem: str, catalog: Catalog) -> None:
        self.file, self.stem, self.catalog = file_name, stem, catalog
        self.code: str | None = None
        self.issues: list[CatalogIssue] = []

    def problem(self, path: str, message_key: str, **params: object) -> None:
        self.issues.append(CatalogIssue(self.file, self.code, path, message_key, params))

    def keys(self, table: Mapping[str, Any], allowed: Mapping[str, bool], where: str) -> bool:
        prefix = f"{where}." if where else ""
        for key in sorted(set(table) - set(allowed)):
            self.problem(f"{prefix}{key}", "bundle_file.unknown_key", name=key)
        missing = [k for k, required in allowed.items() if required and k not in table]
        for key in missing:
            self.problem(f"{prefix}{key}", "bundle_file.missing_key", name=key)
        return not missing

    def text(self, table: Mapping[str, Any], key: str, where: str, default: str = "") -> str:
        value = table.get(key, default)
        path = f"{where}.{key}" if where else key
        if not isinstance(value, str) or (key in table and not value.strip()):
            self.problem(path, "bundle_file.not_text", value=value)
            return default
        return value

    def tables(self, data: Mapping[str, Any], key: str) -> list[tuple[str, Mapping[str, Any]]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problem(key, "bundle_file.not_table_array", name=key)
            return []
        found: list[tuple[str, Mapping[str, Any]]] = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                found.append((f"{key}[{index}]", item))
            else:
                self.problem(f"{key}[{index}]", "bundle_file.not_a_table")
        return found

    def bundle(self, data: Mapping[str, Any]) -> Bundle | None:
        code = data.get("code")
        self.code = code if isinstance(code, str) else None
        complete = self.keys(data, _TOP_KEYS, "")
        if isinstance(code, str):
            if not _KEY.match(code):
                self.problem("code", "bundle_file.bad_code", value=code)
            elif code != self.stem:
                self.problem("code", "bundle_file.code_not_file_name", value=code, stem=self.stem)
            if code in self.catalog:
                self.problem("code", "bundle_file.code_is_transaction", value=code)
        elif "code" in data:
            self.problem("code", "bundle_file.code_not_text")
        texts = {k: self.text(data, k, "") for k in ("name_zh", "name_en", "description_zh", "description_en",
                                                     "source") if k in data}
        keywords = data.get("keywords", [])
        if not (isinstance(keywords, list) and all(isinstance(k, str) and k for k in keywords)):
            self.problem("keywords", "bundle_file.keywords")
            keywords = []
        members = self.members(data)
        shared = self.shared(data, members)
        follow_ups = self.follow_ups(data)
        if not complete or self.issues or not isinstance(code, str):
            return None
        return Bundle(code, texts["name_zh"], texts["name_en"], texts["description_zh"], texts["description_en"],
                      texts["source"], tuple(members), tuple(shared), tuple(follow_ups), tuple(keywords), self.file)

    def members(self, data: Mapping[str, Any]) -> list[BundleMember]:
        members: list[BundleMember] = []
        entries = self.tables(data, "members")
        if "members" in data and not entries:
            self.problem("members", "bundle_file.no_members")
        for where, item in entries:
            if not self.keys(item, _MEMBER_KEYS, where):
                continue
            code = item["transaction"]
            if not isinstance(code, str) or code not in self.catalog:
                self.problem(f"{where}.transaction", "bundle_file.no_transaction", item=code)
                continue
            if any(m.transaction_code == code for m in members):
                self.problem(f"{where}.transaction", "bundle_file.member_twice", item=code)
                continue
            optional = item.get("optional", False)
            if not isinstance(optional, bool):
                self.problem(f"{where}.optional", "bundle_file.not_bool")
                optional = False
            members.append(BundleMember(code, optional, self.text(item, "note_zh", where) if "note_zh" in item else ""))
        if members and all(m.optional for m in members):
            self.problem("members", "bundle_file.all_optional")
        return members

    def shared(self, data: Mapping[str, Any], members: list[BundleMember]) -> list[SharedField]:
        codes = {m.transaction_code for m in members}
        shared: list[SharedField] = []
        filled: dict[tuple[str, str], str] = {}
        for where, item in self.tables(data, "shared"):
            if not self.keys(item, _SHARED_KEYS, where):
                continue
            key, fills = item["key"], item["fills"]
            if not isinstance(key, str) or not _KEY.match(key):
                self.problem(f"{where}.key", "bundle_file.bad_key", value=key)
                continue
            if any(s.key == key for s in shared):
                self.problem(f"{where}.key", "bundle_file.shared_twice", value=key)
                continue
            if not (isinstance(fills, list) and fills and all(isinstance(t, str) for t in fills)):
                self.problem(f"{where}.fills", "bundle_file.fills_list")
                continue
            specs: list[FieldSpec] = []
            targets: list[tuple[str, str]] = []
            for index, target in enumerate(fills):
                path = f"{where}.fills[{index}]"
                code, _, field_key = target.partition(".")
                if code not in codes:
                    self.problem(path, "bundle_file.not_member", item=code)
                    continue
                spec = self.catalog[code].field(field_key)
                if spec is None:
                    self.problem(path, "bundle_file.no_field", item=code, field=field_key)
                    continue
                if (code, field_key) in filled:
                    self.problem(path, "bundle_file.filled_already", shared=filled[code, field_key])
                    continue
                if specs and not _same_kind(specs[0], spec):
                    self.problem(path, "bundle_file.kind_differs", first=fills[0])
                    continue
                filled[code, field_key] = key
                specs.append(spec)
                targets.append((code, field_key))
            if not specs:
                continue
            label_zh = self.text(item, "label_zh", where, specs[0].label_zh)
            label_en = self.text(item, "label_en", where, specs[0].label_en)
            # Asked once: required when any target requires it; shown always (each member's own
            # `when` still decides whether the copied value matters there).
            spec = replace(specs[0], key=key, label_zh=label_zh, label_en=label_en,
                           required=any(s.required and s.when is None for s in specs), when=None)
            shared.append(SharedField(key, tuple(targets), spec))
        return shared

    def follow_ups(self, data: Mapping[str, Any]) -> list[Referral]:
        found: list[Referral] = []
        for where, item in self.tables(data, "follow_ups"):
            if not self.keys(item, _FOLLOW_UP_KEYS, where):
                continue
            key = item["key"]
            if not isinstance(key, str) or not _KEY.match(key):
                self.problem(f"{where}.key", "bundle_file.bad_key", value=key)
                continue
            if any(r.key == key for r in found):
                self.problem(f"{where}.key", "bundle_file.follow_up_twice", value=key)
                continue
            found.append(Referral(key, *(self.text(item, k, where) for k in ("name_zh", "agency_zh", "how_zh"))))
        return found


def _same_kind(first: FieldSpec, other: FieldSpec) -> bool:
    return first.type == other.type and {o.value for o in first.options} == {o.value for o in other.options}


def bundle_matches(bundle: Bundle, text: str) -> bool:
    """Whether a search text finds the bundle (its names, keywords, or a member's name)."""
    needle = text.strip().lower()
    if not needle:
        return True
    haystack = [bundle.code, bundle.name_zh, bundle.name_en.lower(), *bundle.keywords]
    return any(needle in h.lower() for h in haystack)
