"""A work-around for a reference-counting bug of PySide6 6.12.0 that aborts the interpreter.

In PySide6 6.12.0, `SignalInstance.emit()` (and `.disconnect()` when it succeeds) return `True`
without taking a reference to it, so every call from Python takes one reference of `True` away.
After a few thousand emits the count reaches zero and CPython aborts with "Fatal Python error:
bool_dealloc: deallocating True or False" — a form emits on every keystroke, so a working day (or
one test run) gets there. Signals emitted by Qt itself (a check box's `toggled`) are not affected.

`install()` probes for the bug once and, only when it is present, wraps the two methods so they
give the reference back; on a fixed PySide6 it changes nothing. It is idempotent and process-wide
(the bug is process-wide too): `desk.forms` installs it on import, and an application's composition
root should call it before any signal is emitted.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16
_installed = False

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _steals_true(call: Callable[[], object]) -> bool:
    """True when each call leaves `True` with one reference fewer than before."""
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        call()
    lost = before - sys.getrefcount(True)
    if lost > 0:
        for _ in range(lost):
            _incref(True)  # give back what the probe itself took
    return lost >= _PROBES


def _giving_back(method: Callable[..., Any]) -> Callable[..., Any]:
    def fixed(self: SignalInstance, *args: Any, **kwargs: Any) -> Any:
        result = method(self, *args, **kwargs)
        if result is True:
            _incref(True)  # the reference PySide should have taken for the value it returned
        return result

    fixed.__name__ = getattr(method, "__name__", "fixed")
    fixed.__doc__ = method.__doc__
    return fixed


def install() -> bool:
    """Patch `SignalInstance.emit` / `.disconnect` if this PySide6 has the bug; True if patched now."""
    global _installed
    if _installed:
        return False
    _installed = True
    probe = _Probe()
    patched = False
    if _steals_true(probe.ping.emit):
        SignalInstance.emit = _giving_back(SignalInstance.emit)  # type: ignore[method-assign]
        patched = True

    def connect_and_disconnect() -> object:
        connection = probe.ping.connect(_nothing)
        return probe.ping.disconnect(connection)

    if _steals_true(connect_and_disconnect):
        SignalInstance.disconnect = _giving_back(SignalInstance.disconnect)  # type: ignore[method-assign]
        patched = True
    return patched


def _nothing() -> None:
    return None
