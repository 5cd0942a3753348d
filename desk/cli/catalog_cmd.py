"""`desk catalog`: list the transaction catalog, show one transaction, check a catalog folder.

    desk catalog [--json] [--dir DIR]      every transaction (a table, or a JSON array)
    desk catalog show CODE [--json]        one transaction: its 办事指南 page (six elements), then in full
    desk catalog evaluate CODE --fields JSON [--applicant ID] [--json]
                                           eligibility, tier, materials for those field values
    desk catalog guide --out F.pdf         the whole 办事指南 as a PDF
    desk catalog check PATH                validate a folder (or one file); exit 1 listing every error
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desk.domain import messages
from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import Catalog, CatalogError, Transaction, id_number_problem
from desk.domain.catalog_loader import load_catalog, read_catalog
from desk.domain.service_guide import UnknownFields, evaluate, guide_page
from desk.paths import catalog_dir


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "catalog", help="事项目录：列出、查看、检查 (list, show and check the transaction catalog)",
        description="事项目录 — the household-registration transactions the desk handles.",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array (UTF-8) instead of a table")
    parser.add_argument("--dir", type=Path, default=None, metavar="DIR",
                        help="catalog folder (default: the shipped resources/catalog)")
    parser.set_defaults(func=list_transactions)
    # The group's --json and show's --json use different dests: argparse copies a sub-command's
    # defaults over the group's values, so one shared dest would forget `desk catalog --json show X`.
    actions = parser.add_subparsers(dest="catalog_action", metavar="ACTION")
    show = actions.add_parser("show", help="一个事项的全部内容 (one transaction in full)")
    show.add_argument("code", help="transaction code, e.g. birth_registration")
    show.add_argument("--json", action="store_true", dest="show_json", help="print a JSON object")
    show.set_defaults(func=show_transaction)
    judge = actions.add_parser("evaluate", help="按填写的信息判断是否符合条件、审批层级、时限和材料 "
                               "(evaluate a case's field values)")
    judge.add_argument("code", help="transaction code, e.g. birth_registration")
    judge.add_argument("--fields", required=True, metavar="JSON",
                       help='field values as a JSON object (keys as in `show CODE --json`), or @FILE')
    judge.add_argument("--applicant", default=None, metavar="ID_NUMBER",
                       help="the applicant's ID number (for conditions on applicant.age / sex)")
    judge.add_argument("--json", action="store_true", dest="evaluate_json", help="print a JSON object")
    judge.set_defaults(func=evaluate_case)
    guide = actions.add_parser("guide", help="打印办事指南 PDF (the whole service guide as a PDF)")
    guide.add_argument("--out", type=Path, required=True, metavar="F.pdf", help="where to write the PDF")
    guide.add_argument("--issuer", default="沈阳市公安局", help="the issuing organ printed on the guide")
    guide.set_defaults(func=write_guide)
    check = actions.add_parser("check", help="检查事项文件 (validate a catalog folder or file)")
    check.add_argument("path", type=Path, help="a folder of .toml files, or one file")
    check.set_defaults(func=check_catalog)


def list_transactions(args: argparse.Namespace) -> int:
    catalog = _load(args.dir)
    if catalog is None:
        return 1
    if args.json:
        _write_json([t.to_json_dict() for t in catalog.values()])
        return 0
    rows = [("code", "名称", "category", "时限", "approval")]
    for transactions in catalog.by_category().values():
        rows.extend(
            (t.code, _clip(t.name_zh, 30), f"{t.category} {t.category.label_zh}", _time_limit(t),
             f"{t.approval} {t.approval.label_zh}")
            for t in transactions
        )
    _write("\n".join(_table(rows)))
    _write(f"共 {len(catalog)} 项事项 / {len(catalog)} transactions")
    return 0


def show_transaction(args: argparse.Namespace) -> int:
    catalog = _load(args.dir)
    if catalog is None:
        return 1
    transaction = _find(catalog, args.code)
    if transaction is None:
        return 1
    if args.json or args.show_json:
        _write_json({**transaction.to_json_dict(), "guide": guide_page(transaction)})
    else:
        _write("\n".join([*_guide_lines(guide_page(transaction)), "", "—— 目录数据 catalog data ——",
                          *_describe(transaction)]))
    return 0


def evaluate_case(args: argparse.Namespace) -> int:
    catalog = _load(args.dir)
    if catalog is None:
        return 1
    transaction = _find(catalog, args.code)
    if transaction is None:
        return 1
    values = _read_fields(args.fields)
    if values is None:
        return 2
    applicant = None
    if args.applicant is not None:
        id_problem = id_number_problem(args.applicant)
        if id_problem is not None:
            zh = messages.render(id_problem.key, id_problem.params)
            en = messages.english(id_problem.key, id_problem.params)
            print(f"--applicant：{zh} / --applicant: {en}", file=sys.stderr)
            return 2
        applicant = ApplicantFacts.from_id_number(args.applicant)
    bad = [problem for spec in transaction.fields
           if (value := values.get(spec.key)) is not None and (problem := spec.check_value(value)) is not None]
    if bad:
        for problem in bad:
            print(f"{problem.key}: {problem.message_zh} / {problem.message_en}", file=sys.stderr)
        return 2
    try:
        result = evaluate(transaction, values, applicant)
    except UnknownFields as exc:
        print(f"字段不属于该事项 / {exc}", file=sys.stderr)
        return 2
    if args.json or args.evaluate_json:
        _write_json(result.to_json_dict())
        return 0
    lines = [f"{transaction.name_zh} [{transaction.code}]",
             f"符合条件 eligible: {'是 yes' if result.eligible else '否 no'}"]
    lines += [f"  · {reason}" for reason in result.reasons]
    days = "当场办结" if result.time_limit_days == 0 else f"{result.time_limit_days} 个工作日"
    lines.append(f"审批 approval: {result.approval}    时限: {days}")
    lines.append("材料 materials:")
    lines += [f"  {'[需要]' if m['required'] else '[不需]'} {m['name_zh']}" for m in result.materials]
    _write("\n".join(lines))
    return 0


def write_guide(args: argparse.Namespace) -> int:
    catalog = _load(args.dir)
    if catalog is None:
        return 1
    from datetime import date

    from printing.documents import service_guide

    pages = [guide_page(t) for items in catalog.by_category().values() for t in items]
    pdf = service_guide.build_pdf(pages, issuer_zh=args.issuer, printed_on=date.today())
    try:
        args.out.write_bytes(pdf)
    except OSError as exc:
        print(f"无法写入 {args.out}：{exc} / cannot write {args.out}: {exc}", file=sys.stderr)
        return 1
    _write(f"办事指南已写入 {args.out}（{len(pages)} 项）/ guide written to {args.out} ({len(pages)} items)")
    return 0


def check_catalog(args: argparse.Namespace) -> int:
    transactions, issues = read_catalog(args.path)
    if issues:
        for issue in issues:
            _write(str(issue))
        files = len({issue.file for issue in issues})
        _write(f"{len(issues)} 处错误，涉及 {files} 个文件 / {len(issues)} error(s) in {files} file(s)")
        return 1
    _write(f"{len(transactions)} 项事项检查通过 / {len(transactions)} transactions OK")
    return 0


# ---- helpers -----------------------------------------------------------------------------------------


def _load(folder: Path | None) -> Catalog | None:
    try:
        return load_catalog(folder if folder is not None else catalog_dir())
    except CatalogError as exc:
        for issue in exc.errors:
            print(str(issue), file=sys.stderr)
        print(f"{exc.message_zh} / {exc.message_en}", file=sys.stderr)
        return None


def _find(catalog: Catalog, code: str) -> Transaction | None:
    transaction = catalog.get(code)
    if transaction is None:
        close = difflib.get_close_matches(code, list(catalog), n=3)
        hint = f"（是否要找：{', '.join(close)}）" if close else ""
        print(f"事项目录中没有“{code}”{hint} / no transaction {code!r} in the catalog", file=sys.stderr)
    return transaction


def _read_fields(text: str) -> dict[str, Any] | None:
    """The --fields JSON object (or @FILE holding one); None after saying what is wrong."""
    if text.startswith("@"):
        try:
            text = Path(text[1:]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"无法读取 {text[1:]}：{exc} / cannot read {text[1:]}: {exc}", file=sys.stderr)
            return None
    try:
        values = json.loads(text)
    except json.JSONDecodeError as exc:
        print(f"--fields 不是有效的 JSON：{exc} / --fields is not valid JSON: {exc}", file=sys.stderr)
        return None
    if not isinstance(values, dict):
        print("--fields 应为 JSON 对象 / --fields must be a JSON object", file=sys.stderr)
        return None
    return values


def _guide_lines(page: dict[str, Any]) -> list[str]:
    """The 办事指南 page: the six published elements of one item, and where they come from."""
    star = "（本目录下放派出所事项）" if page["delegated"] else ""
    lines = [f"【办事指南】{page['name_zh']}{star}  {page['power_type_zh']}"]
    if page.get("replaced_by"):  # kept only for the cases opened under it
        lines.append(f"（已合并停用，仅供查阅旧案件；新申请请办理：{'、'.join(page['replaced_by'])}）")
    lines += [f"一、受理部门：{page['department_zh']}",
              f"二、办理条件：{page['conditions_zh']}",
              "三、办理流程："]
    lines += [f"    {i}. {step}" for i, step in enumerate(page["procedure_zh"], start=1)]
    lines.append("四、申请材料：")
    for i, m in enumerate(page["materials"], start=1):
        when = f"（{m['when_zh']}）" if m["when_zh"] else ""
        lines.append(f"    {i}. {m['name_zh']}，{m['form_zh']}{m['copies']}份{when}")
    lines.append(f"五、办理时限：{page['time_limit_zh']}（{page['approval_zh']}）")
    for tier in page["tiers"]:
        days = "当场办结" if tier["time_limit_days"] == 0 else f"{tier['time_limit_days']}个工作日"
        lines.append(f"    {tier['when_zh']}：{tier['approval_zh']}，{days}")
    fee = f"六、收费标准：{page['fee_zh']}"
    lines.append(fee + (f"（依据：{page['fee_basis_zh']}）" if page["fee_basis_zh"] else ""))
    lines.append(f"设定依据：{page['legal_basis_zh']}")
    if page["sources"]:
        lines.append("信息来源：")
        lines += [f"    {s['title_zh']}，{s['issuer_zh']}，{s['date'] or '日期不详'}，{s['address']}"
                  for s in page["sources"]]
    else:
        lines.append(f"信息来源：{page['source_zh']}（未核对到公开原文）")
    return lines


def _time_limit(transaction: Transaction) -> str:
    days = transaction.time_limit_days
    return "当场办结" if days == 0 else f"{days} 个工作日"


def _describe(t: Transaction) -> list[str]:
    fee = "免费" if not t.fee_yuan else f"{t.fee_yuan} 元"
    lines = [
        f"{t.name_zh}  {t.name_en}  [{t.code}]",
        f"类别 category: {t.category} {t.category.label_zh}    时限: {_time_limit(t)}    "
        f"审批 approval: {t.approval} {t.approval.label_zh}",
        f"收费 fee: {fee}    自助机可发起 kiosk: {'是' if t.kiosk_startable else '否'}    "
        f"出具 issues: {t.issues_document.label_zh}",
        "",
        t.description_zh, t.description_en, "",
        f"申请条件：{t.conditions_zh}",
        f"办理依据：{t.legal_basis_zh}",
        f"来源 source：{t.source}",
    ]
    if t.keywords:
        lines.append(f"关键词：{'、'.join(t.keywords)}")
    lines += ["", "表单 fields:"]
    for spec in t.fields:
        flags = "必填" if spec.required else "选填"
        when = f"  当 when: {spec.when.source}" if spec.when else ""
        lines.append(f"  {spec.key} ({spec.type}, {flags}) {spec.label_zh} / {spec.label_en}{when}")
        if spec.options:
            lines.append("      " + "  ".join(f"{o.value}={o.label_zh}" for o in spec.options))
    lines += ["", "材料 materials:"]
    for material in t.materials:
        when = f"  当 when: {material.when.source}" if material.when else ""
        lines.append(f"  {material.key}: {material.name_zh}（{material.form.label_zh} {material.copies} 份）{when}")
        lines.append(f"      {material.why_zh}")
    if t.rules:
        lines += ["", "条件 rules:"]
        for rule in t.rules:
            lines.append(f"  {rule.key}: {rule.require.source}  → 不符合时：{rule.reason_zh}")
    return lines


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, columns: int) -> str:
    """Shorten to at most `columns` terminal columns, marking the cut with an ellipsis."""
    if _width(text) <= columns:
        return text
    while _width(text) > columns - 1:
        text = text[:-1]
    return text + "…"


def _table(rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip()
            for row in rows]


def _write_json(data: Any) -> None:
    _write(json.dumps(data, ensure_ascii=False, indent=2))


def _write(text: str) -> None:
    """Print as UTF-8 even when the terminal's locale says otherwise (the output is Chinese)."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    buffer = getattr(stream, "buffer", None)
    if encoding == "utf8" or buffer is None:
        print(text, file=stream)
        return
    stream.flush()
    buffer.write((text + "\n").encode("utf-8"))
    buffer.flush()
