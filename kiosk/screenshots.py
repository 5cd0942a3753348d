"""`desk kiosk --screenshots DIR`: every kiosk screen with demo data, as PNG files at the kiosk's
1920×1080, in normal and in elders' mode (and the main screens in English).

The kiosk is the real one (composition root, simulated reader on a pty, PDF printer), driven the
way a citizen would drive it, on a temporary demo database — never the configured store.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from desk.devices.reader import Timeouts
from desk.devices.transport import Backoff
from desk.services.ratings import RatingLevel
from desk.settings import Settings
from kiosk.bootstrap import KioskApp, KioskOptions, build_kiosk
from kiosk.flow import KioskFlow
from kiosk.said import QT_TRANSLATE_NOOP, says
from kiosk.screens.cases import CaseCard
from kiosk.style import SCREEN_SIZE

_FAST = Timeouts(find=0.3, select=0.3, status=0.3, sam_id=0.3, extra_address=0.5, read=0.6)


class Tour:
    """Drives the kiosk through every screen as a citizen would; `visit(name)` is called at each stop
    (the screenshot tool grabs the window there; the accessibility test measures it)."""

    def __init__(self, kiosk: KioskApp, visit: Callable[[str], None],
                 wait_until: Callable[[Callable[[], bool]], None]) -> None:
        self.kiosk, self.visit, self.wait = kiosk, visit, wait_until
        self.flow = kiosk.flow

    def screen(self, name: str) -> None:
        self.wait(lambda: self.kiosk.window.current_name == name)

    def shot(self, name: str) -> None:
        self.visit(name)


def _spin_until(app: QApplication, timeout: float = 15.0) -> Callable[[Callable[[], bool]], None]:
    def wait(condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("screenshots: the kiosk did not get there in time")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
    return wait


def _grabber(app: QApplication, kiosk: KioskApp, folder: Path, suffix: str, written: list[Path]
             ) -> Callable[[str], None]:
    def grab(name: str) -> None:
        end = time.monotonic() + 0.15  # let queued layout and paint events run
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        path = folder / f"{name}{suffix}.png"
        kiosk.window.grab().save(str(path))
        written.append(path)
    return grab


def citizen_tour(d: Tour) -> None:
    flow, sim = d.flow, d.kiosk.simulator
    assert sim is not None
    d.wait(lambda: d.kiosk.ctx.health.reader_ok)
    d.shot("01-attract")
    sim.place("zhang-wei")
    d.screen("home")
    d.shot("02-home")
    flow.home.btn_cases.click()
    d.screen("cases")
    d.shot("03-my-cases")
    flow.cases.pager.btn_next.click()
    d.shot("04-my-cases-page-2")
    # The case still missing papers: its two actions on the card.
    card = _card_missing_papers(flow)
    d.shot("04a-my-cases-supplement")
    card.btn_print_supplement.click()
    d.screen("message")
    d.shot("04b-supplement-printed")
    flow.message.btn_ok.click()
    d.screen("cases")  # back to the case: 取号补交 is the next step
    _card_missing_papers(flow).btn_ticket_supplement.click()
    d.screen("ticket")
    d.shot("04c-supplement-ticket")
    flow.ticket.btn_print.click()
    d.screen("message")
    flow.message.btn_ok.click()
    d.screen("home")
    flow.home.btn_certificate.click()
    d.shot("05-certificate")
    flow.certificate.purpose_tiles[0].click()
    d.screen("certificate_preview")
    d.shot("05a-certificate-preview")
    flow.certificate_preview.btn_back.click()
    d.screen("certificate")
    flow.certificate.btn_back.click()
    flow.home.btn_ticket.click()
    d.shot("06-ticket-categories")
    picker = flow.ticket.picker
    picker.btn_search.click()
    for letter in "CSDJ":
        next(key for key in picker.keypad.keys if key.text() == letter).click()
    d.shot("07-ticket-search")
    picker.click_tile(_birth_registration(picker.tile_texts()))
    d.shot("08-ticket-confirm")
    flow.ticket.btn_print.click()
    d.screen("message")
    d.shot("09-ticket-printed")
    flow.message.btn_ok.click()
    d.screen("home")
    flow.home.btn_guide.click()
    guide = flow.guide.picker  # found by its initials, as on the ticket screen: pages differ in size and order
    guide.btn_search.click()
    for letter in "CSDJ":
        next(key for key in guide.keypad.keys if key.text() == letter).click()
    guide.click_tile(_birth_registration(guide.tile_texts()))
    d.shot("10-what-to-bring")
    flow.guide.btn_back.click()
    flow.home.btn_rating.click()
    d.wait(lambda: flow.rating.steps.currentIndex() == 0)
    d.shot("11-rating-case")
    flow.rating.case_tiles.tiles[0].click()
    d.shot("12-rating-level")
    flow.rating.level_buttons[RatingLevel.DISSATISFIED].click()
    flow.rating.reason_tiles.tiles[0].click()
    d.shot("13-rating-reason")
    flow.rating.btn_submit.click()
    d.screen("message")
    d.shot("14-rating-thanks")
    flow.message.btn_ok.click()
    d.screen("home")
    d.kiosk.window.set_warning(True)
    d.shot("15-still-there")
    d.kiosk.window.set_warning(False)
    flow.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在查询您的办件…")))
    d.shot("16-busy")
    flow.go_home()
    d.kiosk.window.btn_end.click()
    d.shot("17-take-your-card")
    sim.remove()
    d.screen("attract")
    # The reader must have seen the card go before the next one comes (a busy machine may be slow to look).
    d.wait(lambda: d.kiosk.ctx.health.reader_code == "ready")
    sim.place("sun-bad-checksum")
    d.screen("message")
    d.shot("18-card-refused")
    flow.message.btn_ok.click()
    sim.remove()
    d.screen("attract")
    flow.show_staff_exit()
    d.shot("19-staff-exit")
    flow.staff.btn_cancel.click()


def _card_missing_papers(flow: KioskFlow) -> CaseCard:
    """Turn 我的办件's pages to the card of the case that waits for papers."""
    screen = flow.cases
    screen.pager.turn(-screen.pager.page)  # back to the first page
    for page in range(screen.pager.pages):
        if page:
            screen.pager.btn_next.click()
        for card in screen.cards:
            if card.isVisible() and card.btn_ticket_supplement.isVisible():
                return card
    raise LookupError("the demo citizen has no case waiting for papers")


def english_tour(d: Tour) -> None:
    flow, sim = d.flow, d.kiosk.simulator
    assert sim is not None
    d.wait(lambda: d.kiosk.ctx.health.reader_ok and d.kiosk.window.current_name == "attract")
    sim.place("li-xiulan")
    d.screen("home")
    d.kiosk.window.btn_language.click()
    d.shot("20-home-english")
    flow.home.btn_cases.click()
    d.screen("cases")
    d.shot("21-my-cases-english")
    # What an error says, through Qt's translation as the kiosk's own words: another person's (or no)
    # online application reads as not found; then a code the kiosk does not know.
    flow.on_scanned("HJWS1:WS-HP01-20200101-9999")
    d.screen("message")
    d.shot("22-online-not-found-english")
    flow.message.btn_ok.click()
    d.screen("home")
    flow.on_scanned("not a code of ours")
    d.screen("message")
    d.shot("23-unknown-code-english")
    flow.message.btn_ok.click()
    d.screen("home")
    d.kiosk.window.btn_end.click()
    sim.remove()
    d.screen("attract")


def _keep_elders_mode(kiosk: KioskApp) -> None:
    """As an older citizen would: large text on, and on again after each visit resets it."""
    button = kiosk.window.btn_elders
    button.setChecked(True)
    kiosk.ctx.sessions.started.connect(lambda: button.setChecked(True))
    kiosk.ctx.sessions.ended.connect(lambda _reason: button.setChecked(True))


def render_screenshots(folder: Path, *, database_url: str | None = None,
                       size: tuple[int, int] = SCREEN_SIZE) -> list[Path]:
    """Render the tour in normal and elders' mode into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(["desk-kiosk-screenshots"])
    assert isinstance(app, QApplication)
    work = Path(tempfile.mkdtemp(prefix="desk-kiosk-shots-"))
    written: list[Path] = []
    try:
        url = database_url or f"sqlite:///{work / 'demo.sqlite3'}"
        settings = Settings(station_code="HP01", kiosk_code="K01", reader_port="simulator",
                            printer=f"pdf:{work / 'printed'}", kiosk_idle_seconds=120)
        for elders in (False, True):
            options = KioskOptions(demo=True, database_url=url, spool_dir=work / "spool", message_seconds=30,
                                   reader_timeouts=_FAST,
                                   reader_poll_seconds=0.03, reader_backoff=Backoff(0.05, 0.2),
                                   demo_residents=30, demo_cases=20)
            kiosk = build_kiosk(app, options, settings=settings)
            try:
                kiosk.window.resize(*size)
                kiosk.window.show()
                kiosk.start()
                if elders:
                    _keep_elders_mode(kiosk)
                tour = Tour(kiosk, _grabber(app, kiosk, folder, "-elders" if elders else "", written),
                            _spin_until(app))
                citizen_tour(tour)
                if not elders:
                    english_tour(tour)
            finally:
                kiosk.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return written


def _birth_registration(titles: list[str]) -> str:
    """The 出生登记 tile among the search's results (国（境）外出生登记 shares its initials), in either language."""
    return next(title for title in titles if title in ("出生登记", "Birth registration"))
