"""`desk hall`: the hall's calling screen (叫号屏); `desk counter set|list`: the station's service windows.

Qt is imported only when the screen runs, so `desk counter` works without a display.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import core_from_args, print_json, settings_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    hall = subparsers.add_parser("hall", help="大厅叫号屏（全屏、语音叫号）/"
                                              " the hall's full-screen calling screen, with spoken calls")
    hall.add_argument("--demo", action="store_true", help="demo data, three windows and a few calls")
    hall.add_argument("--windowed", action="store_true", help="a normal window instead of full screen")
    hall.add_argument("--screenshot", type=Path, metavar="FILE", help="render the screen to a PNG file and exit")
    hall.add_argument("--record", metavar="TEXT", help="record TEXT as the hall speaks it (with --wav) and exit")
    hall.add_argument("--wav", type=Path, metavar="FILE", help="where --record writes the WAV file")
    hall.set_defaults(func=_hall)

    counter = subparsers.add_parser("counter", help="本所服务窗口及各自叫的号 /"
                                                    " the station's service windows and what each calls")
    commands = counter.add_subparsers(dest="counter_command", required=True, metavar="COMMAND")
    add = commands.add_parser("set", help="add or change a window")
    add.add_argument("number", type=int)
    add.add_argument("name_zh", help="e.g. 3号窗口")
    add.add_argument("--letters", default="", help="ticket letters it calls, e.g. AB (default: every kind)")
    add.set_defaults(func=_set_counter)
    listing = commands.add_parser("list", help="every window")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list_counters)


def _hall(args: argparse.Namespace) -> int:
    if args.record is not None:
        from kiosk.announcer import Announcer

        if args.wav is None:
            raise SystemExit("desk hall --record needs --wav FILE")
        Announcer().to_wav(args.record, args.wav)
        print(f"已录制：{args.wav}")
        return 0
    import os

    if args.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.hall import run_hall

    return run_hall(database_url=args.db, demo=args.demo, windowed=args.windowed, screenshot=args.screenshot,
                    settings=settings_from_args(args))


def _set_counter(args: argparse.Namespace) -> int:
    view = core_from_args(args).queue.set_counter(args.number, args.name_zh, args.letters)
    print(f"{view.name_zh}（{view.number}）：{'号段 ' + view.letters if view.letters else '所有号段'}")
    return 0


def _list_counters(args: argparse.Namespace) -> int:
    counters = core_from_args(args).queue.counters()
    if args.json:
        print_json([{"number": c.number, "name_zh": c.name_zh, "letters": c.letters} for c in counters])
    else:
        for c in counters:
            print(f"{c.number:3}  {c.name_zh}  {c.letters or '所有号段'}")
    return 0
