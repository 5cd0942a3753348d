"""The support commands in city mode (`server_url` set, no `--db`): they sign in to the city server as
an administrator — the password from `--password-file` or asked for without echo — and act through
its admin routes, which audit the administrator and this OS user. No database is opened here."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from desk.domain.errors import InvalidInput, PermissionDenied
from desk.domain.workflow import Role

from .common import settings_from_args


def add_admin_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", dest="admin_user", default=None,
                        help="城市模式：以哪个管理员登录（不填则询问）/ city mode: the administrator to sign in as")
    parser.add_argument("--password-file", dest="admin_password_file", default=None,
                        help="城市模式：存放管理员密码的文件（不填则询问）/"
                             " city mode: a file with the administrator's password")


def city_admin(args: argparse.Namespace, roles: frozenset[Role] = frozenset({Role.ADMIN}),
               refusal: str = "cli.admin_only_in_city_mode") -> Any:
    """A Connection signed in as an administrator (or another of `roles`, else `refusal` is said), or
    None when this command runs in-process."""
    settings = settings_from_args(args)
    if not settings.server_url or getattr(args, "db", None):
        return None
    from desk.remote.connection import Connection

    connection = Connection.from_settings(settings)
    assert connection is not None
    connection.os_user = os_user()
    username = getattr(args, "admin_user", None) or _ask("管理员账号 / administrator: ")
    connection.sign_in(username, _admin_password(args))
    user = connection.user
    if user is None or user.actor.role not in roles:
        connection.sign_out()
        raise PermissionDenied.say(refusal, code="admin_only")
    return connection


def _admin_password(args: argparse.Namespace) -> str:
    path = getattr(args, "admin_password_file", None)
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise InvalidInput.say("file.password_unreadable", path=str(path), reason=exc.strerror) from exc
    if not sys.stdin.isatty():
        raise InvalidInput.say("cli.password_file_needed")
    return getpass.getpass("管理员密码 / administrator's password: ")


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise InvalidInput.say("cli.admin_user_needed")
    return input(prompt).strip()


def os_user() -> str:
    """Who is at the machine's keyboard, for the server's audit of an admin command."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "?"
