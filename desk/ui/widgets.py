"""Small widget helpers the desk screens share: read-only tables, section titles, banners, dates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from desk.domain.clock import local_datetime

ROLE_KEY = Qt.ItemDataRole.UserRole
# The stretching column (a transaction's name, a case's details) is never squeezed below this many CJK
# characters' width (nor below its header): in English the other columns took all but ~60 px of
# Today's 到期提醒 and cut the header to “nsacti”. Below that room the table scrolls sideways instead.
STRETCH_MIN_EMS = 7


class _StretchRoom(QObject):
    """Keeps a table's stretching column readable: stretched while the other columns leave it room,
    else as wide as its minimum with a horizontal scroll bar (the columns after it stay reachable)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport's resize, not only the table's: a table's own Resize reaches the filter before the
        # table lays out its viewport, so a table first shown in a tab measured a stale viewport (about
        # 100 px) and left its stretching column at the minimum beside a blank band.
        if event.type() == QEvent.Type.Resize:
            table = watched if isinstance(watched, QTableWidget) else watched.parent()
            if isinstance(table, QTableWidget):
                fit_stretch_column(table)
        return False


def make_table(parent: QWidget | None = None, *, stretch_column: int | None = None) -> QTableWidget:
    """A read-only, row-selecting table with a calm look; rows are set with `fill_table`."""
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    # Sideways by pixels: a table too narrow for its columns scrolls smoothly, not a whole column a step.
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.horizontalHeader().setHighlightSections(False)
    table.setProperty("stretch_column", stretch_column)
    if stretch_column is not None:
        room = _StretchRoom(table)
        table.installEventFilter(room)
        table.viewport().installEventFilter(room)
    return table


def fill_table(table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[object]],
               keys: Sequence[str] | None = None) -> None:
    """Replace the table's content; `keys[i]` is kept on row i (e.g. the case number to open)."""
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = "" if value is None else str(value)
            item = QTableWidgetItem(text)
            if len(text) > 8:  # a cell cut with … still says itself whole under the pointer
                item.setToolTip(text)
            if isinstance(value, int | float) and not isinstance(value, bool):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if keys is not None:
                item.setData(ROLE_KEY, keys[r])
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    stretch = table.property("stretch_column")
    if isinstance(stretch, int) and 0 <= stretch < len(headers):
        fit_stretch_column(table)
    else:
        header.setStretchLastSection(True)


def stretch_minimum(table: QTableWidget, column: int) -> int:
    """The least width of a table's stretching column: its header whole and STRETCH_MIN_EMS characters
    of its content (less if the content is narrower)."""
    header = table.horizontalHeader()
    em = table.fontMetrics().horizontalAdvance("中")
    return max(header.sectionSizeHint(column), min(table.sizeHintForColumn(column), em * STRETCH_MIN_EMS))


def fit_stretch_column(table: QTableWidget) -> None:
    """Stretch the table's stretching column over the room the other columns leave, but never below
    `stretch_minimum`: then the column keeps that width and the table scrolls sideways."""
    column = table.property("stretch_column")
    if not isinstance(column, int) or not 0 <= column < table.columnCount():
        return
    header = table.horizontalHeader()
    others = sum(max(header.sectionSizeHint(i), table.sizeHintForColumn(i))
                 for i in range(table.columnCount()) if i != column and not header.isSectionHidden(i))
    need = stretch_minimum(table, column)
    # What the columns can fill: the viewport, less a vertical scroll bar's share if it is still to come.
    scroll_bar = table.verticalScrollBar()
    room = table.viewport().width() - (0 if scroll_bar.isVisible() else scroll_bar.sizeHint().width()) - others
    if room >= need:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, need)


def row_key(table: QTableWidget, row: int | None = None) -> str | None:
    row = table.currentRow() if row is None else row
    item = table.item(row, 0) if row >= 0 else None
    value = item.data(ROLE_KEY) if item is not None else None
    return str(value) if value else None


def section_title(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("section")
    return label


def banner(parent: QWidget | None = None) -> QLabel:
    """A message strip (level property: info / ok / problem) hidden until given text."""
    label = QLabel(parent)
    label.setObjectName("banner")
    label.setWordWrap(True)
    label.hide()
    return label


def show_banner(label: QLabel, text: str | None, level: str = "info") -> None:
    label.setText(text or "")
    label.setVisible(bool(text))
    set_style_property(label, "level", level)


def set_style_property(widget: QWidget, name: str, value: object) -> None:
    """Set a property the style sheet selects on (level, active …) and re-polish — only when it changed:
    a re-polish restyles the widget and, when the rule changes its font, lays its parents out again."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def fmt_date(value: date | None) -> str:
    return value.isoformat() if value else ""


def fmt_time(value: datetime | None) -> str:
    return local_datetime(value).strftime("%Y-%m-%d %H:%M") if value else ""
