"""The catalog's condition language: a tiny, safe expression language compiled once at load.

A condition (a field's or material's `when`, a rule's `require`) is parsed with `ast` in "eval"
mode; only the forms listed in docs/catalog-format.md are accepted and everything else (calls to
other functions, lambdas, subscripts, arithmetic, attributes of anything but `applicant` or a
`person` field) is rejected at load, so evaluating a condition can never run foreign code.
The checked tree is compiled into nested closures and never handed to `eval`.

Evaluation uses three-valued logic: an unfilled value is *unknown* (None); any comparison with it
is unknown, `not` keeps it unknown, `and`/`or` follow Kleene's rules (`False and unknown` is False,
`True or unknown` is True). `holds()` turns unknown into False (a `when` that cannot be decided yet
does not show its field or require its material); `decide()` keeps it, so an eligibility rule can
be "pending" rather than failed. Evaluation never raises.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desk.domain.applicant import (
    FEMALE,
    MALE,
    UNKNOWN_APPLICANT,
    ApplicantFacts,
    birth_date_from_id,
    sex_from_id,
    whole_years,
)
from desk.domain.errors import DeskError
from desk.domain.messages import Said

APPLICANT = "applicant"
APPLICANT_ATTRIBUTES = frozenset({"age", "sex", "nation", "region"})
PERSON_ATTRIBUTES = frozenset({"age", "sex", "name", "id_number"})
FUNCTIONS = frozenset({"filled", "age", "days_since"})
# Field keys may not take these: they are the language's own words.
RESERVED_NAMES = frozenset({"applicant", "today", "and", "or", "not", "true", "false", "none"})
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_SOURCE_LENGTH = 2000  # far above any real condition; keeps the parser away from pathological input

_BOOL_WORDS = {"true": True, "false": False, "True": True, "False": False}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# A field type's "kind" decides which literals it may be compared with.
_KIND_OF_TYPE = {
    "text": "string", "address": "string", "phone": "string", "id_number": "string",
    "date": "date", "enum": "enum", "number": "number", "bool": "bool", "person": "person",
}
_ORDERABLE_KINDS = frozenset({"string", "date", "number", "any"})

# Values are checked for kind before comparing (`_ORDERABLE_KINDS`), hence `Any` here.
_COMPARE_OPS: dict[type[ast.cmpop], Callable[[Any, Any], object]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: operator.contains(b, a),
    ast.NotIn: lambda a, b: not operator.contains(b, a),
}
_OP_TEXT = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
            ast.In: "in", ast.NotIn: "not in"}


class ConditionError(DeskError, ValueError):
    """A condition that does not parse or uses something the language does not allow.

    Carries every problem found, each a message (`Said`: key and parameters), said as one list.
    """

    code = "invalid_condition"

    def __init__(self, source: str, problems: list[Said]) -> None:
        self._speak("condition.invalid", {"problems": tuple(problems)})
        self.source = source
        self.problems = tuple(problems)


@dataclass(frozen=True)
class FieldSignature:
    """What the compiler needs to know about a field to check a condition that names it."""

    type: str
    options: frozenset[str] = frozenset()


def is_filled(value: object) -> bool:
    """A value counts as filled unless it is None, blank text, or an empty table/list.

    A `person` table counts as filled when any of its parts is.
    """
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, Mapping):
        return any(is_filled(part) for part in value.values())
    if isinstance(value, list | tuple | set | frozenset):
        return len(value) > 0
    return True


def _normalise(value: object) -> object:
    if not is_filled(value):
        return None
    if isinstance(value, date):
        # Stored dates are ISO strings; a date object from a widget compares the same way then.
        return value.isoformat()
    return value


@dataclass(frozen=True)
class ConditionContext:
    """Everything a condition may look at: field values (unfilled → None), applicant facts, today."""

    values: Mapping[str, object]
    applicant: ApplicantFacts
    today: date

    @classmethod
    def build(
        cls, values: Mapping[str, object], applicant: ApplicantFacts | None = None, today: date | None = None
    ) -> ConditionContext:
        normalised = {key: _normalise(value) for key, value in values.items()}
        return cls(normalised, applicant or UNKNOWN_APPLICANT, today or date.today())


_Evaluator = Callable[[ConditionContext], object]


@dataclass(frozen=True)
class Condition:
    """A compiled condition. `names` are the field keys it reads (applicant facts excluded)."""

    source: str
    names: frozenset[str]
    _evaluator: _Evaluator = field(compare=False, repr=False)

    def decide(self, context: ConditionContext) -> bool | None:
        """True, False, or None when it cannot be decided yet (something it needs is unfilled)."""
        return _truth(self._evaluator(context))

    def holds(self, context: ConditionContext) -> bool:
        """True only when the condition is decided and true."""
        return self.decide(context) is True

    def evaluate(
        self, values: Mapping[str, object], applicant: ApplicantFacts | None = None, today: date | None = None
    ) -> bool:
        """Convenience for one-off checks; build a ConditionContext once when checking many conditions."""
        return self.holds(ConditionContext.build(values, applicant, today))


def compile_condition(source: str, fields: Mapping[str, FieldSignature] | None = None) -> Condition:
    """Parse and check `source`; raise ConditionError listing every problem.

    With `fields` (the transaction's field keys and types) names must be known fields, attributes
    must suit the field's type, function arguments must name fields of the right type, and literals
    compared with a field must be possible values of it (so `marital_status == "maried"` is caught).
    Without `fields` only the shape of the language is checked.
    """
    if not isinstance(source, str):
        raise ConditionError(str(source), [Said("condition.not_a_string")])
    if len(source) > MAX_SOURCE_LENGTH:
        raise ConditionError(source, [Said("condition.too_long", {"limit": MAX_SOURCE_LENGTH})])
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        detail = getattr(exc, "msg", None) or str(exc)
        raise ConditionError(source, [Said("condition.syntax", {"detail": detail})]) from None
    compiler = _Compiler(fields)
    try:
        node = compiler.compile(tree.body)
    except RecursionError:
        raise ConditionError(source, [Said("condition.too_deep")]) from None
    if compiler.problems:
        raise ConditionError(source, compiler.problems)
    return Condition(source=source, names=frozenset(compiler.names), _evaluator=node.evaluate)


def names_used(expr: str | Condition) -> frozenset[str]:
    """The field keys a condition reads, including those named in filled()/age()/days_since()."""
    if isinstance(expr, Condition):
        return expr.names
    return compile_condition(expr).names


# --- evaluation helpers -------------------------------------------------------------------------


def _truth(value: object) -> bool | None:
    if value is None:
        return None
    return bool(value)


def _as_date(value: object) -> date | None:
    """A date from an ISO string, a date object, or the birth date inside an ID number."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    return birth_date_from_id(text)


def _compare(op: Callable[[object, object], object], left: object, right: object) -> bool | None:
    if left is None or right is None:
        return None
    try:
        return bool(op(left, right))
    except TypeError:  # e.g. a number field holding text: undecidable, not an error
        return None


def _person_attribute(value: object, attribute: str, today: date) -> object:
    if not isinstance(value, Mapping):
        return None
    id_number = value.get("id_number")
    if attribute in ("name", "id_number"):
        return _normalise(value.get(attribute))
    if not isinstance(id_number, str):
        return None
    if attribute == "sex":
        return sex_from_id(id_number)
    birth = birth_date_from_id(id_number)
    return None if birth is None else whole_years(birth, today)


def _applicant_attribute(facts: ApplicantFacts, attribute: str, today: date) -> object:
    if attribute == "age":
        return facts.age_on(today)
    return _normalise(getattr(facts, attribute))


# --- the compiler -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Node:
    """A compiled sub-expression: how to evaluate it, and what the checker knows about it."""

    evaluate: _Evaluator
    kind: str = "any"  # string/date/enum/number/bool/person/sex/any
    options: frozenset[str] = frozenset()
    constant: bool = False
    value: object = None
    label: str = ""


def _constant(value: object, label: str = "") -> _Node:
    return _Node(lambda _ctx: value, kind="any", constant=True, value=value, label=label or repr(value))


class _Compiler:
    """Walks the parsed tree once, collecting every problem and building closures."""

    def __init__(self, fields: Mapping[str, FieldSignature] | None) -> None:
        self.fields = fields
        self.problems: list[Said] = []
        self.names: set[str] = set()

    def problem(self, message_key: str, **params: object) -> _Node:
        self.problems.append(Said(message_key, params))
        return _constant(None)

    def compile(self, node: ast.expr) -> _Node:
        handler = getattr(self, f"_compile_{type(node).__name__}", None)
        if handler is None:
            name = type(node).__name__
            return self.problem("condition.forbidden_syntax", name=name)
        return handler(node)

    # literals
    def _compile_Constant(self, node: ast.Constant) -> _Node:
        if isinstance(node.value, bool | int | float | str):
            return _constant(node.value)
        if node.value is None:
            return self.problem("condition.no_none")
        return self.problem("condition.forbidden_literal", value=repr(node.value))

    def _compile_List(self, node: ast.List | ast.Tuple) -> _Node:
        items = [self.compile(element) for element in node.elts]
        if not all(item.constant for item in items):
            return self.problem("condition.list_of_literals")
        return _constant(tuple(item.value for item in items), label="[…]")

    _compile_Tuple = _compile_List

    def _compile_UnaryOp(self, node: ast.UnaryOp) -> _Node:
        operand = self.compile(node.operand)
        if isinstance(node.op, ast.Not):
            evaluate = operand.evaluate

            def negate(ctx: ConditionContext) -> object:
                truth = _truth(evaluate(ctx))
                return None if truth is None else not truth

            return _Node(negate, kind="bool")
        if isinstance(node.op, ast.USub | ast.UAdd) and operand.constant and isinstance(operand.value, int | float) \
                and not isinstance(operand.value, bool):
            return _constant(-operand.value if isinstance(node.op, ast.USub) else operand.value)
        return self.problem("condition.forbidden_operator")

    def _compile_BoolOp(self, node: ast.BoolOp) -> _Node:
        parts = tuple(self.compile(value).evaluate for value in node.values)
        if isinstance(node.op, ast.And):

            def all_of(ctx: ConditionContext) -> object:
                result: bool | None = True
                for part in parts:
                    truth = _truth(part(ctx))
                    if truth is False:
                        return False
                    if truth is None:
                        result = None
                return result

            return _Node(all_of, kind="bool")

        def any_of(ctx: ConditionContext) -> object:
            result: bool | None = False
            for part in parts:
                truth = _truth(part(ctx))
                if truth is True:
                    return True
                if truth is None:
                    result = None
            return result

        return _Node(any_of, kind="bool")

    def _compile_Compare(self, node: ast.Compare) -> _Node:
        operands = [self.compile(node.left), *(self.compile(c) for c in node.comparators)]
        steps: list[tuple[Callable[[object, object], object], _Evaluator]] = []
        for index, op in enumerate(node.ops):
            function = _COMPARE_OPS.get(type(op))
            if function is None:
                return self.problem("condition.forbidden_comparison", name=type(op).__name__)
            self._check_comparison(operands[index], type(op), operands[index + 1])
            steps.append((function, operands[index + 1].evaluate))
        first = operands[0].evaluate

        def chain(ctx: ConditionContext) -> object:
            result: bool | None = True
            left = first(ctx)
            for function, right_of in steps:
                right = right_of(ctx)
                outcome = _compare(function, left, right)
                if outcome is False:
                    return False
                if outcome is None:
                    result = None
                left = right
            return result

        return _Node(chain, kind="bool")

    # names, attributes, functions
    def _compile_Name(self, node: ast.Name) -> _Node:
        name = node.id
        if name in _BOOL_WORDS:
            return _constant(_BOOL_WORDS[name])
        if name == APPLICANT:
            return self.problem("condition.applicant_alone")
        if name.lower() in ("none", "null"):
            return self.problem("condition.no_none")
        signature = self._field(name)
        if signature is None:
            return _constant(None)
        self.names.add(name)
        kind = _KIND_OF_TYPE.get(signature.type, "any")
        return _Node(lambda ctx: ctx.values.get(name), kind=kind, options=signature.options,
                     label=name)

    def _field(self, name: str) -> FieldSignature | None:
        """The field called `name`, recording a problem (and returning None) when there is none."""
        if not KEY_PATTERN.match(name) or name in RESERVED_NAMES:
            self.problem("condition.forbidden_name", name=name)
            return None
        if self.fields is None:
            return FieldSignature(type="any")
        if name not in self.fields:
            known = ", ".join(sorted(self.fields)) or "—"
            self.problem("condition.unknown_field", name=name, known=known)
            return None
        return self.fields[name]

    def _compile_Attribute(self, node: ast.Attribute) -> _Node:
        attribute = node.attr
        if not isinstance(node.value, ast.Name):
            return self.problem("condition.attribute_where")
        base = node.value.id
        if base == APPLICANT:
            if attribute not in APPLICANT_ATTRIBUTES:
                return self.problem("condition.applicant_attribute", attribute=attribute,
                                    allowed=", ".join(sorted(APPLICANT_ATTRIBUTES)))
            return _Node(lambda ctx: _applicant_attribute(ctx.applicant, attribute, ctx.today),
                         kind=_ATTRIBUTE_KINDS[attribute], label=f"applicant.{attribute}")
        signature = self._field(base)
        if signature is None:
            return _constant(None)
        if signature.type not in ("person", "any"):
            return self.problem("condition.attribute_of_non_person", base=base, attribute=attribute,
                                type=signature.type)
        if attribute not in PERSON_ATTRIBUTES:
            return self.problem("condition.person_attribute", attribute=attribute,
                                allowed=", ".join(sorted(PERSON_ATTRIBUTES)))
        self.names.add(base)
        return _Node(lambda ctx: _person_attribute(ctx.values.get(base), attribute, ctx.today),
                     kind=_ATTRIBUTE_KINDS[attribute], label=f"{base}.{attribute}")

    def _compile_Call(self, node: ast.Call) -> _Node:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            shown = node.func.id if isinstance(node.func, ast.Name) else type(node.func).__name__
            return self.problem("condition.forbidden_call", name=shown)
        function = node.func.id
        if node.keywords or len(node.args) != 1 or not isinstance(node.args[0], ast.Constant) \
                or not isinstance(node.args[0].value, str):
            return self.problem("condition.function_argument", function=function)
        key = node.args[0].value
        signature = self._field(key)
        if signature is None:
            return _constant(None)
        self.names.add(key)
        if function == "filled":
            return _Node(lambda ctx: ctx.values.get(key) is not None, kind="bool")
        allowed = ("date", "id_number", "any") if function == "age" else ("date", "any")
        if signature.type not in allowed:
            return self.problem("condition.needs_date_field", function=function, field=key, type=signature.type)
        if function == "age":

            def years(ctx: ConditionContext) -> object:
                birth = _as_date(ctx.values.get(key))
                return None if birth is None else whole_years(birth, ctx.today)

            return _Node(years, kind="number")

        def days(ctx: ConditionContext) -> object:
            then = _as_date(ctx.values.get(key))
            return None if then is None else (ctx.today - then).days

        return _Node(days, kind="number")

    # static checks of literals against what they are compared with
    def _check_comparison(self, left: _Node, op: type[ast.cmpop], right: _Node) -> None:
        text = _OP_TEXT[op]
        if op in (ast.In, ast.NotIn):
            if right.constant and isinstance(right.value, tuple):
                for item in right.value:
                    self._check_literal(left, item)
            return
        if op not in (ast.Eq, ast.NotEq):
            for side in (left, right):
                if side.kind not in _ORDERABLE_KINDS:
                    if side.label:
                        self.problem("condition.not_orderable", label=side.label, operator=text)
                    else:
                        self.problem("condition.value_not_orderable", operator=text)
        if left.constant and not right.constant:
            self._check_literal(right, left.value)
        elif right.constant and not left.constant:
            self._check_literal(left, right.value)

    def _check_literal(self, target: _Node, value: object) -> None:
        kind = target.kind
        label = target.label
        wrong = False
        if kind == "person":
            self.problem("condition.whole_person", label=label)
            return
        if kind == "bool":
            wrong = not isinstance(value, bool)
        elif kind == "number":
            wrong = isinstance(value, bool) or not isinstance(value, int | float)
        elif kind == "string":
            wrong = not isinstance(value, str)
        elif kind == "date":
            wrong = not (isinstance(value, str) and _as_date(value) is not None and _ISO_DATE.match(value))
        elif kind == "sex":
            wrong = value not in (MALE, FEMALE)
        elif kind == "enum" and target.options:
            wrong = value not in target.options
            if wrong:
                choices = ", ".join(sorted(target.options))
                self.problem("condition.not_an_option", label=label, value=repr(value), choices=choices)
                return
        if wrong:
            self.problem("condition.wrong_kind", label=label, value=repr(value), kind=kind)


_ATTRIBUTE_KINDS = {"age": "number", "sex": "sex", "nation": "string", "region": "string",
                    "name": "string", "id_number": "string"}
