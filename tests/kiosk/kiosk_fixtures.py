"""The kiosk under test: the real composition root on a copy of a seeded SQLite database, the real
reader simulator on a pty, PDF printing into tmp_path — with short times so the tests stay fast."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desk.core import build_core
from desk.devices.reader import Timeouts
from desk.devices.transport import Backoff
from desk.settings import Settings
from kiosk.bootstrap import KioskApp, KioskOptions, build_kiosk
from kiosk.demo import seed_demo
from printing.printers import JobResult, PdfFilePrinter, PrinterState, PrinterStatus
from tests.app_teardown import close_kiosk

FAST_READER = Timeouts(find=0.3, select=0.3, status=0.3, sam_id=0.3, extra_address=0.5, read=0.6)
ZHANG_WEI = "210102198503121239"
LIU_JIANGUO = "210103196211082511"


def settings_for(tmp_path: Path, idle_seconds: int = 60) -> Settings:
    return Settings(station_code="HP01", kiosk_code="K01", reader_port="simulator",
                    printer=f"pdf:{tmp_path / 'printed'}", kiosk_idle_seconds=idle_seconds)


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Demo station, users, a few residents and the demo card holders' cases — built once."""
    path = tmp_path_factory.mktemp("kiosk-db") / "seeded.sqlite3"
    core = build_core(f"sqlite:///{path}", settings=Settings(station_code="HP01"))
    seed_demo(core, residents=6, cases=4)
    core.store.dispose()
    return path


class SwitchablePrinter:
    """A real PDF-folder printer whose paper can run out (what an ESC/POS printer reports)."""

    def __init__(self, folder: Path) -> None:
        self.inner = PdfFilePrinter(folder)
        self.name = "kiosk-test"
        self.paper_out = False

    def state(self) -> PrinterState:
        if self.paper_out:
            return PrinterState.of(PrinterStatus.PAPER_OUT, "test")
        return self.inner.state()

    def print_pdf(self, pdf: bytes, job_name: str, copies: int = 1, media: str | None = None) -> JobResult:
        state = self.state()
        if not state.ready:
            return JobResult(False, state, state.message_zh, state.message_en)
        return self.inner.print_pdf(pdf, job_name, copies, media)


@dataclass
class KioskUnderTest:
    kiosk: KioskApp
    qtbot: QtBot
    printed: Path
    printer: SwitchablePrinter

    @property
    def flow(self):  # type: ignore[no-untyped-def]
        return self.kiosk.flow

    @property
    def sim(self):  # type: ignore[no-untyped-def]
        assert self.kiosk.simulator is not None
        return self.kiosk.simulator

    def screen(self) -> str:
        return self.kiosk.window.current_name

    def wait_screen(self, name: str, timeout: int = 8000) -> None:
        self.qtbot.waitUntil(lambda: self.screen() == name, timeout=timeout)

    def swipe(self, label: str = "zhang-wei") -> None:
        self.sim.place(label)

    def start_card_session(self, label: str = "zhang-wei") -> None:
        self.swipe(label)
        self.wait_screen("home")

    def printed_texts(self) -> list[str]:
        texts = []
        for pdf in sorted(self.printed.glob("*.pdf")):
            reader = PdfReader(io.BytesIO(pdf.read_bytes()))
            texts.append("".join(page.extract_text() for page in reader.pages).replace("\n", ""))
        return texts

    def wait_printed(self, count: int, timeout: int = 10_000) -> list[str]:
        self.qtbot.waitUntil(lambda: len(list(self.printed.glob("*.pdf"))) >= count, timeout=timeout)
        return self.printed_texts()


def make_kiosk(qtbot: QtBot, tmp_path: Path, database: Path, *, idle_seconds: int = 60,
               message_seconds: int = 30, wait_ready: bool = True, demo: bool = False) -> Iterator[KioskUnderTest]:
    db = tmp_path / "kiosk.sqlite3"
    shutil.copy(database, db)
    settings = settings_for(tmp_path, idle_seconds)
    options = KioskOptions(demo=demo, database_url=f"sqlite:///{db}", spool_dir=tmp_path / "spool",
                           hold_seconds=0.3, heartbeat_ms=400, message_seconds=message_seconds,
                           print_timeout_ms=8000, reader_timeouts=FAST_READER, reader_poll_seconds=0.03,
                           reader_backoff=Backoff(0.05, 0.2), tick_ms=100)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kiosk = build_kiosk(app, options, settings=settings)
    printer = SwitchablePrinter(tmp_path / "printed")
    kiosk.print_adapter.service.printers["station"] = printer
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    kiosk.start()
    under_test = KioskUnderTest(kiosk, qtbot, tmp_path / "printed", printer)
    if wait_ready:
        qtbot.waitUntil(lambda: kiosk.ctx.health.reader_ok, timeout=8000)
    try:
        yield under_test
    finally:
        close_kiosk(kiosk)
