"""The `desk` command: thin argument parsing that calls the core and prints.

Each command group lives in its own module with a `register(subparsers)` function that adds its
sub-commands; a sub-command stores its handler as `func(args) -> int` (the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desk.cli.common import report_error
from desk.domain.errors import DeskError

# One module per command group; each has register(subparsers).
COMMAND_MODULES: tuple[str, ...] = (
    "desk.cli.catalog_cmd",
    "desk.cli.deadline_cmd",
    "desk.cli.db_cmd",
    "desk.cli.case_cmd",
    "desk.cli.audit_cmd",
    "desk.cli.demo_cmd",
    "desk.cli.print_cmd",
    "desk.cli.report_cmd",
    "desk.cli.id_cmd",
    "desk.cli.verify_cmd",
    "desk.cli.reader_cmd",
    "desk.cli.screenshots_cmd",
    "desk.cli.kiosk_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk",
        description="Station Desk — 派出所户籍综合窗口. Without a command, opens the front-desk client.",
    )
    parser.add_argument("--db", help="database URL (default: DESK_DATABASE_URL or SQLite in the data dir)")
    parser.add_argument("--demo", action="store_true",
                        help="open the client on SQLite with demo data, the simulated reader and the PDF printer")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desk.cli.gui_cmd import open_desk_client

        return open_desk_client(args)
    try:
        return int(args.func(args) or 0)
    except DeskError as error:
        # Every expected failure (bad input, database unavailable …) is told, never a traceback.
        return report_error(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
