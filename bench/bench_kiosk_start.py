"""Benchmark: `desk kiosk --demo` starting — how soon the starting screen shows against a bare PySide6
window, and how long the GUI thread stalls while the kiosk loads behind it.

Each measurement is a fresh Python process (alternating, several repetitions, after one warm-up start
that builds the demo store and writes the bytecode caches, as a restart by systemd finds them):
- a bare PySide6 window (QApplication + a 1920×1080 window with a label) — the baseline: spawn to the
  first turn of its event loop;
- `desk kiosk --demo --windowed` as the command runs it: spawn to its starting screen shown; spawn to
  the kiosk's window locked and shown; and, from the starting screen to the window, the longest gap
  between two ticks of a 5 ms QTimer on the GUI thread (a screen that does not answer for that long).

The store, the catalog and the demo data used to load on the GUI thread (the starting screen frozen
for seconds); they load on a worker now (kiosk/launch.py). `--code DIR` measures another checkout of
the project (its `kiosk` and `desk` packages first on the path) with this venv, for a before/after.
Goals: starting screen / bare window <= 1.5; longest stall <= 1 s (the screens' widgets are still
built on the GUI thread: Qt widgets live there).

    .venv/bin/python bench/bench_kiosk_start.py [--runs 5] [--code DIR]

Exit code 1 when a goal is missed. Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START_GOAL = 1.5
STALL_GOAL_MS = 1000.0

BARE = textwrap.dedent("""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    window = QLabel("自助服务终端正在启动，请稍候…")
    window.resize(1920, 1080)
    window.show()
    QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
    app.exec()
""")

# `desk kiosk --demo --windowed` with two hooks: the starting screen reports itself and starts a 5 ms
# heartbeat; locking the kiosk's window (run_kiosk's last step before its event loop) reports the
# longest gap between heartbeats and ends the kiosk.
KIOSK = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import kiosk.lockdown as lockdown
    import kiosk.starting as starting
    beats = {"last": 0.0, "longest": 0.0}
    def beat():
        now = time.perf_counter()
        beats["longest"] = max(beats["longest"], now - beats["last"])
        beats["last"] = now
    shown = starting.show_starting
    def show_starting(*args, **kwargs):
        screen = shown(*args, **kwargs)
        print("STARTING", flush=True)
        beats["last"] = time.perf_counter()
        heart = QTimer(screen)
        heart.setInterval(5)
        heart.timeout.connect(beat)
        heart.start()
        beats["timer"] = heart
        return screen
    starting.show_starting = show_starting
    locked = lockdown.lock_window
    def lock_window(window, **kwargs):
        locked(window, **kwargs)
        if isinstance(window, starting.StartingScreen):
            return
        beat()
        def done():
            print("READY", flush=True)
            print(f"STALL {beats['longest'] * 1000:.0f}", flush=True)
            QApplication.instance().exit(0)
        QTimer.singleShot(0, done)
    lockdown.lock_window = lock_window
    from desk.cli import main
    sys.exit(main(["kiosk", "--demo", "--windowed"]))
""")


def run(script: str, env: dict[str, str], cwd: Path) -> dict[str, float]:
    """Seconds from spawn to each reported mark, and the STALL figure in ms."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env, cwd=cwd)
    marks: dict[str, float] = {}
    assert child.stdout is not None
    for line in child.stdout:
        word, _, value = line.strip().partition(" ")
        if word in ("STARTING", "READY"):
            marks[word] = time.perf_counter() - started
        elif word == "STALL":
            marks[word] = float(value)
    child.wait(timeout=300)
    if child.returncode != 0 or "READY" not in marks:
        raise SystemExit(f"the child failed ({child.returncode}): {child.stderr.read() if child.stderr else ''}")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    args = parser.parse_args()
    code = args.code.resolve()
    work = Path(tempfile.mkdtemp(prefix="desk-bench-kiosk-start-"))
    env = {**os.environ, "DESK_DATA_DIR": str(work / "data"), "PYTHONPATH": str(code)}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"measuring {code}; warm-up start (the demo store and the bytecode caches)…", flush=True)
    run(KIOSK, env, work)
    run(BARE, env, work)
    bare: list[float] = []
    kiosk: list[dict[str, float]] = []
    for _ in range(args.runs):
        bare.append(run(BARE, env, work)["READY"])
        kiosk.append(run(KIOSK, env, work))
    bare_s = statistics.median(bare)
    starting_s = statistics.median(k["STARTING"] for k in kiosk)
    ready_s = statistics.median(k["READY"] for k in kiosk)
    stall_ms = statistics.median(k["STALL"] for k in kiosk)
    ratio = starting_s / bare_s
    print(f"bare PySide6 window          {bare_s * 1000:7.0f} ms")
    print(f"kiosk starting screen        {starting_s * 1000:7.0f} ms   ratio {ratio:.2f} (goal <= {START_GOAL})")
    print(f"kiosk window ready           {ready_s * 1000:7.0f} ms   ratio {ready_s / bare_s:.2f}")
    print(f"longest GUI-thread stall     {stall_ms:7.0f} ms   between the two (goal <= {STALL_GOAL_MS:.0f} ms;"
          f" median of {args.runs})")
    return 0 if ratio <= START_GOAL and stall_ms <= STALL_GOAL_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
