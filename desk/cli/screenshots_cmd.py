"""`desk screenshots DIR`: render the front-desk client's screens with demo data to PNG files
(the tour itself is Qt code and lives with the desk app, in `desk/ui/screenshot_tour.py`).

The run uses its own temporary data folder and SQLite database (demo data), the simulated reader
and the PDF printer; nothing of the user's data is touched.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("screenshots", help="用演示数据把窗口客户端各屏幕渲染为 PNG /"
                                                       " render the desk client's screens to PNG files")
    parser.add_argument("out", type=Path, metavar="DIR")
    parser.add_argument("--language", choices=["zh_CN", "en"], default="zh_CN")
    parser.set_defaults(func=_screenshots)


def _screenshots(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="desk-screenshots-") as scratch:
        os.environ["DESK_DATA_DIR"] = scratch  # keys, spool and printed papers stay in the scratch folder
        from desk.ui.screenshot_tour import render_all

        written = render_all(args.out, Path(scratch), args.language)
    print(f"{len(written)} screenshots → {args.out}")
    for path in written:
        print(f"  {path.name}")
    return 0
