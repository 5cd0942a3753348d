"""Step 2 of a new case: choose the transaction — type its Chinese name, a keyword, its pinyin
initials (出生登记 = csdj) or its code; the most used at this station come first.

The pinyin index and the usage counts are built on a worker thread when the picker is first
shown; until then the list is filtered by name and code only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desk.domain.bundles import Bundle, bundle_matches
from desk.domain.catalog import Approval, Transaction
from desk.ui.context import DeskContext

if TYPE_CHECKING:
    from desk.core import Core
from desk.ui.transaction_search import SearchEntry, build_index, rank
from desk.ui.widgets import section_title

ROLE_CODE = Qt.ItemDataRole.UserRole


def load_usage(core: Core) -> tuple[list[SearchEntry], dict[str, int]]:
    """Worker thread: the pinyin index, and how often each transaction was opened recently (the
    bootstrap loads both once, ahead; the picker counts the cases opened since)."""
    entries = build_index(core.catalog.transactions())
    return entries, core.queries.usage_counts(core.station_code, recent=500)


BUNDLE_PREFIX = "bundle:"  # item data of a “一件事” bundle in the list (transactions carry their code)


class TransactionPicker(QWidget):
    chosen = Signal(object)  # Transaction
    bundle_chosen = Signal(object)  # Bundle (“一件事”: several transactions in one form)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._entries: list[SearchEntry] = []
        self._usage: dict[str, int] = {}
        self._loading = False
        self.ready = False  # True once the pinyin index and usage counts are loaded

        # create
        self.lbl_title = section_title("", self)
        self.edt_search = QLineEdit(self)
        self.lbl_hint = QLabel(self)
        self.lst_transactions = QListWidget(self)

        # configure
        self.lbl_hint.setObjectName("subtle")
        self.lst_transactions.setObjectName("transactions")
        # A long name (其他登记项目变更（文化程度、婚姻状况…）) wraps onto a second line instead of being cut
        # with …, which hid its time limit and approval level at the end.
        self.lst_transactions.setWordWrap(True)
        self.lst_transactions.setResizeMode(QListView.ResizeMode.Adjust)
        self.lst_transactions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # connect
        self.edt_search.textChanged.connect(self._filter)
        self.edt_search.returnPressed.connect(self._choose_current)
        self.edt_search.installEventFilter(self)
        self.lst_transactions.itemActivated.connect(self._choose_item)
        self.lst_transactions.itemDoubleClicked.connect(self._choose_item)

        # assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.edt_search)
        layout.addWidget(self.lbl_hint)
        layout.addWidget(self.lst_transactions, 1)
        self.retranslate_ui()

    def prepare(self) -> None:
        """Clear the search and (once) load the pinyin index and usage counts in the background."""
        if not self._entries:
            self._entries = [SearchEntry(t, "", "") for t in self._context.core.catalog.transactions()]
        self.edt_search.clear()
        self._filter()
        self.edt_search.setFocus()
        if not self._loading:
            self._loading = True
            core = self._context.core
            self._context.runner.run(lambda: load_usage(core), self._on_loaded, lambda _e: None)

    def set_index(self, entries: list[SearchEntry], usage: dict[str, int]) -> None:
        """The pinyin index and usage counts, built ahead (the bootstrap does it while the sign-in
        screen shows)."""
        self._entries, self._usage = list(entries), dict(usage)
        self._loading = self.ready = True

    def count_use(self, code: str) -> None:
        self._usage[code] = self._usage.get(code, 0) + 1

    def _on_loaded(self, result: tuple[list[SearchEntry], dict[str, int]]) -> None:
        self._entries, self._usage = result
        self.ready = True
        self._filter()

    def matches(self) -> list[Transaction]:
        return rank(self._entries, self.edt_search.text(), self._usage)

    def bundle_matches(self) -> list[Bundle]:
        """The “一件事” bundles the search finds (they head the list: one event of life, one form)."""
        text = self.edt_search.text()
        return [b for b in self._context.core.bundle_catalog.values() if text.strip() and bundle_matches(b, text)]

    @Slot()
    def _filter(self) -> None:
        self.lst_transactions.clear()
        bundles = self.bundle_matches()
        # A bundle heads the list when the search names it (出生一件事, a keyword, its code); otherwise
        # it follows the transactions, so 出生 + Enter still opens 出生登记.
        text = self.edt_search.text().strip()
        named = [b for b in bundles if "一件事" in text or text in b.keywords or text == b.code]
        for bundle in named:
            self._add_bundle(bundle)
        for transaction in self.matches():
            item = QListWidgetItem(self._caption(transaction))
            item.setData(ROLE_CODE, transaction.code)
            item.setToolTip(self._context.pick(transaction.description_zh, transaction.description_en))
            self.lst_transactions.addItem(item)
        for bundle in bundles:
            if bundle not in named:
                self._add_bundle(bundle)
        if self.lst_transactions.count():
            self.lst_transactions.setCurrentRow(0)

    def _add_bundle(self, bundle: Bundle) -> None:
        item = QListWidgetItem(self._bundle_caption(bundle))
        item.setData(ROLE_CODE, BUNDLE_PREFIX + bundle.code)
        item.setToolTip(self._context.pick(bundle.description_zh, bundle.description_en))
        self.lst_transactions.addItem(item)

    def _caption(self, transaction: Transaction) -> str:
        name = self._context.pick(transaction.name_zh, transaction.name_en)
        if transaction.approval is Approval.CLERK and transaction.time_limit_days == 0:
            limit = self.tr("当场办结")
        else:
            limit = self.tr("%1 个工作日").replace("%1", str(transaction.time_limit_days))
        level = self._context.pick(transaction.approval.label_zh, transaction.approval.label_en)
        return f"{name}　·　{limit}　·　{level}"

    def _bundle_caption(self, bundle: Bundle) -> str:
        name = self._context.pick(bundle.name_zh, bundle.name_en)
        parts = self.tr("一件事：%1 个事项，%2 项后续").replace("%1", str(len(bundle.members))).replace(
            "%2", str(len(bundle.follow_ups)))
        return f"★ {name}　·　{parts}"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the search box move through the list, so the clerk never leaves the keyboard.
        if watched is self.edt_search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.lst_transactions.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.lst_transactions.count():
                    self.lst_transactions.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def _choose_current(self) -> None:
        item = self.lst_transactions.currentItem()
        if item is not None:
            self._choose_item(item)

    @Slot(QListWidgetItem)
    def _choose_item(self, item: QListWidgetItem) -> None:
        code = str(item.data(ROLE_CODE))
        if code.startswith(BUNDLE_PREFIX):
            bundle = self._context.core.bundle_catalog.get(code.removeprefix(BUNDLE_PREFIX))
            if bundle is not None:
                self.bundle_chosen.emit(bundle)
            return
        transaction = self._context.core.catalog.get(code)
        if transaction is not None:
            self.count_use(transaction.code)
            self.chosen.emit(transaction)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.lbl_title.setText(self.tr("② 选择事项"))
        self.edt_search.setPlaceholderText(self.tr("输入事项名称、拼音首字母（如 csdj）或代码；“一件事”如 出生一件事"))
        self.lbl_hint.setText(self.tr("↑↓ 选择，回车确认；常办事项排在前面"))
        self._filter()
