"""The catalog told in plain words, for the kiosk's what-to-bring screen and the printed checklist:
each material with its form and copies, and a catalog condition ("parents_married == true") told as
"如父母已登记结婚则需" with the fields' labels and option names.

Pure functions over the catalog model. The words are catalog data turned into sentences, so they
come in both of the catalog's languages (`Words`), Chinese first; a screen picks one.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass

from desk.domain.catalog import FieldSpec, MaterialSpec, Transaction


@dataclass(frozen=True)
class Words:
    """One text in both languages."""

    zh: str
    en: str

    def pick(self, language: str) -> str:
        return self.en if language == "en" else self.zh


@dataclass(frozen=True)
class MaterialLine:
    """One material on the what-to-bring list; `condition` is None for the ones always needed."""

    name: Words
    form: Words
    copies: int
    condition: Words | None
    note_zh: str | None
    note_en: str | None = None

    @property
    def caption(self) -> Words:
        """The material with its form and copies, as a list says it: 父母《结婚证》（原件，2份） / Parents'
        marriage certificate (original, 2 copies) — each language with its own brackets."""
        copies_zh = f"，{self.copies}份" if self.copies > 1 else ""
        copies_en = f", {self.copies} copies" if self.copies > 1 else ""
        return Words(f"{self.name.zh}（{self.form.zh}{copies_zh}）",
                     f"{self.name.en} ({_lower_first(self.form.en)}{copies_en})")

    @property
    def note(self) -> Words | None:
        """The catalog's note (免于提交 …) in both languages; the Chinese stands in for a missing English."""
        if not self.note_zh:
            return None
        return Words(self.note_zh, self.note_en or self.note_zh)


def materials_to_bring(transaction: Transaction) -> list[MaterialLine]:
    """Unconditional materials first (what `required_materials` asks with nothing filled in), then the
    conditional ones, each with its condition told as "如…则需"."""
    always = {m.key for m in transaction.required_materials({})}
    lines = [_line(m, None) for m in transaction.materials if m.key in always]
    for material in transaction.materials:
        if material.key in always:
            continue
        condition = describe_condition(material.when.source, transaction.fields) if material.when else None
        lines.append(_line(material, condition))
    return lines


def _line(material: MaterialSpec, condition: Words | None) -> MaterialLine:
    form = Words(material.form.label_zh, material.form.label_en)
    if condition is not None:
        condition = Words(f"如{condition.zh}则需", f"needed if {condition.en}")
    return MaterialLine(Words(material.name_zh, material.name_en), form, material.copies, condition,
                        material.note_zh, material.note_en)


def _lower_first(text: str) -> str:
    """A label inside an English sentence: lower-case first letter, unless it is an acronym."""
    return text[0].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


_OPS_ZH = {ast.Lt: "小于", ast.LtE: "不超过", ast.Gt: "大于", ast.GtE: "不少于"}
_OPS_EN = {ast.Lt: "under", ast.LtE: "at most", ast.Gt: "over", ast.GtE: "at least"}


def describe_condition(source: str, fields: Sequence[FieldSpec]) -> Words:
    """A catalog condition in plain words, using the fields' labels and option names.

    Only the forms the catalog's condition language allows occur; anything unexpected falls back to
    naming the fields involved, never to showing the expression itself."""
    by_key = {spec.key: spec for spec in fields}
    try:
        tree = ast.parse(source, mode="eval").body
        return _describe(tree, by_key)
    except (SyntaxError, _Unsupported):
        names = [by_key[n] for n in sorted(_names(source)) if n in by_key]
        return Words("、".join(f"“{s.label_zh}”" for s in names) + "符合要求" if names else "符合相关情形",
                     " and ".join(s.label_en for s in names) + " apply" if names else "it applies")


class _Unsupported(Exception):
    pass


def _names(source: str) -> set[str]:
    try:
        return {node.id for node in ast.walk(ast.parse(source, mode="eval")) if isinstance(node, ast.Name)}
    except SyntaxError:
        return set()


def _describe(node: ast.expr, fields: dict[str, FieldSpec]) -> Words:
    if isinstance(node, ast.BoolOp):
        parts = [_describe(value, fields) for value in node.values]
        joiner_zh, joiner_en = ("且", " and ") if isinstance(node.op, ast.And) else ("或", " or ")
        return Words(joiner_zh.join(p.zh for p in parts), joiner_en.join(p.en for p in parts))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        if isinstance(node.operand, ast.Name) and node.operand.id in fields:
            return _false(fields[node.operand.id])
        inner = _describe(node.operand, fields)
        return Words(f"不属于“{inner.zh}”的情形", f"not ({inner.en})")
    if isinstance(node, ast.Name) and node.id in fields:
        return _label(fields[node.id])
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        return _compare(node.left, node.ops[0], node.comparators[0], fields)
    raise _Unsupported


def _subject(node: ast.expr, fields: dict[str, FieldSpec]) -> tuple[Words, FieldSpec | None, bool]:
    """(what is compared, its field if any, whether it is an age)."""
    if isinstance(node, ast.Name) and node.id in fields:
        spec = fields[node.id]
        return _label(spec), spec, False
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        owner = node.value.id
        who = Words("申请人", "the applicant") if owner == "applicant" else (
            _label(fields[owner]) if owner in fields else None)
        if who is None:
            raise _Unsupported
        if node.attr == "age":
            return who, None, True
        if node.attr == "sex":
            return Words(f"{who.zh}性别", f"{who.en}'s sex"), None, False
        return Words(f"{who.zh}的{node.attr}", f"{who.en}'s {node.attr}"), None, False
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
        arg = node.args[0]
        key = arg.value if isinstance(arg, ast.Constant) else getattr(arg, "id", None)
        date_spec = fields.get(str(key))
        label = _label(date_spec) if date_spec else Words("该日期", "that date")
        if node.func.id == "days_since":
            return Words(f"距{label.zh}", f"days since {label.en}"), None, False
        if node.func.id == "age":
            return label, None, True
    raise _Unsupported


def _label(spec: FieldSpec) -> Words:
    """The field's label; in English with a lower-case first letter, to sit inside a sentence."""
    return Words(spec.label_zh, _lower_first(spec.label_en))


def _false(spec: FieldSpec) -> Words:
    """A yes/no field that does not hold, as the catalog says it (父母未登记结婚 / parents are not married);
    a field without those words is said as not being the case."""
    if spec.label_false_zh and spec.label_false_en:
        return Words(spec.label_false_zh, _lower_first(spec.label_false_en))
    label = _label(spec)
    return Words(f"不属于“{label.zh}”的情形", f"not: {label.en}")


_BOOL_NAMES = {"true": True, "True": True, "false": False, "False": False}


def _bool(node: ast.expr) -> bool | None:
    """A `true`/`false` literal of the condition language (a name there, a constant in Python)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Name):
        return _BOOL_NAMES.get(node.id)
    return None


def _value(node: ast.expr, spec: FieldSpec | None) -> Words:
    value = node.value if isinstance(node, ast.Constant) else None
    if value is None:
        raise _Unsupported
    if spec is not None:
        for option in spec.options:
            if option.value == value:
                return Words(option.label_zh, option.label_en)
    if value in ("male", "female"):
        return Words("男" if value == "male" else "女", str(value))
    return Words(str(value), str(value))


def _compare(left: ast.expr, op: ast.cmpop, right: ast.expr, fields: dict[str, FieldSpec]) -> Words:
    subject, spec, is_age = _subject(left, fields)
    flag = _bool(right)
    if isinstance(op, ast.Eq | ast.NotEq) and flag is not None:
        positive = flag == isinstance(op, ast.Eq)
        if positive:
            return subject
        if spec is not None and isinstance(left, ast.Name):
            return _false(spec)
        # Not "…为否则需": 否则 would read as "otherwise".
        return Words(f"不属于“{subject.zh}”的情形", f"not: {subject.en}")
    # A choice on the form is told as the form shows it: “Registered with” is “The father's household”.
    asked_en = f"“{spec.label_en}”" if spec is not None and isinstance(left, ast.Name) else subject.en
    if isinstance(op, ast.Eq | ast.NotEq):
        value = _value(right, spec)
        if isinstance(op, ast.Eq):
            return Words(f"{subject.zh}为“{value.zh}”", f"{asked_en} is “{value.en}”")
        return Words(f"{subject.zh}不是“{value.zh}”", f"{asked_en} is not “{value.en}”")
    if isinstance(op, ast.In | ast.NotIn) and isinstance(right, ast.List | ast.Tuple):
        values = [_value(item, spec) for item in right.elts]
        listed_zh = "或".join(f"“{v.zh}”" for v in values)
        listed_en = " or ".join(f"“{v.en}”" for v in values)
        if isinstance(op, ast.In):
            return Words(f"{subject.zh}为{listed_zh}", f"{asked_en} is {listed_en}")
        return Words(f"{subject.zh}不是{listed_zh}", f"{asked_en} is not {listed_en}")
    if type(op) in _OPS_ZH and isinstance(right, ast.Constant) and isinstance(right.value, int | float):
        number = right.value
        if is_age:
            if isinstance(op, ast.Lt):
                return Words(f"{subject.zh}未满{number}周岁", f"{subject.en} is under {number}")
            if isinstance(op, ast.GtE):
                return Words(f"{subject.zh}年满{number}周岁", f"{subject.en} is {number} or older")
        if subject.zh.startswith("距"):
            more = "已超过" if isinstance(op, ast.Gt) else _OPS_ZH[type(op)]
            if isinstance(op, ast.Gt):  # "more than 30 days since date of birth", not "days since … over 30"
                return Words(f"{subject.zh}{more}{number}天", f"more than {number} {subject.en}")
            return Words(f"{subject.zh}{more}{number}天", f"{subject.en} {_OPS_EN[type(op)]} {number}")
        if isinstance(op, ast.Gt) and number == 0:
            # "随迁人数 > 0" reads "有随迁…": drop the counting word from the label.
            counted = subject.zh.removesuffix("人数")
            return Words(f"有{counted}人员" if counted.endswith("迁") else f"有{counted}",
                         f"there are {subject.en.removeprefix('number of ')}")
        return Words(f"{subject.zh}{_OPS_ZH[type(op)]}{number}", f"{subject.en} {_OPS_EN[type(op)]} {number}")
    raise _Unsupported
