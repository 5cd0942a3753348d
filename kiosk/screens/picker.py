"""Choosing one of the 36 transactions with a finger: a large button per category, the category's
transactions as tiles a page at a time, and a search by pinyin initials on an on-screen keypad
(出生登记 → CSDJ; keywords count too: 上户口 → SHK) or, in English, by words of the English name.
Used by the queue ticket and the what-to-bring screens."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from desk.domain.catalog import Catalog, Category, Transaction
from kiosk.context import KioskContext
from kiosk.said import QT_TRANSLATE_NOOP, Data, Phrase, says
from kiosk.style import Metrics
from kiosk.widgets import Keypad, Pager, TileButton, TileGrid, big_button, text_label

# Category names for a button, said by the kiosk (the catalog's English ones are written for reports,
# too long here); each source is the category's own Chinese label (a test keeps them equal).
CATEGORY_BUTTONS: dict[Category, Phrase] = {
    Category.SETTLE: says(QT_TRANSLATE_NOOP("KioskSays", "落户")),
    Category.MOVE: says(QT_TRANSLATE_NOOP("KioskSays", "迁移")),
    Category.DEREGISTER: says(QT_TRANSLATE_NOOP("KioskSays", "注销")),
    Category.CHANGE: says(QT_TRANSLATE_NOOP("KioskSays", "变更更正")),
    Category.HOUSEHOLD: says(QT_TRANSLATE_NOOP("KioskSays", "户务")),
    Category.DOCUMENT: says(QT_TRANSLATE_NOOP("KioskSays", "证件证明")),
}
MAX_PAGE = 6  # the most tiles a page shows (Chinese, normal text)
SEARCH_PAGE = 2  # while searching the keypad takes half the screen: one row of tiles
GENERAL = ""  # "other business or advice": a ticket without a transaction (the ticket screen's own button)


@functools.lru_cache(maxsize=4096)
def initials(text: str) -> str:
    """Pinyin initials of the Chinese characters in `text`, upper case (other characters dropped).
    Cached: the kiosk's start works them out for the catalog on a worker (`learn_search_keys`)."""
    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(part[:1] for part in letters if part and part[0].isascii() and part[0].isalpha()).upper()


def learn_search_keys(catalog: Catalog) -> None:
    """The pinyin initials of every name and keyword, worked out before the pickers are built (on the
    start's worker thread, kiosk/launch.py): ~0.15 s the GUI thread no longer spends."""
    for transaction in catalog.transactions():
        initials(transaction.name_zh)
        for keyword in transaction.keywords:
            initials(keyword)


@dataclass(frozen=True)
class _Entry:
    transaction: Transaction
    keys: tuple[str, ...]  # initials of the name and of each keyword


def search(entries: list[_Entry], query: str) -> list[Transaction]:
    query = query.strip().upper()
    if not query:
        return []
    hits = []
    for entry in entries:
        english = entry.transaction.name_en.upper()
        if any(query in key for key in entry.keys) or query in english:
            hits.append(entry.transaction)
    return hits


class TransactionPicker(QWidget):
    picked = Signal(str)  # a transaction code

    def __init__(self, ctx: KioskContext, catalog: Catalog, parent: QWidget | None = None, *,
                 pager_outside: bool = False) -> None:
        """`pager_outside`: the screen places `pager` (in its own row of buttons), leaving the tiles its room."""
        super().__init__(parent)
        self.ctx = ctx
        self._groups = catalog.by_category()
        self._entries = [_Entry(t, (initials(t.name_zh), *(initials(k) for k in t.keywords)))
                         for t in catalog.transactions()]
        self._category: Category | None = next(iter(self._groups), None)
        self._query = ""
        self._shown: list[Transaction] = []

        self.category_buttons = QButtonGroup(self)
        self.category_buttons.setExclusive(True)
        self._category_of: dict[int, Category] = {}
        self.frm_categories = QWidget()
        self.category_grid = QGridLayout(self.frm_categories)
        self.category_grid.setContentsMargins(0, 0, 0, 0)
        self.category_grid.setSpacing(12)
        for index, category in enumerate(self._groups):
            button = big_button("", "secondary", checkable=True)
            self.category_buttons.addButton(button, index)
            self._category_of[index] = category
        self.btn_search = big_button("", "secondary", checkable=True)
        self.category_buttons.addButton(self.btn_search, len(self._groups))
        self._columns = 0
        self.frm_search = QWidget()
        self.lbl_query = text_label("", "large")
        self.btn_browse = big_button("", "secondary")
        self.btn_browse.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        search_row = QHBoxLayout(self.frm_search)
        search_row.setContentsMargins(0, 0, 0, 0)
        search_row.addWidget(self.lbl_query, 1)
        search_row.addWidget(self.btn_browse)
        self.keypad = Keypad()
        self.tiles = TileGrid(MAX_PAGE, 2)
        self._page_codes: list[str] = []
        self.lbl_none = text_label("", "large")
        self.pager = Pager()
        self._pager_outside = pager_outside
        self._pages: list[tuple[int, int]] = [(0, 0)]  # each page's first and end index into the shown tiles
        self._rows: list[list[int]] = []  # each page's rows: how many tiles side by side (1 or 2)
        # Never shown: filled with a title to measure how tall its tile is at the tiles' width.
        self._ruler = TileButton()
        self._ruler.setParent(self)
        self._ruler.hide()
        # Once the layouts settled after a change of text size, language or screen: the pages again.
        self._settled = QTimer(self)
        self._settled.setSingleShot(True)
        self._settled.setInterval(0)
        self._settled.timeout.connect(self._repage)

        self.category_buttons.idClicked.connect(self._on_category)
        self.btn_browse.clicked.connect(self.reset)
        self.keypad.key_pressed.connect(self._on_key)
        self.keypad.backspace_requested.connect(lambda: self._set_query(self._query[:-1]))
        self.keypad.clear_requested.connect(lambda: self._set_query(""))
        self.pager.page_changed.connect(self._show_page)
        self.tiles.tile_clicked.connect(lambda index: self.picked.emit(self._page_codes[index]))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.frm_categories)
        layout.addWidget(self.frm_search)
        layout.addWidget(self.keypad)
        layout.addWidget(self.lbl_none)
        layout.addWidget(self.tiles)
        layout.addStretch(1)
        if not pager_outside:
            layout.addWidget(self.pager)
        if self.category_buttons.buttons():
            self.category_buttons.button(0).setChecked(True)
        self._place_categories()
        self.retranslate_ui()

    def _place_categories(self) -> None:
        """One row when it fits (Chinese, normal text), otherwise two rows of four."""
        metrics = self.ctx.metrics
        columns = 7 if not self.ctx.english and not metrics.elders and not metrics.portrait else 4
        if columns == self._columns:
            return
        self._columns = columns
        for index, button in enumerate(self.category_buttons.buttons()):
            self.category_grid.removeWidget(button)
            self.category_grid.addWidget(button, index // columns, index % columns)

    # ---- state ------------------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the first category, search cleared (the next citizen starts afresh)."""
        self._query = ""
        self._category = next(iter(self._groups), None)
        if self.category_buttons.buttons():
            self.category_buttons.button(0).setChecked(True)
        self._refresh()

    @property
    def searching(self) -> bool:
        return self._category is None

    def _on_category(self, button_id: int) -> None:
        self._category = self._category_of.get(button_id)
        self._refresh()

    def _on_key(self, char: str) -> None:
        self._set_query(self._query + char)

    def _set_query(self, query: str) -> None:
        self._query = query[:12]
        self._refresh()

    def _refresh(self) -> None:
        searching = self.searching
        self.keypad.setVisible(searching)
        self.frm_search.setVisible(searching)
        self.frm_categories.setVisible(not searching)
        if searching:
            shown = self.tr("拼音首字母：{letters}").format(letters=self._query or "＿")
            self.lbl_query.setText(shown + self.tr("（例如 出生登记 输入 CSDJ）"))
            self._shown = search(self._entries, self._query)
        else:
            assert self._category is not None
            self._shown = list(self._groups[self._category])
        self.lbl_none.setVisible(searching and bool(self._query) and not self._shown)
        self._pages = self._cut_pages()
        self.pager.set_pages(len(self._pages), 0)
        self._show_page(0)

    def _repage(self) -> None:
        """The pages again for the room there is now, keeping the first tile shown on its page."""
        pages = self._cut_pages()
        if pages == self._pages:
            return
        page = self.pager.page
        first = self._pages[page][0] if 0 <= page < len(self._pages) else 0
        self._pages = pages
        page = next((i for i, (start, end) in enumerate(pages) if start <= first < end), 0)
        self.pager.set_pages(len(pages), page)
        self._show_page(self.pager.page)

    def page_sizes(self) -> list[int]:
        """How many tiles each page shows (for the tests)."""
        return [end - start for start, end in self._pages]

    def _cut_pages(self) -> list[tuple[int, int]]:
        """The tiles cut into pages, each page as many rows as the room under the categories holds,
        each row as tall as its taller tile at this width and text size (English names and elders' text
        wrap to two lines or more). A title too tall for half the width gets a row of its own, the whole
        width. Counted for the worst case, elders' English at 1920×1080 showed two tiles a page where
        four fitted."""
        count = len(self._shown)
        self._rows = []
        if self.searching or count == 0:
            searched = [(start, min(count, start + SEARCH_PAGE)) for start in range(0, count, SEARCH_PAGE)]
            return searched or [(0, 0)]
        columns, gap = 2, max(0, self.tiles.spacing())
        room = self._tile_room()
        full = self.width()
        half = (full - gap * (columns - 1)) // columns
        if room <= 0 or half <= 0:  # not laid out yet: the pages are cut again once it is
            return [(start, min(count, start + MAX_PAGE)) for start in range(0, count, MAX_PAGE)]
        rows: list[tuple[int, int, int]] = []  # first index, end index, height
        index = 0
        while index < count:
            end = min(count, index + columns)
            height = max(self._tile_height(item, half) for item in self._shown[index:end])
            if height > room:  # too tall side by side: each on a row of its own, the whole width
                end = index + 1
                height = self._tile_height(self._shown[index], full)
            rows.append((index, end, height))
            index = end
        pages: list[tuple[int, int]] = []
        page_rows: list[list[int]] = []
        start, used = 0, 0
        shapes: list[int] = []
        for first, end, height in rows:
            needed = height if not shapes else used + gap + height
            if shapes and (needed > room or end - start > MAX_PAGE):
                pages.append((start, first))
                page_rows.append(shapes)
                start, used, shapes = first, height, [end - first]
            else:
                used, shapes = needed, [*shapes, end - first]
        pages.append((start, count))
        page_rows.append(shapes)
        self._rows = page_rows
        return pages

    def _tile_room(self) -> int:
        """The height the tiles may take: the picker's, less the categories and (inside) the pager."""
        layout = self.layout()
        assert layout is not None
        gap = max(0, layout.spacing())
        used = self.frm_categories.sizeHint().height() + gap
        if self.lbl_none.isVisibleTo(self):
            used += self.lbl_none.sizeHint().height() + gap
        if not self._pager_outside:
            used += self.pager.sizeHint().height() + gap
        return self.height() - used

    def _tile_height(self, item: Transaction, width: int) -> int:
        large = self.ctx.metrics.elders
        self._ruler.set_texts(self.ctx.pick_pair(item.name_zh, item.name_en), "" if large else self._subtitle(item))
        ruler_layout = self._ruler.layout()
        if ruler_layout is not None:
            ruler_layout.invalidate()
        height = self._ruler.heightForWidth(width)
        return max(self.ctx.metrics.tile_height, height if height > 0 else self._ruler.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height() or event.size().width() != event.oldSize().width():
            self._settled.start()

    def _show_page(self, page: int) -> None:
        start, end = self._pages[page] if 0 <= page < len(self._pages) else (0, 0)
        shown = self._shown[start:end]
        self.tiles.set_rows(self._rows[page] if 0 <= page < len(self._rows) else [])
        self._page_codes = [item.code for item in shown]
        # Elders' mode drops the second line: the name, large, is what matters.
        large = self.ctx.metrics.elders
        self.tiles.show_items([(self.ctx.pick_pair(item.name_zh, item.name_en), "" if large else self._subtitle(item))
                               for item in shown], self.ctx.metrics.tile_height)

    def _subtitle(self, transaction: Transaction) -> str:
        days = transaction.time_limit_days
        if days == 0:
            return self.tr("当场办结")
        return self.tr("{days} 个工作日办结").format(days=days)

    # ---- look ---------------------------------------------------------------------------------------

    def apply_metrics(self, metrics: Metrics) -> None:
        self._place_categories()
        self._refresh()
        self._settled.start()  # once the new text sizes are laid out

    def retranslate_ui(self) -> None:
        for index, category in self._category_of.items():
            self.category_buttons.button(index).setText(
                self.ctx.say(CATEGORY_BUTTONS.get(category) or Data.of(category.label_zh, category.label_en)))
        self.btn_search.setText(self.tr("按拼音搜索"))
        self.btn_browse.setText(self.tr("按分类查找"))
        self._place_categories()
        self.lbl_none.setText(self.tr("没有找到，请换个字母试试，或按上面的分类查找。"))
        self._refresh()
        self._settled.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def tile_texts(self) -> list[str]:
        """The titles on the current page (for tests and the screenshot tool)."""
        return self.tiles.visible_titles()

    def click_tile(self, title: str) -> None:
        for tile in self.tiles.tiles:
            if not tile.isHidden() and tile.lbl_title.text() == title:
                tile.click()
                return
        raise LookupError(title)

