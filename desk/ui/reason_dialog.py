"""The dialog a refusal is written in (不予受理, 不予批准, 撤回, 有异议): the fixed grounds to choose from,
when there are any, and a box of several lines for what happened in this case — the words printed on
the notice. It replaced two bare QInputDialogs (a one-line box, stock icons, a prompt ending in “:”).
`PasswordDialog`, the approver's password typed again after it, has the same plain buttons.

Both are built and read by the `Asker` (desk/ui/dialogs.py); screens never run them themselves, so
tests answer the Asker instead of a modal dialog.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

TEXT_LINES = 5  # the case's circumstances are a few sentences: the box shows that many lines at once
GROUNDS_SHOWN = 9  # grounds in sight without scrolling


class ReasonDialog(QDialog):
    """Ground (if `grounds` is not empty) and reason; 确定 is enabled once both are given."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, grounds: Sequence[str] = (),
                 grounds_prompt: str = "") -> None:
        super().__init__(parent)
        # create
        self.lbl_grounds = QLabel(grounds_prompt, self)
        self.lst_grounds = QListWidget(self)
        self.lbl_prompt = QLabel(prompt, self)
        self.edt_reason = QPlainTextEdit(self)
        self.box_buttons = QDialogButtonBox(self)
        # Plain buttons of our own words: the standard ones carry the style's stock icons.
        self.btn_ok = QPushButton(self.tr("确定"), self)
        self.btn_cancel = QPushButton(self.tr("取消"), self)

        # configure
        self.setWindowTitle(title)
        self.setModal(True)
        self.lbl_grounds.setWordWrap(True)
        self.lbl_prompt.setWordWrap(True)
        self.lbl_prompt.setBuddy(self.edt_reason)
        self.lst_grounds.addItems(list(grounds))
        self.lst_grounds.setWordWrap(True)
        self.lst_grounds.setResizeMode(QListView.ResizeMode.Adjust)
        self.lst_grounds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lst_grounds.setObjectName("grounds")
        for widget in (self.lbl_grounds, self.lst_grounds):
            widget.setVisible(bool(grounds))
        self.edt_reason.setTabChangesFocus(True)
        line = self.edt_reason.fontMetrics().lineSpacing()
        self.edt_reason.setMinimumHeight(line * TEXT_LINES + 16)
        self.btn_ok.setObjectName("primary")
        self.btn_ok.setDefault(True)
        self.btn_ok.setEnabled(False)
        self.box_buttons.addButton(self.btn_ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.box_buttons.addButton(self.btn_cancel, QDialogButtonBox.ButtonRole.RejectRole)
        em = self.fontMetrics().horizontalAdvance("中")
        self.setMinimumWidth(em * 40)
        # Every ground in sight at once (7 in resources/refusals.toml), a long one on two lines.
        row = self.lst_grounds.fontMetrics().lineSpacing() + 10
        self.lst_grounds.setMinimumHeight(min(len(grounds), GROUNDS_SHOWN) * row + row)

        # connect
        self.lst_grounds.itemSelectionChanged.connect(self._update_ok)
        self.edt_reason.textChanged.connect(self._update_ok)
        self.box_buttons.accepted.connect(self.accept)
        self.box_buttons.rejected.connect(self.reject)

        # assemble
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_grounds)
        layout.addWidget(self.lst_grounds, 1)
        layout.addWidget(self.lbl_prompt)
        layout.addWidget(self.edt_reason, 1)
        layout.addWidget(self.box_buttons)
        (self.lst_grounds if grounds else self.edt_reason).setFocus(Qt.FocusReason.OtherFocusReason)

    def ground(self) -> int | None:
        """The index of the ground chosen (None: none chosen, or no grounds to choose from). The list's
        current row alone is no choice: focus makes the first row current without the clerk choosing."""
        chosen = self.lst_grounds.selectedIndexes()
        return chosen[0].row() if chosen else None

    def reason(self) -> str:
        return self.edt_reason.toPlainText().strip()

    def is_complete(self) -> bool:
        return bool(self.reason()) and (self.lst_grounds.count() == 0 or self.ground() is not None)

    @Slot()
    def _update_ok(self) -> None:
        self.btn_ok.setEnabled(self.is_complete())


class PasswordDialog(QDialog):
    """The signed-in user's password again (批准 / 不予批准 are signed with it); 确定 once typed."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str) -> None:
        super().__init__(parent)
        self.lbl_prompt = QLabel(prompt, self)
        self.edt_password = QLineEdit(self)
        self.box_buttons = QDialogButtonBox(self)
        self.btn_ok = QPushButton(self.tr("确定"), self)
        self.btn_cancel = QPushButton(self.tr("取消"), self)

        self.setWindowTitle(title)
        self.setModal(True)
        self.lbl_prompt.setWordWrap(True)
        self.lbl_prompt.setBuddy(self.edt_password)
        self.edt_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.btn_ok.setObjectName("primary")
        self.btn_ok.setDefault(True)
        self.btn_ok.setEnabled(False)
        self.box_buttons.addButton(self.btn_ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.box_buttons.addButton(self.btn_cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 24)

        self.edt_password.textChanged.connect(lambda text: self.btn_ok.setEnabled(bool(text)))
        self.box_buttons.accepted.connect(self.accept)
        self.box_buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_prompt)
        layout.addWidget(self.edt_password)
        layout.addWidget(self.box_buttons)
        self.edt_password.setFocus(Qt.FocusReason.OtherFocusReason)

    def password(self) -> str:
        return self.edt_password.text()
