"""`desk kiosk`'s start: the starting screen first, then the heavy part — the imports (the store's
SQLAlchemy, the services), opening the store, loading the catalog and, with `--demo`, the demo data —
on a worker thread while the GUI thread keeps the starting screen moving and answering; then the
window and its screens, built on the GUI thread (Qt widgets live there), and the kiosk runs.

Before, all of it ran on the GUI thread after the starting screen's first paint: a frozen screen for
3–9 s (a screen that answers nothing looks like a hung machine to a citizen and to the watchdog alike).
`bench/bench_kiosk_start.py` measures the GUI thread's longest stall and the start against a bare window.

Light on purpose, like kiosk/starting.py: PySide6 and the standard library only at import time.
Thread contract: `launch_kiosk` and `run_in_background` on the GUI thread; `work` on a worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop, QTimer

from kiosk.starting import StartingScreen, show_starting

if TYPE_CHECKING:
    from desk.settings import Settings

T = TypeVar("T")
POLL_MS = 15  # how often the GUI thread looks whether the work is done (the screen's own timer runs too)


def run_in_background(work: Callable[[], T], *, poll_ms: int = POLL_MS) -> T:
    """`work()` on a worker thread, the GUI thread's event loop running meanwhile (the starting screen
    animates, input and the window system are answered); its result, or its error raised here."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed to the GUI thread, raised there
            outcome["error"] = error

    worker = threading.Thread(target=run, name="kiosk-start", daemon=True)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(poll_ms)
    poll.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    worker.start()
    poll.start()
    if worker.is_alive():
        loop.exec()
    poll.stop()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


def launch_kiosk(*, demo: bool, windowed: bool, database_url: str | None, settings: Settings,
                 starting: StartingScreen | None = None) -> int:
    """What `desk kiosk` runs: starting screen, the store prepared in the background, then the kiosk."""
    starting = starting or show_starting(windowed=windowed)

    def prepare() -> Any:
        from kiosk.bootstrap import KioskOptions, prepare_core  # the heavy imports, off the GUI thread

        options = KioskOptions(demo=demo, windowed=windowed, database_url=database_url)
        return options, prepare_core(options, settings)

    try:
        options, prepared = run_in_background(prepare)
    except BaseException:
        starting.close()
        raise
    from kiosk.bootstrap import run_kiosk  # imported by the worker already

    return run_kiosk(options, settings=settings, starting=starting, prepared=prepared)
