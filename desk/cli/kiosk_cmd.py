"""`desk kiosk [--screenshots DIR] [--windowed] [--demo]`: the self-service kiosk for unmanned micro-stations.

Qt is imported only when the command runs, so the rest of the CLI works without a display.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "kiosk", help="运行锁定全屏的自助机 / run the locked full-screen self-service kiosk",
        description="Full-screen locked kiosk on the configured store, reader and printer "
                    "(settings kiosk_code, kiosk_idle_seconds; reader_port 'simulator' runs the simulator). "
                    "Staff exit: hold the top-left corner for 3 seconds, then an administrator's password.")
    parser.add_argument("--demo", action="store_true",
                        help="demo data when the store is empty, simulated reader, PDF printer, hidden test "
                             "control (F12 or the bottom-right corner)")
    parser.add_argument("--windowed", action="store_true", help="a normal window instead of full screen (development)")
    parser.add_argument("--screenshots", metavar="DIR", type=Path,
                        help="render every kiosk screen with demo data to PNG files in DIR, then exit")
    parser.add_argument("--size", default="1920x1080", metavar="WxH",
                        help="screen size for --screenshots (e.g. 1366x768, 1280x1024, 1080x1920)")
    parser.set_defaults(func=_kiosk)


def _kiosk(args: argparse.Namespace) -> int:
    if args.screenshots is not None:
        from kiosk.screenshots import render_screenshots

        try:
            width, height = (int(part) for part in args.size.lower().split("x"))
        except ValueError:
            raise SystemExit(f"--size: expected WIDTHxHEIGHT such as 1366x768, not {args.size!r}") from None
        written = render_screenshots(args.screenshots, database_url=args.db, size=(width, height))
        print(f"已保存 {len(written)} 张截图到 {args.screenshots}（{len(written)} screenshots written）")
        return 0
    from kiosk.starting import show_starting

    starting = show_starting(windowed=args.windowed)  # first: loading the store and screens takes seconds

    from desk.cli.common import settings_from_args
    from kiosk.launch import launch_kiosk

    # The store, the catalog and the demo data load on a worker; the starting screen keeps moving.
    return launch_kiosk(demo=args.demo, windowed=args.windowed, database_url=args.db,
                        settings=settings_from_args(args), starting=starting)
