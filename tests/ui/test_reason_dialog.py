"""The refusal dialog (不予受理 / 不予批准): the grounds list and a box of several lines in one dialog, our own
plain buttons, the prompts' full-width colons — it was two bare QInputDialogs with stock icons."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from desk.ui.dialogs import Asker
from desk.ui.reason_dialog import TEXT_LINES, PasswordDialog, ReasonDialog

GROUNDS = ["申请事项依法不需要取得行政许可", "申请事项依法不属于本机关职权范围", "经一次性告知后逾期未补正"]


def test_a_ground_and_the_circumstances_are_both_needed(qtbot: QtBot) -> None:
    dialog = ReasonDialog(None, "不予受理", "请说明本案的具体情况（将打印在通知书上）：", GROUNDS, "不予受理的理由：")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.lst_grounds.isVisible() and dialog.lst_grounds.count() == len(GROUNDS)
    assert dialog.lbl_grounds.text().endswith("：") and dialog.lbl_prompt.text().endswith("：")
    edit = dialog.edt_reason
    assert edit.height() >= edit.fontMetrics().lineSpacing() * TEXT_LINES
    buttons = dialog.box_buttons.findChildren(QPushButton)
    assert {b.text() for b in buttons} == {"确定", "取消"}
    assert all(b.icon().isNull() for b in buttons)  # no stock icons
    assert not dialog.btn_ok.isEnabled()
    edit.setPlainText("  申请人的户口不在本所辖区。\n已告知到户籍地派出所申请。 ")
    assert not dialog.btn_ok.isEnabled(), "no ground chosen yet (a current row from focus is no choice)"
    dialog.lst_grounds.item(1).setSelected(True)
    assert dialog.btn_ok.isEnabled()
    assert dialog.ground() == 1 and dialog.reason() == "申请人的户口不在本所辖区。\n已告知到户籍地派出所申请。"
    edit.setPlainText("   ")
    assert not dialog.btn_ok.isEnabled()


def test_a_reason_alone_has_no_grounds_list(qtbot: QtBot) -> None:
    dialog = ReasonDialog(None, "不予批准", "请填写不予批准的理由：")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.lst_grounds.isVisible()
    dialog.edt_reason.setPlainText("材料与事实不符。")
    assert dialog.btn_ok.isEnabled() and dialog.ground() is None
    assert dialog.box_buttons.buttonRole(dialog.btn_ok) is QDialogButtonBox.ButtonRole.AcceptRole


def test_the_asker_returns_what_the_dialog_holds(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[ReasonDialog] = []

    def answer(dialog: ReasonDialog) -> int:
        shown.append(dialog)
        qtbot.addWidget(dialog)
        if dialog.lst_grounds.count():
            dialog.lst_grounds.item(2).setSelected(True)
        dialog.edt_reason.setPlainText("逾期三个月未补交材料。")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ReasonDialog, "exec", answer)
    asker = Asker()
    assert asker.refusal(None, "不予受理", "不予受理的理由：", GROUNDS, "请说明：") == (2, "逾期三个月未补交材料。")
    assert asker.reason(None, "不予批准", "请填写不予批准的理由：") == "逾期三个月未补交材料。"
    assert [d.windowTitle() for d in shown] == ["不予受理", "不予批准"]
    monkeypatch.setattr(ReasonDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected.value)
    assert asker.refusal(None, "不予受理", "不予受理的理由：", GROUNDS, "请说明：") is None


def test_the_password_again_has_the_same_plain_buttons(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = PasswordDialog(None, "批准", "审批须再次输入您的登录密码：")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.edt_password.echoMode() is dialog.edt_password.EchoMode.Password
    assert all(b.icon().isNull() for b in dialog.box_buttons.findChildren(QPushButton))
    assert not dialog.btn_ok.isEnabled()
    dialog.edt_password.setText("demo1234")
    assert dialog.btn_ok.isEnabled() and dialog.password() == "demo1234"

    def answer(shown: PasswordDialog) -> int:
        qtbot.addWidget(shown)
        shown.edt_password.setText("secret 1")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PasswordDialog, "exec", answer)
    assert Asker().password(None, "批准", "审批须再次输入您的登录密码：") == "secret 1"
    monkeypatch.setattr(PasswordDialog, "exec", lambda shown: QDialog.DialogCode.Rejected.value)
    assert Asker().password(None, "批准", "审批须再次输入您的登录密码：") is None
