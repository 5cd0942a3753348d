"""The `desk` command: thin argument parsing that calls the core and prints.

Each command group lives in its own module with a `register(subparsers)` function that adds its
sub-commands; a sub-command stores its handler as `func(args) -> int` (the exit code).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from desk import __version__
from desk.cli.common import report_error
from desk.domain.errors import DeskError

log = logging.getLogger("desk")

# The top-level command each module registers. Only the module of the command being run is imported,
# so `desk` alone (the GUI) and `desk id check …` start fast; `--help` imports them all.
COMMANDS: dict[str, str] = {
    "catalog": "desk.cli.catalog_cmd",
    "deadline": "desk.cli.deadline_cmd",
    "db": "desk.cli.db_cmd",
    "case": "desk.cli.case_cmd",
    "audit": "desk.cli.audit_cmd",
    "demo-data": "desk.cli.demo_cmd",
    "print": "desk.cli.print_cmd",
    "report": "desk.cli.report_cmd",
    "id": "desk.cli.id_cmd",
    "verify": "desk.cli.verify_cmd",
    "keys": "desk.cli.keys_cmd",
    "follow-ups": "desk.cli.followups_cmd",
    "clocks": "desk.cli.clocks_cmd",
    "bundle": "desk.cli.bundle_cmd",
    "reader": "desk.cli.reader_cmd",
    "screenshots": "desk.cli.screenshots_cmd",
    "kiosk": "desk.cli.kiosk_cmd",
    "hall": "desk.cli.hall_cmd",
    "holidays": "desk.cli.holidays_cmd",
    "counter": "desk.cli.hall_cmd",
    "station": "desk.cli.user_cmd",
    "user": "desk.cli.user_cmd",
    "register": "desk.cli.register_cmd",
    "server": "desk.cli.server_cmd",
}
COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(COMMANDS.values()))
_OPTIONS_WITH_VALUE = frozenset({"--db", "--set"})


def build_parser(commands: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the given commands registered (all of them when None)."""
    parser = argparse.ArgumentParser(
        prog="desk",
        description="Station Desk — 派出所户籍综合窗口。不带命令时打开窗口客户端。 Without a command, opens the"
                    " front-desk client.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", help="数据库地址（默认 DESK_DATABASE_URL 或数据目录中的 SQLite）/"
                                     " database URL (default: DESK_DATABASE_URL or SQLite in the data dir)")
    parser.add_argument("--set", action="append", metavar="NAME=VALUE",
                        help="只对本次运行生效的设置，优先于设置文件和 DESK_* 变量 / a setting for this run only, over"
                             " the settings files and DESK_* variables (docs/install.md lists them)")
    parser.add_argument("--demo", action="store_true",
                        help="用演示数据、模拟读卡器和 PDF 打印机打开客户端 /"
                             " open the client with demo data, the simulated reader and the PDF printer")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    names = COMMANDS if commands is None else commands
    # One module may register several commands (station and user); register each module once.
    for module_name in dict.fromkeys(COMMANDS[name] for name in names):
        importlib.import_module(module_name).register(subparsers)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The first word that is not a global option or its value: the command, if it is one."""
    words = iter(argv)
    for word in words:
        if word in _OPTIONS_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_in(argv)
    if command in COMMANDS:
        parser = build_parser([command])
    elif command is None and not {"-h", "--help"} & set(argv):
        parser = build_parser([])  # the GUI: no command module needed
    else:
        parser = build_parser()  # help, or an unknown command: argparse lists them all
    args = parser.parse_args(argv)
    from desk.logs import setup_logging

    setup_logging()
    from desk.message_catalog import install_english

    install_english()  # the English of error messages, for the CLI, the server and the logs
    from desk.shipped import use_shipped_regions

    use_shipped_regions()  # the region table ID numbers are checked against (read on first use)
    if args.command is None:
        from desk.cli.gui_cmd import open_desk_client

        # The client writes its start line itself, behind the painted sign-in screen: the log file's
        # first record costs the file handler's import and an open, which the window need not wait for.
        return open_desk_client(args)
    log.info("desk %s: %s", __version__, args.command)
    try:
        return int(args.func(args) or 0)
    except DeskError as error:
        # Every expected failure (bad input, database unavailable …) is told, never a traceback.
        log.info("desk %s: %s", args.command, error.code)
        return report_error(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def gui_main() -> int:
    """The desktop menu's entry point (`station-desk`, a gui-script): the client, or a command if one is given."""
    return main()


if __name__ == "__main__":
    sys.exit(main())
