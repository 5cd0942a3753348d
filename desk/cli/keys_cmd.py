"""`desk keys list|create|rotate|revoke|export-public`: the certificate signing keys.

Run on the machine that signs (the city server, or an embedded single-station desk); every act is
audited with the OS user. `export-public` writes the public keyring any desk, kiosk or outside unit
uses to verify certificates offline (`desk verify --keys FILE`).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .common import core_from_args, print_json

if TYPE_CHECKING:
    from desk.core import Core
    from desk.services.keys import KeyService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = subparsers.add_parser("keys", help="证明签名密钥：列出、创建、轮换、吊销、导出公钥 /"
                                              " certificate signing keys: list, create, rotate, revoke, export")
    keys.add_argument("--keys", type=Path, metavar="DIR", help="密钥目录（默认 数据目录/keys）/"
                                                               " key folder (default: DATA_DIR/keys)")
    commands = keys.add_subparsers(dest="keys_command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="列出密钥：单位、有效期、状态 /"
                                               " every key with its station, validity and status")
    listing.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    listing.set_defaults(func=_list)
    for name, help_text, func in (("create", "为派出所创建第一把签名密钥 / a first signing key for a station", _create),
                                  ("rotate", "换新密钥，旧密钥停签但仍可核验 /"
                                             " a new key; the old one retires (still verifies)",
                                   _rotate)):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("station", nargs="?", help="派出所代码（默认本所）/ station code (default: this station)")
        command.add_argument("--valid-days", type=int, default=None, help="签名有效天数（默认 3 年）/"
                                                                          " days the key signs (default 3 years)")
        command.set_defaults(func=func)
    revoke = commands.add_parser("revoke", help="吊销密钥：其证明核验为“已吊销” /"
                                                " revoke a key: its certificates then read 'revoked'")
    revoke.add_argument("kid", help="密钥编号（见 desk keys list）/ key id, as `desk keys list` shows it")
    revoke.add_argument("--reason", required=True, help="吊销原因（记入密钥列表和审计日志）/"
                                                        " why (kept in the keyring and the audit log)")
    revoke.set_defaults(func=_revoke)
    export = commands.add_parser("export-public", help="导出公钥列表（不含私钥）/"
                                                       " write the public keyring (no private key) to a file")
    export.add_argument("out", type=Path, metavar="FILE", help="输出文件 / the file to write")
    export.set_defaults(func=_export)


def _service(args: argparse.Namespace) -> tuple[Core, KeyService]:
    from desk.services.keys import KeyService

    core: Core = core_from_args(args)
    return core, (KeyService(core.store, core.clock, args.keys) if args.keys is not None else core.keys)


def _by() -> str:
    from desk.services.keys import os_user

    return f"cli:{os_user()}"


def _list(args: argparse.Namespace) -> int:
    _, keys = _service(args)
    records = keys.list()
    if args.json:
        print_json([r.as_json() for r in records])
        return 0
    if not records:
        print("没有签名密钥。/ No signing keys. (desk keys create)")
        return 0
    for r in records:
        revoked = f"  吊销于 {r.revoked_at:%Y-%m-%d}：{r.revoked_reason}" if r.revoked_at else ""
        print(f"{r.kid:32}  {r.station_code:10}  {r.not_before} – {r.not_after}  {r.status.value}{revoked}")
    return 0


def _create(args: argparse.Namespace) -> int:
    return _make(args, rotate=False)


def _rotate(args: argparse.Namespace) -> int:
    return _make(args, rotate=True)


def _make(args: argparse.Namespace, *, rotate: bool) -> int:
    core, keys = _service(args)
    station = args.station or core.station_code
    options = {"valid_days": args.valid_days} if args.valid_days is not None else {}
    record = (keys.rotate if rotate else keys.create)(station, by=_by(), **options)
    print(f"密钥 {record.kid} 已{'更换' if rotate else '创建'}：站点 {record.station_code}，"
          f"有效期 {record.not_before} 至 {record.not_after}。")
    print("请把公钥列表分发给各窗口和自助机：desk keys export-public FILE")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    _, keys = _service(args)
    record = keys.revoke(args.kid, args.reason, by=_by())
    print(f"密钥 {record.kid} 已吊销；用它签发的证明核验时将显示“已吊销”。请重新分发公钥列表。")
    return 0


def _export(args: argparse.Namespace) -> int:
    _, keys = _service(args)
    count = keys.export_public(args.out)
    print(f"公钥列表（{count} 个密钥）已写入 {args.out}")
    return 0
