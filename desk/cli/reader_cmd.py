"""`desk reader`: read an ID card from a serial reader, list candidate ports, run the reader simulator.

    desk reader ports [--json] [--all] [PATH ...]      candidate ports, most likely reader first
    desk reader read --port PORT [--baud B] [--json]   wait for a card (--timeout S) and print it
    desk reader simulate [--cards FILE] [--fault MODE] [--link PATH] [--cycle S]
                                                       a simulated reader on a pty: prints the port
                                                       path, serves until Ctrl-C; type `?` for its
                                                       commands (place/remove cards, faults, unplug)

Exit codes of `read`: 0 a card was read (its problems, if any, are printed as warnings), 1 no card
or no good read within the timeout, 2 the port cannot be opened.
"""

from __future__ import annotations

import argparse
import math
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from desk.cli.common import print_json
from desk.devices.card import IdCard
from desk.devices.ports import list_ports
from desk.devices.reader import DEFAULT_BAUDRATE, CardReaderDriver, NoCard, ReaderError
from desk.devices.simulator import FaultMode, ReaderSimulator, load_cards
from desk.devices.transport import TransportClosed

_FAULTS = [mode.value for mode in FaultMode]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "reader",
        help="身份证读卡器 / ID-card reader: read, ports, simulate",
        description="二代身份证读卡器（串口）/ the resident-ID-card reader on a serial port.",
    )
    commands = parser.add_subparsers(dest="reader_command", metavar="COMMAND", required=True)

    ports = commands.add_parser("ports", help="列出可能的读卡器串口 / list candidate ports")
    ports.add_argument("paths", nargs="*", metavar="PATH", help="也列出这些路径 / also list these paths")
    ports.add_argument("--all", action="store_true", help="包括看起来不像读卡器的串口 / include unlikely ports")
    ports.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    ports.set_defaults(func=run_ports)

    read = commands.add_parser("read", help="读一张证件 / read one card")
    read.add_argument("--port", required=True, help="串口，如 /dev/ttyUSB0 或 COM3 / serial port")
    read.add_argument("--baud", type=int, help=f"波特率（默认 {DEFAULT_BAUDRATE} 并自动探测）/ baud rate "
                      f"(default {DEFAULT_BAUDRATE}, probing the usual rates)")
    read.add_argument("--timeout", type=finite_seconds, default=10.0,
                      help="等待放卡的秒数 / seconds to wait for a card")
    read.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    read.add_argument("--photo", type=Path, metavar="FILE", help="把照片原始数据（WLT）存到文件 / save the raw photo")
    read.add_argument("--fingerprint", action="store_true", help="同时读指纹 / also read the fingerprints")
    read.set_defaults(func=run_read)

    simulate = commands.add_parser("simulate", help="模拟读卡器 / run a simulated reader on a pty")
    simulate.add_argument("--cards", type=Path, metavar="FILE",
                          help="证件文件 TOML/JSON（默认演示证件）/ cards file (default: the demo cards)")
    simulate.add_argument("--fault", choices=_FAULTS, default="none", help="故障模式 / fault mode")
    simulate.add_argument("--fault-count", type=int, metavar="N",
                          help="只影响接下来 N 个应答 / spoil only the next N replies")
    simulate.add_argument("--link", type=Path, metavar="PATH",
                          help="串口路径（符号链接，拔插后不变）/ port path (a symlink that survives unplug)")
    simulate.add_argument("--card", metavar="N|LABEL", help="启动时放上的证件 / card placed at start")
    simulate.add_argument("--cycle", type=float, metavar="S",
                          help="每 S 秒轮流放卡、取卡 / place the next card, then remove it, every S seconds")
    simulate.add_argument("--baud", type=int, help="只在该波特率应答 / answer only at this rate")
    simulate.set_defaults(func=run_simulate)


# --- ports ---------------------------------------------------------------------------------------


def finite_seconds(text: str) -> float:
    """A timeout from the command line: a finite number of seconds from 0 to one day (NaN would never end)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是数字 / not a number: {text!r}") from None
    if not math.isfinite(value) or not 0 <= value <= 86_400:
        raise argparse.ArgumentTypeError(f"超时须为 0 到 86400 秒之间的有限数 / the timeout must be a finite "
                                         f"number of seconds from 0 to 86400: {text!r}")
    return value


def run_ports(args: argparse.Namespace) -> int:
    ports = list_ports(args.paths, include_all=args.all)
    if args.json:
        print_json([port.__dict__ for port in ports])
        return 0
    if not ports:
        print("没有找到串口。USB 读卡器插上后通常是 /dev/ttyUSB0 或 /dev/ttyACM0（Windows: COMn）。\n"
              "No serial ports found. A USB reader usually appears as /dev/ttyUSB0 or /dev/ttyACM0 (COMn).")
        return 0
    for port in ports:
        chip = f" [{port.chip}]" if port.chip else ""
        print(f"{port.device}\t{port.kind}{chip}\t{port.description}")
    return 0


# --- read ----------------------------------------------------------------------------------------


def run_read(args: argparse.Namespace) -> int:
    driver = CardReaderDriver(
        args.port, baudrate=args.baud or DEFAULT_BAUDRATE, probe=args.baud is None,
        read_fingerprint=args.fingerprint,
    )
    try:
        card = _wait_for_card(driver, timeout=args.timeout, prompt=not args.json)
    except TransportClosed as exc:
        print(f"错误：{exc.message_zh}\nError: {exc.message_en}", file=sys.stderr)
        return 2
    except ReaderError as exc:
        print(f"错误：{exc.message_zh}\nError: {exc.message_en}", file=sys.stderr)
        return 1
    finally:
        driver.close()
    if args.photo:
        args.photo.write_bytes(card.photo_wlt)
    if args.json:
        data = card.to_json_dict()
        data["problem_messages"] = [
            {"code": code, "zh": zh, "en": en}
            for code, (zh, en) in zip(card.problems, card.problem_messages(), strict=True)
        ]
        print_json(data)
    else:
        print(format_card(card))
    return 0


def _wait_for_card(driver: CardReaderDriver, *, timeout: float, prompt: bool) -> IdCard:
    """Poll until a card is read; raises the last ReaderError when the time is up."""
    deadline = time.monotonic() + max(timeout, 0.0)
    asked = False
    while True:
        try:
            return driver.read_once()
        except NoCard:
            if prompt and not asked:
                print("请放置证件… / place a card on the reader…", file=sys.stderr, flush=True)
                asked = True
            if time.monotonic() >= deadline:
                raise
        except ReaderError as exc:
            # No reader at all will not change by waiting; a failed read of a card may.
            if exc.code == "no_answer" or time.monotonic() >= deadline:
                raise
        time.sleep(0.2)


def format_card(card: IdCard) -> str:
    """The card as a clerk reads it, Chinese label first."""
    kinds = {
        "resident": "居民身份证 / resident ID card",
        "hk_macao_taiwan": "港澳台居民居住证 / residence permit (HK, Macao, Taiwan)",
        "foreign_2017": "外国人永久居留身份证（2017）/ foreign permanent resident ID (2017)",
        "foreign_2023": "外国人永久居留身份证（2023）/ foreign permanent resident ID (2023)",
    }
    sex_zh, sex_en = card.sex_label
    rows: list[tuple[str, Any]] = [
        ("证件类型 / Card", kinds.get(card.card_type, card.card_type)),
        ("姓名 / Name", card.name),
        ("英文姓名 / English name", card.english_name),
        ("性别 / Sex", f"{sex_zh} / {sex_en}"),
        ("民族 / Ethnic group", card.nation),
        ("国籍 / Nationality", card.nationality),
        ("出生 / Born", card.birth_date.isoformat() if card.birth_date else card.birth_date_text),
        ("住址 / Address", card.address),
        ("追加住址 / Extra address", card.extra_address),
        ("证件号码 / ID number", card.id_number),
        ("通行证号码 / Pass number", card.pass_number),
        ("签发次数 / Issue count", card.issue_count),
        ("签发机关 / Issued by", card.issuing_authority),
        ("有效期 / Valid", f"{card.valid_from_text} – {card.valid_to_text}"),
    ]
    lines = [f"{label}: {value}" for label, value in rows if value]
    lines += [f"注意 / Warning: {zh} / {en}" for zh, en in card.problem_messages()]
    return "\n".join(lines)


# --- simulate ------------------------------------------------------------------------------------

_SIM_HELP = """\
命令 / commands:
  1..N 或 label   放上第 N 张证件 / place card N (or by label)
  n               下一张 / next card        r   取走证件 / remove the card
  f MODE [N]      故障模式 / set a fault ({faults})
  u [S]           拔出串口 S 秒（默认 2）/ unplug for S seconds (default 2)
  l               列出证件 / list cards     q   退出 / quit"""


def run_simulate(args: argparse.Namespace) -> int:
    try:
        cards = load_cards(args.cards)
    except (OSError, ValueError) as exc:
        print(f"错误：无法读取证件文件 / Error: cannot load cards: {exc}", file=sys.stderr)
        return 1
    sim = ReaderSimulator(cards, link_path=args.link, baudrate=args.baud)
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        sim.start()
        if args.fault != "none":
            sim.set_fault(args.fault, count=args.fault_count)
        if args.card is not None:
            sim.place(int(args.card) - 1 if args.card.isdigit() else args.card)
        print(sim.port, flush=True)
        print(f"模拟读卡器已就绪，串口 {sim.port}；Ctrl-C 退出。\n"
              f"Simulated reader ready on {sim.port}; Ctrl-C to stop.\n"
              + _SIM_HELP.format(faults=", ".join(_FAULTS)), file=sys.stderr, flush=True)
        threading.Thread(target=_stdin_commands, args=(sim, stop), daemon=True).start()
        if args.cycle:
            threading.Thread(target=_cycle, args=(sim, args.cycle, stop), daemon=True).start()
        while not stop.wait(0.5):
            pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sim.stop()
    return 0


def _cycle(sim: ReaderSimulator, seconds: float, stop: threading.Event) -> None:
    index = 0
    while not stop.is_set():
        card = sim.place(index % len(sim.cards))
        print(f"放上 / placed: {card.label}", file=sys.stderr, flush=True)
        if stop.wait(seconds):
            return
        sim.remove()
        index += 1
        if stop.wait(seconds / 2):
            return


def _stdin_commands(sim: ReaderSimulator, stop: threading.Event) -> None:
    """Console control; at end of input (a service, a pipe) the simulator just keeps serving."""
    index = -1
    for raw in sys.stdin:
        words = raw.split()
        if not words:
            continue
        command, rest = words[0], words[1:]
        try:
            if command in ("q", "quit", "exit"):
                stop.set()
                return
            if command in ("r", "remove"):
                sim.remove()
                message = "已取走 / removed"
            elif command in ("n", "next"):
                index = (index + 1) % len(sim.cards)
                message = f"放上 / placed: {sim.place(index).label}"
            elif command in ("f", "fault"):
                mode = rest[0] if rest else "none"
                sim.set_fault(mode, count=int(rest[1]) if len(rest) > 1 else None)
                message = f"故障模式 / fault: {mode}"
            elif command in ("u", "unplug"):
                seconds = float(rest[0]) if rest else 2.0
                sim.unplug(seconds)
                message = f"已拔出 {seconds:g} 秒 / unplugged for {seconds:g} s"
            elif command in ("l", "list"):
                message = "\n".join(f"{i + 1}. {card.label} {card.fields.get('name', '')}"
                                    for i, card in enumerate(sim.cards))
            elif command in ("?", "h", "help"):
                message = _SIM_HELP.format(faults=", ".join(_FAULTS))
            else:
                index = int(command) - 1 if command.isdigit() else sim.cards.index(sim.card(command))
                message = f"放上 / placed: {sim.place(index).label}"
        except (KeyError, ValueError, IndexError) as exc:
            message = f"无效命令 / invalid command: {raw.strip()} ({exc})"
        print(message, file=sys.stderr, flush=True)
