"""`desk print receipt|notice|certificate …`: render a case's documents (or a household certificate) to PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from desk.domain.errors import InvalidInput
from desk.domain.messages import Term

from .common import core_from_args

# A case has at most one notice that fits its state; `notice` picks it.
_NOTICE_KINDS = ("supplement_notice", "not_accepted_notice", "denial_decision", "completion_notice")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("print", help="把案件文书或户籍证明打印为 PDF /"
                                                 " print a case's papers or a household certificate to PDF")
    commands = parser.add_subparsers(dest="print_command", required=True, metavar="DOCUMENT")
    receipt = commands.add_parser("receipt", help="受理回执 of an accepted case")
    receipt.add_argument("case_number")
    receipt.add_argument("--paper", choices=["58mm", "80mm", "a4"], default="80mm")
    receipt.add_argument("--out", type=Path, required=True)
    receipt.set_defaults(func=_receipt)
    notice = commands.add_parser("notice", help="the notice that fits the case (告知书 / 不予受理 / 不予许可 / 办结)")
    notice.add_argument("case_number")
    notice.add_argument("--out", type=Path, required=True)
    notice.set_defaults(func=_notice)
    permit = commands.add_parser("permit", help="准予迁入证明 of a completed move-in-permit case")
    permit.add_argument("case_number")
    permit.add_argument("--out", type=Path, required=True)
    permit.set_defaults(func=_permit)
    certificate = commands.add_parser("certificate", help="户籍证明 for an ID number (signed QR code)")
    certificate.add_argument("id_number")
    certificate.add_argument("--purpose", default="本人申请开具")
    certificate.add_argument("--out", type=Path, required=True)
    certificate.set_defaults(func=_certificate)


def _write(path: Path, pdf: bytes, serial: str, title: str) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf)
    print(f"{title} {serial} → {path}")
    return 0


def _receipt(args: argparse.Namespace) -> int:
    from printing.documents.common import Paper

    issued = core_from_args(args).documents.case_document("receipt", args.case_number, paper=Paper(args.paper))
    return _write(args.out, issued.pdf, issued.serial, issued.title_zh)


def _notice(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    case = core.queries.get(args.case_number)
    kinds = [k for k in core.documents.documents_for(case) if k in _NOTICE_KINDS]
    if not kinds:
        raise InvalidInput.say("cli.no_notice", number=case.number, state=Term(f"state.{case.state.value}"))
    issued = core.documents.case_document(kinds[-1], case.number)
    return _write(args.out, issued.pdf, issued.serial, issued.title_zh)


def _permit(args: argparse.Namespace) -> int:
    issued = core_from_args(args).documents.case_document("move_in_permit", args.case_number)
    return _write(args.out, issued.pdf, issued.serial, issued.title_zh)


def _certificate(args: argparse.Namespace) -> int:
    issued = core_from_args(args).documents.household_certificate(args.id_number, args.purpose)
    return _write(args.out, issued.pdf, issued.serial, issued.title_zh)
