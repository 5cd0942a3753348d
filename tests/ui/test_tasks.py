"""The task runner: work runs off the GUI thread, results and errors come back on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.qt.tasks import SynchronousTaskRunner, TaskRunner


def test_result_delivered_on_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui_thread = QApplication.instance().thread()  # type: ignore[union-attr]
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker_is_gui"] = QThread.currentThread() == gui_thread
        return 42

    def done(value: object) -> None:
        seen["value"] = value
        seen["callback_is_gui"] = QThread.currentThread() == gui_thread

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False, timeout=5000):
        runner.run(work, done)
    assert seen == {"worker_is_gui": False, "value": 42, "callback_is_gui": True}


def test_error_delivered_and_runner_survives(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []
    release = threading.Event()

    def boom() -> None:
        release.wait(5)
        raise RuntimeError("printer on fire")

    runner.run(boom, on_error=errors.append)
    assert runner.pending == 1  # the GUI thread did not wait
    release.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "printer on fire"
    results: list[object] = []
    runner.run(lambda: "again", results.append)
    qtbot.waitUntil(lambda: results == ["again"], timeout=5000)


def test_synchronous_runner() -> None:
    runner = SynchronousTaskRunner()
    out: list[object] = []
    runner.run(lambda: 1, out.append)
    runner.run(lambda: 1 / 0, on_error=out.append)
    assert out[0] == 1 and isinstance(out[1], ZeroDivisionError)
