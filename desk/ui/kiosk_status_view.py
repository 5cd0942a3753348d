"""The manager's 自助终端 screen: every kiosk of the station as its heartbeats recorded it — online or
not (silent for more than three minutes), when it was last heard, its card reader, its printer (paper
out, cover open, offline) and today's sessions; a kiosk that needs someone is said first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desk.ui.widgets import banner, fill_table, fmt_time, make_table, show_banner

if TYPE_CHECKING:
    from desk.services.kiosks import KioskView
    from desk.ui.context import DeskContext

REFRESH_MS = 30_000  # kiosks beat every 30 s

PRINTER_ZH = {"ready": "就绪", "paper_out": "缺纸", "cover_open": "盖未合上", "offline": "离线", "unknown": "未报告"}
READER_ZH = {"ready": "就绪", "disconnected": "未连接", "connecting": "连接中", "waiting": "就绪", "reading": "读卡中",
             "error": "故障", "unknown": "未报告"}


class KioskStatusView(QWidget):
    loaded = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.kiosks: list[KioskView] = []

        # create
        self.lbl_message = banner(self)
        self.btn_refresh = QPushButton(self)
        self.tbl_kiosks = make_table(self, stretch_column=1)
        self._timer = QTimer(self)

        # configure
        self._timer.setInterval(REFRESH_MS)

        # connect
        self.btn_refresh.clicked.connect(self.refresh)
        self._timer.timeout.connect(self.refresh)

        # assemble
        top = QHBoxLayout()
        top.addWidget(self.lbl_message, 1)
        top.addWidget(self.btn_refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tbl_kiosks, 1)
        self.retranslate_ui()

    def showEvent(self, event: object) -> None:
        self._timer.start()
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]

    def hideEvent(self, event: object) -> None:
        self._timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    @Slot()
    def refresh(self) -> None:
        context = self._context
        if context.session is None:
            return
        context.runner.run(lambda: context.core.kiosks.kiosks(), self._on_loaded,
                           lambda error: show_banner(self.lbl_message, context.error_text(error), "problem"))

    def _on_loaded(self, kiosks: list[KioskView]) -> None:
        self.kiosks = kiosks
        self._show()
        self.loaded.emit()

    def _word(self, table: dict[str, str], value: str) -> str:
        return table.get(value, value) if self._context.is_chinese else value.replace("_", " ")

    def _show(self) -> None:
        kiosks = sorted(self.kiosks, key=lambda k: (k.online and k.printer_state == "ready", k.code))
        fill_table(self.tbl_kiosks, [self.tr("终端编号"), self.tr("设置地点"), self.tr("状态"), self.tr("最后心跳"),
                                     self.tr("读卡器"), self.tr("打印机/纸张"), self.tr("今日使用")],
                   [(k.code, k.name_zh, self.tr("在线") if k.online else self.tr("离线"),
                     fmt_time(k.last_seen) or self.tr("从未"), self._word(READER_ZH, k.reader_state),
                     self._word(PRINTER_ZH, k.printer_state), k.sessions_today) for k in kiosks])
        need = [k for k in kiosks if not k.online or k.printer_state != "ready"]
        if not kiosks:
            show_banner(self.lbl_message, self.tr("本所还没有自助终端报到（终端开机后每30秒报告一次状态）。"), "info")
        elif need:
            show_banner(self.lbl_message, self.tr("%1 台自助终端需要处理：%2").replace("%1", str(len(need)))
                        .replace("%2", "、".join(k.name_zh or k.code for k in need)), "problem")
        else:
            show_banner(self.lbl_message, self.tr("全部自助终端在线，打印机就绪。"), "ok")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.btn_refresh.setText(self.tr("刷新"))
        self._show()
