"""The hidden staff exit, reached by holding the top-left corner for 3 seconds: an administrator's
user name and password (checked by `UserService.sign_in`, so wrong guesses count toward its
lock-out). Only a good password lets the kiosk close; anything else returns to the attract screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QWidget

from desk.domain.errors import DeskError
from kiosk.context import KioskContext
from kiosk.screens.base import Screen
from kiosk.widgets import Keypad, big_button, text_label

DEFAULT_ADMIN = "admin"


class StaffExitScreen(Screen):
    name = "staff"
    exit_confirmed = Signal()
    cancelled = Signal()

    def __init__(self, ctx: KioskContext, *, seconds: int = 60, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.lbl_title = text_label("", "title")
        self.lbl_user = text_label("", "large")
        self.edt_user = QLineEdit(DEFAULT_ADMIN)
        self.lbl_password = text_label("", "large")
        self.edt_password = QLineEdit()
        self.edt_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.lbl_error = text_label("", "warning")
        self.keypad = Keypad(digits=True, lower_case=True)
        self.btn_exit = big_button("")
        self.btn_cancel = big_button("", "secondary")
        # Nobody may be left on this screen: it gives up by itself.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(seconds * 1000)

        self._timer.timeout.connect(self._cancel)
        self.keypad.key_pressed.connect(lambda char: self._field().insert(char))
        self.keypad.backspace_requested.connect(lambda: self._field().backspace())
        self.keypad.clear_requested.connect(lambda: self._field().clear())
        self.btn_exit.clicked.connect(self._check)
        self.btn_cancel.clicked.connect(self._cancel)
        self.edt_password.returnPressed.connect(self._check)

        form = QGridLayout()
        form.setSpacing(16)
        form.addWidget(self.lbl_user, 0, 0)
        form.addWidget(self.edt_user, 0, 1)
        form.addWidget(self.lbl_password, 1, 0)
        form.addWidget(self.edt_password, 1, 1)
        self.body.addWidget(self.lbl_title)
        self.body.addLayout(form)
        self.body.addWidget(self.lbl_error)
        self.body.addWidget(self.keypad)
        self.body.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.btn_cancel)
        row.addWidget(self.btn_exit)
        self.body.addLayout(row)
        self.lbl_error.hide()
        self.retranslate_ui()

    def _field(self) -> QLineEdit:
        return self.edt_user if self.edt_user.hasFocus() else self.edt_password

    def on_shown(self) -> None:
        self.wipe()
        self._timer.start()
        self.edt_password.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_hidden(self) -> None:
        self.wipe()

    def wipe(self) -> None:
        self._timer.stop()
        self.edt_user.setText(DEFAULT_ADMIN)
        self.edt_password.clear()
        self.lbl_error.clear()
        self.lbl_error.hide()
        self.btn_exit.setEnabled(True)

    def retranslate_ui(self) -> None:
        self.lbl_title.setText(self.tr("工作人员退出"))
        self.lbl_user.setText(self.tr("管理员账号"))
        self.lbl_password.setText(self.tr("密码"))
        self.btn_exit.setText(self.tr("确认退出自助机"))
        self.btn_cancel.setText(self.tr("取消"))

    def _check(self) -> None:
        username, password = self.edt_user.text(), self.edt_password.text()
        self.edt_password.clear()
        if not password:
            return
        self.btn_exit.setEnabled(False)
        self._timer.start()
        backend = self.ctx.backend
        self.ctx.call(lambda: backend.check_staff_password(username, password), self._accepted, self._refused)

    def _accepted(self, _: object) -> None:
        self._timer.stop()
        self.exit_confirmed.emit()

    def _refused(self, error: DeskError) -> None:
        self.btn_exit.setEnabled(True)
        self.lbl_error.setText(self.ctx.say(self.ctx.error_said(error)))
        self.lbl_error.show()

    def _cancel(self) -> None:
        self.wipe()
        self.cancelled.emit()
