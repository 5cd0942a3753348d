"""The window's status line: who is signed in, the card reader, the printer — each with a way forward.

The reader shows its own message (请放置证件 / 已断开 …) with an F2 re-read button; the printer shows
its state, and when print jobs failed, how many and a button that sends them again. Everything
here is fed by signals that already arrive on the GUI thread (ReaderWorker, PrintAdapter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

if TYPE_CHECKING:  # the window shows before the device and printing modules are imported
    from desk.devices.reader import ReaderStatus
    from printing.printers import PrinterState
    from printing.queue import PrintJob

# By ReaderState value.
_READER_LEVEL = {"waiting": "ok", "reading": "busy", "connecting": "busy", "disconnected": "bad", "error": "bad"}


class DeviceStatusBar(QWidget):
    BACK_NEWS_MS = 15_000  # how long "城市服务器已恢复连接" stays before 已连接
    reread_requested = Signal()
    retry_print_requested = Signal()

    def __init__(self, language: str = "zh_CN", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._reader: ReaderStatus | None = None
        self._printer: PrinterState | None = None
        self._failed: dict[str, PrintJob] = {}
        self._user = ""
        self._save_state = ""
        self._server: bool | None = None  # city mode: reachable; None in embedded mode (nothing shown)
        self._server_back = False
        self._back_news = QTimer(self)
        self._back_news.setSingleShot(True)
        self._back_news.timeout.connect(self._back_is_old_news)
        # Not polished yet while being built: a changed "level" then needs no re-polish (and asking
        # for the style that early costs the start-up a few ms in the bindings).
        self._built = False

        # create
        self.lbl_user = QLabel(self)
        self.lbl_save = QLabel(self)
        # The window's passing messages (QStatusBar.showMessage: the idle countdown, a refusal, a hint):
        # Qt paints them left of the permanent widgets, where this bar leaves no room — shown here instead.
        self.lbl_message = QLabel(self)
        self.lbl_server = QLabel(self)
        self.lbl_reader = QLabel(self)
        self.btn_reread = QPushButton(self)
        self.lbl_printer = QLabel(self)
        self.btn_retry_print = QPushButton(self)

        # configure
        for label in (self.lbl_reader, self.lbl_printer, self.lbl_server):
            label.setObjectName("device")
        self.lbl_server.hide()
        self.lbl_save.setObjectName("subtle")
        self.lbl_message.setObjectName("message")
        # A long message is cut at the bar's room (whole in its tooltip) instead of widening the window.
        self.lbl_message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.btn_reread.setObjectName("small")
        self.btn_retry_print.setObjectName("small")
        self.btn_retry_print.hide()

        # connect
        self.btn_reread.clicked.connect(self.reread_requested)
        self.btn_retry_print.clicked.connect(self.retry_print_requested)

        # assemble
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(10)
        layout.addWidget(self.lbl_user)
        layout.addWidget(self.lbl_save)
        layout.addWidget(self.lbl_message, 1)
        layout.addWidget(self.lbl_server)
        layout.addWidget(self.lbl_reader)
        layout.addWidget(self.btn_reread)
        layout.addSpacing(16)
        layout.addWidget(self.lbl_printer)
        layout.addWidget(self.btn_retry_print)
        self.retranslate_ui()
        self._built = True

    # ---- inputs ------------------------------------------------------------------------------

    def set_user(self, text: str) -> None:
        self._user = text
        self.lbl_user.setText(text)
        self._show_server()

    def show_message(self, text: str) -> None:
        """The status bar's current passing message ("" when it is cleared or has timed out)."""
        self.lbl_message.setText(text)
        self.lbl_message.setToolTip(text)

    def set_save_state(self, state: str) -> None:
        self._save_state = state
        self._show_save()

    def set_server_state(self, reachable: bool) -> None:
        """City mode: is the city server reachable? Shown from the first answer (or its absence) on.
        "恢复连接" is news for a while (`BACK_NEWS_MS`), then the line says 已连接 again."""
        self._server_back = reachable and self._server is False
        self._server = reachable
        self._show_server()
        if self._server_back:
            self._back_news.start(self.BACK_NEWS_MS)

    def _back_is_old_news(self) -> None:
        if self._server_back and self._server:
            self._server_back = False
            self._show_server()

    def server_text(self) -> str:
        return self.lbl_server.text()

    def set_reader_status(self, status: ReaderStatus) -> None:
        self._reader = status
        self._show_reader()

    def set_printer_state(self, state: PrinterState) -> None:
        self._printer = state
        self._show_printer()

    def on_job_changed(self, job: PrintJob) -> None:
        if str(job.status) == "failed":
            self._failed[job.job_id] = job
        else:
            self._failed.pop(job.job_id, None)
        self._show_printer()

    @property
    def failed_jobs(self) -> int:
        return len(self._failed)

    def reader_text(self) -> str:
        return self.lbl_reader.text()

    @property
    def reader_status(self) -> ReaderStatus | None:
        return self._reader

    def printer_text(self) -> str:
        return self.lbl_printer.text()

    # ---- showing -----------------------------------------------------------------------------

    def _zh(self) -> bool:
        return self.language.startswith("zh")

    def _show_reader(self) -> None:
        status = self._reader
        if status is None:
            # The reader is started once the store is open and says its own state then: until
            # that first word it is starting, not failed (it showed 未启动 in red for seconds).
            self.lbl_reader.setText(self.tr("读卡器：正在启动"))
            self._level(self.lbl_reader, "busy")
            return
        message = status.message_zh if self._zh() else status.message_en
        self.lbl_reader.setText(self.tr("读卡器：%1").replace("%1", message))
        self._level(self.lbl_reader, _READER_LEVEL.get(status.state.value, "bad"))

    def _show_printer(self) -> None:
        state = self._printer
        if state is None:
            text, level = self.tr("打印机：正在检查"), "busy"
        else:
            message = state.message_zh if self._zh() else state.message_en
            text, level = self.tr("打印机：%1").replace("%1", message), "ok" if state.ready else "bad"
        if self._failed:
            last = list(self._failed.values())[-1]
            error = last.last_error_zh if self._zh() else last.last_error_en
            text += self.tr("；%1 份未打印（%2）").replace("%1", str(len(self._failed))).replace("%2", error)
            level = "bad"
        self.lbl_printer.setText(text)
        self._level(self.lbl_printer, level)
        self.btn_retry_print.setVisible(bool(self._failed))

    def _show_server(self) -> None:
        if self._server is None:
            return
        self.lbl_server.show()
        if not self._server and not self._user:  # no one signed in: nothing typed to keep
            text, level = self.tr("城市服务器无法连接"), "bad"
        elif not self._server:
            text, level = self.tr("城市服务器无法连接：已填写的内容保存在本机，恢复后自动发送"), "bad"
        elif self._server_back:
            text, level = self.tr("城市服务器已恢复连接"), "ok"
        else:
            text, level = self.tr("城市服务器已连接"), "ok"
        self.lbl_server.setText(text)
        self._level(self.lbl_server, level)

    def _show_save(self) -> None:
        texts = {"saving": self.tr("草稿保存中…"), "saved": self.tr("草稿已保存"),
                 "failed": self.tr("草稿保存失败，将在下次输入时重试"),
                 "offline": self.tr("草稿已保存在本机，服务器恢复后自动发送")}
        self.lbl_save.setText(texts.get(self._save_state, ""))

    def _level(self, label: QLabel, level: str) -> None:
        if label.property("level") != level:
            label.setProperty("level", level)
            if self._built:
                label.style().unpolish(label)
                label.style().polish(label)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.btn_reread.setText(self.tr("重新读卡 F2"))
        self.btn_retry_print.setText(self.tr("重新打印"))
        self._show_reader()
        self._show_printer()
        self._show_save()
        self._show_server()
