"""`desk --help` speaks Chinese first and English too: every command's one-line help, and every option
and argument of the city's administration commands (station, user, db, keys, audit, server), say both —
a city's IT staff read them in either language. Before, most commands and every admin option were
English only, and some options (`--address`, `--phone`, `--port`) said nothing at all."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

from desk.cli import build_parser

CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"[A-Za-z]{3,}")
CITY_ADMIN = ("station", "user", "db", "keys", "audit", "server", "register")


def subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str, argparse.ArgumentParser]]:
    """(name, one-line help, parser) of each sub-command directly below `parser`."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, sub in action.choices.items():
                yield name, helps.get(name, ""), sub


def options_and_commands(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, str]]:
    """(where, help) of every argument and sub-command under `parser`, all the way down."""
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            continue
        yield f"{path} {'/'.join(action.option_strings) or action.dest}", action.help or ""
    for name, help_text, sub in subcommands(parser):
        yield f"{path} {name}", help_text
        yield from options_and_commands(sub, f"{path} {name}")


def both_languages(text: str) -> bool:
    return bool(CHINESE.search(text)) and bool(ENGLISH.search(text))


def test_every_command_s_help_line_says_it_in_chinese_and_english() -> None:
    top = build_parser()
    one_sided = [f"{name}: {help_text!r}" for name, help_text, _sub in subcommands(top)
                 if not both_languages(help_text)]
    assert not one_sided, one_sided
    global_options = [action.help or "" for action in top._actions if action.dest in ("db", "set", "demo")]
    assert len(global_options) == 3  # a renamed option must not pass as "no option to check"
    assert all(both_languages(text) for text in global_options), global_options


def test_every_option_of_the_city_admin_commands_says_it_in_chinese_and_english() -> None:
    top = build_parser(list(CITY_ADMIN))
    commands = {name: sub for name, _help, sub in subcommands(top)}
    one_sided = [f"{where}: {help_text!r}" for name in CITY_ADMIN
                 for where, help_text in options_and_commands(commands[name], f"desk {name}")
                 if not both_languages(help_text)]
    assert not one_sided, one_sided
