"""The screenshot tour behind `desk screenshots DIR`: render each main screen of the front-desk
client with demo data to PNG files named after the screen (sign-in, today, the new-case steps of
three transactions, case view, search, manager view), offscreen at 1366×768. For the README and the manual.

The run uses its own temporary data folder and SQLite database (demo data), the simulated reader
and the PDF printer; nothing of the user's data is touched.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 1366, 768
SHOWN_CASES = ("birth_registration", "household_split", "spouse_joins_spouse")


class _ScriptedAsker:
    """Answers the dialogs as the demo clerk would (no modal dialog is ever shown)."""

    def reason(self, *_args: object) -> str:
        return "申请人户籍不在本所辖区，应到户籍所在地派出所申请。"

    def refusal(self, *_args: object) -> tuple[int, str]:
        return 0, self.reason()

    def password(self, *_args: object) -> str:
        from desk.services.demo import DEMO_PASSWORD

        return DEMO_PASSWORD

    def confirm(self, *_args: object) -> bool:
        return True

    def save_path(self, *_args: object) -> None:
        return None

    def inform(self, *_args: object) -> None:
        return None


def _wait(app: Any, predicate: Callable[[], object], timeout: float = 30.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get there in time")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def render_all(out: Path, scratch: Path, language: str = "zh_CN") -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from desk.core import build_core, ensure_demo_data
    from desk.qt.i18n import translations_dir
    from desk.settings import Settings
    from desk.ui.bootstrap import DeskApp, DeskOptions

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    url = f"sqlite:///{scratch / 'desk.sqlite3'}"

    def core_factory() -> Any:
        core = build_core(url)
        ensure_demo_data(core)
        return core

    settings = Settings(printer=f"pdf:{scratch / 'printed'}", idle_lock_minutes=60, language=language)
    options = DeskOptions(settings=settings, demo=True, spool_dir=scratch / "spool")
    desk = DeskApp(app, core_factory, options, asker=_ScriptedAsker())  # type: ignore[arg-type]
    if desk.languages.language != language:
        desk.shutdown()
        raise RuntimeError(f"no compiled translation for {language!r} in {translations_dir()}")
    try:
        return _Tour(app, desk, out).run()
    finally:
        desk.window.close()
        desk.shutdown()


class _Tour:
    def __init__(self, app: Any, desk: Any, out: Path) -> None:
        self.app, self.desk, self.out = app, desk, out
        self.window = desk.window
        self.written: list[Path] = []

    def shot(self, name: str) -> None:
        self.app.processEvents()
        path = self.out / f"{name}.png"
        self.window.grab().save(str(path))
        self.written.append(path)

    def wait(self, predicate: Callable[[], object], timeout: float = 30.0) -> None:
        from PySide6.QtWidgets import QLabel

        try:
            _wait(self.app, predicate, timeout)
        except TimeoutError as error:
            shown = [label.text() for label in self.window.findChildren(QLabel, "banner") if label.isVisible()]
            raise TimeoutError(f"{error}; messages on screen: {shown}") from None

    def sign_in(self, username: str) -> None:
        from desk.services.demo import DEMO_PASSWORD

        view = self.window.sign_in
        view.edt_username.setText(username)
        view.edt_password.setText(DEMO_PASSWORD)
        view.btn_sign_in.click()
        self.wait(lambda: self.desk.context.session is not None and not self.window.is_locked)

    def run(self) -> list[Path]:
        desk, window = self.desk, self.window
        window.resize(WIDTH, HEIGHT)
        from desk.devices.reader import ReaderState

        failures: list[BaseException] = []
        report_failure = desk._on_core_failed

        def core_failed(error: BaseException) -> None:
            failures.append(error)
            report_failure(error)

        desk._on_core_failed = core_failed  # a core that cannot be built ends the tour at once, with its error
        desk.start()
        window.resize(WIDTH, HEIGHT)
        self.wait(lambda: desk.context.core_ready or failures, timeout=120)
        if failures:
            raise RuntimeError(f"the desk could not start: {failures[0]!r}") from failures[0]
        # The reader's state, not its words: the message is in the tour's language.
        self.wait(lambda: desk.reader is not None and window.status.reader_status is not None
                  and window.status.reader_status.state is ReaderState.WAITING)
        window.sign_in.edt_username.setText("clerk")
        window.sign_in.edt_password.setFocus()
        self.shot("sign-in")
        self.sign_in("clerk")
        self.wait(lambda: window.today.data.waiting is not None and window.today.tbl_drafts.rowCount() > 0)
        self.shot("today")
        decided = {}
        for code in SHOWN_CASES:
            decided[code] = self.new_case(code)
        bundle_case = self.newborn_bundle()
        self.bundle_case_view(bundle_case)
        window.sign_out()
        # The leader-level case went to the approvers' queue on acceptance: the leader opens it.
        self.sign_in("leader")
        self.case_view(decided["household_split"])
        self.search()
        window.sign_out()
        self.sign_in("manager")
        from desk.ui.permissions import Screen

        window.show_screen(Screen.MANAGER)
        self.wait(lambda: window.manager.report is not None)
        # The demo history ends before today: show the last working day, as a manager would.
        from datetime import timedelta

        from PySide6.QtCore import QDate

        calendar, day = desk.context.core.calendar, desk.context.today() - timedelta(days=1)
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
        window.manager.report = None
        window.manager.edt_date.setDate(QDate(day.year, day.month, day.day))
        self.wait(lambda: window.manager.report is not None and window.manager.report.data.report_date == day)
        self.shot("manager")
        self.hall_screens()
        return self.written

    def hall_screens(self) -> None:
        """一次一评 on the citizen's evaluator, and the manager's follow-up and kiosk screens (issue #13)."""
        from desk.domain.workflow import CaseState
        from desk.services.ratings import RatingLevel
        from desk.ui.rating_window import RatingWindow

        window, core = self.window, self.desk.context.core
        completed = core.queries.list(state=CaseState.COMPLETED, station_code=core.station_code, limit=3)
        evaluator = RatingWindow()
        evaluator.resize(1024, 640)
        subject = core.ratings.subject(completed[0].number)
        transaction = core.catalog.get(subject.transaction_code)
        # The clerk's photo as `desk user photo` stores it (a drawn silhouette: the demo has no people).
        for clerk in ("clerk", "clerk2"):  # the demo's window clerks (desk/services/demo.py)
            core.user_photos.set_photo(clerk, _silhouette_png(), file_name="demo-photo.png", by="screenshots")
        photo = core.user_photos.photo(subject.clerk_id) if subject.clerk_id is not None else None
        evaluator.ask(subject, transaction.name_zh if transaction else subject.transaction_code, 3,
                      photo.data if photo is not None else None)
        evaluator.show()
        for name, page in (("rating-evaluator", None), ("rating-evaluator-bad", RatingLevel.DISSATISFIED)):
            if page is not None:
                evaluator.choose(page)
                evaluator.chk_reasons[1].setChecked(True)
                evaluator.edt_phone.setText("13912345678")
            self.app.processEvents()
            path = self.out / f"{name}.png"
            evaluator.grab().save(str(path))
            self.written.append(path)
        evaluator.close()
        evaluator.deleteLater()
        # A bad rating of the first case (as the evaluator above would send it) and two kiosks' heartbeats.
        core.ratings.rate(RatingLevel.DISSATISFIED, case_number=completed[0].number, reasons=("多次跑腿",),
                          phone="13912345678", counter_number=3, channel="desk")
        core.ratings.rate(RatingLevel.VERY_SATISFIED, case_number=completed[1].number, counter_number=2,
                          channel="desk")
        core.kiosks.heartbeat("K01", name_zh="大厅自助机（东）", reader_state="ready", printer_state="ready",
                              sessions_started=12)
        core.kiosks.heartbeat("K02", name_zh="大厅自助机（西）", reader_state="ready", printer_state="paper_out",
                              sessions_started=5)
        manager = window.manager
        manager.follow_ups.follow_ups = []
        manager.tab_sections.setCurrentWidget(manager.follow_ups)
        self.wait(lambda: manager.follow_ups.tbl_follow_ups.rowCount() > 0 and manager.follow_ups.month is not None)
        manager.follow_ups.tbl_follow_ups.selectRow(0)
        self.wait(lambda: manager.follow_ups.btn_record.isVisible() and manager.follow_ups.cmb_owner.count() > 0)
        self.shot("manager-follow-ups")
        manager.tab_sections.setCurrentWidget(manager.kiosk_status)
        self.wait(lambda: manager.kiosk_status.tbl_kiosks.rowCount() == 2)
        self.shot("manager-kiosks")
        manager.tab_sections.setCurrentWidget(manager.wdg_report)

    def new_case(self, code: str) -> str:
        from desk.ui.demo_cases import demo_cases, type_values
        from desk.ui.permissions import Screen

        desk, window = self.desk, self.window
        case = demo_cases(desk.context.today())[code]
        view = window.new_case
        window.show_screen(Screen.NEW_CASE, fresh=True)
        view.start()
        card = desk.simulator.card(case.card)
        view.identify.edt_id_number.setText(card.fields["id_number"])
        view.identify._check_typed(card.fields["id_number"])
        name = code.replace("_", "-")
        self.shot(f"new-case-{name}-1-identify")
        desk.place_demo_card(case.card)
        self.wait(lambda: view.page == 1 and view.identify.current is not None)
        self.wait(lambda: view.picker.ready)
        view.picker.edt_search.setText(case.search)
        self.shot(f"new-case-{name}-2-choose")
        view.choose(desk.context.core.catalog[code])
        self.wait(lambda: view.is_ready)
        type_values(view.form, case.values)
        view.form.flush()
        self.wait(lambda: not view.saver.busy)
        self.shot(f"new-case-{name}-3-form")
        for material in view.checklist.required():
            if material.key in case.withheld:
                view.checklist.verified_box(material.key).setChecked(False)  # not in the systems either
                view.checklist.check_box(material.key).setChecked(False)
            elif not view.checklist.verified_box(material.key).isChecked():
                view.checklist.check_box(material.key).setChecked(True)
        self.shot(f"new-case-{name}-4-decide")
        if case.withheld:
            view.request_supplement()
        else:
            view.accept()
        self.wait(lambda: view.page == 3)
        self.shot(f"new-case-{name}-5-done")
        return view.decided.case.number

    def newborn_bundle(self) -> str:
        """新生儿出生“一件事”: found by the search, one form with the shared fields asked once, done."""
        from desk.ui.demo_cases import demo_cases, type_values
        from desk.ui.permissions import Screen

        desk, window = self.desk, self.window
        case = demo_cases(desk.context.today())["birth_registration"]
        view = window.new_case
        window.show_screen(Screen.NEW_CASE, fresh=True)
        view.start()
        desk.place_demo_card(case.card)
        self.wait(lambda: view.page == 1 and view.identify.current is not None)
        self.wait(lambda: view.picker.ready)
        view.picker.edt_search.setText("出生一件事")
        self.shot("bundle-newborn-1-choose")
        view.choose_bundle(desk.context.core.bundle_catalog["newborn"])
        self.wait(lambda: view.bundle_page is not None)
        page = view.bundle_page
        shared = {"child_name", "child_sex", "child_birth_date"}
        type_values(page.shared_form, {k: v for k, v in case.values.items() if k in shared})
        type_values(page.member_form("birth_registration"), {k: v for k, v in case.values.items()
                                                             if k not in shared})
        page.checklists["birth_registration"].mark_all_received()
        self.wait(lambda: page.btn_accept.isEnabled())
        self.shot("bundle-newborn-2-form")
        page.accept()
        self.wait(lambda: view.page == 3 and view.bundle_decided is not None)
        self.shot("bundle-newborn-3-done")
        return view.bundle_decided.bundle.members[0].number

    def bundle_case_view(self, number: str) -> None:
        window = self.window
        window.open_case(number)
        self.wait(lambda: window.case_view.case is not None and window.case_view.case.number == number)
        self.wait(lambda: window.case_view.extras.extras.bundle is not None)
        self.shot("bundle-case-view")

    def case_view(self, number: str) -> None:
        window = self.window
        window.open_case(number)
        self.wait(lambda: window.case_view.case is not None and window.case_view.case.number == number)
        self.wait(lambda: window.case_view.case.state.value == "under_review")
        self.wait(lambda: window.case_view.cmb_opinion.isVisible())
        self.shot("case-view")

    def search(self) -> None:
        from desk.ui.permissions import Screen

        window = self.window
        window.show_screen(Screen.SEARCH)
        window.search.edt_query.setText("王")
        window.search.search()
        self.wait(lambda: window.search.tbl_results.rowCount() > 0)
        self.shot("search")


def _silhouette_png() -> bytes:
    """A plain drawn head-and-shoulders on the ID-photo blue, 264 × 336 (the demo's stand-in photo)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (264, 336), (67, 142, 219))
    draw = ImageDraw.Draw(image)
    draw.ellipse((82, 60, 182, 175), fill=(235, 240, 245))
    draw.ellipse((32, 190, 232, 420), fill=(25, 45, 80))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
