"""The real desk app in city mode (MainWindow, pytest-qt; it knows only the server's URL and the test CA)
with what the hall and the law add: a newborn “一件事” bundle from the card swipe to its receipt and
referral list (the server's PDFs), its follow-ups on Today and in the case view, 一次一评 on the
citizen's evaluator bound to the case and clerk by the server (the clerk's photo from the server), and
the manager's 差评 follow-up loop and kiosk-status screens — all over a real `desk server` (TLS, PostgreSQL)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from city_desk import CityDesk
from city_server import PASSWORD, ApiClient, City
from PIL import Image
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from desk.domain.clock import Clock
from desk.domain.followup import FollowUpStep
from desk.domain.workflow import CaseState
from desk.services.demo import DEMO_PASSWORD
from desk.services.ratings import RatingLevel
from desk.services.user_photos import UserPhotoService
from desk.store.models import Case, ServiceRating
from desk.ui.bundle_page import BundlePage
from desk.ui.demo_cases import demo_cases, type_values
from desk.ui.new_case import PAGE_BUNDLE, PAGE_DONE, PAGE_PICK
from desk.ui.permissions import Screen
from desk.ui.rating_window import RatingWindow

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def kiosk_client(demo_city: City) -> Iterator[ApiClient]:
    client = demo_city.server.client("K09")
    assert client.sign_in("kiosk01", PASSWORD, "kiosk").status_code == 200
    yield client
    client.close()


def test_a_newborn_bundle_and_its_rating_at_a_city_desk(open_city_desk: Callable[[str], CityDesk],
                                                       demo_city: City) -> None:
    desk = open_city_desk("hall")
    case = demo_cases(Clock().today())["birth_registration"]
    desk.sign_in("clerk")
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe(case.card)
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    view.picker.edt_search.insert("出生一件事")
    desk.qtbot.keyClick(view.picker.edt_search, Qt.Key.Key_Return, delay=80)
    desk.wait(lambda: view.page == PAGE_BUNDLE and view.bundle_page is not None)
    page = view.bundle_page
    assert isinstance(page, BundlePage)
    shared_keys = {"child_name", "child_sex", "child_birth_date"}
    type_values(page.shared_form, {k: v for k, v in case.values.items() if k in shared_keys})
    type_values(page.member_form("birth_registration"), {k: v for k, v in case.values.items() if k not in shared_keys})
    page.checklists["birth_registration"].btn_all_received.click()
    desk.wait(lambda: page.btn_accept.isEnabled())
    desk.window.act_accept.trigger()  # Ctrl+Enter: one call of the server, one transaction
    desk.wait(lambda: view.page == PAGE_DONE and view.bundle_decided is not None)
    decided = view.bundle_decided
    assert decided is not None
    (member,) = decided.bundle.members
    assert member.state is CaseState.COMPLETED and member.number.startswith("HP01-")
    receipt_paper, list_paper = decided.papers
    receipt = desk.paper_text(receipt_paper.serial).replace(" ", "").replace("\n", "")
    assert "受理回执" in receipt and member.number in receipt and decided.bundle.number in receipt
    assert "后续事项告知单" in desk.paper_text(list_paper.serial).replace(" ", "").replace("\n", "")

    # Today lists its open follow-ups (from the server); the case view shows the bundle and marks one done.
    today = desk.window.today
    desk.window.show_screen(Screen.TODAY)
    today.refresh()
    desk.wait(lambda: any(row[0] == "一件事后续" and row[1] == member.number for row in today.clock_rows()))
    case_view = desk.window.case_view
    with desk.qtbot.waitSignal(case_view.loaded, timeout=20_000):
        desk.window.open_case(member.number)
    extras = case_view.extras
    desk.wait(lambda: extras.extras.bundle is not None)
    assert decided.bundle.number in extras.lbl_bundle.text()
    extras.lst_follow_ups.setCurrentRow(0)
    first_key = str(extras.lst_follow_ups.currentItem().data(Qt.ItemDataRole.UserRole))
    extras.btn_done.click()
    core = desk.app.context.core
    desk.wait(lambda: {f.key: f.state for f in core.bundles.get(decided.bundle.number).follow_ups}[first_key]
              == "done")

    # 一次一评: the evaluator on the citizen's screen names the clerk the server bound the case to, with
    # the photo stored for that clerk on the server.
    picture = io.BytesIO()
    Image.new("RGB", (264, 336), (30, 60, 120)).save(picture, "PNG")
    UserPhotoService(demo_city.store, Clock()).set_photo("clerk", picture.getvalue())
    prompter = desk.window.rating
    with desk.qtbot.waitSignal(prompter.asked, timeout=20_000):
        prompter.ask(member.number)
    evaluator = prompter.window
    assert isinstance(evaluator, RatingWindow) and evaluator.isVisible()
    assert "张丽" in evaluator.lbl_clerk.text() and member.number in evaluator.lbl_case.text()
    photo = evaluator.lbl_photo.pixmap()
    assert not photo.isNull() and evaluator.lbl_photo.text() == ""
    assert photo.toImage().pixelColor(10, 10).blue() > 100  # the photo's own colour
    desk.qtbot.mouseClick(evaluator.btn_levels[RatingLevel.DISSATISFIED], Qt.MouseButton.LeftButton)
    evaluator.chk_reasons[0].setChecked(True)
    evaluator.edt_phone.setText("13912345678")
    with desk.qtbot.waitSignal(prompter.rated, timeout=20_000) as rated:
        desk.qtbot.mouseClick(evaluator.btn_submit, Qt.MouseButton.LeftButton)
    assert rated.args[0].follow_up_id is not None
    with demo_city.store.read() as session:
        stored = session.execute(select(ServiceRating).where(ServiceRating.id == rated.args[0].id)).scalar_one()
    assert (stored.channel, stored.level, stored.phone) == ("desk", "dissatisfied", "13912345678")
    assert stored.clerk_id is not None and stored.station_code == "HP01"
    with desk.qtbot.waitSignal(prompter.skipped, timeout=20_000):  # asked once
        prompter.ask(member.number)
    desk.qtbot.waitUntil(lambda: desk.app.context.runner.pending == 0, timeout=20_000)

    # The manager's screens: the follow-up the bad rating opened (a step recorded), and the kiosks.
    desk.window.sign_out()
    desk.sign_in("manager")
    desk.window.show_screen(Screen.MANAGER)
    manager = desk.window.manager
    follow_ups = manager.follow_ups
    with desk.qtbot.waitSignal(follow_ups.loaded, timeout=20_000):
        manager.tab_sections.setCurrentWidget(follow_ups)
    rows = [follow_ups.tbl_follow_ups.item(r, 0).text() for r in range(follow_ups.tbl_follow_ups.rowCount())]
    assert member.number in rows
    follow_ups.tbl_follow_ups.selectRow(rows.index(member.number))
    desk.wait(lambda: follow_ups.btn_record.isVisible() and follow_ups.cmb_outcome.count() == 2)
    follow_ups.cmb_outcome.setCurrentIndex(0)  # 情况属实
    follow_ups.edt_note.setText("调取录像核实")
    with desk.qtbot.waitSignal(follow_ups.recorded, timeout=20_000) as recorded:
        follow_ups.btn_record.click()
    assert recorded.args[0].step is FollowUpStep.RECTIFY
    desk.qtbot.waitUntil(lambda: desk.app.context.runner.pending == 0, timeout=20_000)


def test_the_kiosk_status_and_the_deemed_acceptance_at_a_city_desk(
        open_city_desk: Callable[[str], CityDesk], demo_city: City, kiosk_client: ApiClient) -> None:
    response = kiosk_client.post("/kiosk/heartbeat", {"reader_state": "ready", "printer_state": "paper_out",
                                                      "sessions_started": 2})
    assert response.status_code == 200, response.text
    desk = open_city_desk("office")
    desk.sign_in("manager")
    desk.window.show_screen(Screen.MANAGER)
    view = desk.window.manager.kiosk_status
    with desk.qtbot.waitSignal(view.loaded, timeout=20_000):
        desk.window.manager.tab_sections.setCurrentWidget(view)
    rows = {view.tbl_kiosks.item(r, 0).text(): [view.tbl_kiosks.item(r, c).text()
                                                  for c in range(view.tbl_kiosks.columnCount())]
            for r in range(view.tbl_kiosks.rowCount())}
    assert rows["K09"][2] == "在线" and rows["K09"][5] == "缺纸"
    assert "K09" in view.lbl_message.text()  # the kiosk that needs paper is named
    # 视为受理 reaches Today in city mode: a draft received three weeks ago with no answer (the test's
    # own look at the database moves its receipt back) is listed, counted by the server.
    clerk = demo_city.server.client("pc-clerk-api")
    assert clerk.sign_in("clerk", DEMO_PASSWORD).status_code == 200
    person = "210102198503121239"
    draft = clerk.post("/cases", {"applicant_id_number": person, "transaction_code": "household_certificate",
                                  "values": {}}).json()
    clerk.close()
    with demo_city.store.write() as session:
        received = session.execute(select(Case.created_at).where(Case.number == draft["number"])).scalar_one()
        session.execute(update(Case).where(Case.number == draft["number"])
                        .values(created_at=received - timedelta(days=21)))
    desk.window.show_screen(Screen.TODAY)
    desk.window.today.refresh()
    desk.wait(lambda: any(row[0] == "视为受理" and row[1] == draft["number"]
                          for row in desk.window.today.clock_rows()))
    desk.qtbot.waitUntil(lambda: desk.app.context.runner.pending == 0, timeout=20_000)
