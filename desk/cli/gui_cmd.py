"""`desk` with no command: open the front-desk client. `desk --demo`: the same on the embedded
defaults — SQLite in the data directory (filled with demo data while it has no cases), the
simulated card reader with a "模拟刷卡" menu, and the PDF printer."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk.core import Core

DEMO_RESIDENTS = 200
DEMO_CASES = 150


# Citizens waiting in the hall when the demo opens: tickets a kiosk issued (transaction codes).
DEMO_TICKETS = ("birth_registration", "household_certificate", "spouse_joins_spouse", None)


def ensure_demo_data(core: Core) -> None:
    """Fill an empty store with the demo station, users, residents and cases, and put a few queue
    tickets in the hall when nobody waits today (idempotent)."""
    if not core.queries.list(limit=1):
        from desk.services.demo import build_demo

        build_demo(core.store, core.catalog, core.calendar, residents=DEMO_RESIDENTS, cases=DEMO_CASES,
                   today=core.clock.today())
    if not core.queue.waiting():
        for code in DEMO_TICKETS:
            core.queue.take_ticket(code, kiosk_code=core.settings.kiosk_code)


def open_desk_client(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from desk.settings import load_settings
    from desk.ui.bootstrap import DeskApp, DeskOptions

    settings = load_settings()
    demo = bool(getattr(args, "demo", False))
    database_url = getattr(args, "db", None)
    options = DeskOptions(
        demo=demo,
        reader_port="simulator" if demo else settings.reader_port,
        reader_baud=settings.reader_baud,
        printer="pdf" if demo else settings.printer,
        language=settings.language,
        idle_minutes=settings.idle_lock_minutes,
    )

    def core_factory() -> Core:
        from desk.core import build_core
        from desk.store.database import default_database_url

        # Demo mode runs on the embedded SQLite store unless a database is named on the command line.
        url = database_url or (default_database_url() if demo else None)
        core = build_core(url, settings=settings)
        if demo:
            ensure_demo_data(core)
        return core

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Station Desk")
    desk_app = DeskApp(app, core_factory, options)
    desk_app.start()
    try:
        return int(app.exec())
    finally:
        desk_app.shutdown()
