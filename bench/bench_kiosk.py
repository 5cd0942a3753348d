"""Benchmark: many simulated kiosk sessions in one process — does the kiosk degrade over a day?

Each session is what most citizens do: swipe the ID card → home → my cases → back → 结束; every
`--ticket-every`-th session also takes a queue ticket (printed to a PDF folder). The widgets are
driven directly (offscreen, 1920×1080), the real store (SQLite in a temporary folder), the real
task runner and print service.

Reported:
- resident memory growth: VmRSS from /proc/self/status after a warm-up, against the end
  (goal < 20 MB over 10,000 sessions);
- the slowest screen change: GUI-thread time from the event that changes the screen (a button, a
  card, a result arriving) until the new screen is painted (goal < 100 ms). The store's own time
  runs on worker threads and is reported separately as the citizen's wait (card → menu).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_kiosk.py [--sessions 10000] [--ticket-every 10]

Exit code 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_work = Path(tempfile.mkdtemp(prefix="desk-bench-kiosk-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
os.environ["DESK_DATA_DIR"] = str(_work / "data")  # keys, spool: never the user's data folder

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desk.devices.simulator import load_cards  # noqa: E402
from desk.settings import Settings  # noqa: E402
from desk.shipped import use_shipped_regions  # noqa: E402
from kiosk.bootstrap import KioskApp, KioskOptions, build_kiosk  # noqa: E402
from kiosk.demo import card_of  # noqa: E402

MEMORY_GOAL_MB = 20.0
SCREEN_GOAL_MS = 100.0


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


class Bench:
    def __init__(self, app: QApplication, kiosk: KioskApp) -> None:
        self.app, self.kiosk, self.flow, self.window = app, kiosk, kiosk.flow, kiosk.window
        self.screen_ms = array("d")  # compact: the bench's own bookkeeping must not look like a leak
        self.slowest: tuple[float, str] = (0.0, "")
        self.waits_ms = array("d")
        self._time_results()

    def _time_results(self) -> None:
        """Results of background work change the screen too: time those handlers, painting included."""
        for name in ("_card_session_ready", "_cases_ready"):
            original = getattr(self.flow, name)
            setattr(self.flow, name, self._timed(original, name))

    def _timed(self, handler: Callable[[Any], None], label: str) -> Callable[[Any], None]:
        def run(result: Any) -> None:
            start = time.perf_counter()
            handler(result)
            self.window.repaint()
            self._record((time.perf_counter() - start) * 1000, label)
        return run

    def _record(self, ms: float, label: str) -> None:
        self.screen_ms.append(ms)
        if ms > self.slowest[0]:
            self.slowest = (ms, label)

    def act(self, label: str, action: Callable[[], None]) -> None:
        start = time.perf_counter()
        action()
        self.window.repaint()
        self._record((time.perf_counter() - start) * 1000, label)

    def wait_for(self, screen: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while self.window.current_name != screen:
            if time.monotonic() > deadline:
                raise TimeoutError(f"stuck on {self.window.current_name!r}, waiting for {screen!r}")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    def session(self, card: object, ticket: bool) -> None:
        flow = self.flow
        start = time.perf_counter()
        self.act("card → busy", lambda: flow.on_card(card))  # type: ignore[arg-type]
        self.wait_for("home")
        self.waits_ms.append((time.perf_counter() - start) * 1000)
        self.act("home → my cases", flow.home.btn_cases.click)
        self.wait_for("cases")
        self.act("my cases → home", flow.cases.btn_back.click)
        if ticket:
            self.act("home → ticket", flow.home.btn_ticket.click)
            self.act("ticket → confirm", flow.ticket.btn_general.click)
            self.act("confirm → busy", flow.ticket.btn_print.click)
            self.wait_for("message")
            self.act("message → home", flow.message.btn_ok.click)
        self.act("结束 → attract", self.window.btn_end.click)
        self.wait_for("attract")
        # What the event loop does between two citizens: destroy the widgets of the last one.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--ticket-every", type=int, default=10)
    parser.add_argument("--warm-up", type=int, default=500)
    args = parser.parse_args(argv)
    use_shipped_regions()  # a composition root: cards' ID numbers are checked against the shipped regions

    app = QApplication.instance() or QApplication(["bench-kiosk"])
    assert isinstance(app, QApplication)
    settings = Settings(station_code="HP01", kiosk_code="K01", reader_port="simulator",
                        printer=f"pdf:{_work / 'printed'}", kiosk_idle_seconds=3600)
    options = KioskOptions(demo=True, database_url=f"sqlite:///{_work / 'bench.sqlite3'}",
                           spool_dir=_work / "spool", heartbeat_ms=30_000,
                           demo_residents=30, demo_cases=20)
    kiosk = build_kiosk(app, options, settings=settings)
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    # The reader is not started: the bench hands cards to the kiosk as the reader's signal would.
    kiosk.ctx.printer.purge_spool()
    kiosk.print_adapter.start()
    today = kiosk.core.clock.today()
    cards = [card_of(sim_card, today) for sim_card in load_cards()[:4]]  # people with cases and records
    bench = Bench(app, kiosk)
    warm = min(args.warm_up, max(1, args.sessions // 5))
    started = time.perf_counter()
    baseline = 0.0
    try:
        for index in range(args.sessions):
            if index == warm:
                baseline = rss_mb()
                del bench.screen_ms[:]
                bench.slowest = (0.0, "")
            bench.session(cards[index % len(cards)], ticket=(index % args.ticket_every == 0))
            if (index + 1) % 1000 == 0:
                # Printed jobs pile up as files in the PDF folder; a real printer keeps nothing.
                for pdf in (_work / "printed").glob("*.pdf"):
                    pdf.unlink()
                print(f"  {index + 1} sessions, RSS {rss_mb():.1f} MB", flush=True)
        end_rss = rss_mb()
    finally:
        kiosk.close()
    elapsed = time.perf_counter() - started
    growth = end_rss - baseline
    screens = sorted(bench.screen_ms)
    p99 = screens[int(len(screens) * 0.99) - 1] if screens else 0.0
    print(f"sessions: {args.sessions} in {elapsed:.0f} s ({elapsed / args.sessions * 1000:.0f} ms each, "
          f"a ticket every {args.ticket_every})")
    print(f"resident memory: {baseline:.1f} MB after {warm} warm-up sessions → {end_rss:.1f} MB; "
          f"growth {growth:+.1f} MB (goal < {MEMORY_GOAL_MB:.0f} MB)")
    print(f"screen changes: {len(screens)}, median {statistics.median(screens):.1f} ms, p99 {p99:.1f} ms, "
          f"slowest {bench.slowest[0]:.1f} ms ({bench.slowest[1]}) (goal < {SCREEN_GOAL_MS:.0f} ms)")
    print(f"citizen's wait, card → menu (store on a worker thread): median {statistics.median(bench.waits_ms):.0f} ms")
    ok = growth < MEMORY_GOAL_MB and bench.slowest[0] < SCREEN_GOAL_MS
    print("OK" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
