"""One module per document kind, each with `build_pdf(data, paper, ...) -> bytes`.

`build_pdf` here picks the module from the data's type, for callers (the CLI, the print
service) that hold some document data and a paper choice.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any

from printing.documents.common import Paper
from printing.fonts import FontSet, default_fonts

if TYPE_CHECKING:
    from printing.signing import StationSigner

# data class name → (module, default paper)
_KINDS: dict[str, tuple[str, Paper]] = {
    "ReceiptData": ("receipt", Paper.ROLL_80),
    "SupplementNoticeData": ("supplement_notice", Paper.A4),
    "NotAcceptedNoticeData": ("not_accepted_notice", Paper.A4),
    "DenialDecisionData": ("denial_decision", Paper.A4),
    "CompletionNoticeData": ("completion_notice", Paper.A4),
    "MoveInPermitData": ("move_in_permit", Paper.A4),
    "HouseholdCertificateData": ("household_certificate", Paper.A4),
    "DeregistrationCertificateData": ("deregistration_certificate", Paper.A4),
    "QueueTicketData": ("queue_ticket", Paper.ROLL_58),
    "DailyReportData": ("daily_report", Paper.A4),
}

# Papers that carry a signed QR code: built only with the station's signer.
SIGNED_MODULES = frozenset({"household_certificate", "deregistration_certificate"})


def build_pdf(data: Any, paper: Paper | str | None = None, *, signer: StationSigner | None = None) -> bytes:
    """The PDF for any document data; `signer` is required for a certificate (SIGNED_MODULES)."""
    import importlib

    try:
        module_name, default_paper = _KINDS[type(data).__name__]
    except KeyError:
        raise TypeError(f"no document for {type(data).__name__}") from None
    module = importlib.import_module(f"printing.documents.{module_name}")
    chosen = Paper(paper) if paper is not None else default_paper
    if module_name in SIGNED_MODULES:
        if signer is None:
            raise ValueError("证明须用本站密钥签名 / a certificate needs the station's signer")
        return module.build_pdf(data, chosen, signer=signer)
    return module.build_pdf(data, chosen)


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if is_dataclass(value) and not isinstance(value, type):
        return [t for f in fields(value) for t in _texts(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [t for item in value for t in _texts(item)]
    return []


def unprintable_characters(data: Any, fonts: FontSet | None = None) -> list[str]:
    """Characters anywhere in the document data that no font can print — warn the clerk
    before printing (the document would show 〓 in their place)."""
    return (fonts or default_fonts()).coverage_problems("".join(_texts(data)))
