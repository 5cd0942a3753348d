"""The kiosk and the hall screen fill the screen on a bare X server — no window manager, as the kiosk's
deploy/kiosk-x11.service runs it. `showFullScreen()` alone only asks a window manager; without one the
window stayed at its own size in the corner with the desktop beside it (found driving the kiosk under
Xvfb). A real X server (Xvfb) and Qt's xcb platform, in a child process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
from kiosk.lockdown import fill_screen, lock_window
app = QApplication([])
window = QLabel("自助服务终端")
window.resize(397, 512)
(lock_window if sys.argv[1] == "kiosk" else fill_screen)(window)
for _ in range(50):
    app.processEvents()
screen = app.primaryScreen().geometry()
shown = window.geometry()
print(screen.width(), screen.height(), shown.x(), shown.y(), shown.width(), shown.height())
"""


@pytest.fixture()
def bare_x(tmp_path: Path) -> Iterator[str]:
    """An Xvfb display of 1366×768 with no window manager."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed (scripts/debian-packages.txt installs it)")
    display = f":{200 + os.getpid() % 500}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    deadline = time.monotonic() + 20
    while not socket.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"Xvfb did not start on {display}")
        time.sleep(0.05)
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("how", ["kiosk", "hall"])
def test_the_window_fills_a_screen_without_a_window_manager(bare_x: str, how: str, tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": bare_x, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run([sys.executable, "-c", PROBE, how], env=env, cwd=tmp_path, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    width, height, x, y, shown_width, shown_height = map(int, done.stdout.split())
    assert (width, height) == (1366, 768)
    assert (x, y, shown_width, shown_height) == (0, 0, 1366, 768)
