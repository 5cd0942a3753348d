"""Benchmark: a full ID-card read through a real pty against the wire time of the same bytes.

A full read is what the desk does for every card: find, select, read text + photo, read the extra
address. The simulator answers over a pseudo-terminal, which moves bytes instantly, so the time a
read takes there is the software's own cost (driver, parser, decoding, and the simulator). The
baseline is the wire time of exactly the bytes exchanged at the same baud rate (10 bits per
byte, 8N1) — the least any real reader can take. Goal: software overhead <= 30 % of wire time.

A second run holds the simulator's replies to wire speed, to show the end-to-end time a real
line would give (commands are tiny and are not paced).

    .venv/bin/python bench/bench_reader.py [--reads N] [--baud B]

Exit code 1 when the goal is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desk.devices.reader import CardReaderDriver
from desk.devices.simulator import ReaderSimulator, load_cards
from desk.shipped import use_shipped_regions

GOAL = 0.30


def measure(reads: int, baud: int, *, paced: bool) -> tuple[float, int]:
    """Median seconds per full read, and the bytes one read moves over the line."""
    with ReaderSimulator(load_cards(), pace_baudrate=baud if paced else None) as sim:
        sim.place("li-xiulan")  # has an extra address: the longest conversation
        driver = CardReaderDriver(sim.port, baudrate=baud, probe=False, today=date.today)
        driver.open()
        try:
            driver.read_once()  # warm-up: imports, caches, first syscalls
            times: list[float] = []
            bytes_per_read = 0
            for _ in range(reads):
                before = sim.bytes_in + sim.bytes_out
                start = time.perf_counter()
                card = driver.read_once()
                times.append(time.perf_counter() - start)
                bytes_per_read = sim.bytes_in + sim.bytes_out - before
                assert card.name == "李秀兰"
        finally:
            driver.close()
    return statistics.median(times), bytes_per_read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=50)
    parser.add_argument("--baud", type=int, default=115200)
    args = parser.parse_args(argv)
    use_shipped_regions()  # a composition root: cards' ID numbers are checked against the shipped regions

    software, nbytes = measure(args.reads, args.baud, paced=False)
    wire = nbytes * 10 / args.baud
    paced, _ = measure(max(3, args.reads // 10), args.baud, paced=True)
    ratio = software / wire

    print(f"full card read (find + select + read + extra address): {nbytes} bytes on the line")
    print(f"  wire time at {args.baud} baud (10 bits/byte):   {wire * 1000:8.2f} ms  (baseline)")
    print(f"  through the pty, median of {args.reads}:          {software * 1000:8.2f} ms  (software)")
    print(f"  software overhead / wire time:               {ratio:8.1%}  (goal <= {GOAL:.0%})")
    print(f"  replies paced at {args.baud} baud, end to end: {paced * 1000:8.2f} ms  "
          f"({paced / wire:.2f} x wire time)")
    if ratio > GOAL:
        print("GOAL MISSED: the software takes more than 30 % of the wire time", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
