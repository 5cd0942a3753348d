"""`desk verify PAYLOAD`: check a household certificate's QR payload offline.

    desk verify 'HJZM1.eyJ2Ijox….Jx4…'          → 核验通过 … (exit 0)
    desk verify - --json < scanned.txt          → {"status": "valid", "serial": …}
    desk verify PAYLOAD --facts facts.json      → also check the printed facts against the digest

The keyring is the data dir's `keys/` folder (`<station_code>.pub` of trusted stations and this
station's own key). Every verification is recorded in the audit log ("document.verified").

On a desk in city mode (`server_url` set, no `--db`) the desk holds no keys and no database: the
command asks the city server's verification address (`/verify`, the one the QR code names), which
checks the signature and the register and records the check; with `--keys FILE|DIR` (the city's
exported public keyring) it checks the signature offline instead, without the register or a record.
Exit codes: 0 valid; 1 tampered, unknown station, malformed, facts mismatch or the server unreachable;
2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from printing.signing import Keyring

from .common import print_json, settings_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="核验户籍证明二维码 / verify a household-certificate QR payload",
        description=(
            "核验户籍证明二维码内容的签名（有效 / 被篡改 / 未知单位）；城市模式的窗口机向城市服务器核验，"
            "或用 --keys 指定的公钥列表离线核验。"
            " Verify the signature of a certificate's QR payload (valid / tampered / unknown station); a desk in"
            " city mode asks the city server, or checks offline with the public keyring given by --keys."
        ),
    )
    parser.add_argument("payload", metavar="PAYLOAD",
                        help="二维码内容（或整个核验网址），或 - 从标准输入读取 / the QR text (or the whole"
                             " verification address), or - for stdin")
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    parser.add_argument("--keys", type=Path, metavar="DIR",
                        help="信任的密钥目录或公钥列表文件（默认：数据目录/keys）/ keyring folder or exported"
                             " public keyring file (default: DATA_DIR/keys)")
    parser.add_argument("--facts", type=Path, metavar="FILE",
                        help="证明内容 JSON，与签名摘要核对 / JSON of the printed facts to check against the digest")
    parser.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    payload = sys.stdin.read().strip() if args.payload == "-" else args.payload.strip()
    facts = None
    if args.facts is not None:
        try:
            facts = {str(k): str(v) for k, v in json.loads(args.facts.read_text(encoding="utf-8")).items()}
        except (OSError, ValueError, AttributeError) as exc:
            print(f"无法读取证明内容文件 / cannot read the facts file: {exc}", file=sys.stderr)
            return 2
    settings = settings_from_args(args)
    if settings.server_url.strip() and not getattr(args, "db", None):
        return _verify_in_city(args, settings, payload, facts)
    from desk.cli.common import core_from_args

    core = core_from_args(args)
    folder = args.keys or core.keys_dir
    result = core.verifications.verify(payload, where="cli", facts=facts, keys_dir=folder)
    if args.json:
        print_json(result.as_dict())
    else:
        stream = sys.stdout if result.valid else sys.stderr
        print(result.message_zh, file=stream)
        print(result.message_en, file=stream)
        if result.claim is not None and result.valid:
            claim = result.claim
            print(f"  编号 serial:      {claim.serial}")
            print(f"  出具单位 station: {claim.station_code}")
            print(f"  出具日期 issued:  {claim.issued_on.isoformat()}")
            print(f"  内容摘要 digest:  {claim.digest}")
        if not Keyring.load(folder).station_codes and not result.valid:
            print(f"（密钥目录 {folder} 中没有任何信任的密钥 / no trusted keys in {folder}）", file=sys.stderr)
    return 0 if result.valid else 1


def _verify_in_city(args: argparse.Namespace, settings: Any, payload: str, facts: dict[str, str] | None) -> int:
    """A desk in city mode: offline against `--keys`, else the city server's verification address."""
    if args.keys is not None:
        from desk.domain.clock import Clock
        from printing.signing import verify_payload

        result = verify_payload(payload, Keyring.load(args.keys), facts=facts, today=Clock().today())
        answer: dict[str, Any] = result.as_dict()
        note = ("（离线核验：只核对签名，未查询户籍登记，也未记入审计日志）\n"
                "(Offline: the signature only; the register was not asked and nothing was recorded.)")
        return _report(args, answer, note if not args.json else None)
    if facts is not None:
        print("城市模式下 --facts 须与 --keys（城市公钥列表）一起用于离线核验。\n"
              "In city mode --facts needs --keys (the city's public keyring): the check is then offline.",
              file=sys.stderr)
        return 2
    try:
        answer = _ask_city_server(settings, payload)
    except _Unreachable as exc:
        print(f"无法连接城市服务器：{exc}。可改用城市公钥列表离线核验：desk verify PAYLOAD --keys keyring.json\n"
              f"The city server cannot be reached: {exc}. Check offline with the city's public keyring instead:"
              " desk verify PAYLOAD --keys keyring.json", file=sys.stderr)
        return 1
    return _report(args, answer, None)


class _Unreachable(Exception):
    pass


def _ask_city_server(settings: Any, payload: str) -> dict[str, Any]:
    """`GET {server}/verify?p=…&format=json`: no sign-in (the payload is the question), TLS against the city CA."""
    import ssl

    import httpx

    root = settings.server_url.strip().rstrip("/").removesuffix("/api/v1")
    ca_file = settings.server_ca.strip()
    verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=ca_file) if ca_file else True
    try:
        with httpx.Client(verify=verify, timeout=30.0) as client:
            response = client.get(f"{root}/verify", params={"p": payload, "format": "json"})
            response.raise_for_status()
            answer = response.json()
    except (httpx.HTTPError, OSError, ValueError) as exc:
        raise _Unreachable(f"{root} ({type(exc).__name__})") from exc
    if not isinstance(answer, dict) or "status" not in answer:
        raise _Unreachable(f"{root} (unexpected answer)")
    return answer


def _report(args: argparse.Namespace, answer: dict[str, Any], note: str | None) -> int:
    valid = bool(answer.get("valid"))
    if args.json:
        print_json(answer)
        return 0 if valid else 1
    stream = sys.stdout if valid else sys.stderr
    print(answer.get("message_zh", ""), file=stream)
    print(answer.get("message_en", ""), file=stream)
    if valid:
        station = " ".join(str(part) for part in (answer.get("station_code"), answer.get("station_name")) if part)
        print(f"  编号 serial:      {answer.get('serial')}")
        print(f"  出具单位 station: {station}")
        print(f"  出具日期 issued:  {answer.get('issued_on')}")
        print(f"  有效期至 until:   {answer.get('valid_until') or '—'}")
        if answer.get("holder_name"):
            print(f"  持证人 holder:    {answer['holder_name']} {answer.get('holder_id') or ''}".rstrip())
    if note:
        print(note, file=stream)
    return 0 if valid else 1
