"""The reader's Qt adapter: signals arrive on the GUI thread from the driver's thread, stop is clean."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.devices.card import IdCard
from desk.devices.reader import CardReaderDriver, ReaderState, ReaderStatus, Timeouts
from desk.devices.simulator import ReaderSimulator, load_cards
from desk.devices.transport import Backoff
from desk.qt.reader_worker import ReaderWorker

FAST = Timeouts(find=0.3, select=0.3, status=0.3, sam_id=0.3, extra_address=0.5, read=0.6)


@pytest.fixture
def sim() -> Iterator[ReaderSimulator]:
    with ReaderSimulator(load_cards()) as simulator:
        yield simulator


@pytest.fixture
def worker(sim: ReaderSimulator) -> Iterator[ReaderWorker]:
    driver = CardReaderDriver(sim.port, timeouts=FAST, poll_interval=0.02, backoff=Backoff(0.05, 0.2),
                              today=lambda: date(2026, 11, 25))
    reader = ReaderWorker(driver)
    yield reader
    assert reader.stop()


def is_waiting(status: ReaderStatus) -> bool:
    return status.state is ReaderState.WAITING


def test_cards_and_statuses_arrive_on_the_gui_thread(qtbot: QtBot, sim: ReaderSimulator,
                                                     worker: ReaderWorker) -> None:
    gui_thread = QApplication.instance().thread()  # type: ignore[union-attr]
    threads: list[bool] = []
    statuses: list[ReaderStatus] = []
    worker.status_changed.connect(lambda s: (statuses.append(s), threads.append(QThread.currentThread() == gui_thread)))
    worker.card_read.connect(lambda c: threads.append(QThread.currentThread() == gui_thread))

    with qtbot.waitSignal(worker.status_changed, check_params_cb=is_waiting, timeout=5000):
        worker.start()
    assert worker.is_running
    with qtbot.waitSignal(worker.card_read, timeout=5000) as blocker:
        sim.place("wang-rare")
    card = blocker.args[0]
    assert isinstance(card, IdCard) and card.name == "王𠮷"

    # F2: the same card again without lifting it.
    with qtbot.waitSignal(worker.card_read, timeout=5000) as blocker:
        worker.reread_requested.emit()
    assert blocker.args[0].id_number == card.id_number

    assert threads and all(threads)
    assert [s.state for s in statuses][:2] == [ReaderState.CONNECTING, ReaderState.WAITING]


def test_unplug_is_reported_and_recovered(qtbot: QtBot, sim: ReaderSimulator, worker: ReaderWorker) -> None:
    with qtbot.waitSignal(worker.status_changed, check_params_cb=is_waiting, timeout=5000):
        worker.start()
    with qtbot.waitSignal(worker.status_changed, timeout=5000,
                          check_params_cb=lambda s: s.state is ReaderState.DISCONNECTED):
        sim.unplug(duration=0.2)
    with qtbot.waitSignal(worker.status_changed, check_params_cb=is_waiting, timeout=5000):
        pass
    with qtbot.waitSignal(worker.card_read, timeout=5000):
        sim.place(0)


def test_stop_is_clean_and_the_worker_can_restart(qtbot: QtBot, sim: ReaderSimulator,
                                                  worker: ReaderWorker) -> None:
    with qtbot.waitSignal(worker.status_changed, check_params_cb=is_waiting, timeout=5000):
        worker.start()
    with qtbot.waitSignal(worker.stopped, timeout=5000):
        assert worker.stop(timeout_ms=2000)
    assert not worker.is_running
    qtbot.waitUntil(lambda: worker._thread is None, timeout=2000)
    with qtbot.waitSignal(worker.card_read, timeout=5000):
        sim.place(0)
        worker.start()
