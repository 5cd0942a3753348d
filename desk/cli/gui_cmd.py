"""`desk` with no command: open the front-desk client. `desk --demo`: the same on the embedded
defaults — SQLite in the data directory (filled with demo data while it has no cases), the
simulated card reader with a "模拟刷卡" menu, and the PDF printer."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk.core import Core


def open_desk_client(args: argparse.Namespace) -> int:
    from desk.settings import load_settings
    from desk.ui.bootstrap import DeskOptions, run_desk_app

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
        from desk.core import build_core, ensure_demo_data
        from desk.store.database import default_database_url

        # Demo mode runs on the embedded SQLite store unless a database is named on the command line.
        url = database_url or (default_database_url() if demo else None)
        core = build_core(url, settings=settings)
        if demo:
            ensure_demo_data(core)
        return core

    return run_desk_app(core_factory, options)
