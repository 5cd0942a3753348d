"""`desk verify PAYLOAD`: check a household certificate's QR payload offline.

    desk verify 'HJZM1.eyJ2Ijox….Jx4…'          → 核验通过 … (exit 0)
    desk verify - --json < scanned.txt          → {"status": "valid", "serial": …}
    desk verify PAYLOAD --facts facts.json      → also check the printed facts against the digest

The keyring is the data dir's `keys/` folder (`<station_code>.pub` of trusted stations and this
station's own key). Every verification is recorded in the audit log ("document.verified").
Exit codes: 0 valid; 1 tampered, unknown station, malformed or facts mismatch; 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from printing.signing import Keyring


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="核验户籍证明二维码 / verify a household-certificate QR payload",
        description=(
            "离线核验户籍证明二维码内容的签名（有效 / 被篡改 / 未知单位）。"
            " Verify the signature of a certificate's QR payload offline (valid / tampered / unknown station)."
        ),
    )
    parser.add_argument("payload", metavar="PAYLOAD",
                        help="二维码内容，或 - 从标准输入读取 / the QR text, or - for stdin")
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    parser.add_argument("--keys", type=Path, metavar="DIR",
                        help="信任的密钥目录（默认：数据目录/keys）/ keyring folder (default: DATA_DIR/keys)")
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
    from desk.cli.common import core_from_args

    core = core_from_args(args)
    folder = args.keys or core.keys_dir
    result = core.verifications.verify(payload, where="cli", facts=facts, keys_dir=folder)
    if args.json:
        json.dump(result.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
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
