"""The wipe: when a session ends (idle timeout, 结束, card taken), nothing of the citizen is left in
any widget of the kiosk, and the session object itself is gone."""

from __future__ import annotations

import gc
import weakref

from kiosk_fixtures import ZHANG_WEI, KioskUnderTest
from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QWidget

from desk.devices.card import IdCard
from desk.services.case_views import CaseView, CitizenView
from kiosk.plain_words import CaseSummary
from kiosk.session import KioskSession


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    texts = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            texts.append(str(model.data(index) or ""))
            texts.extend(_model_texts(model, index))
    return texts


def every_text(root: QWidget) -> list[str]:
    """Every text a widget of the window holds: labels, fields, buttons, item models."""
    texts = [label.text() for label in root.findChildren(QLabel)]
    texts += [edit.text() for edit in root.findChildren(QLineEdit)]
    texts += [button.text() for button in root.findChildren(QAbstractButton)]
    for view in root.findChildren(QAbstractItemView):
        if view.model() is not None:
            texts += _model_texts(view.model())
    return texts


def citizen_traces(texts: list[str], numbers: list[str]) -> list[str]:
    secrets = ["张伟", ZHANG_WEI, ZHANG_WEI[:4] + "*" * 10 + ZHANG_WEI[-4:], *numbers]
    return [text for text in texts if any(secret in text for secret in secrets)]


def live_objects_about(id_number: str, numbers: list[str]) -> list[object]:
    gc.collect()
    def about(obj: object) -> bool:
        if isinstance(obj, IdCard | CitizenView):
            return obj.id_number == id_number
        if isinstance(obj, CaseView):
            return obj.applicant.id_number == id_number
        return isinstance(obj, CaseSummary) and obj.number in numbers

    return [obj for obj in gc.get_objects() if about(obj)]


def _open_everything(kiosk: KioskUnderTest) -> list[str]:
    """A full session: my cases, the certificate screen (name shown), the rating's case list."""
    kiosk.start_card_session("zhang-wei")
    flow = kiosk.flow
    flow.home.btn_cases.click()
    kiosk.wait_screen("cases")
    numbers = [case.number for case in kiosk.kiosk.ctx.sessions.current.cases]  # type: ignore[union-attr]
    assert len(numbers) == 3
    flow.cases.btn_back.click()
    flow.home.btn_certificate.click()
    kiosk.wait_screen("certificate")
    flow.certificate.btn_back.click()
    flow.home.btn_rating.click()
    kiosk.wait_screen("rating")
    texts = every_text(kiosk.kiosk.window)
    assert citizen_traces(texts, numbers), "the session must show the citizen's data before the wipe"
    return numbers


def test_idle_timeout_wipes_widgets_and_memory(idle_kiosk: KioskUnderTest) -> None:
    kiosk = idle_kiosk
    # Objects about the same citizen that other tests of this run still hold (a city desk's fixture, a
    # cache) are not the kiosk's: only what appears from here on must be gone after the wipe.
    earlier = live_objects_about(ZHANG_WEI, [])
    numbers = _open_everything(kiosk)
    session = kiosk.kiosk.ctx.sessions.current
    assert isinstance(session, KioskSession)
    gone = weakref.ref(session)
    del session
    window = kiosk.kiosk.window
    # The countdown is visible while it runs, and the "still there?" banner comes before the end.
    assert "秒后自动退出" in window.lbl_countdown.text()
    kiosk.qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=4000)
    kiosk.wait_screen("attract", timeout=6000)
    assert kiosk.kiosk.ctx.sessions.current is None
    assert citizen_traces(every_text(window), numbers) == []
    kiosk.qtbot.waitUntil(lambda: kiosk.kiosk.ctx.runner.pending == 0)
    gc.collect()
    assert gone() is None
    assert [obj for obj in live_objects_about(ZHANG_WEI, numbers) if not any(obj is e for e in earlier)] == []


def test_continue_keeps_the_session(idle_kiosk: KioskUnderTest) -> None:
    kiosk = idle_kiosk
    kiosk.start_card_session("zhang-wei")
    window = kiosk.kiosk.window
    kiosk.qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=4000)
    window.btn_continue.click()
    assert not window.banner.isVisible()
    assert kiosk.kiosk.ctx.sessions.seconds_left() > 1.5
    assert kiosk.screen() == "home"


def test_finish_asks_for_the_card_then_wipes(kiosk: KioskUnderTest) -> None:
    numbers = _open_everything(kiosk)
    kiosk.kiosk.window.btn_end.click()
    assert kiosk.screen() == "take_card"
    assert citizen_traces(every_text(kiosk.kiosk.window), numbers) == []
    kiosk.sim.remove()
    kiosk.wait_screen("attract")
    # Taking the card away in the middle of a session does not end it (the citizen holds the card).
    kiosk.start_card_session("zhang-wei")
    kiosk.sim.remove()
    kiosk.qtbot.wait(400)
    assert kiosk.screen() == "home"


def test_a_new_card_replaces_the_session(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("zhang-wei")
    kiosk.sim.remove()
    kiosk.qtbot.waitUntil(lambda: kiosk.kiosk.ctx.health.reader_code == "ready")
    kiosk.sim.place("li-xiulan")
    kiosk.qtbot.waitUntil(lambda: kiosk.flow.home.lbl_greeting.text() == "您好，李秀兰")
    assert citizen_traces(every_text(kiosk.kiosk.window), []) == []
