"""At the counter: the citizen's QR code, scanned into the running desk, opens the pre-filled case in the
new-case flow (the clerk only checks the originals); scanned again, the same case opens."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from online_samples import PHONE
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk.core import Core
from desk.devices.card import IdCard
from desk.domain.clock import FixedClock
from desk.domain.online import OnlineState
from desk.domain.scan_shape import looks_like_scan
from desk.domain.workdays import WorkingCalendar
from desk.paths import holidays_dir
from desk.services.demo import DEMO_PASSWORD, build_demo
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.store.models import Citizen
from desk.ui.bootstrap import DeskApp, DeskOptions
from tests.app_teardown import close_desk

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


@pytest.fixture
def running(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[DeskApp, Core]]:
    catalog, calendar = shipped_catalog(), WorkingCalendar.from_folder(holidays_dir())
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    build_demo(store, catalog, calendar, residents=5, cases=0, today=NOW.date())
    core = Core(store, catalog, calendar, FixedClock(NOW), Settings(station_code="HP01"))
    app = DeskApp(QApplication.instance(), lambda: core,  # type: ignore[arg-type]
                  DeskOptions(settings=Settings(printer=f"pdf:{tmp_path / 'printed'}", idle_lock_minutes=60),
                              spool_dir=tmp_path / "spool", start_reader=False))
    app.start()
    qtbot.waitUntil(lambda: app.context.core_ready, timeout=10_000)
    yield app, core
    close_desk(app)


def test_the_citizens_qr_opens_the_prefilled_case_at_the_counter(qtbot: QtBot,
                                                                 running: tuple[DeskApp, Core]) -> None:
    app, core = running
    with core.store.read() as session:
        id_number = session.execute(select(Citizen.id_number).order_by(Citizen.id).limit(1)).scalar_one()
    online = core.online
    online.send_code(id_number, PHONE)
    code = re.search(r"验证码 (\d{6})", online.outbox(PHONE)[-1].text)
    assert code is not None
    citizen = online.citizen(online.sign_in(id_number, code.group(1)))
    assert citizen is not None
    values = {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True, "contact_phone": PHONE}
    sent = online.submit(citizen, "HP01", "booklet_reissue", values)
    assert looks_like_scan(sent.qr_payload)

    window = app.window
    window.sign_in.edt_username.setText("clerk")
    window.sign_in.edt_password.setText(DEMO_PASSWORD)
    window.sign_in.btn_sign_in.click()
    qtbot.waitUntil(lambda: app.context.session is not None and window.workspace_ready, timeout=10_000)

    card = IdCard("resident", "持卡人", "男", "1", "汉", "01", None, "辽宁省沈阳市和平区", id_number,
                  "沈阳市公安局和平分局", None, None, "长期", b"")
    window.on_card(card)  # the swiped citizen applied online: the clerk is told how to take it in
    qtbot.waitUntil(lambda: sent.number in window.statusBar().currentMessage(), timeout=10_000)

    window.on_scanned(sent.qr_payload)
    qtbot.waitUntil(lambda: window.new_case.number is not None, timeout=10_000)
    assert window.current_screen() is window.new_case
    assert window.new_case.form is not None
    case_number = window.new_case.number
    assert online.for_citizen(citizen, sent.number).case_number == case_number
    assert online.for_citizen(citizen, sent.number).state is OnlineState.CONVERTED
    assert window.new_case.form.values()["loss_reason"] == "lost"
