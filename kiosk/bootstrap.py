"""The kiosk's composition root: store and services, reader (a serial port, or the in-process
simulator), printer, scanner input, lockdown, the window and its flow — built here, once, and
handed to whoever needs them. `build_kiosk` makes everything (tests and the screenshot tool use it
directly); `KioskApp.start()` starts the devices; `close()` stops every thread; `run_kiosk` is what
`desk kiosk` calls.
"""

from __future__ import annotations

import logging
import signal
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from desk.core import Core, build_core, build_remote_core
from desk.devices.reader import CardReaderDriver, Timeouts
from desk.devices.simulator import ReaderSimulator, load_cards
from desk.devices.transport import Backoff
from desk.message_catalog import install_english
from desk.paths import data_dir
from desk.qt.i18n import LanguageSwitcher
from desk.qt.print_adapter import PrintAdapter
from desk.qt.reader_worker import ReaderWorker
from desk.qt.scanner_input import WedgeScanFilter
from desk.qt.tasks import TaskRunner
from desk.settings import Settings, load_settings
from desk.shipped import use_shipped_regions
from kiosk.backend import KioskBackend
from kiosk.context import KioskContext
from kiosk.demo import seed_demo
from kiosk.demo_panel import CORNER_PX, DemoCorner, DemoPanel
from kiosk.flow import KioskFlow
from kiosk.health import DeviceHealth, Heartbeat
from kiosk.lockdown import LockdownFilter, lock_window
from kiosk.printer import KioskPrinter
from kiosk.screens.picker import learn_search_keys
from kiosk.session import SessionController
from kiosk.speech import Speaker
from kiosk.window import KioskWindow
from printing.qr import receipt_qr_text

log = logging.getLogger(__name__)

SIMULATOR = "simulator"
# Exit status after the staff exit: the systemd unit does not restart the kiosk for it
# (RestartPreventExitStatus=64 in deploy/kiosk.service); every other end restarts it.
STAFF_EXIT_STATUS = 64


@dataclass
class KioskOptions:
    """How to build the kiosk beside its settings (desk/settings.py, the one declaration): demo mode and the
    timings; the defaults are production's (tests shorten the times)."""

    demo: bool = False
    windowed: bool = False
    database_url: str | None = None
    spool_dir: Path | None = None
    hold_seconds: float = 3.0  # the staff corner
    heartbeat_ms: int = 30_000
    message_seconds: int = 12
    print_timeout_ms: int = 60_000
    reader_timeouts: Timeouts = field(default_factory=Timeouts)
    reader_poll_seconds: float = 0.25
    reader_backoff: Backoff = field(default_factory=Backoff)
    today: date | None = None  # the reader's "today" for card validity (tests pin it)
    demo_residents: int = 60
    demo_cases: int = 40
    tick_ms: int = 250


@dataclass
class KioskApp:
    """Everything the kiosk runs. Built by `build_kiosk`; `close()` must be called before exit."""

    app: QApplication
    core: Core
    settings: Settings
    ctx: KioskContext
    window: KioskWindow
    flow: KioskFlow
    lockdown: LockdownFilter
    scan_filter: WedgeScanFilter
    reader: ReaderWorker
    print_adapter: PrintAdapter
    heartbeat: Heartbeat
    languages: LanguageSwitcher
    options: KioskOptions
    simulator: ReaderSimulator | None = None
    demo_panel: DemoPanel | None = None
    _closed: bool = False

    def start(self) -> None:
        self.ctx.printer.purge_spool()
        self.print_adapter.start()
        self.reader.start()
        self.heartbeat.start()
        self.ctx.runner.run(self._station_facts, self._show_station)

    def _station_facts(self) -> tuple[str, str, str]:
        return self.ctx.backend.station_facts()

    def _show_station(self, facts: tuple[str, str, str]) -> None:
        self.window.set_station(*facts)

    def close(self) -> None:
        """Stop the devices and threads (the reader first: it may be waiting on the simulator)."""
        if self._closed:
            return
        self._closed = True
        self.heartbeat.stop()
        self.ctx.sessions.end("staff")
        self.reader.stop()
        self.print_adapter.close()
        self.ctx.runner.wait_for_done(10_000)
        self.app.removeEventFilter(self.lockdown)
        self.app.removeEventFilter(self.scan_filter)
        if self.simulator is not None:
            self.simulator.stop()
        self.window.allow_close = True
        self.window.close()
        self.core.close()


@dataclass(frozen=True)
class PreparedCore:
    """The kiosk's core, ready: the store opened (migrated) and its catalog loaded, the demo data made
    with `--demo`; or, in city mode, the server's kiosk session."""

    core: Core
    city: bool


def prepare_core(options: KioskOptions, settings: Settings) -> PreparedCore:
    """The slow part of a start, without Qt: runs on a worker thread while the starting screen shows
    (kiosk/launch.py). A first demo start builds the demo data here (seconds of password hashing)."""
    city = bool(settings.server_url) and not options.database_url
    if city:  # city mode: a kiosk session on the city server; no database, no keys here
        core = cast(Core, build_remote_core(settings, kind="kiosk"))
    else:
        core = build_core(options.database_url, settings=settings)
    try:
        if options.demo and not city:
            seed_demo(core, residents=options.demo_residents, cases=options.demo_cases)
        learn_search_keys(core.catalog)
    except BaseException:
        core.close()
        raise
    return PreparedCore(core, city)


def build_kiosk(app: QApplication, options: KioskOptions | None = None, *, settings: Settings | None = None,
                core: Core | None = None, prepared: PreparedCore | None = None) -> KioskApp:
    """The kiosk's window and devices on the GUI thread; `prepared` (kiosk/launch.py made it on a worker)
    or, without it, the core prepared here."""
    options = options or KioskOptions()
    settings = settings or load_settings()
    if prepared is None:
        if core is not None:
            prepared = PreparedCore(core, False)
            if options.demo:
                seed_demo(core, residents=options.demo_residents, cases=options.demo_cases)
        else:
            prepared = prepare_core(options, settings)
    core, city = prepared.core, prepared.city

    simulator: ReaderSimulator | None = None
    port = settings.reader_port
    if options.demo or port == SIMULATOR:
        simulator = ReaderSimulator(load_cards())
        port = simulator.start()
    fixed_today = options.today
    driver = CardReaderDriver(port, baudrate=settings.reader_baud, timeouts=options.reader_timeouts,
                              poll_interval=options.reader_poll_seconds, backoff=options.reader_backoff,
                              today=(lambda: fixed_today) if fixed_today is not None else date.today)
    reader = ReaderWorker(driver)
    # The demo prints into its own folder unless the settings name a printer.
    printer_spec = settings.printer
    if options.demo and printer_spec == "pdf":
        printer_spec = f"pdf:{data_dir() / 'kiosk-printed'}"
    adapter = PrintAdapter(printer_spec, spool_dir=options.spool_dir or data_dir() / "kiosk-spool",
                           retention_days=settings.print_retention_days)

    runner = TaskRunner()
    health = DeviceHealth()
    sessions = SessionController(settings.kiosk_idle_seconds, tick_ms=options.tick_ms)
    backend = KioskBackend(core, settings.kiosk_code, data_dir() / "keys")
    if city:
        from kiosk.remote_backend import build_remote_backend

        backend = build_remote_backend(core, settings, data_dir() / "keys")
    printer = KioskPrinter(adapter, timeout_ms=options.print_timeout_ms)
    ctx = KioskContext(backend=backend, runner=runner, printer=printer, health=health, sessions=sessions,
                       catalog=core.catalog, speaker=Speaker(),
                       language=settings.language if settings.language in ("zh_CN", "en") else "zh_CN")
    window = KioskWindow(ctx)
    lockdown = LockdownFilter(window, hold_seconds=options.hold_seconds)
    languages = LanguageSwitcher(app)
    install_english()  # what errors say, in English, for the citizen who switches language
    use_shipped_regions()  # the region table a card's ID number is checked against
    # Chinese too: it installs Qt's own Chinese strings (the staff exit's and any Qt dialog's buttons).
    if not languages.set_language(ctx.language):
        ctx.language = "zh_CN"
        languages.set_language("zh_CN")
    flow = KioskFlow(ctx, window, lockdown, languages, default_language=ctx.language,
                     message_seconds=options.message_seconds)
    scan_filter = WedgeScanFilter()

    reader.status_changed.connect(health.on_reader_status)
    reader.card_read.connect(flow.on_card)
    adapter.printer_state_changed.connect(health.on_printer_state)
    scan_filter.scanned.connect(flow.on_scanned)
    heartbeat = Heartbeat(runner, health, backend.heartbeat, sessions.take_started_count,
                          interval_ms=options.heartbeat_ms)
    # Later filters see events first: the lockdown swallows escape keys before the scanner looks.
    app.installEventFilter(scan_filter)
    app.installEventFilter(lockdown)

    kiosk = KioskApp(app, core, settings, ctx, window, flow, lockdown, scan_filter, reader, adapter, heartbeat,
                     languages, options, simulator)
    if options.demo and simulator is not None and not city:
        kiosk.demo_panel = _demo_controls(kiosk, simulator)
    return kiosk


def _demo_controls(kiosk: KioskApp, simulator: ReaderSimulator) -> DemoPanel:
    code = _demo_receipt_code(kiosk.core)
    panel = DemoPanel(simulator, lambda: code, kiosk.window)
    panel.scan_requested.connect(kiosk.flow.on_scanned)
    corner = DemoCorner(kiosk.window)
    corner.tapped.connect(panel.toggle)
    window = kiosk.window

    def keep_in_corner() -> None:
        corner.move(window.width() - CORNER_PX, window.height() - CORNER_PX)
        corner.raise_()

    window.resized.connect(keep_in_corner)
    shortcut = QShortcut(QKeySequence("F12"), kiosk.window)
    shortcut.activated.connect(panel.toggle)
    return panel


def _demo_receipt_code(core: Core) -> str:
    cards = load_cards()
    number = cards[0].fields.get("id_number", "")
    cases = core.queries.list(applicant_id_number=number, limit=1)
    return receipt_qr_text(cases[0].number, cases[0].lookup_code) if cases else "HJCX1:none:none"


def run_kiosk(options: KioskOptions, *, settings: Settings | None = None, starting: QWidget | None = None,
              prepared: PreparedCore | None = None) -> int:
    """`desk kiosk`: build, lock, run until the staff exit (or SIGTERM from systemd), clean up.
    `starting`: the starting screen shown while this builds (kiosk/starting.py), closed once the
    kiosk's window is up; `prepared`: the core made on a worker meanwhile (kiosk/launch.py)."""
    from desk.logs import setup_logging
    from desk.qt.error_dialog import install_error_dialog

    app = QApplication.instance() or QApplication(["desk-kiosk"])
    assert isinstance(app, QApplication)
    errors = install_error_dialog(setup_logging())
    kiosk = build_kiosk(app, options, settings=settings, prepared=prepared)
    # exit(), not quit(): Qt 6's quit() first asks every window to close, which the kiosk refuses.
    kiosk.flow.quit_requested.connect(lambda: app.exit(STAFF_EXIT_STATUS))
    # SIGTERM (systemd stop) and SIGINT end the event loop cleanly; a timer lets Python see them.
    # Queued, not at once: a signal that arrives before exec() must still end the loop.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: QTimer.singleShot(0, lambda: app.exit(0)))
    pulse = QTimer()
    pulse.start(500)
    pulse.timeout.connect(lambda: None)
    kiosk.start()
    lock_window(kiosk.window, windowed=options.windowed)
    if starting is not None:
        starting.close()
        starting.deleteLater()
    try:
        return int(app.exec())
    finally:
        kiosk.close()
        errors.uninstall()
