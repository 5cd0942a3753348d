"""Keeping the kiosk locked: no window close, no key sequence that leaves the app, a hidden staff exit.

`LockdownFilter` is an application-wide event filter (installed on the QApplication, so it sees every
event before any widget or shortcut does):
- it swallows Alt+F4, Ctrl+W, Ctrl+Q, Esc, Alt+Tab / Alt+Shift+Tab, Ctrl+Esc, Alt+Esc, the Super
  keys, F11 and every other Alt/Meta/Ctrl combination (a kiosk has no use for them) — both the key
  presses and the ShortcutOverride that would let a shortcut fire;
- it refuses Close events for the kiosk window until `unlock()` (the staff exit) is called;
- it reports every touch, click and key as `activity` (the idle clock restarts);
- a press held `hold_seconds` (3 s) in the top-left corner of the window emits
  `staff_exit_requested` — the PIN screen then decides.

What the application cannot stop (the compositor's own shortcuts, virtual-terminal switching,
Ctrl+Alt+Del) is stopped by running it as the only client of a kiosk compositor: docs/kiosk.md.

Thread contract: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

_BLOCKED_KEYS = frozenset({
    Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_F11, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
    Qt.Key.Key_Meta, Qt.Key.Key_Menu, Qt.Key.Key_Close, Qt.Key.Key_Exit, Qt.Key.Key_Back,
    Qt.Key.Key_TopMenu, Qt.Key.Key_PowerOff, Qt.Key.Key_Sleep, Qt.Key.Key_Suspend, Qt.Key.Key_Hibernate,
})
_BLOCKING_MODIFIERS = (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
                       | Qt.KeyboardModifier.ControlModifier)
_ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel,
})
CORNER_PX = 90  # the staff corner: a 90 × 90 px square (22 mm) at the top left


def is_blocked_key(event: QKeyEvent) -> bool:
    """True for a key (or combination) the kiosk must never act on."""
    if event.key() in _BLOCKED_KEYS:
        return True
    return bool(event.modifiers() & _BLOCKING_MODIFIERS)


class LockdownFilter(QObject):
    activity = Signal()
    staff_exit_requested = Signal()

    def __init__(self, window: QWidget, *, hold_seconds: float = 3.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._locked = True
        self.swallowed = 0  # events refused so far (for tests and the log)
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(round(hold_seconds * 1000))
        self._hold.timeout.connect(self._on_held)

    @property
    def locked(self) -> bool:
        return self._locked

    def unlock(self) -> None:
        """After a good staff PIN: the window may now close."""
        self._locked = False

    def lock(self) -> None:
        self._locked = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY:
            self.activity.emit()
        if not self._locked:
            return False
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride) and isinstance(
                event, QKeyEvent) and is_blocked_key(event):
            # An accepted ShortcutOverride tells Qt "a widget takes this key": no shortcut fires.
            event.accept()
            self.swallowed += 1
            return True
        if kind == QEvent.Type.Close and watched is self._window:
            event.ignore()
            self.swallowed += 1
            return True
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._maybe_start_hold(event)
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._hold.stop()
        elif kind in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate) and self._hold.isActive():
            point = self._global_point(event)
            if point is not None and not self._in_corner(point):
                self._hold.stop()
        return False

    def _maybe_start_hold(self, event: QEvent) -> None:
        point = self._global_point(event)
        if point is not None and self._in_corner(point):
            self._hold.start()

    @staticmethod
    def _global_point(event: QEvent) -> QPoint | None:
        if isinstance(event, QMouseEvent):
            return event.globalPosition().toPoint()
        if isinstance(event, QTouchEvent) and event.points():
            return event.points()[0].globalPosition().toPoint()
        return None

    def _in_corner(self, global_point: QPoint) -> bool:
        local = self._window.mapFromGlobal(global_point)
        return 0 <= local.x() < CORNER_PX and 0 <= local.y() < CORNER_PX

    @Slot()
    def _on_held(self) -> None:
        self.staff_exit_requested.emit()


def lock_window(window: QWidget, *, windowed: bool = False) -> None:
    """Frameless and full screen (on top of everything); `windowed` for development only."""
    if windowed:
        window.resize(1920 // 2, 1080 // 2)
        window.show()
        return
    window.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
                          | Qt.WindowType.Window)
    window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    fill_screen(window)


def fill_screen(window: QWidget) -> None:
    """Full screen also on a bare X server (the kiosk's deploy/kiosk-x11.service runs no window
    manager): `showFullScreen()` only asks a window manager for it, and without one the window keeps
    its own size in the corner with the desktop showing beside it. So the window is also given the
    screen's geometry, and follows it when the screen changes (a monitor swapped, the resolution set)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    window.setGeometry(screen.geometry())
    window.showFullScreen()
    screen.geometryChanged.connect(window.setGeometry)
