"""The PySide6 reference-count work-around: emitting from Python must not use up `True`."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import desk.forms  # noqa: F401 - installs the fix
from desk.forms import pyside_fixes


class _Sender(QObject):
    value_changed = Signal(object)


def test_emit_and_disconnect_leave_true_alone() -> None:
    sender = _Sender()
    received: list[object] = []
    before = sys.getrefcount(True)
    for _ in range(500):
        sender.value_changed.emit(False)
    connection = sender.value_changed.connect(received.append)
    sender.value_changed.disconnect(connection)
    # Without the fix each emit takes a reference of True away (500 here; a day at the desk, many more).
    assert sys.getrefcount(True) - before in (0, 1)
    assert received == []


def test_install_is_idempotent() -> None:
    assert pyside_fixes.install() is False
