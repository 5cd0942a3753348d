"""网上预审: the station's queue of applications citizens sent on the web page (docs/online.md).

The clerk opens one (its form values and uploads, each viewable), then either ticks what is missing and
sends the one-time notice (online and by SMS), books the citizen's visit, or — for transactions the
catalog marks fully online — decides it without a visit. At the counter, the application's QR code opens
the pre-filled case (`open_at_counter`, called by the main window on a scan). Every call goes through
`core.online` (desk/services/online.py) on a worker thread.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk.domain.catalog import OnlineMode
from desk.domain.online import OnlineState, sniff_file
from desk.paths import data_dir
from desk.services.online import AlreadyCase
from desk.ui.context import DeskContext
from desk.ui.widgets import banner, fill_table, fmt_time, make_table, row_key, show_banner

if TYPE_CHECKING:
    from desk.services.case_views import CaseView
    from desk.services.decisions import Decided
    from desk.services.online import ApplicationView, UploadView

log = logging.getLogger(__name__)
_KEY_ROLE = Qt.ItemDataRole.UserRole


class OnlineReviewView(QWidget):
    """The queue on the left, the opened application and its three decisions on the right."""

    case_opened = Signal(object)  # a CaseView: the pre-filled case the counter opened from a QR code
    open_case_requested = Signal(str)  # an application already taken in: open its case
    hint = Signal(str)  # a line for the status bar (the swiped citizen has online applications)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.queue: list[ApplicationView] = []
        self.current: ApplicationView | None = None
        self.shown_upload: tuple[UploadView, bytes] | None = None
        # create
        self.lbl_title = QLabel(self)
        self.btn_refresh = QPushButton(self)
        self.lbl_message = banner(self)
        self.tbl_queue = make_table(self, stretch_column=1)
        self.wdg_detail = QWidget(self)
        self.lbl_application = QLabel(self.wdg_detail)
        self.txt_values = QPlainTextEdit(self.wdg_detail)
        self.lst_uploads = QListWidget(self.wdg_detail)
        self.lbl_preview = QLabel(self.wdg_detail)
        self.lbl_missing = QLabel(self.wdg_detail)
        self.lst_missing = QListWidget(self.wdg_detail)
        self.edt_note = QLineEdit(self.wdg_detail)
        self.btn_supplement = QPushButton(self.wdg_detail)
        self.dte_visit = QDateEdit(self.wdg_detail)
        self.btn_visit = QPushButton(self.wdg_detail)
        self.btn_decide = QPushButton(self.wdg_detail)
        # configure
        self.lbl_title.setObjectName("title")
        self.txt_values.setReadOnly(True)
        self.lbl_preview.setMinimumHeight(160)
        self.dte_visit.setCalendarPopup(True)
        self.dte_visit.setDisplayFormat("yyyy-MM-dd")
        self.btn_supplement.setObjectName("primary")
        self.lbl_application.setWordWrap(True)
        self.lbl_application.setBuddy(self.txt_values)
        self.lbl_missing.setBuddy(self.lst_missing)
        # connect
        self.btn_refresh.clicked.connect(self.refresh)
        self.tbl_queue.cellDoubleClicked.connect(lambda row, _c: self._open_row(row))
        self.tbl_queue.activated.connect(lambda index: self._open_row(index.row()))
        self.lst_uploads.currentRowChanged.connect(self._show_upload)
        self.lst_uploads.itemActivated.connect(lambda _item: self._open_upload_outside())
        self.btn_supplement.clicked.connect(self._ask_supplement)
        self.btn_visit.clicked.connect(self._book_visit)
        self.btn_decide.clicked.connect(self._decide)
        # assemble
        detail = QVBoxLayout(self.wdg_detail)
        detail.addWidget(self.lbl_application)
        detail.addWidget(self.txt_values, 2)
        detail.addWidget(self.lst_uploads, 1)
        detail.addWidget(self.lbl_preview, 1)
        detail.addWidget(self.lbl_missing)
        detail.addWidget(self.lst_missing, 1)
        detail.addWidget(self.edt_note)
        decisions = QHBoxLayout()
        decisions.addWidget(self.btn_supplement)
        decisions.addWidget(self.dte_visit)
        decisions.addWidget(self.btn_visit)
        decisions.addWidget(self.btn_decide)
        detail.addLayout(decisions)
        split = QSplitter(self)
        split.addWidget(self.tbl_queue)
        split.addWidget(self.wdg_detail)
        top = QHBoxLayout()
        top.addWidget(self.lbl_title, 1)
        top.addWidget(self.btn_refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.lbl_message)
        layout.addWidget(split, 1)
        self._show_detail()
        self.retranslate_ui()

    # ---- the queue ----------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        context = self._context
        station = context.core.station_code
        context.runner.run(lambda: context.core.online.queue(station), self._on_queue, self._on_error)

    def _on_queue(self, queue: list[ApplicationView]) -> None:
        self.queue = queue
        names = {t.code: self._context.pick(t.name_zh, t.name_en) for t in self._context.core.catalog.transactions()}
        rows = [(a.number, names.get(a.transaction_code, a.transaction_code), a.id_number,
                 self._state_text(a.state), fmt_time(a.submitted_at)) for a in queue]
        fill_table(self.tbl_queue, [self.tr("申请编号"), self.tr("事项"), self.tr("身份证号码"), self.tr("状态"),
                                    self.tr("提交时间")], rows, [a.number for a in queue])
        if not queue:
            show_banner(self.lbl_message, self.tr("没有等待预审的网上申请。"), "info")

    def _open_row(self, row: int) -> None:
        number = row_key(self.tbl_queue, row)
        if number:
            self.open_number(number)

    def open_number(self, number: str) -> None:
        """Open an application (audited); a submitted one is now under pre-review."""
        context, actor = self._context, self._context.actor
        context.runner.run(lambda: context.core.online.open(actor, number), self._on_opened, self._on_error)

    def _on_opened(self, application: ApplicationView) -> None:
        self.current = application
        show_banner(self.lbl_message, None)
        self._show_detail()

    # ---- the opened application ---------------------------------------------------------------

    def _show_detail(self) -> None:
        application = self.current
        self.wdg_detail.setEnabled(application is not None)
        self.lst_uploads.clear()
        self.shown_upload = None
        self.lst_missing.clear()
        self.lbl_preview.clear()
        if application is None:
            self.txt_values.clear()
            self.lbl_application.clear()
            return
        transaction = self._context.core.catalog[application.transaction_code]
        pick = self._context.pick
        self.lbl_application.setText(f"{application.number} · {pick(transaction.name_zh, transaction.name_en)} · "
                                     f"{application.id_number} · {self._state_text(application.state)}")
        lines = []
        for spec in transaction.visible_fields(application.form_values):
            value = application.form_values.get(spec.key)
            shown = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else str(value)
            lines.append(f"{pick(spec.label_zh, spec.label_en)} ({spec.key}): {shown}")
        self.txt_values.setPlainText("\n".join(lines))
        for upload in application.uploads:
            item = QListWidgetItem(f"{upload.material_key} · {upload.file_name} · {upload.content_type} · "
                                   f"{max(1, upload.size // 1024)} KB", self.lst_uploads)
            item.setData(_KEY_ROLE, upload.upload_id)
        uploaded = {u.material_key for u in application.uploads}
        for material in transaction.required_materials(application.form_values):
            item = QListWidgetItem(pick(material.name_zh, material.name_en), self.lst_missing)
            item.setData(_KEY_ROLE, material.key)
            item.setCheckState(_checked(material.key not in uploaded and material.verify is None))
        open_now = application.state is OnlineState.UNDER_REVIEW
        for button in (self.btn_supplement, self.btn_visit, self.dte_visit, self.edt_note):
            button.setEnabled(open_now)
        self.btn_decide.setEnabled(open_now and transaction.online is OnlineMode.FULL)
        today = self._context.today()
        self.dte_visit.setDate(QDate(today.year, today.month, today.day).addDays(1))

    def tick_missing(self, keys: Iterable[str]) -> None:
        wanted = set(keys)
        for row in range(self.lst_missing.count()):
            item = self.lst_missing.item(row)
            item.setCheckState(_checked(item.data(_KEY_ROLE) in wanted))

    def missing_keys(self) -> list[str]:
        items = (self.lst_missing.item(row) for row in range(self.lst_missing.count()))
        return [str(item.data(_KEY_ROLE)) for item in items if item.checkState() == _checked(True)]

    @Slot(int)
    def _show_upload(self, row: int) -> None:
        application = self.current
        item = self.lst_uploads.item(row) if row >= 0 else None
        if application is None or item is None:
            return
        context, actor, upload_id = self._context, self._context.actor, int(item.data(_KEY_ROLE))
        context.runner.run(lambda: context.core.online.upload_data(actor, application.number, upload_id),
                           self._on_upload, self._on_error)

    def _on_upload(self, loaded: tuple[UploadView, bytes]) -> None:
        view, data = loaded
        self.shown_upload = loaded
        pixmap = QPixmap()
        if view.content_type.startswith("image/") and pixmap.loadFromData(data):
            self.lbl_preview.setPixmap(pixmap.scaledToHeight(max(160, self.lbl_preview.height())))
        else:
            self.lbl_preview.setText(self.tr("PDF 文件（%1 KB）：按回车或双击，用本机的 PDF 阅读器打开。")
                                     .replace("%1", str(max(1, len(data) // 1024))))

    def _open_upload_outside(self) -> None:
        """The shown upload in the machine's own viewer (a PDF): a private file in the data folder."""
        if self.shown_upload is None:
            return
        view, data = self.shown_upload
        folder = data_dir() / "online-uploads"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        kind = sniff_file(data)
        path = folder / f"{view.upload_id}{kind.extension if kind else '.bin'}"
        path.write_bytes(data)
        path.chmod(0o600)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # ---- the three decisions ------------------------------------------------------------------

    @Slot()
    def _ask_supplement(self) -> None:
        application, keys, note = self.current, self.missing_keys(), self.edt_note.text()
        if application is None:
            return
        context, actor = self._context, self._context.actor
        context.runner.run(lambda: context.core.online.ask_supplement(actor, application.number, application.version,
                                                                      keys, note),
                           self._on_decided, self._on_error)

    @Slot()
    def _book_visit(self) -> None:
        application, chosen = self.current, self.dte_visit.date()
        if application is None:
            return
        day, note = date(chosen.year(), chosen.month(), chosen.day()), self.edt_note.text()
        context, actor = self._context, self._context.actor
        context.runner.run(lambda: context.core.online.book_visit(actor, application.number, application.version,
                                                                  day, note),
                           self._on_decided, self._on_error)

    @Slot()
    def _decide(self) -> None:
        application = self.current
        if application is None:
            return
        context, actor = self._context, self._context.actor

        def decided(result: tuple[ApplicationView, Decided]) -> None:
            context.print_papers(result[1].papers)  # on the GUI thread, as every screen prints
            self._on_decided(result[0])

        context.runner.run(lambda: context.core.online.decide_online(actor, application.number,
                                                                     application.version),
                           decided, self._on_error)

    def _on_decided(self, application: ApplicationView) -> None:
        self.current = application
        self._show_detail()
        show_banner(self.lbl_message, self.tr("已处理：%1（%2）").replace("%1", application.number)
                    .replace("%2", self._state_text(application.state)), "ok")
        self.refresh()

    # ---- at the counter -----------------------------------------------------------------------

    def open_at_counter(self, number: str) -> None:
        """The citizen's QR code was scanned: open the pre-filled case (the clerk checks the originals)."""
        context, actor = self._context, self._context.actor

        def failed(error: BaseException) -> None:
            if isinstance(error, AlreadyCase):
                self.open_case_requested.emit(error.case_number)
            else:
                self._on_error(error)

        context.runner.run(lambda: context.core.online.open_at_counter(actor, number),
                           lambda opened: self._on_counter(opened), failed)

    def _on_counter(self, opened: tuple[ApplicationView, CaseView]) -> None:
        self.case_opened.emit(opened[1])

    def card_read(self, id_number: str) -> None:
        """A card was swiped: if that citizen applied online to this station, say so (scan its QR code
        or open it here to take it in)."""
        context = self._context

        def found(waiting: list[ApplicationView]) -> None:
            if waiting:
                numbers = "、".join(f"{a.number}（{self._state_text(a.state)}）" for a in waiting)
                self.hint.emit(self.tr("该群众有网上申请 %1：扫描申请二维码，或按 Ctrl+Shift+O 在网上预审中调出。")
                               .replace("%1", numbers))

        def failed(error: BaseException) -> None:
            # Only a hint: the card's own flow goes on; the failure is logged, not shown twice.
            log.warning("online applications of a swiped card not looked up: %s", error)

        context.runner.run(lambda: context.core.online.waiting_for(id_number), found, failed)

    # ---- words --------------------------------------------------------------------------------

    def _on_error(self, error: BaseException) -> None:
        show_banner(self.lbl_message, self._context.error_text(error), "problem")

    def _state_text(self, state: OnlineState) -> str:
        return state.label_zh if self._context.is_chinese else state.label_en

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.lbl_title.setText(self.tr("网上预审"))
        self.btn_refresh.setText(self.tr("刷新 (F5)"))
        self.lbl_missing.setText(self.tr("缺少的材料（勾选后发出一次性告知）"))
        self.edt_note.setPlaceholderText(self.tr("给申请人的留言（可不填）"))
        self.btn_supplement.setText(self.tr("一次性告知补充材料"))
        self.btn_visit.setText(self.tr("预约到所"))
        self.btn_decide.setText(self.tr("网上办结（全程网办）"))
        self.dte_visit.setAccessibleName(self.tr("预约日期"))
        self.lst_uploads.setAccessibleName(self.tr("上传的材料"))
        self.txt_values.setAccessibleName(self.tr("申请表内容"))


def _checked(on: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
