"""`desk holidays import FILE` / `desk holidays list`: the State Council's holiday schedule for a year,
checked and put into the writable holiday folder (the data folder's `holidays/`), where it wins over the
tables shipped with the release. Format: docs/holidays.md.

Exit codes: 0 done, 1 the file is invalid (nothing is changed).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import tomllib
from pathlib import Path

from desk.domain.workdays import HolidayDataError, load_holiday_file, load_holiday_files, parse_year_table
from desk.paths import holiday_overrides_dir, holidays_dir


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("holidays", help="节假日安排：导入与查看 / import and list holiday schedules")
    commands = parser.add_subparsers(dest="holidays_command", required=True, metavar="COMMAND")
    imp = commands.add_parser("import", help="检查并导入一年的节假日安排 / check and import one year's schedule",
                              description="The file is checked as docs/holidays.md says; a valid file is copied to "
                                          "the writable holiday folder as <year>.toml (replacing an earlier import "
                                          "of that year); an invalid one changes nothing.")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(func=_import)
    listing = commands.add_parser("list", help="各年节假日数据的来源 / where each year's schedule comes from")
    listing.set_defaults(func=_list)


def _import(args: argparse.Namespace) -> int:
    source: Path = args.file
    try:
        data = source.read_bytes()
        table = tomllib.loads(data.decode("utf-8"))
        schedule = parse_year_table(table, source.name)
    except OSError as exc:
        print(f"无法读取 {source}：{exc.strerror} / cannot read {source}: {exc.strerror}", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"{source}：文件不是 UTF-8 编码 / the file is not UTF-8", file=sys.stderr)
        return 1
    except tomllib.TOMLDecodeError as exc:
        print(f"{source}：TOML 语法错误 / TOML syntax error: {exc}", file=sys.stderr)
        return 1
    except HolidayDataError as exc:
        print(f"节假日数据有误 / invalid holiday data: {exc}", file=sys.stderr)
        return 1
    folder = holiday_overrides_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{schedule.year}.toml"
    replaced = target.exists()
    # Written beside the target and renamed: a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".import-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    load_holiday_file(target)  # as the desk will read it
    verb = "已替换 / replaced" if replaced else "已导入 / imported"
    print(f"{verb} {schedule.year}: {len(schedule.holidays)} holidays, {len(schedule.workdays)} make-up working days "
          f"→ {target}")
    return 0


def _list(args: argparse.Namespace) -> int:
    shipped = load_holiday_files(holidays_dir())
    imported = load_holiday_files(holiday_overrides_dir())
    for year in sorted(set(shipped) | set(imported)):
        where = f"imported ({holiday_overrides_dir() / f'{year}.toml'})" if year in imported else "shipped"
        print(f"{year}\t{where}")
    return 0
