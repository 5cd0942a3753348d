"""`desk` with no command: open the front-desk client. `desk --demo`: the same on the embedded
defaults — SQLite in the data directory (filled with demo data while it has no cases), the
simulated card reader with a "模拟刷卡" menu, and the PDF printer."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk.core import Core


def open_desk_client(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from desk.cli.common import settings_from_args
    from desk.ui.bootstrap import DeskOptions, run_desk_app

    settings = settings_from_args(args)
    demo = bool(getattr(args, "demo", False))
    database_url = getattr(args, "db", None)
    if demo:
        # The demo desk is window 1 unless told otherwise: its calls and its citizens' ratings then name a
        # window (with none, the desk's ratings were ranked as the kiosk's, 自助终端/未记录窗口).
        settings = replace(settings, reader_port="simulator", printer="pdf",
                           counter_number=settings.counter_number or 1)
    options = DeskOptions(settings=settings, demo=demo)

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
