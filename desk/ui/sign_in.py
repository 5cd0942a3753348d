"""The sign-in screen, also used as the lock screen (same user, password again).

The screen only collects the user name and password and shows what the service answered
(wrong password with the attempts left, or the lock-out until a time); signing in itself is done
by the main window through the TaskRunner, never on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Qt.AlignmentFlag values, written through Qt's property system. This screen is the first one shown,
# before anything else needs the `Qt` namespace; the first use of `Qt` from Python makes the bindings
# build all of its ~90 enums (≈25 ms of the start-up). tests/ui/test_desk_start.py checks the values.
ALIGN_CENTER = 0x0084  # AlignHCenter | AlignVCenter
ALIGN_RIGHT_VCENTER = 0x0082  # AlignRight | AlignVCenter


class SignInView(QWidget):
    sign_in_requested = Signal(str, str)  # user name, password
    switch_user_requested = Signal()

    def __init__(self, station_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locked_user: str | None = None
        self._locked_name = ""
        self._station_name = station_name

        # create
        self.frm_card = QFrame(self)
        self.lbl_title = QLabel(self.frm_card)
        self.lbl_station = QLabel(self.frm_card)
        self.lbl_hint = QLabel(self.frm_card)
        self.lbl_username = QLabel(self.frm_card)
        self.edt_username = QLineEdit(self.frm_card)
        self.lbl_password = QLabel(self.frm_card)
        self.edt_password = QLineEdit(self.frm_card)
        self.lbl_message = QLabel(self.frm_card)
        self.lbl_waiting = QLabel(self.frm_card)
        self.btn_sign_in = QPushButton(self.frm_card)
        self.btn_switch_user = QPushButton(self.frm_card)

        # configure
        self.setObjectName("sign_in")
        self.frm_card.setObjectName("card")
        self.frm_card.setFixedWidth(460)
        self.lbl_title.setObjectName("title")
        for label in (self.lbl_title, self.lbl_station, self.lbl_hint):
            label.setProperty("alignment", ALIGN_CENTER)
        self.lbl_station.setObjectName("subtle")
        self.lbl_hint.setWordWrap(True)
        self.edt_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.lbl_message.setObjectName("problem")
        self.lbl_message.setWordWrap(True)
        self.lbl_message.hide()
        self.lbl_waiting.setObjectName("subtle")
        self.lbl_waiting.setWordWrap(True)
        self.lbl_waiting.hide()
        self.btn_sign_in.setObjectName("primary")
        self.btn_sign_in.setDefault(True)
        self.btn_switch_user.setFlat(True)
        self.btn_switch_user.hide()
        self.lbl_username.setBuddy(self.edt_username)
        self.lbl_password.setBuddy(self.edt_password)

        # connect
        self.btn_sign_in.clicked.connect(self._submit)
        self.edt_username.returnPressed.connect(self.edt_password.setFocus)
        self.edt_password.returnPressed.connect(self._submit)
        self.btn_switch_user.clicked.connect(self.switch_user_requested)

        # assemble
        form = QFormLayout()
        form.setProperty("labelAlignment", ALIGN_RIGHT_VCENTER)
        form.setVerticalSpacing(12)
        form.addRow(self.lbl_username, self.edt_username)
        form.addRow(self.lbl_password, self.edt_password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_switch_user)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_sign_in)
        card = QVBoxLayout(self.frm_card)
        card.setContentsMargins(36, 32, 36, 28)
        card.setSpacing(14)
        card.addWidget(self.lbl_title)
        card.addWidget(self.lbl_station)
        card.addWidget(self.lbl_hint)
        card.addLayout(form)
        card.addWidget(self.lbl_message)
        card.addWidget(self.lbl_waiting)
        card.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.frm_card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)
        self.retranslate_ui()

    # ---- modes -------------------------------------------------------------------------------

    @property
    def locked_user(self) -> str | None:
        return self._locked_user

    def show_sign_in(self) -> None:
        self._locked_user = None
        self.edt_username.setReadOnly(False)
        self.edt_username.clear()
        self.edt_password.clear()
        self.btn_switch_user.hide()
        self.show_message(None)
        self.set_busy(False)
        self.retranslate_ui()
        self.edt_username.setFocus()

    def show_locked(self, username: str, display_name: str) -> None:
        self._locked_user, self._locked_name = username, display_name
        self.edt_username.setText(username)
        self.edt_username.setReadOnly(True)
        self.edt_password.clear()
        self.btn_switch_user.show()
        self.show_message(None)
        self.set_busy(False)
        self.retranslate_ui()
        self.edt_password.setFocus()

    def set_station_name(self, name: str) -> None:
        self._station_name = name
        self.retranslate_ui()

    def show_message(self, text: str | None) -> None:
        self.lbl_message.setText(text or "")
        self.lbl_message.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.btn_sign_in.setEnabled(not busy)
        self.edt_password.setEnabled(not busy)
        if not busy:
            self.lbl_waiting.hide()

    def show_waiting(self) -> None:
        """The sign-in was typed before the desk's data is open (a first demo start builds its data,
        a busy machine opens slowly): say so, or the clerk sees a greyed button and nothing else."""
        self.lbl_waiting.setText(self.tr("正在打开本所数据（首次启动需要稍候），完成后自动登录……"))
        self.lbl_waiting.show()

    @Slot()
    def _submit(self) -> None:
        username = self.edt_username.text().strip()
        password = self.edt_password.text()
        if not username or not password:
            self.show_message(self.tr("请输入用户名和密码。"))
            (self.edt_username if not username else self.edt_password).setFocus()
            return
        self.set_busy(True)
        self.sign_in_requested.emit(username, password)

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.edt_password.clear()
        self.show_message(message)
        self.edt_password.setFocus()

    # ---- language ----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.lbl_title.setText(self.tr("户籍综合窗口"))
        self.lbl_station.setText(self._station_name)
        self.lbl_station.setVisible(bool(self._station_name))
        self.lbl_username.setText(self.tr("用户名"))
        self.lbl_password.setText(self.tr("密码"))
        self.btn_sign_in.setText(self.tr("登录"))
        self.btn_switch_user.setText(self.tr("切换用户"))
        if self._locked_user:
            self.lbl_title.setText(self.tr("屏幕已锁定"))
            self.lbl_hint.setText(self.tr("%1 长时间未操作，屏幕已锁定。请输入密码继续。").replace(
                "%1", self._locked_name or self._locked_user))
            self.btn_sign_in.setText(self.tr("解锁"))
        else:
            self.lbl_hint.setText(self.tr("请使用本所民警账号登录。"))
