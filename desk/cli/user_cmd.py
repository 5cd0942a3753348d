"""`desk station add`, `desk user add|list|password|deactivate|activate|photo`: set up a station and its people.

Passwords are read from standard input (one line) or asked for without echo, never taken as an
argument (it would stay in the shell history and the process list). In city mode these go through the
city server and need an administrator's sign-in (city_admin.py).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from desk.domain.errors import InvalidInput
from desk.domain.workflow import Role

from .city_admin import add_admin_options, city_admin
from .common import core_from_args, padded, text_columns


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    station = subparsers.add_parser("station", help="派出所：登记或修改 / police stations: register or update")
    station_commands = station.add_subparsers(dest="station_command", required=True, metavar="COMMAND")
    add_station = station_commands.add_parser("add",
        help="登记派出所（已有的代码则更新）：名称、分局、文书上的地址电话 /"
             " register a station (an existing code is updated): name, branch, the address and phone the papers print")
    add_station.add_argument("code", help="派出所代码，如 HP01 / station code, e.g. HP01")
    add_station.add_argument("name_zh", help="全称，如 沈阳市公安局和平分局太原街派出所 / full name")
    add_station.add_argument("--name-en", default=None, help="英文名称（自助机英文界面显示），如 'Taiyuan Street"
                             " Police Station' / the English name the kiosk shows in English")
    add_station.add_argument("--branch", default=None, help="所属分局，如 沈阳市公安局和平分局 / its branch")
    add_station.add_argument("--address", default=None, help="联系地址（印在告知书、证明上）/"
                                                           " address printed on the papers")
    add_station.add_argument("--phone", default=None, help="联系电话（印在告知书、证明上）/"
                                                           " phone printed on the papers")
    add_station.add_argument("--reconsideration-body", default=None,
                             help="行政复议机关，如 沈阳市和平区人民政府 / reconsideration body on a denial")
    add_station.add_argument("--court", default=None, help="行政诉讼法院，如 沈阳市和平区人民法院 /"
                                                         " court named on a denial")
    add_station.set_defaults(func=_add_station)
    add_admin_options(add_station)

    user = subparsers.add_parser("user", help="用户：民警、所领导、所长、分局户政、管理员 /"
                                              " users: clerks, leaders, managers, branch, administrators")
    commands = user.add_subparsers(dest="user_command", required=True, metavar="COMMAND")
    add = commands.add_parser("add", help="新建用户，密码从标准输入读取或提示输入 /"
                                          " create a user; the password from stdin or asked for")
    add.add_argument("username", help="登录名 / sign-in name")
    add.add_argument("--name", required=True, help="姓名，如 张丽 / display name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role],
                     help="clerk 窗口民警 · leader 所领导 · manager 所长 · branch 分局户政 · admin 系统管理员")
    add.add_argument("--station", required=True, help="所属派出所代码 / station code")
    add.add_argument("--badge", default="", help="警号，文书上印作工号；不填则印本系统编号 /"
                                                 " police badge number, printed as"
                     " 工号; without one the papers show the user's number in this system")
    add.add_argument("--kiosk", action="store_true",
                     help="自助机或大厅屏的账号：只能在自助机上登录，不能登录窗口 / a kiosk's or hall screen's"
                          " account: it signs in on kiosks only, never as a desk")
    add.set_defaults(func=_add_user)
    listing = commands.add_parser("list", help="列出在用的用户 / every active user")
    listing.set_defaults(func=_list_users)
    password = commands.add_parser("password", help="重设密码（同时解除锁定）/"
                                                    " set a new password (also lifts a lock-out)")
    password.add_argument("username", help="登录名 / sign-in name")
    password.set_defaults(func=_password)
    deactivate = commands.add_parser("deactivate", help="停用：不能再登录或办理，会话结束 /"
                                                        " the user can no longer sign in or act (sessions end)")
    deactivate.add_argument("username", help="登录名 / sign-in name")
    deactivate.set_defaults(func=_set_active, active=False)
    activate = commands.add_parser("activate", help="重新启用停用的用户 / let a deactivated user sign in again")
    activate.add_argument("username", help="登录名 / sign-in name")
    activate.set_defaults(func=_set_active, active=True)
    badge = commands.add_parser("badge", help="登记警号，文书上印作工号（--badge \"\" 清除）/"
                                              " record a user's police badge"
                                " number, printed as 工号 (an empty --badge clears it)")
    badge.add_argument("username", help="登录名 / sign-in name")
    badge.add_argument("--badge", required=True, help="警号，如 012345；\"\" 清除 /"
                                                      " badge number, e.g. 012345; \"\" clears it")
    badge.set_defaults(func=_badge)
    photo = commands.add_parser("photo",
        help="评价器上显示的民警照片：JPEG 或 PNG 证件照，不超过 512 KB（仅服务器上）/"
             " the"
                                " user's photo on the evaluator: a JPEG or PNG ID photo, at most 512 KB (server only)")
    photo.add_argument("username", help="登录名 / sign-in name")
    photo.add_argument("file", type=Path, help="照片文件 / the photo file")
    photo.set_defaults(func=_photo)
    for parser in (add, listing, password, deactivate, activate, badge):
        add_admin_options(parser)


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("密码 / password: ")
        if getpass.getpass("再输入一次 / again: ") != first:
            raise InvalidInput.say("cli.passwords_differ")
        return first
    return sys.stdin.readline().rstrip("\n")


def _add_station(args: argparse.Namespace) -> int:
    """Register a station, or change an existing one: only the options given change (the name always)."""
    fields = {"branch_name": args.branch, "address": args.address, "phone": args.phone,
              "reconsideration_body": args.reconsideration_body, "court": args.court, "name_en": args.name_en}
    city = city_admin(args)
    if city is not None:
        answer = city.call("POST", "/admin/stations", {"code": args.code, "name_zh": args.name_zh, **fields})
        created = answer.get("status") != "updated"
    else:
        created = core_from_args(args).users.save_station(args.code, args.name_zh, **fields)
    if created:
        print(f"派出所 {args.code} {args.name_zh} 已登记。\nStation {args.code} registered.")
    else:
        print(f"派出所 {args.code} {args.name_zh} 已更新（只改了给出的项）。\n"
              f"Station {args.code} updated (only the options given were changed).")
    return 0


def _add_user(args: argparse.Namespace) -> int:
    city = city_admin(args)
    if city is not None:
        city.call("POST", "/admin/users", {"username": args.username, "display_name": args.name,
                                           "role": args.role, "station_code": args.station,
                                           "password": _read_password(), "badge_number": args.badge,
                                           "kiosk_only": args.kiosk})
        _say_added(args)
        return 0
    core_from_args(args).users.create_user(args.username, args.name, Role(args.role), args.station,
                                           _read_password(), badge_number=args.badge, kiosk_only=args.kiosk)
    _say_added(args)
    return 0


def _say_added(args: argparse.Namespace) -> None:
    kind = "，自助机账号" if args.kiosk else ""
    print(f"用户 {args.username}（{args.name}，{Role(args.role).label_zh}{kind}）已创建。")


def _list_users(args: argparse.Namespace) -> int:
    city = city_admin(args)
    if city is not None:
        listed = city.call("GET", "/admin/users")
        rows = [(u["username"], u["display_name"], Role(u["role"]), u["station_code"], u["locked"]) for u in listed]
        badges = {u["username"]: u.get("badge", "") for u in listed}
        kiosks = {u["username"] for u in listed if u.get("kiosk_only")}
    else:
        users = core_from_args(args).users
        rows, badges, kiosks = users.users(), users.badges(), users.kiosk_accounts()
    # Columns as wide as their longest entry, counted in terminal columns (a Chinese character takes two).
    table = [("用户名 user", "姓名 name", "角色 role", "派出所 station", "工号 staff no.", "")] + [
        (username, name, role.label_zh + ("（自助机账号 kiosk）" if username in kiosks else ""), station,
         f"工号 {badges.get(username, '') or '—'}", "已锁定 locked" if locked else "")
        for username, name, role, station, locked in rows]
    widths = [max(text_columns(row[i]) for row in table) + 2 for i in range(5)]
    for row in table:
        print(("".join(padded(cell, width) for cell, width in zip(row, widths, strict=False)) + row[5]).rstrip())
    return 0


def _badge(args: argparse.Namespace) -> int:
    city = city_admin(args)
    if city is not None:
        stored = city.call("POST", f"/admin/users/{args.username}/badge", {"badge_number": args.badge})["badge"]
    else:
        stored = core_from_args(args).users.set_badge(args.username, args.badge)
    shown = f"警号 {stored}" if stored else "警号已清除，工号显示为系统编号"
    print(f"用户 {args.username}：{shown}。（badge {'set' if stored else 'cleared'}）")
    return 0


def _password(args: argparse.Namespace) -> int:
    city = city_admin(args)
    if city is not None:
        city.call("POST", f"/admin/users/{args.username}/password", {"password": _read_password()})
    else:
        core_from_args(args).users.reset_password(args.username, _read_password())
    print(f"用户 {args.username} 的密码已更新。")
    return 0


def _set_active(args: argparse.Namespace) -> int:
    city = city_admin(args)
    if city is not None:
        city.call("POST", f"/admin/users/{args.username}/active", {"active": args.active})
    else:
        core_from_args(args).users.set_active(args.username, args.active)
    print(f"用户 {args.username} 已{'启用' if args.active else '停用'}。")
    return 0


def _photo(args: argparse.Namespace) -> int:
    """Store the photo in this station's store (city mode: not served by the city server yet)."""
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise InvalidInput.say("file.photo_unreadable", path=str(args.file), reason=exc.strerror) from exc
    stored = core_from_args(args).user_photos.set_photo(args.username, data, file_name=args.file.name)
    print(f"用户 {args.username} 的照片已保存（{stored.width}×{stored.height}，{len(data) // 1024} KB）。"
          f"（photo stored）")
    return 0
