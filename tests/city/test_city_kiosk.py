"""A kiosk in city mode (the real kiosk app, its reader simulator and PDF printer) against the real
`desk server` over TLS: it signs in as a kiosk device session with its own account, a citizen's
card opens 我的办件 from the city's register, a queue ticket is printed from the server's PDF, a case
waiting for papers reprints its 一次性告知书 (打印补交清单) and takes a ticket linked to it (取号补交) for
its card holder only, a certificate's preview left unprinted is recorded — and the kiosk's session
cannot take a desk action (refused with a message and an audit entry)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from city_server import PASSWORD, City
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk.devices.reader import Timeouts
from desk.devices.transport import Backoff
from desk.domain.clock import Clock
from desk.domain.errors import DeskError, NotFound, PermissionDenied
from desk.services.demo import DEMO_PASSWORD
from desk.services.keys import KeyService
from desk.services.online import Citizen, OnlineService
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.models import AuditEntry, QueueTicket
from desk.store.models import Citizen as CitizenRow
from kiosk.bootstrap import KioskApp, KioskOptions, build_kiosk
from kiosk.remote_backend import RemoteKioskBackend, kiosk_password
from tests.app_teardown import close_kiosk

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

FAST_READER = Timeouts(find=0.3, select=0.3, status=0.3, sam_id=0.3, extra_address=0.5, read=0.6)


def kiosk_settings(city: City, tmp_path: Path) -> Settings:
    password_file = tmp_path / "kiosk-password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    password_file.chmod(0o600)
    return Settings(server_url=city.server.base_url.removesuffix("/api/v1"), server_ca=str(city.server.tls.ca_cert),
                    kiosk_code="K07", kiosk_user="kiosk01", kiosk_password_file=str(password_file),
                    reader_port="simulator", printer=f"pdf:{tmp_path / 'printed'}")


@pytest.fixture
def city_kiosk(qtbot: QtBot, tmp_path: Path, demo_city: City) -> Iterator[KioskApp]:
    options = KioskOptions(spool_dir=tmp_path / "spool", hold_seconds=0.3, heartbeat_ms=400, message_seconds=30,
                           print_timeout_ms=8000, reader_timeouts=FAST_READER, reader_poll_seconds=0.03,
                           reader_backoff=Backoff(0.05, 0.2), tick_ms=100)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kiosk = build_kiosk(app, options, settings=kiosk_settings(demo_city, tmp_path))
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    kiosk.start()
    qtbot.waitUntil(lambda: kiosk.ctx.health.reader_ok, timeout=8000)
    try:
        yield kiosk
    finally:
        close_kiosk(kiosk)


def test_a_city_kiosk_shows_my_cases_and_prints_a_ticket(city_kiosk: KioskApp, qtbot: QtBot, tmp_path: Path,
                                                          demo_city: City) -> None:
    backend = city_kiosk.ctx.backend
    assert isinstance(backend, RemoteKioskBackend)
    assert backend.connection.kind == "kiosk" and backend.connection.device_id == "K07"
    flow, window = city_kiosk.flow, city_kiosk.window
    # The heartbeat signed the kiosk in; the attract screen names the station from the server.
    qtbot.waitUntil(lambda: backend.connection.user is not None, timeout=10_000)
    assert city_kiosk.simulator is not None
    city_kiosk.simulator.place("zhang-wei")
    qtbot.waitUntil(lambda: window.current_name == "home", timeout=15_000)
    assert flow.home.lbl_greeting.text() == "您好，张伟"
    flow.home.btn_cases.click()
    qtbot.waitUntil(lambda: window.current_name == "cases", timeout=15_000)
    shown = " ".join(label.text() for label in flow.cases.findChildren(type(flow.home.lbl_id)))
    assert "我的办件" in shown
    # The server audited the card read, the record view and the kiosk's own events under its code.
    with demo_city.store.read() as session:
        kiosk_events = list(session.execute(select(AuditEntry.action).where(
            AuditEntry.entity_type == "kiosk", AuditEntry.entity_id == "K07")).scalars())
    assert {"kiosk.session_started", "kiosk.progress_query"} <= set(kiosk_events)

    ticket = backend.take_ticket("birth_registration", None)
    assert ticket.number.startswith("A") and ticket.pdf.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(ticket.pdf)).pages)
    assert "排队号" in text and ticket.number in text
    # In the citizen's language: the server prints the slip in English when the kiosk speaks English.
    english = backend.take_ticket("birth_registration", None, language="en")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(english.pdf)).pages)
    assert "Queue ticket" in text and "Birth registration" in text and english.number in text
    # The hall TV's board (a kiosk device of the station too) lists the new number as waiting.
    board = backend.hall_board()
    assert board.waiting >= 1 and ticket.number in board.upcoming and board.station_name


def test_a_kiosk_session_cannot_take_a_desk_action(city_kiosk: KioskApp, demo_city: City) -> None:
    backend = city_kiosk.ctx.backend
    assert isinstance(backend, RemoteKioskBackend)
    backend.station_facts()  # signed in as a kiosk session
    with pytest.raises(PermissionDenied) as refused:
        backend.connection.call("GET", "/cases/today")
    assert refused.value.code == "kiosk_session" and "自助机" in refused.value.message_zh
    with pytest.raises(PermissionDenied) as refused:
        backend.connection.call("POST", "/cases/HP01-20260101-0001/approve", {"expected_version": 1})
    assert refused.value.code == "kiosk_session"
    with demo_city.store.read() as session:
        refusals = list(session.execute(select(AuditEntry).where(
            AuditEntry.action == "server.refused", AuditEntry.actor == "kiosk01")).scalars())
    assert {r.details["code"] for r in refusals} == {"kiosk_session"}
    assert {r.details["device"] for r in refusals} == {"K07"}


def test_a_kiosk_password_file_others_can_read_is_refused(tmp_path: Path, demo_city: City) -> None:
    settings = kiosk_settings(demo_city, tmp_path)
    Path(settings.kiosk_password_file).chmod(0o644)
    with pytest.raises(DeskError) as refused:
        kiosk_password(settings)
    assert "chmod 600" in refused.value.message_en


def test_a_city_kiosk_shows_an_online_application_to_its_card_holder_only(city_kiosk: KioskApp, qtbot: QtBot,
                                                                         demo_city: City) -> None:
    online = OnlineService(demo_city.store, shipped_catalog(), Clock())
    booklet = {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True,
               "contact_phone": "13912345678"}
    mine = online.submit(Citizen("210102198503121239", "13912345678"), "HP01", "booklet_reissue", booklet)
    theirs = online.submit(Citizen("210103196211082511", "13812345678"), "HP01", "booklet_reissue", booklet)
    flow, window = city_kiosk.flow, city_kiosk.window
    assert city_kiosk.simulator is not None
    city_kiosk.simulator.place("zhang-wei")
    qtbot.waitUntil(lambda: window.current_name == "home", timeout=15_000)
    flow.on_scanned(mine.qr_payload)  # from the server, over the kiosk session
    qtbot.waitUntil(lambda: mine.number in flow.message.lbl_text.text(), timeout=15_000)
    assert "等待预审" in flow.message.lbl_text.text()
    flow.on_scanned(theirs.qr_payload)  # someone else's application reads as not found
    qtbot.waitUntil(lambda: "没有找到" in flow.message.lbl_title.text(), timeout=15_000)
    assert theirs.number not in flow.message.lbl_text.text()
    with demo_city.store.read() as session:
        queries = [e.details for e in session.execute(select(AuditEntry).where(
            AuditEntry.action == "kiosk.progress_query", AuditEntry.entity_id == "K07")).scalars()]
    assert {"online": 1, "state": "submitted"} in queries


ZHANG_WEI = "210102198503121239"  # the simulator's card "zhang-wei"
BOOKLET = {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True,
           "contact_phone": "13912345678"}


def _waiting_for_papers(city: City, username: str, password: str) -> tuple[str, str]:
    """A case of 张伟's that waits for papers (一次性告知 at the caller's station): its number and the
    serial of the notice the desk issued."""
    desk = city.server.client(f"desk-{username}")
    try:
        assert desk.sign_in(username, password).status_code == 200
        card = {"id_number": ZHANG_WEI, "name": "张伟", "sex": "male", "nation": "汉", "birth_date": "1985-03-12",
                "address": "辽宁省沈阳市和平区"}
        assert desk.post("/citizens", card).status_code == 200
        draft = desk.post("/cases", {"applicant_id_number": ZHANG_WEI, "transaction_code": "booklet_reissue",
                                     "values": BOOKLET})
        assert draft.status_code == 200, draft.text
        asked = desk.post(f"/cases/{draft.json()['number']}/supplement", {"expected_version": draft.json()["version"]})
        assert asked.status_code == 200, asked.text
        [notice] = [p for p in asked.json()["papers"] if p["kind"] == "supplement_notice"]
        return draft.json()["number"], notice["serial"]
    finally:
        desk.close()


def test_a_city_kiosk_reprints_its_card_holders_supplement_notice(city_kiosk: KioskApp, qtbot: QtBot,
                                                                  demo_city: City) -> None:
    backend = city_kiosk.ctx.backend
    assert isinstance(backend, RemoteKioskBackend)
    number, serial = _waiting_for_papers(demo_city, "clerk", DEMO_PASSWORD)
    paper = backend.supplement_notice(ZHANG_WEI, number)  # 打印补交清单: the desk's notice, its serial kept
    assert paper.serial == serial
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(paper.pdf)).pages).replace(" ", "")
    assert "一次性告知书" in text and number in text
    with demo_city.store.read() as session:
        events = [e.details for e in session.execute(select(AuditEntry).where(
            AuditEntry.action == "kiosk.supplement_notice", AuditEntry.entity_id == "K07")).scalars()]
    assert events == [{"serial": serial}]  # no name, no ID number in the kiosk's log
    with pytest.raises(NotFound):  # another person's card: as if there were no such case
        backend.supplement_notice("210103196211082511", number)
    # 张伟's case at another station: refused, and the refusal audited under the kiosk's account.
    elsewhere, _serial = _waiting_for_papers(demo_city, "leader_nsc", PASSWORD)
    with pytest.raises(PermissionDenied) as refused:
        backend.supplement_notice(ZHANG_WEI, elsewhere)
    assert refused.value.code == "other_station"
    with demo_city.store.read() as session:
        refusals = [e.entity_id for e in session.execute(select(AuditEntry).where(
            AuditEntry.action == "server.refused", AuditEntry.actor == "kiosk01")).scalars()]
    assert elsewhere in refusals


def registered_resident(city: City) -> str:
    """The ID number of a demo resident whose register entry a 户籍证明 can be issued from (the station's
    signing key made on the server's machine first, as `desk keys create` does)."""
    KeyService(city.store, Clock(), Path(city.server.work) / "server-keys").ensure_demo_key("HP01")
    with city.store.read() as session:
        return session.execute(select(CitizenRow.id_number).where(
            CitizenRow.household_head.is_not(None), CitizenRow.relationship_to_head.is_not(None),
            CitizenRow.registered_on.is_not(None)).order_by(CitizenRow.id).limit(1)).scalar_one()


def test_a_city_kiosk_records_a_certificate_preview_left_unprinted(city_kiosk: KioskApp, demo_city: City) -> None:
    backend = city_kiosk.ctx.backend
    assert isinstance(backend, RemoteKioskBackend)
    certificate = backend.household_certificate(registered_resident(demo_city), "入学")
    backend.preview_cancelled(certificate.serial)  # 返回 on the preview: the certificate never left the kiosk
    with demo_city.store.read() as session:
        events = [e.details for e in session.execute(select(AuditEntry).where(
            AuditEntry.action == "kiosk.preview_cancelled", AuditEntry.entity_id == "K07")).scalars()]
    assert events == [{"serial": certificate.serial}]
    _number, desk_serial = _waiting_for_papers(demo_city, "clerk", DEMO_PASSWORD)
    for serial in (desk_serial, "ZM-NO-SUCH-PAPER"):  # a paper the desk issued, no paper: not this kiosk's
        with pytest.raises(NotFound) as refused:
            backend.preview_cancelled(serial)
        assert refused.value.message_key == "kiosk.paper_not_found"


def test_a_city_kiosk_links_a_supplement_ticket_to_its_card_holders_case(city_kiosk: KioskApp,
                                                                          demo_city: City) -> None:
    backend = city_kiosk.ctx.backend
    assert isinstance(backend, RemoteKioskBackend)
    number, _serial = _waiting_for_papers(demo_city, "clerk", DEMO_PASSWORD)
    taken = backend.take_ticket("booklet_reissue", ZHANG_WEI, case_number=number)  # 取号补交
    with demo_city.store.read() as session:
        linked = session.execute(select(QueueTicket.case_number).where(
            QueueTicket.station_code == "HP01", QueueTicket.number == taken.number,
            QueueTicket.day == Clock().today())).scalar_one()
        issued = session.execute(select(AuditEntry.details).where(
            AuditEntry.action == "ticket.issued", AuditEntry.entity_id == f"{Clock().today():%Y%m%d}-{taken.number}")
            .order_by(AuditEntry.seq.desc()).limit(1)).scalar_one()
    assert linked == number and issued["case"] == number
    with pytest.raises(NotFound):  # another person's card: no ticket for a case not theirs
        backend.take_ticket("booklet_reissue", "210103196211082511", case_number=number)
    elsewhere, _serial = _waiting_for_papers(demo_city, "leader_nsc", PASSWORD)
    with pytest.raises(PermissionDenied) as refused:
        backend.take_ticket("booklet_reissue", ZHANG_WEI, case_number=elsewhere)
    assert refused.value.code == "other_station"
    # The citizen reads it at the kiosk: the station by its name and where to go, not a staff rule.
    assert "沈阳市公安局和平分局南市场派出所" in refused.value.message_zh
    assert "到该所窗口" in refused.value.message_zh and "HP02" not in refused.value.message_zh


def _card_showing(city_kiosk: KioskApp, qtbot: QtBot, number: str):  # type: ignore[no-untyped-def]
    """The case card that shows `number`, turning 我的办件's pages until one does."""
    cases = city_kiosk.flow.cases
    while cases.pager.page > 0:
        cases.pager.btn_previous.click()
    for _page in range(len(cases.page_sizes())):
        shown = [card for card in cases.cards if card.isVisible() and card.number == number]
        if shown:
            return shown[0]
        cases.pager.btn_next.click()
    raise AssertionError(f"no card shows {number}")


def test_a_city_kiosk_sends_the_citizen_to_the_station_holding_a_case(city_kiosk: KioskApp, qtbot: QtBot,
                                                                       demo_city: City) -> None:
    """我的办件 offered 取号补交 and 打印补交清单 for a case waiting for papers at ANOTHER station: 取号补交
    ended two screens later in a refusal. The card now names the station holding the case and sends the
    citizen there, without the actions this kiosk cannot take; its own station's case keeps them."""
    here, _serial = _waiting_for_papers(demo_city, "clerk", DEMO_PASSWORD)
    elsewhere, _serial = _waiting_for_papers(demo_city, "leader_nsc", PASSWORD)
    flow, window = city_kiosk.flow, city_kiosk.window
    assert city_kiosk.simulator is not None
    city_kiosk.simulator.place("zhang-wei")
    qtbot.waitUntil(lambda: window.current_name == "home", timeout=15_000)
    flow.home.btn_cases.click()
    qtbot.waitUntil(lambda: window.current_name == "cases" and bool(flow.cases.page_sizes()[0]), timeout=15_000)
    # The case the citizen can act on here comes first, then the one to take elsewhere.
    assert flow.cases.cards[0].number == here
    other = _card_showing(city_kiosk, qtbot, elsewhere)
    assert other.lbl_held_by.isVisible()
    assert other.lbl_held_by.text() == "受理单位：沈阳市公安局和平分局南市场派出所"
    assert "到该所窗口补交" in other.lbl_next.text() and "南市场派出所" in other.lbl_next.text()
    assert other.lbl_missing.isVisible()  # what to bring there is still said
    assert not other.btn_ticket_supplement.isVisible() and not other.btn_print_supplement.isVisible()
    mine = _card_showing(city_kiosk, qtbot, here)
    assert not mine.lbl_held_by.isVisible()
    assert mine.btn_ticket_supplement.isVisible() and mine.btn_print_supplement.isVisible()
    # In English: the same, in the citizen's words.
    window.btn_language.click()
    other = _card_showing(city_kiosk, qtbot, elsewhere)
    assert other.lbl_held_by.text().startswith("Handled by: ") and "南市场派出所" in other.lbl_held_by.text()
    assert "that station's counter" in other.lbl_next.text()


def test_the_ticket_route_names_the_station_holding_a_case_in_the_citizens_language(
        city_kiosk: KioskApp, qtbot: QtBot, demo_city: City) -> None:
    """What the kiosk no longer offers (an older kiosk, a crafted call) the server still refuses; the refusal
    is read by the citizen, so the station is named in English where it has an English name."""
    elsewhere, _serial = _waiting_for_papers(demo_city, "leader_nsc", PASSWORD)
    demo_city.users.save_station("HP02", "沈阳市公安局和平分局南市场派出所", name_en="Nanshichang Police Station")
    backend = city_kiosk.ctx.backend
    assert isinstance(backend, RemoteKioskBackend)
    qtbot.waitUntil(lambda: backend.connection.user is not None, timeout=10_000)
    holder = demo_city.store
    with holder.read() as session:
        id_number = session.scalars(select(CitizenRow.id_number).where(CitizenRow.name == "张伟")).first()
    with pytest.raises(DeskError) as refused:
        backend.take_ticket(None, id_number, case_number=elsewhere)
    assert refused.value.code == "other_station"
    assert "南市场派出所" in refused.value.message_zh
    assert "Nanshichang Police Station" in refused.value.message_en and "南市场" not in refused.value.message_en
