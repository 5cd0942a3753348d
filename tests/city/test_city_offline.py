"""A city-mode desk whose server goes away while the clerk types: the status bar says so, what was
typed is kept in the desk's outbox file (owner-only, nothing but the typed values), and once the
server answers again the status bar says it is back and the draft reaches the server — nothing typed
is lost, and the GUI thread never waited on the network."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from city_desk import CityDesk, city_desks
from city_server import City, CityServer
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.paths import data_dir
from desk.remote.outbox import OUTBOX_FILE
from desk.ui.demo_cases import demo_cases, type_values
from desk.ui.new_case import PAGE_PICK
from desk.ui.permissions import Screen

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def own_server(demo_city: City, tmp_path: Path) -> Iterator[CityServer]:
    """A server of its own in front of the city's database, to stop and start again (same port)."""
    server = CityServer(demo_city.server.database_url, demo_city.server.tls, tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def offline_desk(qtbot: QtBot, tmp_path: Path, own_server: CityServer,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], CityDesk]]:
    yield from city_desks(qtbot, tmp_path, own_server, monkeypatch)


def test_what_is_typed_while_the_server_is_away_is_kept_and_sent_when_it_is_back(
        offline_desk: Callable[[str], CityDesk], own_server: CityServer) -> None:
    desk = offline_desk("away")
    link = desk.app.city
    assert link is not None
    desk.sign_in("clerk")
    status = desk.window.status
    assert "已连接" in status.server_text()
    case = demo_cases(date.today())["household_split"]
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe(case.card)
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    desk.qtbot.keyClicks(view.picker.edt_search, case.search)
    desk.qtbot.keyClick(view.picker.edt_search, Qt.Key.Key_Return, delay=80)
    desk.wait(lambda: view.is_ready)
    number = view.saver.number
    assert number is not None
    type_values(view.form, {"split_reason": case.values["split_reason"]})
    desk.wait(lambda: view.saver.saves >= 1 and not view.saver.busy)

    own_server.stop()
    type_values(view.form, {"members_count": 3})
    desk.wait(lambda: "无法连接" in status.server_text())
    outbox = data_dir() / OUTBOX_FILE
    desk.wait(lambda: outbox.exists())
    assert stat.S_IMODE(outbox.stat().st_mode) == 0o600
    kept = json.loads(outbox.read_text(encoding="utf-8"))
    assert kept[number]["values"]["members_count"] == 3
    assert set(kept[number]) == {"version", "values", "kept_at"}  # what was typed, nothing more
    assert desk.window.isEnabled()  # the window stays usable meanwhile
    # A call the clerk makes meanwhile fails with the banner saying so…
    context = desk.app.context
    context.runner.run(lambda: context.core.queries.get(number), lambda _case: None, view._on_error)
    desk.wait(lambda: "无法连接城市服务器" in view.lbl_message.text() and view.lbl_message.isVisibleTo(view))

    status.BACK_NEWS_MS = 1500
    own_server.start()
    desk.wait(lambda: "已恢复" in status.server_text(), timeout=30_000)
    desk.wait(lambda: not outbox.exists())
    # …which goes once the server answers again (the kept draft saved), and "恢复连接" is news for a while.
    desk.wait(lambda: not view.lbl_message.isVisibleTo(view))
    desk.wait(lambda: status.server_text() == "城市服务器已连接", timeout=10_000)
    stored = desk.app.context.core.queries.get(number)
    assert stored.form_values["members_count"] == 3
    assert stored.form_values["split_reason"] == case.values["split_reason"]
