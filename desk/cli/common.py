"""Helpers the CLI command modules share: building the core, printing JSON and errors."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desk.domain.errors import DeskError


def core_from_args(args: argparse.Namespace, **kwargs: Any) -> Any:
    from desk.core import build_core

    return build_core(getattr(args, "db", None), **kwargs)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_error(error: DeskError) -> int:
    print(f"错误：{error.message_zh}\nError: {error.message_en}", file=sys.stderr)
    return 1
