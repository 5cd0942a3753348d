"""Small widget helpers the desk screens share: read-only tables, section titles, banners, dates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from desk.domain.clock import local_datetime

ROLE_KEY = Qt.ItemDataRole.UserRole


def make_table(parent: QWidget | None = None, *, stretch_column: int | None = None) -> QTableWidget:
    """A read-only, row-selecting table with a calm look; rows are set with `fill_table`."""
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setHighlightSections(False)
    table.setProperty("stretch_column", stretch_column)
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
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, int | float) and not isinstance(value, bool):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if keys is not None:
                item.setData(ROLE_KEY, keys[r])
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    stretch = table.property("stretch_column")
    if isinstance(stretch, int) and 0 <= stretch < len(headers):
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)


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
