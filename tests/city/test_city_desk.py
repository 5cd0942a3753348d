"""Done when (issue 9): the real desk app (MainWindow, pytest-qt) in city mode — it knows only the city
server's URL and the test CA — drives a leader-level case (clerk accepts → leader approves → clerk
completes) and a branch-level case (decided by the branch's user in its queue) against a real
`desk server` over TLS in front of a real PostgreSQL. Afterwards the desk's data and config folders
hold no database URL and no password."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from city_desk import CityDesk
from city_server import PASSWORD as CITY_PASSWORD
from city_server import City
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from desk.core import is_city_mode
from desk.domain.errors import PermissionDenied
from desk.domain.workflow import Action, CaseState
from desk.paths import config_dir, data_dir
from desk.services.citizens import CardFacts
from desk.services.demo import DEMO_PASSWORD
from desk.store.models import ServerSession
from desk.ui.demo_cases import demo_cases, type_values
from desk.ui.new_case import PAGE_DONE, PAGE_PICK
from desk.ui.permissions import Screen

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ZHANG_WEI = CardFacts("210102198503121239", "张伟", "male", "汉", date(1985, 3, 12), "辽宁省沈阳市和平区南京南街1号")
NAME_CHANGE = {"new_name": "张伟明", "change_part": "given_name", "reason": "same_as_relative",
               "occupation_status": "none"}
NAME_CHANGE_MATERIALS = ["written_application", "household_booklet", "resident_id_card"]


def ended_sessions(city: City, device: str) -> int:
    with city.store.read() as session:
        return len(session.execute(select(ServerSession.token_hash).where(
            ServerSession.device_id == device, ServerSession.revoked_at.is_not(None))).all())


def test_a_leader_level_case_through_the_city_desk(open_city_desk: Callable[[str], CityDesk],
                                                   demo_city: City) -> None:
    desk = open_city_desk("front")
    assert is_city_mode(desk.app.context.core)
    case = demo_cases(date.today())["household_split"]
    desk.sign_in("clerk")
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe(case.card)
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    desk.qtbot.keyClicks(view.picker.edt_search, case.search)
    assert view.picker.matches()[0].code == case.code
    desk.qtbot.keyClick(view.picker.edt_search, Qt.Key.Key_Return, delay=80)
    desk.wait(lambda: view.is_ready)
    type_values(view.form, case.values)
    view.checklist.btn_all_received.click()
    desk.wait(lambda: view.btn_accept.isEnabled())
    view.btn_accept.click()
    desk.wait(lambda: view.page == PAGE_DONE or "未" in view.lbl_message.text())
    assert view.page == PAGE_DONE, view.lbl_message.text()
    assert view.decided is not None
    number = view.decided.case.number
    assert number.startswith("HP01-")
    receipt = desk.paper_text(view.decided.papers[0].serial)  # the server's PDF, printed at this desk
    assert "受理回执" in receipt and number in receipt
    assert desk.state(number) is CaseState.UNDER_REVIEW
    desk.window.sign_out()
    desk.wait(lambda: ended_sessions(demo_city, "pc-front") == 1)  # signing out at the desk ends it there

    desk.sign_in("leader")
    desk.window.show_screen(Screen.TODAY)
    desk.wait(lambda: desk.window.today.data is not None
              and number in [c.number for c in desk.window.today.data.review])
    case_view = desk.window.case_view
    with desk.qtbot.waitSignal(case_view.loaded, timeout=20_000):
        desk.window.open_case(number)
    assert Action.APPROVE in case_view.allowed()
    desk.answers.passwords.append(DEMO_PASSWORD)
    case_view._buttons[Action.APPROVE].click()
    desk.wait(lambda: desk.state(number) is CaseState.APPROVED)
    desk.window.sign_out()

    desk.sign_in("clerk")
    with desk.qtbot.waitSignal(case_view.loaded, timeout=20_000):
        desk.window.open_case(number)
    desk.wait(lambda: Action.COMPLETE in case_view.allowed() and case_view._buttons[Action.COMPLETE].isEnabled())
    case_view._buttons[Action.COMPLETE].click()
    desk.wait(lambda: desk.state(number) is CaseState.COMPLETED)
    events = [e.action for e in desk.app.context.core.queries.get(number).events]
    assert events[:2] == ["open", "accept"] and events[-2:] == ["approve", "complete"]


def test_a_branch_level_case_is_decided_by_the_branch_at_a_city_desk(
        open_city_desk: Callable[[str], CityDesk]) -> None:
    desk = open_city_desk("branch")
    desk.sign_in("clerk")
    core = desk.app.context.core
    clerk = desk.app.context.actor
    core.citizens.register_card(clerk, ZHANG_WEI)
    draft = core.cases.open_draft(clerk, ZHANG_WEI.id_number, "name_change", NAME_CHANGE)
    accepted = core.decisions.accept_and_route(clerk, draft.number, draft.version, NAME_CHANGE_MATERIALS)
    number = accepted.case.number
    assert desk.state(number) is CaseState.UNDER_REVIEW
    # The station's leader is not the branch: the desk does not offer approval, the server would refuse.
    desk.window.sign_out()
    desk.sign_in("leader")
    with pytest.raises(PermissionDenied) as refused:
        core.decisions.act_and_issue(desk.app.context.actor, number, core.queries.get(number).version,
                                     Action.APPROVE, password=DEMO_PASSWORD)
    assert refused.value.code == "not_a_decider" and "分局户政" in refused.value.message_zh
    case_view = desk.window.case_view
    with desk.qtbot.waitSignal(case_view.loaded, timeout=20_000):
        desk.window.open_case(number)
    assert Action.APPROVE not in case_view.allowed() and Action.DENY not in case_view.allowed()
    desk.window.sign_out()

    desk.sign_in("branch", CITY_PASSWORD)
    assert desk.window.allowed_screens()[0] is Screen.TODAY
    desk.window.show_screen(Screen.TODAY)
    desk.wait(lambda: desk.window.today.data is not None
              and number in [c.number for c in desk.window.today.data.review])
    case_view = desk.window.case_view
    with desk.qtbot.waitSignal(case_view.loaded, timeout=20_000):
        desk.window.open_case(number)
    assert Action.APPROVE in case_view.allowed()
    desk.answers.passwords.append(CITY_PASSWORD)
    case_view._buttons[Action.APPROVE].click()
    desk.wait(lambda: desk.state(number) is CaseState.APPROVED)
    assert desk.app.context.core.queries.get(number).decided_by == desk.app.context.actor.user_id
    desk.window.sign_out()

    desk.sign_in("clerk")
    with desk.qtbot.waitSignal(case_view.loaded, timeout=20_000):
        desk.window.open_case(number)
    desk.wait(lambda: Action.COMPLETE in case_view.allowed() and case_view._buttons[Action.COMPLETE].isEnabled())
    case_view._buttons[Action.COMPLETE].click()
    desk.wait(lambda: desk.state(number) is CaseState.COMPLETED)


def test_a_city_desk_keeps_no_database_url_or_password_on_its_disk(
        open_city_desk: Callable[[str], CityDesk], demo_city: City) -> None:
    desk = open_city_desk("disk")
    desk.sign_in("clerk")
    desk.window.show_screen(Screen.TODAY)
    desk.wait(lambda: desk.window.today.data is not None)
    desk.window.sign_out()
    url = demo_city.server.database_url
    secrets = {url, url.split("@")[0], "postgresql://", "postgres://", DEMO_PASSWORD, CITY_PASSWORD}
    # The database's password, if its URL carries one.
    if "@" in url and ":" in url.split("@")[0].removeprefix("postgresql://"):
        secrets.add(url.split("@")[0].rsplit(":", 1)[1])
    found = []
    for folder in (data_dir(), config_dir()):
        for path in folder.rglob("*"):
            if path.is_file():
                content = path.read_bytes()
                found += [f"{path.name}: {s}" for s in secrets if s and s.encode() in content]
    assert not found, found


def test_the_desk_locks_when_the_server_ends_its_session(open_city_desk: Callable[[str], CityDesk],
                                                         demo_city: City) -> None:
    desk = open_city_desk("ended")
    desk.sign_in("clerk2")
    # Nothing in flight (a call that had read the session before would write its last_seen back).
    desk.wait(lambda: desk.window.today.data is not None and desk.app.runner.pending == 0)
    # Idle on the server past its limit (the desk's own idle lock did not come first).
    with demo_city.store.write() as session:
        session.execute(update(ServerSession).where(ServerSession.device_id == "pc-ended")
                        .values(last_seen=datetime.now(UTC) - timedelta(hours=1)))
    desk.window.show_screen(Screen.SEARCH, fresh=True)
    desk.window.show_screen(Screen.TODAY, fresh=True)
    desk.wait(lambda: desk.window.is_locked)
    assert "重新登录" in desk.window.sign_in.lbl_message.text()
    desk.sign_in("clerk2")  # the same clerk goes on where they were
    desk.wait(lambda: desk.window.today.data is not None and desk.app.runner.pending == 0)

    # Deactivated while signed in: the next call locks the desk, and signing in again is refused.
    demo_city.users.set_active("clerk2", False)
    try:
        desk.window.show_screen(Screen.SEARCH, fresh=True)
        desk.window.show_screen(Screen.TODAY, fresh=True)
        desk.wait(lambda: desk.window.is_locked)
        assert "已停用" in desk.window.sign_in.lbl_message.text()
        view = desk.window.sign_in
        view.edt_username.setText("clerk2")
        view.edt_password.setText(DEMO_PASSWORD)
        view.btn_sign_in.click()
        desk.wait(lambda: "密码错误" in view.lbl_message.text())
        assert desk.window.is_locked
    finally:
        demo_city.users.set_active("clerk2", True)


def test_a_receipts_lookup_code_finds_its_case_at_a_city_desk(open_city_desk: Callable[[str], CityDesk],
                                                              demo_city: City) -> None:
    """The search typed (or scanned) with a receipt's lookup code: the server finds the case — in the
    caller's station only; another station's is refused with its message and nothing is listed."""
    person = "210102198503121239"
    opened: dict[str, dict[str, str]] = {}
    for username, password in (("clerk", DEMO_PASSWORD), ("leader_nsc", CITY_PASSWORD)):
        api = demo_city.server.client(f"lookup-{username}")
        assert api.sign_in(username, password).status_code == 200
        assert api.post("/citizens", {"id_number": person, "name": "张伟", "sex": "male", "nation": "汉",
                                      "birth_date": "1985-03-12"}).status_code == 200
        draft = api.post("/cases", {"applicant_id_number": person, "transaction_code": "household_certificate",
                                    "values": {"purpose": "入学"}})
        assert draft.status_code == 200, draft.text
        opened[username] = draft.json()
        api.close()
    desk = open_city_desk("lookup")
    desk.sign_in("clerk")
    desk.window.show_screen(Screen.SEARCH)
    search = desk.window.search
    mine = opened["clerk"]
    with desk.qtbot.waitSignal(search.searched, timeout=20_000) as searched:
        search.search(mine["lookup_code"].lower())
    assert searched.args == [1] and [c.number for c in search.results] == [mine["number"]]
    search.search(opened["leader_nsc"]["lookup_code"])
    desk.wait(lambda: "其他派出所" in search.lbl_message.text())
    assert [c.number for c in search.results] == [mine["number"]]  # the last hit stays; nothing added


def test_a_city_desks_status_bar_shows_the_badge_number(open_city_desk: Callable[[str], CityDesk],
                                                         demo_city: City) -> None:
    """工号 in the status bar is the user's 警号 in city mode too (the server's sign-in answer says it),
    not the user's row id."""
    demo_city.users.set_badge("clerk", "0731245", by="test")
    try:
        desk = open_city_desk("badge")
        desk.sign_in("clerk")
        assert "工号 0731245" in desk.window.status.lbl_user.text()
        desk.window.sign_out()
    finally:
        demo_city.users.set_badge("clerk", "", by="test")
