"""The case view of a completed change of basic facts lists every record that must follow (公民信息连锁
变更) with its state, and the clerk marks one referred or done there — the real panel, real services."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from desk_fixtures import START, make_id
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.core import Core
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Action, Actor, Role
from desk.qt.tasks import TaskRunner
from desk.services.citizens import CardFacts
from desk.services.users import SignedIn
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.case_extras import CaseExtrasPanel, load_extras
from desk.ui.context import DeskContext
from desk.ui.dialogs import Asker

PERSON = make_id("21010219800315001")


@pytest.fixture
def completed(tmp_path) -> Iterator[tuple[Core, Actor, str]]:  # type: ignore[no-untyped-def]
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    core = Core(store, shipped_catalog(), WorkingCalendar(), FixedClock(START), Settings(station_code="HP01"))
    core.users.ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "和平分局")
    clerk = Actor(core.users.create_user("clerk", "张丽", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "张丽")
    leader_id = core.users.create_user("leader", "王建国", Role.LEADER, "HP01", "secret-pass")
    leader = Actor(leader_id, Role.LEADER, "王建国")
    core.citizens.register_card(clerk, CardFacts(PERSON, "赵𠮷", "male", "汉", date(1980, 3, 15), "沈阳市和平区"))
    values = {"correct_birth_date": "1980-05-13", "discrepancy": "records_inconsistent", "public_servant": False}
    draft = core.cases.open_draft(clerk, PERSON, "birth_date_correction", values)
    accepted = core.decisions.accept_and_issue(clerk, draft.number, draft.version, [
        "written_application", "household_booklet", "resident_id_card", "earlier_documents"]).case
    review = core.cases.submit_for_review(clerk, accepted.number, accepted.version)
    approved = core.cases.approve(leader, review.number, review.version, "同意更正")
    core.decisions.act_and_issue(clerk, approved.number, approved.version, Action.COMPLETE)
    yield core, clerk, approved.number
    store.dispose()


def test_the_clerk_marks_a_chained_change_done_in_the_case_view(qtbot: QtBot,
                                                                completed: tuple[Core, Actor, str]) -> None:
    core, clerk, number = completed
    context = DeskContext(TaskRunner(), core_or_none=core)
    context.session = SignedIn(clerk, "clerk", "张丽", "HP01")
    panel = CaseExtrasPanel(context, Asker())
    qtbot.addWidget(panel)
    case = core.queries.get(number)
    panel.show_extras(case, load_extras(context, case))
    panel.show()
    rows = [panel.lst_follow_ups.item(i).text() for i in range(panel.lst_follow_ups.count())]
    assert panel.lst_follow_ups.isVisible() and panel.btn_done.isVisible() and len(rows) >= 10
    assert all(row.startswith("[待办]") for row in rows)
    wanted = next(i for i in range(len(rows)) if "出入境" in rows[i])
    panel.lst_follow_ups.setCurrentRow(wanted)
    key = panel.lst_follow_ups.item(wanted).data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.btn_done.click()
    assert {t.record.key: t.state for t in core.chain_follow_ups.tracked(number)}[key] == "done"
    panel.show_extras(case, load_extras(context, case))  # the case view reloads after a change
    assert panel.lst_follow_ups.item(wanted).text().startswith("[已办结]")
