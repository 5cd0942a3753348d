"""Benchmark: the front-desk client's cold start against a bare PySide6 window, and the longest GUI
event-loop stall while a clerk works (reading a card, saving the case, printing the receipt).

Cold start: each measurement is a fresh Python process, timed from spawn to the first turn of the
event loop after the window was shown (the window is then on screen and takes input). Measured in
the same run, alternating, several repetitions:
- a bare PySide6 window (QApplication + QMainWindow with a label) — the baseline;
- the desk client as `desk --demo` starts it (`desk.cli.gui_cmd.open_desk_client`): the sign-in
  screen; the time until the core (database, catalog) is ready behind it is printed too;
- the `desk --demo` command line itself (its argument parser with no command module, the settings, the log).
Goal: desk client / bare window <= 1.5.

Bytecode: an installed app's first start writes the bytecode caches (`__pycache__`) of its modules
and later starts load them, like PySide6's own (installed from a wheel, precompiled). Where
PYTHONDONTWRITEBYTECODE is set, no caches are written and every start compiles the project's
modules that have none — desk/ui's cost ≈12 ms that way. The bench says which case it measured;
`--write-bytecode` lets its first (warm-up) start write the missing caches, as an installation does.

Stall: one process runs the client on a demo store with the simulated reader over a pty and the PDF
printer; a QTimer heartbeat every 5 ms records the gaps between its ticks while a card is read, a
case is filled in and saved, accepted, and its receipt printed. Goal: longest gap < 50 ms.
`--why` also times the GUI thread's main slots and the garbage collector's passes and lists those
that ran during each gap over 20 ms (what is not listed held the GIL on another thread).

    .venv/bin/python bench/bench_desk.py [--runs N] [--write-bytecode] [--why]

Exit code 1 when a goal is missed. Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import inspect
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

START_GOAL = 1.5
STALL_GOAL_MS = 50.0

BARE = textwrap.dedent("""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("户籍综合窗口"))
    window.resize(1366, 768)
    window.show()
    QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
    app.exec()
""")

# The client exactly as `desk --demo` opens it, with a hook that reports the first event-loop turn
# after the window is shown, then the moment the core is ready behind the sign-in screen.
DESK = textwrap.dedent("""
    import argparse, time, sys
    from PySide6.QtCore import QTimer
    import desk.ui.bootstrap as bootstrap
    started = bootstrap.DeskApp.start
    ready = bootstrap.DeskApp._on_core_ready
    def start(self):
        started(self)
        QTimer.singleShot(0, lambda: print("READY", flush=True))
    def core_ready(self, prepared):
        ready(self, prepared)
        print("CORE", flush=True)
        self.app.quit()
    bootstrap.DeskApp.start = start
    bootstrap.DeskApp._on_core_ready = core_ready
    {entry}
""")
DESK_CLIENT = DESK.replace("{entry}", "from desk.cli.gui_cmd import open_desk_client\n"
                                     "sys.exit(open_desk_client(argparse.Namespace(demo=True, db=None)))")
DESK_COMMAND = DESK.replace("{entry}", "from desk.cli import main\nsys.exit(main(['--demo']))")


def _spawn(code: str, env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawn to each line the child prints ("READY", "CORE")."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True, env=env, cwd=ROOT)
    marks: dict[str, float] = {}
    assert child.stdout is not None
    for line in child.stdout:
        marks.setdefault(line.strip(), time.perf_counter() - start)
    child.wait(timeout=120)
    if "READY" not in marks:
        raise RuntimeError("the child never showed its window")
    return marks


def bytecode_cached(package: str = "desk/ui") -> tuple[int, int]:
    """(modules with an up-to-date bytecode cache, modules) of a package of the project."""
    sources = sorted((ROOT / package).glob("*.py"))
    cached = 0
    for source in sources:
        cache = Path(importlib.util.cache_from_source(str(source)))
        cached += cache.exists() and cache.stat().st_mtime >= source.stat().st_mtime
    return cached, len(sources)


def cold_start(runs: int, env: dict[str, str], *, write_bytecode: bool = False) -> bool:
    # The first start fills the demo store (and, asked to, writes the bytecode caches an installation's
    # first start writes); it is not a cold start of the app.
    first = {k: v for k, v in env.items() if not (write_bytecode and k == "PYTHONDONTWRITEBYTECODE")}
    _spawn(DESK_CLIENT, first)
    cached, modules = bytecode_cached()
    bare, client, core, command = [], [], [], []
    for _ in range(runs):
        bare.append(_spawn(BARE, env)["READY"])
        marks = _spawn(DESK_CLIENT, env)
        client.append(marks["READY"])
        core.append(marks.get("CORE", float("nan")))
        command.append(_spawn(DESK_COMMAND, env)["READY"])
    b, c = statistics.median(bare), statistics.median(client)
    print(f"cold start, median of {runs} fresh processes each (spawn → first event-loop turn after show); "
          f"bytecode caches of desk/ui: {cached} of {modules} modules")
    print(f"  bare PySide6 window            {b * 1000:7.0f} ms")
    print(f"  desk client (sign-in screen)   {c * 1000:7.0f} ms   ratio {c / b:.2f} (goal <= {START_GOAL})")
    print(f"  … core ready behind it         {statistics.median(core) * 1000:7.0f} ms")
    print(f"  `desk --demo` command line     {statistics.median(command) * 1000:7.0f} ms   "
          f"ratio {statistics.median(command) / b:.2f} (the command line's parsing and settings first)")
    return c / b <= START_GOAL


def pause(wait: Callable[..., None], ms: float = 30) -> None:
    """Let the event loop run a moment between two of the clerk's actions."""
    until = time.monotonic() + ms / 1000
    wait(lambda: time.monotonic() >= until)


# The GUI thread's main slots along the clerk's path, timed by --why: (module, class, method).
WHY_SLOTS = [
    *(("desk.ui.new_case", "NewCaseView", name) for name in (
        "on_card", "choose", "_show_form", "attach_checklist", "_update_decision", "accept", "_on_decided",
        "_leave_case")),
    ("desk.ui.main_window", "MainWindow", "on_card"),
    ("desk.ui.identify_panel", "IdentifyPanel", "_on_identified"),
    ("desk.ui.transaction_picker", "TransactionPicker", "prepare"),
    ("desk.forms.form_view", "TransactionForm", "_on_editor_changed"),
    ("desk.ui.draft_saver", "DraftSaver", "_on_saved"),
    ("desk.ui.status_bar", "DeviceStatusBar", "on_job_changed"),
    ("desk.ui.today_view", "TodayView", "_on_loaded"),
    ("desk.qt.tasks", "TaskRunner", "_on_finished"),  # every worker's result, handed over on the GUI thread
]


class Why:
    """--why: when the slots of WHY_SLOTS and the garbage collector's passes ran (perf_counter seconds)."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float, str]] = []
        self._gc_started: dict[str, float] = {}

    def install(self) -> None:
        for module, owner, name in WHY_SLOTS:
            cls = getattr(importlib.import_module(module), owner)
            setattr(cls, name, self._timed(getattr(cls, name), f"{owner}.{name}"))
        gc.callbacks.append(self._on_gc)

    def _timed(self, slot: Callable[..., Any], label: str) -> Callable[..., Any]:
        # Qt passes a slot only as many arguments as it takes; the wrapper must do the same.
        code = slot.__code__
        takes = None if code.co_flags & inspect.CO_VARARGS else code.co_argcount

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return slot(*(args if takes is None else args[:takes]), **kwargs)
            finally:
                self.spans.append((started, time.perf_counter(), label))

        return timed

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        thread = threading.current_thread().name
        if phase == "start":
            self._gc_started[thread] = time.perf_counter()
        elif thread in self._gc_started:
            self.spans.append((self._gc_started.pop(thread), time.perf_counter(),
                               f"gc gen{info['generation']} ({thread})"))

    def report(self, ticks: list[tuple[float, float]], origin: float) -> None:
        gc.callbacks.remove(self._on_gc)
        for end, gap in ticks:
            if gap <= 20:
                continue
            start = end - gap / 1000
            inside = [f"{label} {(b - a) * 1000:.1f} ms" for a, b, label in self.spans
                      if a < end and b > start and (b - a) > 0.001]
            print(f"  gap {gap:5.1f} ms ending at +{(end - origin) * 1000:6.0f} ms: "
                  f"{'; '.join(inside) or 'no traced slot (GIL held by another thread?)'}")


def stalls(env: dict[str, str], *, why: bool = False) -> bool:
    os.environ.update(env)
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desk.core import build_core, ensure_demo_data
    from desk.settings import Settings
    from desk.store.database import default_database_url
    from desk.ui.bootstrap import DeskApp, DeskOptions
    from desk.ui.demo_cases import demo_cases, type_values
    from desk.ui.new_case import PAGE_DONE, PAGE_PICK
    from desk.ui.permissions import Screen
    from printing.queue import JobStatus

    app = QApplication.instance() or QApplication([])
    data = Path(env["DESK_DATA_DIR"])
    tracer = Why() if why else None
    if tracer is not None:
        tracer.install()  # before the window is built: its connections take the wrapped slots

    def factory() -> Any:
        core = build_core(default_database_url())
        ensure_demo_data(core)
        return core

    settings = Settings(printer=f"pdf:{data / 'printed'}", idle_lock_minutes=60)
    desk = DeskApp(app, factory, DeskOptions(settings=settings, demo=True))

    def wait(predicate: Callable[[], object], timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError("the client did not get there in time")
            loop = QEventLoop()
            QTimer.singleShot(5, loop.quit)
            loop.exec()

    gaps: list[float] = []
    ticks: list[tuple[float, float]] = []  # (perf_counter at the tick, gap before it in ms), for --why
    clock = QElapsedTimer()
    heartbeat = QTimer()
    heartbeat.setInterval(5)

    def beat() -> None:
        gaps.append(clock.nsecsElapsed() / 1e6)
        ticks.append((time.perf_counter(), gaps[-1]))
        clock.restart()

    heartbeat.timeout.connect(beat)
    window = desk.window
    done_jobs: list[object] = []
    try:
        desk.start()
        wait(lambda: desk.context.core_ready and desk.reader is not None and desk.printer is not None)
        desk.printer.job_changed.connect(lambda job: job.status is JobStatus.DONE and done_jobs.append(job))
        wait(lambda: "请放置" in window.status.reader_text())
        window.sign_in.edt_username.setText("clerk")
        window.sign_in.edt_password.setText("demo1234")
        window.sign_in.btn_sign_in.click()
        wait(lambda: desk.context.session is not None)
        window.show_screen(Screen.NEW_CASE, fresh=True)
        # The clerk starts once the screens they signed in to have loaded (Today's lists, on a worker).
        wait(lambda: desk.runner.pending == 0)
        case = demo_cases(desk.context.today())["birth_registration"]
        clock.start()
        heartbeat.start()
        began = time.perf_counter()
        desk.simulator.place(case.card)  # the card is read on the reader's thread
        view = window.new_case
        wait(lambda: view.page == PAGE_PICK and view.picker.ready)
        desk.simulator.remove()
        # The clerk's actions come one at a time, as events, not all in one turn of the event loop.
        view.picker.edt_search.setText(case.search)
        pause(wait)
        view.picker._choose_current()
        wait(lambda: view.is_ready)
        for key, value in case.values.items():
            pause(wait)
            type_values(view.form, {key: value})
        pause(wait)
        view.checklist.mark_all_received()
        wait(lambda: view.saver.saves >= 1 and not view.saver.busy)  # the draft saved as typed
        view.accept()
        wait(lambda: view.page == PAGE_DONE)
        wait(lambda: done_jobs)  # the receipt printed
        elapsed = time.perf_counter() - began
        heartbeat.stop()
    finally:
        window.close()
        desk.shutdown()
    worst = max(gaps)
    over = sum(1 for g in gaps if g > 20)
    print(f"GUI event loop during card read → form → draft save → accept → receipt printed ({elapsed:.1f} s):")
    print(f"  heartbeat ticks {len(gaps)}, median gap {statistics.median(gaps):.1f} ms, "
          f"p99 {sorted(gaps)[int(len(gaps) * 0.99) - 1]:.1f} ms, longest {worst:.1f} ms "
          f"(goal < {STALL_GOAL_MS:.0f} ms); gaps over 20 ms: {over}")
    if tracer is not None:
        tracer.report(ticks, began)
    return worst < STALL_GOAL_MS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write-bytecode", action="store_true",
                        help="let the warm-up start write the project's missing bytecode caches, as an installed "
                             "app's first start does (where PYTHONDONTWRITEBYTECODE is set)")
    parser.add_argument("--why", action="store_true",
                        help="list the slots and garbage-collector passes that ran during each stall over 20 ms")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="bench-desk-")
    env = {**os.environ, "DESK_DATA_DIR": scratch, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("DESK_DATABASE_URL", None)
    start_ok = cold_start(args.runs, env, write_bytecode=args.write_bytecode)
    stall_ok = stalls(env, why=args.why)
    return 0 if start_ok and stall_ok else 1


if __name__ == "__main__":
    sys.exit(main())
