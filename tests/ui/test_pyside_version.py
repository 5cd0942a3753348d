"""Guard against PySide6 releases that lose a reference to True on every Python-side emit.

PySide6 6.12.0 does (`SignalInstance.emit()` and `disconnect()` return True without a new reference):
on Python 3.11 the interpreter aborts with "bool_dealloc" after a few thousand emits. The project pins
a release without the bug; this test fails loudly if a future pin brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    value_changed = Signal(object)


def test_emit_and_disconnect_keep_the_reference_to_true() -> None:
    sender = _Sender()
    received: list[object] = []
    before = sys.getrefcount(True)
    for _ in range(500):
        sender.value_changed.emit(False)
    connection = sender.value_changed.connect(received.append)
    sender.value_changed.disconnect(connection)
    assert sys.getrefcount(True) - before in (0, 1)
    assert received == []
