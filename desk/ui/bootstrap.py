"""The desk app's composition root: wires the core, the TaskRunner, the card reader (a serial port
from the settings, or the in-process ReaderSimulator when `reader_port == "simulator"`), the
PrintAdapter, the LanguageSwitcher, the idle lock and the scanner input, and opens the window.

Start-up is in steps so the sign-in screen appears at once: `start()` shows the window (Qt and
the sign-in screen only), then builds the core (database, catalog, demo data) on a worker thread;
when it is there, the devices and the printer start and the work screens are built, a screen or
two per turn of the event loop; then the form engine is warmed up the same way (form_warmup.py).
A sign-in typed meanwhile waits for the work screens.
`shutdown()` stops every thread this root started; call it before the QApplication goes away.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desk.message_catalog import install_english
from desk.paths import resources_dir
from desk.qt.app_filters import AppEventFilters
from desk.qt.i18n import LanguageSwitcher
from desk.qt.tasks import TaskRunner
from desk.settings import Settings
from desk.shipped import use_shipped_regions
from desk.ui.context import DeskContext
from desk.ui.dialogs import Asker
from desk.ui.idle import IdleWatcher
from desk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from desk.core import Core
    from desk.devices.simulator import ReaderSimulator
    from desk.qt.print_adapter import PrintAdapter
    from desk.qt.reader_worker import ReaderWorker
    from desk.ui.city_link import CityLink
    from desk.ui.preparation import Prepared

# Screen font first, then fonts that hold the rare characters of personal names (CJK Ext. B–H).
FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans", "HanaMinA", "HanaMinB", "BabelStone Han"]
# Points, not pixels: widgets scale fonts from pointSizeF(), which is -1 for a pixel-sized font.
BASE_FONT_PT = 11.0  # about 15 px at 96 dpi
# A demo "swipe": the card lies on the simulated reader this long, then is taken away.
DEMO_CARD_MS = 2500


@dataclass
class DeskOptions:
    """How to run the desk app: the settings (desk/settings.py, the one declaration) and what is not a setting."""

    settings: Settings = field(default_factory=Settings)
    demo: bool = False
    spool_dir: Path | None = None
    idle_warning_seconds: float = 30
    station_name: str = ""
    start_reader: bool = True


def load_style(app: QApplication) -> None:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(BASE_FONT_PT)
    app.setFont(font)
    styles = resources_dir() / "styles"
    path = styles / "desk.qss"
    if path.exists():  # the sheet names its pictures relative to its own folder, wherever it is installed
        app.setStyleSheet(path.read_text(encoding="utf-8").replace("@STYLES@", styles.as_posix()))


def run_desk_app(core_factory: Callable[[], Core], options: DeskOptions) -> int:
    """The front-desk client's event loop, from `desk` / `desk --demo`; returns the exit status."""
    import sys

    from desk.logs import setup_logging
    from desk.qt.error_dialog import install_error_dialog

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Station Desk")
    # An internal error is logged and shown in a dialog that points to the log file.
    errors = install_error_dialog(setup_logging())
    desk_app = DeskApp(app, core_factory, options)
    desk_app.start()
    try:
        return int(app.exec())
    finally:
        desk_app.shutdown()
        errors.uninstall()


class DeskApp(QObject):
    """Owns every long-lived object of the desk app; see the module docstring."""

    def __init__(self, app: QApplication, core_factory: Callable[[], Core], options: DeskOptions,
                 *, asker: Asker | None = None) -> None:
        super().__init__()
        self.app = app
        self.options = options
        self._core_factory = core_factory
        self.runner = TaskRunner(parent=self)
        self.languages = LanguageSwitcher(app)
        install_english()  # messages' English outside Qt's translators: the log, `message_en`
        use_shipped_regions()  # the region table ID numbers are checked against (read on first use)
        self.filters = AppEventFilters(app)
        self.context = DeskContext(self.runner, language="zh_CN", demo=options.demo, app_filters=self.filters)
        self.idle = IdleWatcher(int(options.settings.idle_lock_minutes * 60_000),
                                int(options.idle_warning_seconds * 1000), parent=self, filters=self.filters)
        self.simulator: ReaderSimulator | None = None
        self.reader: ReaderWorker | None = None
        self.printer: PrintAdapter | None = None
        self._demo_timers: list[QTimer] = []
        self.city: CityLink | None = None
        self._shut_down = False
        self.window = MainWindow(self.context, asker or Asker(), self.idle, station_name=options.station_name,
                                 demo=options.demo)
        self.scan_filter: Any = None
        self.window.language_requested.connect(self.set_language)
        self.window.demo_card_requested.connect(self.place_demo_card)
        if options.settings.language != "zh_CN":
            self.set_language(options.settings.language)
        else:
            self.languages.set_language("zh_CN")  # Qt's own dialogs in Chinese too (qtbase_zh_CN)

    # ---- start-up ----------------------------------------------------------------------------

    def start(self) -> None:
        load_style(self.app)
        self.window.show()
        # What is loaded so far lives as long as the app: the garbage collector's passes need not
        # look at it again (see desk/ui/preparation.py).
        gc.freeze()
        # The core is built once the window has been painted: the worker's imports hold Python's
        # GIL, and the first paint should not wait for them.
        QTimer.singleShot(20, lambda: self.runner.run(self._prepare, self._on_core_ready, self._on_core_failed))

    def _prepare(self) -> Prepared:
        """Worker thread, while the sign-in screen waits: see desk/ui/preparation.py."""
        import logging

        from desk import __version__
        from desk.ui.preparation import prepare

        logging.getLogger("desk").info("desk %s: client", __version__)

        return prepare(self._core_factory, demo=self.options.demo)

    def _on_core_ready(self, prepared: Prepared) -> None:
        core = prepared.core
        self.context.core_or_none = core
        self._link_city(core)
        if prepared.station_name and not self.options.station_name:
            self.window.sign_in.set_station_name(prepared.station_name)
        self.window.set_demo_cards(prepared.demo_cards)
        self._start_printer()
        if self.options.start_reader:
            self._start_reader(core)
        self.window.build_workspace_in_steps(lambda: self._on_workspace_built(prepared))

    def _on_workspace_built(self, prepared: Prepared) -> None:
        if self.city is not None:
            self.city.watch(self.window.new_case.saver)
        # The work screens live as long as the app too: keep them out of the garbage collector's
        # full passes, which would otherwise pause the GUI thread now and then.
        gc.freeze()
        self.window.new_case.picker.set_index(*prepared.index)
        self._start_scanner()
        self.window.on_core_ready()
        from desk.ui.form_warmup import covering_transactions, warm_up_forms

        core = prepared.core
        warm_up_forms(covering_transactions(core.catalog.transactions()), core.clock.today(),
                      self.context.language, self.window.new_case, self.filters)

    def _on_core_failed(self, error: BaseException) -> None:
        self.window.on_core_failed(error)

    def _link_city(self, core: Core) -> None:
        """City mode: the server's reachability on the status bar, drafts kept while it is away."""
        from desk.core import is_city_mode

        if not is_city_mode(core):
            return
        from desk.paths import data_dir
        from desk.remote.outbox import DraftOutbox
        from desk.ui.city_link import CityLink

        link = CityLink(self.context, core.connection, DraftOutbox.in_folder(data_dir()),  # type: ignore[attr-defined]
                        self.window.status, parent=self)
        link.message.connect(lambda text: self.window.statusBar().showMessage(text, 10_000))
        self.window.signed_in.connect(lambda _signed: link.signed_in())
        self.window.signed_out.connect(link.end_session)
        # The server ended the session (idle, revoked, deactivated): lock; the form stays as typed.
        link.session_ended.connect(self._on_session_ended)
        self.context.city = link
        self.city = link

    def _on_session_ended(self, code: str) -> None:
        if self.context.session is None or self.window.is_locked:
            return
        self.window.lock()
        self.window.sign_in.failed(self.tr("城市服务器已结束本次登录，请重新登录。") if code != "user_inactive"
                                   else self.tr("该账号已停用，请联系系统管理员。"))

    def _start_printer(self) -> None:
        from desk.qt.print_adapter import PrintAdapter

        try:
            self.printer = PrintAdapter(self.options.settings.printer, spool_dir=self.options.spool_dir,
                                        retention_days=self.options.settings.print_retention_days, parent=self)
        except Exception as error:  # a bad printer setting must not keep the desk from starting
            self.window.statusBar().showMessage(self.context.error_text(error))
            return
        self.context.printer = self.printer
        self.printer.printer_state_changed.connect(self.window.status.set_printer_state)
        self.printer.job_changed.connect(self.window.status.on_job_changed)
        self.window.retry_print_requested.connect(self.retry_failed_prints)
        self.printer.start()
        for job in self.printer.failed_jobs():
            self.window.status.on_job_changed(job)

    def _start_reader(self, core: Core) -> None:
        from desk.devices.reader import CardReaderDriver
        from desk.qt.reader_worker import ReaderWorker

        port = self.options.settings.reader_port
        if port == "simulator":
            from desk.devices.simulator import ReaderSimulator

            self.simulator = ReaderSimulator()
            self.simulator.start()
            port = self.simulator.port
        driver = CardReaderDriver(port, self.options.settings.reader_baud, today=core.clock.today)
        self.reader = ReaderWorker(driver, parent=self)
        self.reader.card_read.connect(self.window.on_card)
        self.reader.status_changed.connect(self.window.set_reader_status)
        self.window.reread_requested.connect(self.reader.reread_requested)
        self.reader.start()

    def _start_scanner(self) -> None:
        from desk.qt.scanner_input import WedgeScanFilter

        self.scan_filter = WedgeScanFilter(parent=self, accepting=self.window.accepts_scans)
        self.scan_filter.scanned.connect(self.window.on_scanned)
        self.filters.install(self.scan_filter)

    # ---- actions -----------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        if not self.languages.set_language(language):
            self.window.statusBar().showMessage(
                "English translation not compiled: run scripts/build-translations.sh", 8000)
            return
        self.context.language = self.languages.language
        self.window.status.language = self.languages.language
        for code, action in self.window.act_languages.items():
            action.setChecked(code == self.languages.language)
        self.window.retranslate_ui()

    def place_demo_card(self, label: str) -> None:
        """Demo: lay a card on the simulated reader for a moment, like a citizen handing it over."""
        simulator = self.simulator
        if simulator is None:
            return
        for timer in self._demo_timers:
            timer.stop()
        simulator.remove()
        # The reader reports a card once per placement: it must see the reader empty first.
        place, lift = QTimer(self), QTimer(self)
        for timer in (place, lift):
            timer.setSingleShot(True)
        place.timeout.connect(lambda: simulator.place(label))
        lift.timeout.connect(simulator.remove)
        place.start(700)
        lift.start(700 + DEMO_CARD_MS)
        self._demo_timers = [place, lift]

    def retry_failed_prints(self) -> None:
        if self.printer is None:
            return
        for job in self.printer.failed_jobs():
            self.printer.retry(job.job_id)

    # ---- shutdown ----------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop every thread this root started; the last draft save is let through first.
        A second call does nothing (the app's `finally` and a window's close may both ask)."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.window.workspace_ready:
            self.window.new_case.flush()
        self.idle.stop()
        if self.city is not None:
            self.city.stop()
        if self.scan_filter is not None:
            self.filters.remove(self.scan_filter)
        self.languages.uninstall()
        if self.reader is not None:
            self.reader.stop()
        if self.simulator is not None:
            self.simulator.stop()
            self.simulator = None
        city_core = self.context.core if self.city is not None and self.context.core_ready else None
        if city_core is not None:  # the sign-out is a network call: on a worker, like every other
            self.runner.run(city_core.close)
        self.runner.wait_for_done()
        if self.printer is not None:
            self.printer.close()
        if self.context.core_ready and city_core is None:
            self.context.core.close()
