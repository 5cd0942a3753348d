"""Internal errors in a Qt app: written to the log file (traceback included, personal numbers masked) and
told to the user in a dialog that says where the log file is, instead of a silent console message.

`install_error_dialog(log_path)` replaces `sys.excepthook` (PySide6 hands exceptions raised in slots and
event handlers to it); the dialog is opened window-modal but not with `exec()`, so the event loop — and a
test — carries on. `uninstall()` puts the previous hook back.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("desk.internal_error")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def error_text(log_path: Path) -> tuple[str, str]:
    """The dialog's title and text, in the current language (Chinese is the source)."""
    title = QCoreApplication.translate("InternalError", "程序内部错误")
    text = QCoreApplication.translate(
        "InternalError",
        "程序遇到内部错误，当前操作可能没有完成。已保存的数据不受影响。\n"
        "请把日志文件交给信息技术部门：\n{path}",
    ).replace("{path}", str(log_path))
    return title, text


class ErrorDialogHook:
    """The `sys.excepthook` of a Qt app; `shown` keeps the dialogs it opened (the newest last)."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.shown: list[QMessageBox] = []
        self._previous: ExceptHook = sys.excepthook

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, tb)
            return
        log.error("internal error: %s", kind.__name__, exc_info=(kind, error, tb))
        if QApplication.instance() is None:
            self._previous(kind, error, tb)
            return
        title, text = error_text(self.log_path)
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                          QApplication.activeWindow())
        box.setObjectName("internalErrorDialog")
        box.open()
        self.shown.append(box)

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous


def install_error_dialog(log_path: Path) -> ErrorDialogHook:
    hook = ErrorDialogHook(log_path)
    sys.excepthook = hook
    return hook
