"""The 户籍证明 before it prints: its first page as a picture (rendered off the GUI thread by
kiosk/preview.py), with 打印 and 返回. Nothing prints until the citizen has seen it and tapped 打印;
返回 goes back to the purposes and the paper is dropped (the kiosk records that it never printed).
A preview that could not be drawn says so, and the citizen may still print.

The page gets the screen: on a landscape screen (1366×768, 1920×1080) it stands as tall as the whole
body, with the title, the note and the two buttons in a column beside it — under a title and over a
row of buttons it was a third of the screen's height and its words unreadable; on a portrait screen
it sits between the title and the buttons, as wide as the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.context import KioskContext
from kiosk.preview import Preview
from kiosk.said import QT_TRANSLATE_NOOP, Said, says
from kiosk.screens.base import Screen
from kiosk.widgets import big_button, text_label

A4_RATIO = 297 / 210  # height / width of the certificate's page


class CertificatePreviewScreen(Screen):
    name = "certificate_preview"
    back_requested = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._preview: Preview | None = None
        self._page = QPixmap()
        self.lbl_title = text_label("", "title")
        self.lbl_page = QLabel()
        self.lbl_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The picture follows the room it is given, never the other way round.
        self.lbl_page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.lbl_page.setMinimumSize(1, 1)
        self.lbl_page.installEventFilter(self)  # the picture is fitted whenever its room changes
        self.lbl_missing = text_label("", "large", align=Qt.AlignmentFlag.AlignCenter)
        self.lbl_note = text_label("", "note")
        self.btn_back = big_button("", "secondary")
        self.btn_print = big_button("")

        self.btn_back.clicked.connect(self._back)
        self.btn_print.clicked.connect(self._print)
        ctx.health.changed.connect(self._show_health)

        page_area = QWidget()
        page_layout = QVBoxLayout(page_area)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.lbl_page, 1)
        page_layout.addWidget(self.lbl_missing, 1)
        self.side = QWidget()  # title, note and buttons: beside the page (landscape) or under it (portrait)
        self.side_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.side)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        self.content = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.content.setSpacing(32)
        self.content.addWidget(page_area, 1)
        self.content.addWidget(self.side, 1)
        self.body.addLayout(self.content, 1)
        self._landscape: bool | None = None
        self._arrange(landscape=True)
        self.retranslate_ui()

    def _arrange(self, *, landscape: bool) -> None:
        """Page beside the column (landscape) or between the title and the buttons (portrait)."""
        if landscape == self._landscape:
            return
        self._landscape = landscape
        for widget in (self.lbl_title, self.lbl_note, self.btn_print, self.btn_back):
            self.side_layout.removeWidget(widget)
        while self.side_layout.count():  # the old stretch
            self.side_layout.takeAt(0)
        self.body.removeWidget(self.lbl_title)
        if landscape:
            self.content.setDirection(QBoxLayout.Direction.LeftToRight)
            self.side_layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self.side_layout.addWidget(self.lbl_title)
            self.side_layout.addWidget(self.lbl_note)
            self.side_layout.addStretch(1)
            self.side_layout.addWidget(self.btn_print)
            self.side_layout.addWidget(self.btn_back)
        else:
            self.body.insertWidget(0, self.lbl_title)
            self.content.setDirection(QBoxLayout.Direction.TopToBottom)
            self.side_layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self.side_layout.addWidget(self.lbl_note)
            self.side_layout.addWidget(self.btn_print)
            self.side_layout.addWidget(self.btn_back)
        self.lbl_title.show()  # moved to another parent: hidden until shown again
        self.content.setStretch(0, 1)
        self.content.setStretch(1, 1 if landscape else 0)

    def show_preview(self, preview: Preview) -> None:
        self._preview = preview
        self._page = QPixmap()
        if preview.png is not None and not self._page.loadFromData(preview.png, "PNG"):
            self._page = QPixmap()
        self.lbl_page.setVisible(not self._page.isNull())
        self.lbl_missing.setVisible(self._page.isNull())
        self._fit()
        self.retranslate_ui()

    @property
    def shown_page(self) -> QPixmap:
        """The picture on the screen (for the tests)."""
        return self.lbl_page.pixmap()

    def page_height_wanted(self) -> int:
        """How tall to render the page for this screen (its pixels, not the mode's)."""
        margins = self.body.contentsMargins()
        return max(200, round((self.height() - margins.top() - margins.bottom()) * self.devicePixelRatioF()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(landscape=self.width() >= self.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lbl_page and event.type() == QEvent.Type.Resize:
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        if self._page.isNull():
            self.lbl_page.clear()
            return
        room = self.lbl_page.size()
        if room.width() < 2 or room.height() < 2:
            return
        ratio = self.devicePixelRatioF()
        scaled = self._page.scaled(QSize(round(room.width() * ratio), round(room.height() * ratio)),
                                   Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.lbl_page.setPixmap(scaled)

    def wipe(self) -> None:
        self._preview = None
        self._page = QPixmap()
        self.lbl_page.clear()
        self._show_health()  # nothing left to print

    def retranslate_ui(self) -> None:
        self.lbl_title.setText(self.tr("请核对证明内容，无误后点“打印”"))
        self.lbl_missing.setText(self.tr("预览暂时无法显示。您仍可以直接打印，或返回。"))
        self.lbl_note.setText(self.tr("证明上印有二维码，单位可扫码核验真伪；有效期 90 天。"))
        self.btn_back.setText(self.tr("返回"))
        self.btn_print.setText(self.tr("打印"))
        self._show_health()

    def _show_health(self) -> None:
        self.btn_print.setEnabled(self.ctx.health.printer_ok and self._preview is not None)

    def _back(self) -> None:
        preview, self._preview = self._preview, None
        self.wipe()
        if preview is not None:
            serial, backend = preview.paper.serial, self.ctx.backend
            self.ctx.call(lambda: backend.preview_cancelled(serial), lambda _none: None)
        self.back_requested.emit()

    def _print(self) -> None:
        preview = self._preview
        if preview is None:
            return
        self._preview = None
        paper = preview.paper
        self.nav.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在打印户籍证明，请稍候…")))

        def printed() -> None:
            self.nav.show_message(says(QT_TRANSLATE_NOOP("KioskSays", "请在出纸口取走您的户籍证明。")),
                                  title=says(QT_TRANSLATE_NOOP("KioskSays", "打印完成")), kind="done")

        def not_printed(reason: Said) -> None:
            self.nav.show_message(
                says(QT_TRANSLATE_NOOP(
                    "KioskSays", "户籍证明没有打印出来（{reason}）。请到窗口办理，民警会为您重新出具。"),
                     reason=reason),
                kind="warning")

        self.ctx.printer.print_pdf(paper.pdf, f"certificate-{paper.serial}", printed, not_printed)
        self.wipe()
