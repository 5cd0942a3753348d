"""The citizen web page's form, generated from a catalog transaction: HTML field names to catalog values
and back. The catalog decides which fields show (`visible_fields`) and what is wrong (`validate_values`),
exactly as it does for the desk's Qt form; this module only reads and writes the HTML inputs.

Names: a field `key` is the input `f_key`; a person field has `f_key__name` and `f_key__id_number`; a
yes/no field is a pair of radio buttons `f_key` = `yes` / `no`; a material's upload is `m_<material key>`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desk.domain.catalog import FieldProblem, FieldSpec, FieldType, MaterialSpec, Transaction

FIELD_PREFIX = "f_"
MATERIAL_PREFIX = "m_"
INPUT_TYPES = {FieldType.DATE: "date", FieldType.PHONE: "tel", FieldType.NUMBER: "number"}


def values_from_form(transaction: Transaction, form: Mapping[str, Any]) -> dict[str, Any]:
    """The catalog values the posted inputs say, only for the fields shown for these values."""
    raw: dict[str, Any] = {}
    for spec in transaction.fields:
        value = _read(spec, form)
        if value is not None:
            raw[spec.key] = value
    shown = {spec.key for spec in transaction.visible_fields(raw)}
    return {key: value for key, value in raw.items() if key in shown}


def _read(spec: FieldSpec, form: Mapping[str, Any]) -> Any:
    name = FIELD_PREFIX + spec.key
    if spec.type is FieldType.PERSON:
        person = {part: str(form.get(f"{name}__{part}") or "").strip() for part in ("name", "id_number")}
        return person if any(person.values()) else None
    text = str(form.get(name) or "").strip()
    if not text:
        return None
    if spec.type is FieldType.BOOL:
        return {"yes": True, "no": False}.get(text, text)
    return text


@dataclass(frozen=True)
class FieldRow:
    """One field as the template draws it."""

    spec: FieldSpec
    name: str
    label: str
    help: str
    visible: bool
    value: Any
    error: str
    input_type: str
    options: tuple[tuple[str, str], ...]

    @property
    def kind(self) -> str:
        if self.spec.type is FieldType.PERSON:
            return "person"
        if self.spec.type is FieldType.BOOL:
            return "bool"
        if self.spec.type is FieldType.ENUM:
            return "enum"
        return "input"


@dataclass(frozen=True)
class MaterialRow:
    spec: MaterialSpec
    name: str
    label: str
    why: str
    form_label: str
    needed: bool


def field_rows(transaction: Transaction, values: Mapping[str, Any], problems: list[FieldProblem],
               english: bool) -> list[FieldRow]:
    shown = {spec.key for spec in transaction.visible_fields(values)}
    errors = {p.key: (p.message_en if english else p.message_zh) for p in problems}
    rows = []
    for spec in transaction.fields:
        options = tuple((o.value, o.label_en if english else o.label_zh) for o in spec.options)
        rows.append(FieldRow(
            spec=spec, name=FIELD_PREFIX + spec.key, label=spec.label_en if english else spec.label_zh,
            help=(spec.help_en if english else spec.help_zh) or "", visible=spec.key in shown,
            value=values.get(spec.key), error=errors.get(spec.key, ""),
            input_type=INPUT_TYPES.get(spec.type, "text"), options=options,
        ))
    return rows


def material_rows(transaction: Transaction, values: Mapping[str, Any], english: bool) -> list[MaterialRow]:
    needed = {m.key for m in transaction.required_materials(values)}
    return [MaterialRow(m, MATERIAL_PREFIX + m.key, m.name_en if english else m.name_zh,
                        m.why_en if english else m.why_zh, m.form.label_en if english else m.form.label_zh,
                        m.key in needed)
            for m in transaction.materials]


def shown_now(transaction: Transaction, form: Mapping[str, Any]) -> dict[str, list[str]]:
    """For the page's script: which fields and which materials the posted values show."""
    values = values_from_form(transaction, form)
    return {"fields": [spec.key for spec in transaction.visible_fields(values)],
            "materials": [m.key for m in transaction.required_materials(values)]}
