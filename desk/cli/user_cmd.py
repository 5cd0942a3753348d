"""`desk station add`, `desk user add|list|password`: set up a station and its people.

Passwords are read from standard input (one line) or asked for without echo, never taken as an
argument (it would stay in the shell history and the process list).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from desk.domain.errors import InvalidInput
from desk.domain.workflow import Role

from .common import core_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    station = subparsers.add_parser("station", help="set up this police station")
    station_commands = station.add_subparsers(dest="station_command", required=True, metavar="COMMAND")
    add_station = station_commands.add_parser("add", help="register a station (code, name, branch …)")
    add_station.add_argument("code")
    add_station.add_argument("name_zh", help="e.g. 沈阳市公安局和平分局太原街派出所")
    add_station.add_argument("--branch", default="", help="e.g. 沈阳市公安局和平分局")
    add_station.add_argument("--address", default="")
    add_station.add_argument("--phone", default="")
    add_station.add_argument("--reconsideration-body", default="", help="e.g. 沈阳市和平区人民政府")
    add_station.add_argument("--court", default="", help="e.g. 沈阳市和平区人民法院")
    add_station.set_defaults(func=_add_station)

    user = subparsers.add_parser("user", help="station users (clerks, leaders, managers, administrators)")
    commands = user.add_subparsers(dest="user_command", required=True, metavar="COMMAND")
    add = commands.add_parser("add", help="create a user; the password is read from stdin or asked for")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="display name, e.g. 张丽")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--station", required=True, help="station code")
    add.set_defaults(func=_add_user)
    listing = commands.add_parser("list", help="every active user")
    listing.set_defaults(func=_list_users)
    password = commands.add_parser("password", help="set a new password (also lifts a lock-out)")
    password.add_argument("username")
    password.set_defaults(func=_password)


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("密码 / password: ")
        if getpass.getpass("再输入一次 / again: ") != first:
            raise InvalidInput("两次输入的密码不一致。", "The two passwords differ.")
        return first
    return sys.stdin.readline().rstrip("\n")


def _add_station(args: argparse.Namespace) -> int:
    core_from_args(args).users.ensure_station(args.code, args.name_zh, args.branch, args.address, args.phone,
                                              args.reconsideration_body, args.court)
    print(f"派出所 {args.code} {args.name_zh} 已登记。")
    return 0


def _add_user(args: argparse.Namespace) -> int:
    core_from_args(args).users.create_user(args.username, args.name, Role(args.role), args.station,
                                           _read_password())
    print(f"用户 {args.username}（{args.name}，{Role(args.role).label_zh}）已创建。")
    return 0


def _list_users(args: argparse.Namespace) -> int:
    for username, name, role, station, locked in core_from_args(args).users.users():
        print(f"{username:<12} {name:<8} {role.label_zh:<8} {station}{'  已锁定' if locked else ''}")
    return 0


def _password(args: argparse.Namespace) -> int:
    core_from_args(args).users.reset_password(args.username, _read_password())
    print(f"用户 {args.username} 的密码已更新。")
    return 0
