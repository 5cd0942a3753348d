"""The transaction catalog's model, and what a transaction decides about one application.

The 36 household-registration transactions are data (resources/catalog/*.toml, format in
docs/catalog-format.md); `desk.domain.catalog_loader.load_catalog(folder)` reads and validates a folder of
them. A `Transaction` answers, as pure functions of the
form's values, the applicant's card facts and today's date: which fields are shown, what is wrong
with the values, which materials are needed (and which are still missing, for the one-time notice
一次性告知), and whether the applicant is eligible. The form engine, the services and the kiosk all
ask these same questions, so they cannot disagree.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from desk.domain import messages
from desk.domain.applicant import ApplicantFacts, birth_date_from_id, id_checksum_ok, normalise_id_text
from desk.domain.conditions import Condition, ConditionContext, is_filled
from desk.domain.errors import DeskError, InvalidInput
from desk.domain.messages import Bilingual, Said


class _Labelled(StrEnum):
    """A catalog enum whose values have Chinese and English labels (tables below)."""

    @property
    def label_zh(self) -> str:
        return _LABELS_ZH[self]

    @property
    def label_en(self) -> str:
        return _LABELS_EN[self]


class Category(_Labelled):
    SETTLE = "settle"
    MOVE = "move"
    DEREGISTER = "deregister"
    CHANGE = "change"
    HOUSEHOLD = "household"
    DOCUMENT = "document"


class Approval(_Labelled):
    CLERK = "clerk"  # the window clerk completes it
    LEADER = "leader"  # the station leader approves
    BRANCH = "branch"  # the branch (分局) decides; the station records its decision
    CITY = "city"  # the city bureau (市公安局) decides; the station records its decision

    @property
    def above_station(self) -> bool:
        """Decided by an organ above the police station (the station accepts and forwards)."""
        return self in (Approval.BRANCH, Approval.CITY)

    @property
    def needs_review(self) -> bool:
        return self is not Approval.CLERK


class PowerType(_Labelled):
    """The kind of administrative act (权力类型): decides the title of a refusal after examination."""

    LICENSING = "licensing"  # 行政许可 (户口迁移审批): 不予许可
    CONFIRMATION = "confirmation"  # 行政确认 (出生、死亡、变更更正登记): 不予登记
    SERVICE = "service"  # 公共服务 (证明、户口簿): 不予办理


# Without `power_type` in the file: moves and settling are 户口迁移 (licensing), records are confirmed.
DEFAULT_POWER_TYPE: dict[str, PowerType] = {
    "settle": PowerType.LICENSING, "move": PowerType.LICENSING, "deregister": PowerType.CONFIRMATION,
    "change": PowerType.CONFIRMATION, "household": PowerType.CONFIRMATION, "document": PowerType.SERVICE,
}


class FieldType(StrEnum):
    TEXT = "text"
    DATE = "date"
    ID_NUMBER = "id_number"
    ENUM = "enum"
    ADDRESS = "address"
    PHONE = "phone"
    PERSON = "person"
    NUMBER = "number"
    BOOL = "bool"


class MaterialForm(_Labelled):
    ORIGINAL = "original"
    COPY = "copy"
    ORIGINAL_AND_COPY = "original_and_copy"
    ELECTRONIC = "electronic"


class MaterialVerify(_Labelled):
    """How the police can check a material themselves instead of taking the paper (material state 系统核验)."""

    CARD = "card"  # the applicant's own ID card: checked by reading it on the card reader (读卡核验)
    SYSTEM = "system"  # 公安机关能够通过信息系统核验的，免于提交: checked in the police systems


class OnlineMode(_Labelled):
    """How far a transaction goes on the citizen web page (网上办, docs/online.md)."""

    VISIT = "visit"  # applied and pre-reviewed online; the citizen comes once with the originals
    FULL = "full"  # 全程网办: the station may decide it online, without a visit


class IssuedDocument(_Labelled):
    RECEIPT_ONLY = "receipt_only"
    MOVE_IN_PERMIT = "move_in_permit"
    HOUSEHOLD_CERTIFICATE = "household_certificate"
    BOOKLET = "booklet"
    DEREGISTRATION_CERTIFICATE = "deregistration_certificate"
    MIGRATION_CERTIFICATE = "migration_certificate"  # 户口迁移证, issued by the origin on a paper permit


_LABELS_ZH: dict[StrEnum, str] = {
    Category.SETTLE: "落户", Category.MOVE: "迁移", Category.DEREGISTER: "注销",
    Category.CHANGE: "变更更正", Category.HOUSEHOLD: "户务", Category.DOCUMENT: "证件证明",
    Approval.CLERK: "窗口办结", Approval.LEADER: "所领导审批", Approval.BRANCH: "分局审批",
    Approval.CITY: "市局审批",
    MaterialForm.ORIGINAL: "原件", MaterialForm.COPY: "复印件",
    MaterialForm.ORIGINAL_AND_COPY: "原件及复印件", MaterialForm.ELECTRONIC: "可电子证照",
    MaterialVerify.CARD: "读卡核验", MaterialVerify.SYSTEM: "系统核验",
    PowerType.LICENSING: "行政许可", PowerType.CONFIRMATION: "行政确认", PowerType.SERVICE: "公共服务",
    OnlineMode.VISIT: "网上预审、到所一次", OnlineMode.FULL: "全程网办",
    IssuedDocument.RECEIPT_ONLY: "受理回执", IssuedDocument.MOVE_IN_PERMIT: "准予迁入证明",
    IssuedDocument.HOUSEHOLD_CERTIFICATE: "户籍证明", IssuedDocument.BOOKLET: "户口簿",
    IssuedDocument.DEREGISTRATION_CERTIFICATE: "注销户口证明",
    IssuedDocument.MIGRATION_CERTIFICATE: "户口迁移证",
}
_LABELS_EN: dict[StrEnum, str] = {
    Category.SETTLE: "Settling", Category.MOVE: "Moving", Category.DEREGISTER: "Deregistration",
    Category.CHANGE: "Changes and corrections", Category.HOUSEHOLD: "Household matters",
    Category.DOCUMENT: "Documents and certificates",
    Approval.CLERK: "Window clerk", Approval.LEADER: "Station leader", Approval.BRANCH: "Branch bureau",
    Approval.CITY: "City bureau",
    MaterialForm.ORIGINAL: "Original", MaterialForm.COPY: "Copy",
    MaterialForm.ORIGINAL_AND_COPY: "Original and copy", MaterialForm.ELECTRONIC: "Electronic licence accepted",
    MaterialVerify.CARD: "Checked by reading the card", MaterialVerify.SYSTEM: "Checked in the police systems",
    PowerType.LICENSING: "Administrative licensing", PowerType.CONFIRMATION: "Administrative confirmation",
    PowerType.SERVICE: "Public service",
    OnlineMode.VISIT: "Pre-reviewed online, one visit", OnlineMode.FULL: "Fully online",
    IssuedDocument.RECEIPT_ONLY: "Receipt only", IssuedDocument.MOVE_IN_PERMIT: "Move-in permit",
    IssuedDocument.HOUSEHOLD_CERTIFICATE: "Household registration certificate",
    IssuedDocument.BOOKLET: "Household booklet",
    IssuedDocument.DEREGISTRATION_CERTIFICATE: "Deregistration certificate",
    IssuedDocument.MIGRATION_CERTIFICATE: "Migration certificate",
}


# The papers a 补发 (re-issue) item may re-issue: the move papers this station prints from its own record.
REISSUABLE = frozenset({IssuedDocument.MOVE_IN_PERMIT, IssuedDocument.MIGRATION_CERTIFICATE})


@dataclass(frozen=True)
class ReissueSpec:
    """`[reissues]`: the item re-issues a paper this station issued before. `kind_field` (an enum field whose
    options are reissuable paper kinds) says which paper, `number_field` (a text field) the original's
    number; completing the case prints the original's facts under a new number and voids the original."""

    kind_field: str
    number_field: str

    def kind(self, values: Mapping[str, object]) -> IssuedDocument | None:
        chosen = values.get(self.kind_field)
        try:
            kind = IssuedDocument(chosen) if isinstance(chosen, str) else None
        except ValueError:
            return None
        return kind if kind in REISSUABLE else None

    def original_number(self, values: Mapping[str, object]) -> str:
        number = values.get(self.number_field)
        return number.strip().upper() if isinstance(number, str) else ""


@dataclass(frozen=True)
class FieldOption:
    value: str
    label_zh: str
    label_en: str


@dataclass(frozen=True)
class FieldSpec:
    """One form field. `when` (if any) decides whether it is shown and, if `required`, required."""

    key: str
    type: FieldType
    label_zh: str
    label_en: str
    required: bool = False
    when: Condition | None = None
    options: tuple[FieldOption, ...] = ()
    help_zh: str | None = None
    help_en: str | None = None
    max_length: int | None = None
    min_value: float | None = None
    max_value: float | None = None
    # person fields: when this holds (and `when` does not), the person IS the applicant (为本人开具 = 是):
    # the form shows the applicant in the field's greyed boxes instead of leaving them blank.
    applicant_when: Condition | None = None
    # bool fields: how the field reads when it does NOT hold (父母未登记结婚 / parents are not married), so a
    # condition on it ("parents_married == false") is told as a person would say it.
    label_false_zh: str | None = None
    label_false_en: str | None = None

    def check_value(self, value: object) -> FieldProblem | None:
        """What is wrong with a filled value for this field's type, or None. Emptiness is not judged here."""
        problem = _CHECKS[self.type](self, value)
        if problem is None:
            return None
        return FieldProblem(self.key, "field.labelled", {"label": self.label, "problem": problem})

    @property
    def label(self) -> Bilingual:
        """The field's label as a message parameter (catalog data: each language says its own)."""
        return Bilingual(self.label_zh, self.label_en)

    def to_json_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "key": self.key, "type": str(self.type), "required": self.required,
            "label_zh": self.label_zh, "label_en": self.label_en,
            "when": self.when.source if self.when else None,
        }
        if self.applicant_when is not None:
            data["applicant_when"] = self.applicant_when.source
        if self.options:
            data["options"] = [{"value": o.value, "label_zh": o.label_zh, "label_en": o.label_en}
                               for o in self.options]
        for name, value in (("help_zh", self.help_zh), ("help_en", self.help_en),
                            ("max_length", self.max_length), ("min", self.min_value), ("max", self.max_value),
                            ("label_false_zh", self.label_false_zh), ("label_false_en", self.label_false_en)):
            if value is not None:
                data[name] = value
        return data


@dataclass(frozen=True)
class MaterialSpec:
    """A material the citizen brings; required only when `when` holds (always if there is none)."""

    key: str
    name_zh: str
    name_en: str
    form: MaterialForm
    why_zh: str
    why_en: str
    copies: int = 1
    when: Condition | None = None
    note_zh: str | None = None
    note_en: str | None = None  # the note in English (the kiosk's and the checklist's English); with note_zh
    verify: MaterialVerify | None = None  # the police may check it themselves (系统核验) instead

    @property
    def bilingual_name(self) -> Bilingual:
        """The name as a message parameter (catalog data: each language says its own)."""
        return Bilingual(self.name_zh, self.name_en)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "name_zh": self.name_zh, "name_en": self.name_en, "form": str(self.form),
            "copies": self.copies, "when": self.when.source if self.when else None,
            "why_zh": self.why_zh, "why_en": self.why_en, "note_zh": self.note_zh, "note_en": self.note_en,
            "verify": str(self.verify) if self.verify else None,
        }


@dataclass(frozen=True)
class RuleSpec:
    """An eligibility rule: `require` must hold; `reason_*` is shown when it does not."""

    key: str
    require: Condition
    reason_zh: str
    reason_en: str
    basis_zh: str = ""  # the article the rule rests on (printed on a refusal)

    @property
    def reason(self) -> Bilingual:
        """The reason as a message parameter (catalog data: each language says its own)."""
        return Bilingual(self.reason_zh, self.reason_en)

    def to_json_dict(self) -> dict[str, Any]:
        return {"key": self.key, "require": self.require.source,
                "reason_zh": self.reason_zh, "reason_en": self.reason_en, "basis_zh": self.basis_zh}


@dataclass(frozen=True)
class TierSpec:
    """A case tier (办理层级): when `when` holds, the case is decided at `approval` within `time_limit_days`.

    The first tier whose `when` holds wins; when none does, the transaction's own `approval` and
    `time_limit_days` apply (the base tier)."""

    key: str
    when: Condition
    approval: Approval
    time_limit_days: int
    label_zh: str
    label_en: str

    def to_json_dict(self) -> dict[str, Any]:
        return {"key": self.key, "when": self.when.source, "approval": str(self.approval),
                "time_limit_days": self.time_limit_days, "label_zh": self.label_zh, "label_en": self.label_en}


BASE_TIER = "base"
MOVER_APPLICANT = "applicant"  # in `movers`: the applicant's own card facts (not a form field)


@dataclass(frozen=True)
class ResolvedTier:
    """The tier a case falls in for its values: stored on the case when it is accepted."""

    key: str  # a tier's key, or BASE_TIER
    approval: Approval
    time_limit_days: int
    label_zh: str | None = None  # why the case is on this tier (None for the base tier)
    label_en: str | None = None
    pending: bool = False  # a tier's `when` could not be decided yet (a value it needs is unfilled)


@dataclass(frozen=True)
class SourceSpec:
    """A public text an item's content was taken from: what it is, who issued it, where, when."""

    title_zh: str
    issuer_zh: str
    address: str  # a web address or where the paper is posted
    date: str = ""  # as published: YYYY, YYYY-MM or YYYY-MM-DD; "" when the text names no date

    def to_json_dict(self) -> dict[str, Any]:
        return {"title_zh": self.title_zh, "issuer_zh": self.issuer_zh, "address": self.address, "date": self.date}


@dataclass(frozen=True)
class PersonRef:
    """A person a case names in a role: a name, and the ID number where the form has one."""

    name: str
    id_number: str = ""


@dataclass(frozen=True)
class CaseRoles:
    """Who is who in a case besides the applicant (申请人, whose card was read): the person the case
    is about (当事人) when that is someone else, a guardian (监护人) and an agent (代理人)."""

    subject: PersonRef | None = None
    guardian: PersonRef | None = None
    agent: PersonRef | None = None

    def labelled_zh(self) -> list[tuple[str, str]]:
        pairs = (("当事人", self.subject), ("监护人", self.guardian), ("代理人", self.agent))
        return [(label, person.name) for label, person in pairs if person is not None]


def _person_ref(value: object) -> PersonRef | None:
    if isinstance(value, str) and value.strip():
        return PersonRef(value.strip())
    if isinstance(value, Mapping):
        name = value.get("name")
        if isinstance(name, str) and name.strip():
            number = value.get("id_number")
            return PersonRef(name.strip(), normalise_id_text(number) if isinstance(number, str) else "")
    return None


@dataclass(frozen=True)
class FieldProblem(messages.Saying):
    """Something wrong with one field's value: which field (`key`) and what, a message key with its
    parameters (`desk.domain.messages`, "field.*"); `Bilingual` parameters (the label) are catalog data."""

    key: str
    message_key: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def said(self) -> messages.Said:
        """This problem as a message inside another (the form's summary, `case.form_incomplete`)."""
        return messages.Said(self.message_key, self.params)


@dataclass(frozen=True)
class EligibilityResult:
    """`eligible` only when every rule is decided and holds; `pending` rules still need values."""

    eligible: bool
    failed: list[RuleSpec]
    pending: list[RuleSpec]


_NUMBER_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def _for_conditions(spec: FieldSpec, value: object) -> object:
    """The value as conditions see it: numbers typed as text count as numbers, ID letters upper-cased."""
    if isinstance(value, str):
        text = value.strip()
        if spec.type is FieldType.NUMBER and _NUMBER_TEXT.match(text):
            return float(text) if "." in text else int(text)
        if spec.type is FieldType.ID_NUMBER:
            return normalise_id_text(text)
    return value


@dataclass(frozen=True)
class Transaction:
    """One catalog transaction (事项). Frozen: the catalog is loaded once and shared."""

    code: str
    name_zh: str
    name_en: str
    category: Category
    time_limit_days: int
    approval: Approval
    description_zh: str
    description_en: str
    conditions_zh: str
    legal_basis_zh: str
    source: str
    fields: tuple[FieldSpec, ...]
    materials: tuple[MaterialSpec, ...]
    rules: tuple[RuleSpec, ...] = ()
    tiers: tuple[TierSpec, ...] = ()
    power_type: PowerType = PowerType.LICENSING
    department_zh: str = ""  # 受理部门 / 受理地 ("" = the default wording of the guide)
    procedure_zh: tuple[str, ...] = ()  # 办理流程, one step a line (() = the steps the approval implies)
    fee_basis_zh: str = ""  # 收费依据 (for a fee; "" when free)
    sources: tuple[SourceSpec, ...] = ()
    delegated: bool = False  # one of the approval powers the city delegated to police stations
    movers: tuple[str, ...] = ()  # person fields listing everyone who moves (printed on permit / certificate);
    # MOVER_APPLICANT stands for the applicant's own card facts
    # The paper route of a move (纸质准迁证): when this holds, completing the case issues the 准予迁入证明
    # instead of the transaction's own document.
    permit_when: Condition | None = None
    # A 补发 item: the paper it re-issues is chosen on the form, its facts come from the original's record.
    reissues: ReissueSpec | None = None
    # A retired item (kept so that its old cases still load and print): the items that replaced it.
    # It is not offered for new cases, not listed, not in the guide.
    replaced_by: tuple[str, ...] = ()
    # Roles (field keys): the 当事人 when it is not the applicant (a person or a text field with a
    # name), the guardian and the agent who act for them (person fields). "" = none.
    subject: str = ""
    guardian: str = ""
    agent: str = ""
    fee_yuan: Decimal = Decimal(0)
    kiosk_startable: bool = False
    issues_document: IssuedDocument = IssuedDocument.RECEIPT_ONLY
    # What the citizen takes away when a booklet item is done, as the completion notice says it (换领的新居民
    # 户口簿 / 补发的居民户口簿 / 居民户口簿（已登记新生儿户口页）…): required for `booklet` items only.
    hands_over_zh: str = ""
    online: OnlineMode = OnlineMode.VISIT
    keywords: tuple[str, ...] = ()
    file_name: str = field(default="", compare=False)

    @property
    def bilingual_name(self) -> Bilingual:
        """The name as a message parameter (catalog data: each language says its own)."""
        return Bilingual(self.name_zh, self.name_en)

    @property
    def retired(self) -> bool:
        return bool(self.replaced_by)

    def field(self, key: str) -> FieldSpec | None:
        return next((spec for spec in self.fields if spec.key == key), None)

    def issued_document(
        self, values: Mapping[str, object], applicant: ApplicantFacts | None = None, today: date | None = None
    ) -> IssuedDocument:
        """The paper completing this case issues: the 准予迁入证明 on the paper route of a move
        (`permit_when` holds), the transaction's own document otherwise."""
        if self.permit_when is not None and self.permit_when.holds(self.context(values, applicant, today)):
            return IssuedDocument.MOVE_IN_PERMIT
        if self.reissues is not None:
            return self.reissues.kind(values) or IssuedDocument.RECEIPT_ONLY
        return self.issues_document

    def handed_over_zh(self, issued: IssuedDocument) -> str:
        """What is handed over for the paper `issued` (see `issued_document`): the item's own words for its
        booklet, the paper's name for a certificate or permit, "" when only the receipt was issued."""
        if issued is IssuedDocument.BOOKLET:
            return self.hands_over_zh
        if issued is IssuedDocument.RECEIPT_ONLY:
            return ""
        return f"补发的{issued.label_zh}" if self.reissues is not None else issued.label_zh

    def material(self, key: str) -> MaterialSpec | None:
        return next((spec for spec in self.materials if spec.key == key), None)

    # ---- the questions the form engine, the services and the kiosk ask ----------------------------

    def context(
        self, values: Mapping[str, object], applicant: ApplicantFacts | None = None, today: date | None = None
    ) -> ConditionContext:
        """The condition context for these values, with the values of hidden fields dropped.

        A field the citizen filled and then hid again (by changing an answer) must not keep
        requiring materials or deciding rules, so hidden values count as unfilled.
        """
        return self._resolve(values, applicant, today)[0]

    def visible_fields(
        self, values: Mapping[str, object], applicant: ApplicantFacts | None = None, today: date | None = None
    ) -> list[FieldSpec]:
        """The fields whose `when` holds (in catalog order)."""
        return self._resolve(values, applicant, today)[1]

    def applicant_fields(
        self, values: Mapping[str, object], applicant: ApplicantFacts | None = None, today: date | None = None
    ) -> set[str]:
        """The person fields hidden because the person they ask for is the applicant (`applicant_when`)."""
        context, visible = self._resolve(values, applicant, today)
        shown = {spec.key for spec in visible}
        return {spec.key for spec in self.fields
                if spec.applicant_when is not None and spec.key not in shown and spec.applicant_when.holds(context)}

    def validate_values(
        self, values: Mapping[str, object], applicant: ApplicantFacts | None = None, today: date | None = None
    ) -> list[FieldProblem]:
        """Every problem of the visible fields: required but empty, or a value of the wrong form."""
        problems: list[FieldProblem] = []
        for spec in self.visible_fields(values, applicant, today):
            value = values.get(spec.key)
            if not is_filled(value):
                if spec.required:
                    problems.append(FieldProblem(spec.key, "field.required", {"label": spec.label}))
                continue
            problem = spec.check_value(value)
            if problem is not None:
                problems.append(problem)
        return problems

    def required_materials(
        self, values: Mapping[str, object], applicant: ApplicantFacts | None = None, today: date | None = None
    ) -> list[MaterialSpec]:
        """The materials needed for these values (a `when` that cannot be decided yet does not require)."""
        context = self.context(values, applicant, today)
        return [m for m in self.materials if m.when is None or m.when.holds(context)]

    def missing_materials(
        self, values: Mapping[str, object], received_keys: Iterable[str],
        applicant: ApplicantFacts | None = None, today: date | None = None,
    ) -> list[MaterialSpec]:
        """Required materials not yet received: the list for the one-time notice (一次性告知)."""
        received = set(received_keys)
        return [m for m in self.required_materials(values, applicant, today) if m.key not in received]

    def check_eligibility(
        self, values: Mapping[str, object], applicant: ApplicantFacts | None = None, today: date | None = None
    ) -> EligibilityResult:
        """Check every rule. A rule that cannot be decided yet (a value it needs is unfilled) is pending."""
        context = self.context(values, applicant, today)
        failed: list[RuleSpec] = []
        pending: list[RuleSpec] = []
        for rule in self.rules:
            outcome = rule.require.decide(context)
            if outcome is None:
                pending.append(rule)
            elif not outcome:
                failed.append(rule)
        return EligibilityResult(eligible=not failed and not pending, failed=failed, pending=pending)

    def resolve_tier(
        self, values: Mapping[str, object], applicant: ApplicantFacts | None = None, today: date | None = None
    ) -> ResolvedTier:
        """Who decides this case and how long it may take, for these values (first matching tier).

        A tier whose `when` cannot be decided yet marks the result `pending`: the base tier is only
        a provisional answer until the fields that tier names are filled."""
        context = self.context(values, applicant, today)
        pending = False
        for tier in self.tiers:
            outcome = tier.when.decide(context)
            if outcome:
                return ResolvedTier(tier.key, tier.approval, tier.time_limit_days, tier.label_zh, tier.label_en,
                                    pending)
            if outcome is None:
                pending = True
        return ResolvedTier(BASE_TIER, self.approval, self.time_limit_days, pending=pending)

    def roles(self, values: Mapping[str, object]) -> CaseRoles:
        """The persons the form names in the case's roles (a hidden field names nobody)."""
        shown = {spec.key for spec in self.visible_fields(values)}

        def person(key: str) -> PersonRef | None:
            return _person_ref(values.get(key)) if key and key in shown else None

        return CaseRoles(person(self.subject), person(self.guardian), person(self.agent))

    def to_json_dict(self) -> dict[str, Any]:
        """Plain data for `desk catalog --json`, the kiosk and documents."""
        fee = int(self.fee_yuan) if self.fee_yuan == self.fee_yuan.to_integral_value() else float(self.fee_yuan)
        return {
            "code": self.code, "name_zh": self.name_zh, "name_en": self.name_en,
            "category": str(self.category), "time_limit_days": self.time_limit_days,
            "approval": str(self.approval), "power_type": str(self.power_type),
            "fee_yuan": fee, "kiosk_startable": self.kiosk_startable,
            "issues_document": str(self.issues_document), "hands_over_zh": self.hands_over_zh,
            "online": str(self.online),
            "description_zh": self.description_zh, "description_en": self.description_en,
            "conditions_zh": self.conditions_zh, "legal_basis_zh": self.legal_basis_zh,
            "source": self.source, "keywords": list(self.keywords),
            "fields": [spec.to_json_dict() for spec in self.fields],
            "materials": [spec.to_json_dict() for spec in self.materials],
            "rules": [rule.to_json_dict() for rule in self.rules],
            "tiers": [tier.to_json_dict() for tier in self.tiers],
            "department_zh": self.department_zh, "procedure_zh": list(self.procedure_zh),
            "fee_basis_zh": self.fee_basis_zh, "sources": [s.to_json_dict() for s in self.sources],
            "delegated": self.delegated, "movers": list(self.movers),
            "permit_when": self.permit_when.source if self.permit_when else None,
            "reissues": ({"kind_field": self.reissues.kind_field, "number_field": self.reissues.number_field}
                         if self.reissues else None),
            "replaced_by": list(self.replaced_by),
            "roles": {"subject": self.subject or None, "guardian": self.guardian or None, "agent": self.agent or None},
        }

    def _resolve(
        self, values: Mapping[str, object], applicant: ApplicantFacts | None, today: date | None
    ) -> tuple[ConditionContext, list[FieldSpec]]:
        own = {spec.key: _for_conditions(spec, values.get(spec.key)) for spec in self.fields}
        base = ConditionContext.build(own, applicant, today)
        current = dict(base.values)
        # Hiding a field can change another field's `when`; repeat until nothing changes. The bound
        # only matters for a catalog whose conditions contradict each other.
        for _ in range(len(self.fields) + 1):
            context = replace(base, values=current)
            visible = [spec for spec in self.fields if spec.when is None or spec.when.holds(context)]
            shown = {spec.key for spec in visible}
            narrowed = {key: (value if key in shown else None) for key, value in base.values.items()}
            if narrowed == current:
                break
            current = narrowed
        return context, visible


class Catalog(Mapping[str, Transaction]):
    """All transactions in use, keyed by code, in code order.

    A retired item (`replaced_by`) is still found by its code — `catalog[code]`, `code in catalog` —
    so that the cases opened under it load and print as they were; it is left out of every listing
    (iteration, `len`, `transactions()`, the groups, the kiosk's list), so nobody starts a new one."""

    def __init__(self, transactions: Iterable[Transaction]) -> None:
        self._all: dict[str, Transaction] = {t.code: t for t in sorted(transactions, key=lambda t: t.code)}
        self._by_code: dict[str, Transaction] = {code: t for code, t in self._all.items() if not t.retired}

    def __getitem__(self, code: str) -> Transaction:
        return self._all[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_code)

    def __len__(self) -> int:
        return len(self._by_code)

    def retired(self) -> list[Transaction]:
        """The retired items, kept for their old cases."""
        return [t for t in self._all.values() if t.retired]

    def for_new_case(self, transaction: Transaction) -> Transaction:
        """`transaction` when a new case (or application) may be opened under it; a retired item is
        refused, naming the items that replaced it."""
        if transaction.retired:
            names = "、".join(self._all[code].name_zh if code in self._all else code
                             for code in transaction.replaced_by)
            raise InvalidInput.say("catalog.retired_transaction", name=transaction.name_zh, replacements=names)
        return transaction

    def __repr__(self) -> str:
        return f"Catalog({len(self)} transactions)"

    def transactions(self) -> list[Transaction]:
        return list(self._by_code.values())

    def by_category(self) -> dict[Category, list[Transaction]]:
        """Transactions grouped by category, categories in their declared order, empty ones left out."""
        groups: dict[Category, list[Transaction]] = {category: [] for category in Category}
        for transaction in self._by_code.values():
            groups[transaction.category].append(transaction)
        return {category: items for category, items in groups.items() if items}

    def kiosk_startable(self) -> list[Transaction]:
        return [t for t in self._by_code.values() if t.kiosk_startable]


@dataclass(frozen=True)
class CatalogIssue(messages.Saying):
    """One problem in a data file (the catalog, bundles, holidays): which file, which item, where in
    it, and what — a message key with its parameters (`desk.domain.messages`), said in either language."""

    file: str
    code: str | None
    path: str
    message_key: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return f"{self.message_zh} / {self.message_en}"

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.file} [{self.code or '?'}]{where}: {self.message}"


class CatalogError(DeskError):
    """The catalog did not load; `errors` holds every problem found, not just the first."""

    code = "catalog_invalid"

    def __init__(self, errors: list[CatalogIssue]) -> None:
        self._speak("catalog.invalid", {"count": len(errors), "files": len({issue.file for issue in errors})})
        self.errors = errors

    def __str__(self) -> str:
        # A traceback of a failed start-up then shows every problem, not just the count.
        return "\n".join([f"{self.message_zh} / {self.message_en}", *map(str, self.errors)])


# ---- per-type value checks (a filled value; emptiness is the caller's business) --------------------

_Problem = Said | None
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def id_number_problem(text: str) -> Said | None:
    """Why `text` is not a valid 18-digit citizen ID number (GB 11643, MOD 11-2), or None."""
    text = normalise_id_text(text)
    if len(text) != 18:
        return Said("field.id_length", {"length": len(text)})
    if not re.fullmatch(r"\d{17}[\dX]", text):
        return Said("field.id_shape")
    if birth_date_from_id(text) is None:
        return Said("field.id_birth_date")
    if not id_checksum_ok(text):
        return Said("field.id_checksum")
    return None


def _check_text(spec: FieldSpec, value: object) -> _Problem:
    if not isinstance(value, str):
        return Said("field.not_text")
    length = len(value.strip())
    if spec.max_length is not None and length > spec.max_length:
        return Said("field.too_long", {"maximum": spec.max_length, "length": length})
    return None


def _check_date(spec: FieldSpec, value: object) -> _Problem:
    if isinstance(value, date):
        return None
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            date.fromisoformat(value.strip())
            return None
        except ValueError:
            return Said("field.not_a_real_date")
    return Said("field.date_format")


def _check_id_number(spec: FieldSpec, value: object) -> _Problem:
    if not isinstance(value, str):
        return Said("field.not_an_id_number")
    return id_number_problem(value)


def _check_enum(spec: FieldSpec, value: object) -> _Problem:
    if not any(option.value == value for option in spec.options):
        choices = Bilingual("、".join(option.label_zh for option in spec.options),
                            ", ".join(option.label_en for option in spec.options))
        return Said("field.not_a_choice", {"value": value, "choices": choices})
    return None


def _check_phone(spec: FieldSpec, value: object) -> _Problem:
    text = value.strip() if isinstance(value, str) else ""
    if _MOBILE.match(text) or _LANDLINE.match(text):
        return None
    return Said("field.not_a_phone")


def _check_number(spec: FieldSpec, value: object) -> _Problem:
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str) and _NUMBER_TEXT.match(value.strip()):
        number = float(value.strip())
    if number is None:
        return Said("field.not_a_number")
    if not math.isfinite(number):  # NaN passes every min/max comparison; infinity is no quantity either
        return Said("field.not_finite")
    if spec.min_value is not None and number < spec.min_value:
        return Said("field.below_minimum", {"minimum": f"{spec.min_value:g}"})
    if spec.max_value is not None and number > spec.max_value:
        return Said("field.above_maximum", {"maximum": f"{spec.max_value:g}"})
    return None


def _check_bool(spec: FieldSpec, value: object) -> _Problem:
    return None if isinstance(value, bool) else Said("field.yes_or_no")


def _check_person(spec: FieldSpec, value: object) -> _Problem:
    if not isinstance(value, Mapping):
        return Said("field.person_needed")
    name, id_number = value.get("name"), value.get("id_number")
    if not isinstance(name, str) or not name.strip():
        return Said("field.name_missing")
    if not isinstance(id_number, str) or not id_number.strip():
        return Said("field.id_number_missing")
    relationship = value.get("relationship")
    if relationship is not None and not isinstance(relationship, str):
        return Said("field.relationship_text")
    return id_number_problem(id_number)


_CHECKS = {
    FieldType.TEXT: _check_text,
    FieldType.ADDRESS: _check_text,
    FieldType.DATE: _check_date,
    FieldType.ID_NUMBER: _check_id_number,
    FieldType.ENUM: _check_enum,
    FieldType.PHONE: _check_phone,
    FieldType.NUMBER: _check_number,
    FieldType.BOOL: _check_bool,
    FieldType.PERSON: _check_person,
}
