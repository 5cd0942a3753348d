"""What a case means for the citizen, in plain words: its state, what happens next, what is missing;
and a catalog condition ("parents_married == true") told as "如父母已登记结婚则需".

Pure functions over the service views and the catalog (no Qt): every text comes as a `Words` pair
(Chinese first, English beside it) and the screen picks one by its language.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desk.domain.catalog import Approval, FieldSpec, IssuedDocument, MaterialSpec, Transaction
from desk.domain.workflow import CaseState
from desk.services.case_views import CaseView


@dataclass(frozen=True)
class Words:
    """One text in both languages."""

    zh: str
    en: str

    def pick(self, language: str) -> str:
        return self.en if language == "en" else self.zh


@dataclass(frozen=True)
class CaseSummary:
    """One case as the kiosk shows it: nothing here names the applicant."""

    number: str
    transaction: Words
    state: Words
    next_step: Words
    promised: Words | None
    missing: tuple[Words, ...]
    reason: str | None  # the clerk's or leader's reason for a refusal, as written (Chinese)
    finished: bool


_STATE_WORDS: dict[CaseState, Words] = {
    CaseState.DRAFT: Words("正在登记，还没有受理", "Being recorded, not yet accepted"),
    CaseState.ACCEPTED: Words("已受理，正在办理", "Accepted and in progress"),
    CaseState.SUPPLEMENT_REQUESTED: Words("材料不齐，需要补交", "Some papers are missing"),
    CaseState.UNDER_REVIEW: Words("正在审核", "Being reviewed"),
    CaseState.APPROVED: Words("已批准，正在办结", "Approved, being finished"),
    CaseState.COMPLETED: Words("已经办好", "Done"),
    CaseState.NOT_ACCEPTED: Words("没有受理", "Not accepted"),
    CaseState.DENIED: Words("没有批准", "Not approved"),
    CaseState.WITHDRAWN: Words("已撤回", "Withdrawn"),
}

_COLLECT: dict[IssuedDocument, Words] = {
    IssuedDocument.MOVE_IN_PERMIT: Words("请带身份证到窗口领取《准予迁入证明》。",
                                         "Collect the move-in permit at the counter with your ID card."),
    IssuedDocument.HOUSEHOLD_CERTIFICATE: Words("请带身份证到窗口领取户籍证明，也可在本机自助打印。",
                                                "Collect the certificate at the counter, or print it here."),
    IssuedDocument.BOOKLET: Words("请带户口簿到窗口领取或更新户口簿。",
                                  "Bring the household booklet to the counter to collect or update it."),
    IssuedDocument.DEREGISTRATION_CERTIFICATE: Words("请带身份证到窗口领取注销户口证明。",
                                                     "Collect the deregistration certificate at the counter."),
}


def state_words(state: CaseState) -> Words:
    return _STATE_WORDS[state]


def next_step(case: CaseView, transaction: Transaction | None) -> Words:
    """What the citizen should expect or do next."""
    state = case.state
    if state is CaseState.DRAFT:
        return Words("请带齐材料到窗口，由民警受理。", "Bring the papers to the counter to have it accepted.")
    if state is CaseState.SUPPLEMENT_REQUESTED:
        return Words("请带齐下面列出的材料到窗口补交，补齐后即可受理。",
                     "Bring the papers listed below to the counter; then it can be accepted.")
    if state is CaseState.ACCEPTED:
        if transaction is not None and transaction.approval is Approval.CLERK:
            return Words("窗口民警正在办理，办好后会通知您。",
                         "The counter is handling it and will tell you when done.")
        return Words("材料将交领导审核，审核后通知您。",
                     "It goes to the leader for review; you will be told the result.")
    if state is CaseState.UNDER_REVIEW:
        who = "分局" if transaction is not None and transaction.approval is Approval.BRANCH else "所领导"
        who_en = "the branch office" if who == "分局" else "the station leader"
        return Words(f"{who}正在审核，无需您做什么，请等候通知。", f"{who_en} is reviewing it; nothing to do but wait.")
    if state is CaseState.APPROVED:
        return Words("已经批准，窗口办结后通知您。", "Approved; the counter will finish it and tell you.")
    if state is CaseState.COMPLETED:
        document = transaction.issues_document if transaction is not None else IssuedDocument.RECEIPT_ONLY
        return _COLLECT.get(document, Words("已经全部办完，无需再做什么。", "All done; nothing more to do."))
    if state is CaseState.NOT_ACCEPTED:
        return Words("原因见下方。如有疑问，请到窗口咨询。", "See the reason below; ask at the counter if unsure.")
    if state is CaseState.DENIED:
        return Words("原因见下方。不服的，可依法申请行政复议或提起行政诉讼，详见决定书。",
                     "See the reason below. You may appeal; the decision letter says how.")
    return Words("这件申请已经撤回，无需再办。", "This application was withdrawn; nothing more to do.")


def summarise(case: CaseView, transaction: Transaction | None) -> CaseSummary:
    name = Words(transaction.name_zh, transaction.name_en) if transaction else Words(
        case.transaction_code, case.transaction_code)
    promised: Words | None = None
    if case.state is CaseState.COMPLETED and case.completed_on is not None:
        promised = Words(f"{zh_date(case.completed_on)}办结", f"finished on {case.completed_on:%d %b %Y}")
    elif case.due_date is not None and not case.state.is_final:
        promised = Words(f"承诺{zh_date(case.due_date)}前办结", f"promised by {case.due_date:%d %b %Y}")
    missing: tuple[Words, ...] = ()
    if case.state is CaseState.SUPPLEMENT_REQUESTED:
        missing = tuple(_material_words(item) for item in case.missing_materials)
    reason = case.decision_reason if case.state in (CaseState.NOT_ACCEPTED, CaseState.DENIED) else None
    return CaseSummary(case.number, name, state_words(case.state), next_step(case, transaction), promised, missing,
                       reason, case.state.is_final)


def _material_words(item: dict[str, Any]) -> Words:
    copies = int(item.get("copies") or 1)
    zh = str(item.get("name_zh", ""))
    en = str(item.get("name_en") or zh)
    return Words(zh + (f" {copies}份" if copies > 1 else ""), en + (f" ×{copies}" if copies > 1 else ""))


def zh_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# ---- what to bring: materials and their conditions in plain words --------------------------------


@dataclass(frozen=True)
class MaterialLine:
    """One material on the what-to-bring list; `condition` is None for the ones always needed."""

    name: Words
    form: Words
    copies: int
    condition: Words | None
    note_zh: str | None


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
                        material.note_zh)


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
        inner = _describe(node.operand, fields)
        return Words(f"不是“{inner.zh}”的情形", f"not ({inner.en})")
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
    english = spec.label_en
    if english[:1].isupper() and not english[1:2].isupper():
        english = english[0].lower() + english[1:]
    return Words(spec.label_zh, english)


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
        # Not "…为否则需": 否则 would read as "otherwise".
        return Words(f"不是“{subject.zh}”的情况", f"not: {subject.en}")
    if isinstance(op, ast.Eq | ast.NotEq):
        value = _value(right, spec)
        if isinstance(op, ast.Eq):
            return Words(f"{subject.zh}为“{value.zh}”", f"{subject.en} is “{value.en}”")
        return Words(f"{subject.zh}不是“{value.zh}”", f"{subject.en} is not “{value.en}”")
    if isinstance(op, ast.In | ast.NotIn) and isinstance(right, ast.List | ast.Tuple):
        values = [_value(item, spec) for item in right.elts]
        listed_zh = "或".join(f"“{v.zh}”" for v in values)
        listed_en = " or ".join(f"“{v.en}”" for v in values)
        if isinstance(op, ast.In):
            return Words(f"{subject.zh}为{listed_zh}", f"{subject.en} is {listed_en}")
        return Words(f"{subject.zh}不是{listed_zh}", f"{subject.en} is not {listed_en}")
    if type(op) in _OPS_ZH and isinstance(right, ast.Constant) and isinstance(right.value, int | float):
        number = right.value
        if is_age:
            if isinstance(op, ast.Lt):
                return Words(f"{subject.zh}未满{number}周岁", f"{subject.en} is under {number}")
            if isinstance(op, ast.GtE):
                return Words(f"{subject.zh}年满{number}周岁", f"{subject.en} is {number} or older")
        if subject.zh.startswith("距"):
            more = "已超过" if isinstance(op, ast.Gt) else _OPS_ZH[type(op)]
            return Words(f"{subject.zh}{more}{number}天", f"{subject.en} {_OPS_EN[type(op)]} {number}")
        if isinstance(op, ast.Gt) and number == 0:
            # "随迁人数 > 0" reads "有随迁…": drop the counting word from the label.
            counted = subject.zh.removesuffix("人数")
            return Words(f"有{counted}人员" if counted.endswith("迁") else f"有{counted}",
                         f"there are {subject.en.removeprefix('number of ')}")
        return Words(f"{subject.zh}{_OPS_ZH[type(op)]}{number}", f"{subject.en} {_OPS_EN[type(op)]} {number}")
    raise _Unsupported
