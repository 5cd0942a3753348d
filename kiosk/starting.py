"""The kiosk's first picture: "正在启动" on the kiosk's colours and moving dots, shown before the store,
the catalog and the screens are loaded (on a worker: kiosk/launch.py, so the dots keep moving).
Without it a kiosk (re)start was a black screen for 3–6 s (17 s with the demo's first data) while
`build_kiosk` ran: systemd restarts the kiosk after a fault or the staff exit, and a citizen in
front of it saw nothing.

Light on purpose: PySide6 and kiosk.lockdown only, so it shows before the heavy imports.
Thread contract: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from kiosk.lockdown import fill_screen, lock_window

STARTING_ZH = "自助服务终端正在启动，请稍候…"
STARTING_EN = "The self-service kiosk is starting, please wait…"
_STYLE = """
QWidget#kiosk_starting { background: #0b3a6e; }
QLabel { color: #ffffff; font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
QLabel#starting_zh { font-size: 44px; font-weight: bold; }
QLabel#starting_en { font-size: 30px; }
QLabel#starting_progress { font-size: 40px; color: #ffd166; }
"""
PROGRESS_MS = 300  # the moving dots: the screen is alive while the kiosk loads behind it
PROGRESS_DOTS = 5


class StartingScreen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kiosk_starting")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle("自助服务终端 · Self-service kiosk")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.lbl_zh = QLabel(STARTING_ZH, self)
        self.lbl_zh.setObjectName("starting_zh")
        self.lbl_en = QLabel(STARTING_EN, self)
        self.lbl_en.setObjectName("starting_en")
        self.lbl_progress = QLabel(self)
        self.lbl_progress.setObjectName("starting_progress")
        self.ticks = 0
        self._progress = QTimer(self)
        self._progress.setInterval(PROGRESS_MS)
        self._progress.timeout.connect(self._step)
        self._progress.start()
        self._step()
        column = QVBoxLayout(self)
        column.addStretch(1)
        for label in (self.lbl_zh, self.lbl_en, self.lbl_progress):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            column.addWidget(label)
        column.addStretch(1)


    def _step(self) -> None:
        """One more dot lit, round and round: a frozen screen would stop them."""
        lit = self.ticks % PROGRESS_DOTS
        self.lbl_progress.setText(" ".join("●" if index == lit else "○" for index in range(PROGRESS_DOTS)))
        self.ticks += 1


def show_starting(*, windowed: bool = False) -> StartingScreen:
    """The application (made here when there is none yet) and its starting screen, painted now: the
    build that follows holds the GUI thread."""
    app = QApplication.instance() or QApplication(["desk-kiosk"])
    assert isinstance(app, QApplication)
    screen = StartingScreen()
    if windowed:
        lock_window(screen, windowed=True)
    else:
        screen.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.Window)
        fill_screen(screen)
    for _ in range(3):  # map, lay out, paint
        app.processEvents()
    screen.repaint()
    app.processEvents()
    return screen
