"""Printers from a settings string: `pdf` (files in the data dir, the embedded default),
`pdf:FOLDER`, `cups:QUEUE`, `escpos:PORT`. One spool folder keeps every job until it printed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from desk.domain.errors import InvalidInput
from desk.extras import require_extra
from desk.paths import data_dir
from printing.printers import CupsPrinter, PdfFilePrinter, Printer
from printing.queue import JobCallback, PrintQueue, PrintService, StateCallback

DEFAULT_PRINTER = "station"


def printer_from_spec(spec: str) -> Printer:
    kind, _, target = spec.partition(":")
    if kind == "pdf":
        return PdfFilePrinter(Path(target) if target else data_dir() / "printed")
    if kind == "cups" and target:
        return CupsPrinter(target)
    if kind == "escpos" and target:
        require_extra("escpos", "escpos", "feature.escpos_printer")
        from printing.escpos_printer import EscPosPrinter

        return EscPosPrinter(target)
    raise InvalidInput.say("printer.unknown_setting", spec=spec)


def build_print_service(spec: str, *, spool_dir: Path | None = None, on_job_changed: JobCallback | None = None,
                        on_printer_state: StateCallback | None = None,
                        retention_days: int | None = None) -> PrintService:
    """A print service with one printer named `station`; not started (call `start()`). With
    `retention_days` (setting `print_retention_days`) printed PDFs older than that are deleted at start
    and daily."""
    return PrintService(
        PrintQueue(spool_dir or data_dir() / "spool"),
        {DEFAULT_PRINTER: printer_from_spec(spec)},
        on_job_changed=on_job_changed,
        on_printer_state=on_printer_state,
        retention=timedelta(days=retention_days) if retention_days is not None else None,
    )
