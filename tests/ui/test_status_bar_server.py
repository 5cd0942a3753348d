"""The status line's city-server word: before anyone signs in, nothing was typed to keep — the sign-in
screen said “已填写的内容保存在本机，恢复后自动发送” (and cut it in English)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desk.ui.status_bar import DeviceStatusBar


def test_an_unreachable_server_before_sign_in_is_said_in_few_words(qtbot: QtBot) -> None:
    bar = DeviceStatusBar()
    qtbot.addWidget(bar)
    bar.set_server_state(False)
    assert bar.server_text() == "城市服务器无法连接" and bar.lbl_server.property("level") == "bad"
    bar.set_user("张丽 · 工号 210031 · 窗口民警")  # signed in: what is typed now is kept on this PC
    assert bar.server_text() == "城市服务器无法连接：已填写的内容保存在本机，恢复后自动发送"
    bar.set_user("")  # signed out again
    assert bar.server_text() == "城市服务器无法连接"
    bar.set_server_state(True)
    assert bar.server_text() == "城市服务器已恢复连接"
