"""Helpers the CLI command modules share: building the core, printing JSON and errors."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from typing import Any

from desk.domain.errors import DeskError


def settings_from_args(args: argparse.Namespace) -> Any:
    """The settings in layers, with the command line's `--set NAME=VALUE` and `--db URL` on top."""
    from desk.settings import load_settings, parse_assignments

    overrides = parse_assignments(getattr(args, "set", None))
    if getattr(args, "db", None):
        overrides["database_url"] = args.db
    return load_settings(overrides=overrides)


def core_from_args(args: argparse.Namespace, **kwargs: Any) -> Any:
    from desk.core import build_core

    return build_core(getattr(args, "db", None), settings=settings_from_args(args), **kwargs)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_error(error: DeskError) -> int:
    print(f"错误：{error.message_zh}\nError: {error.message_en}", file=sys.stderr)
    return 1


def text_columns(text: str) -> int:
    """How many terminal columns `text` takes: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def padded(text: str, columns: int) -> str:
    """`text` padded with spaces to `columns` terminal columns (at least one space after it)."""
    return text + " " * max(columns - text_columns(text), 1)
