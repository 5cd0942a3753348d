"""Building blocks of the kiosk screens: labelled text in a style role, big buttons, tiles whose long
titles wrap, an on-screen letter keypad, and a pager for lists that must not scroll (a finger on a
kiosk pages far more reliably than it scrolls).

Sizes come from the style sheet (kiosk/style.py); nothing here is smaller than a touch target.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desk.paths import resources_dir


def text_label(text: str = "", role: str = "body", *, wrap: bool = True,
               align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setAlignment(align)
    label.setTextFormat(Qt.TextFormat.PlainText)  # citizen and catalog text is never markup
    return label


def big_button(text: str = "", role: str = "", *, checkable: bool = False) -> QPushButton:
    button = QPushButton(text)
    if role:
        button.setProperty("role", role)
    button.setCheckable(checkable)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a keyboard-wedge scanner's Enter must press nothing
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


class TileButton(QPushButton):
    """A large button with a wrapped title and an optional smaller line under it."""

    def __init__(self, title: str = "", subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.lbl_title = text_label(title, "tile")
        self.lbl_subtitle = text_label(subtitle, "subtitle")
        for label in (self.lbl_title, self.lbl_subtitle):
            # The button, not the label, must receive the touch.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.setSpacing(4)
        # Title and subtitle stay together, centred in however tall the tile is.
        self.lbl_icon = QLabel(self)
        self.lbl_icon.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.lbl_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lbl_icon.hide()
        self.icon_name = ""
        self.icon_size = 72  # the 1920×1080 design; the screen sets it for its size and mode
        layout.addStretch(1)
        layout.addWidget(self.lbl_icon)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.lbl_subtitle)
        layout.addStretch(1)
        self.lbl_subtitle.setVisible(bool(subtitle))

    def set_icon(self, name: str) -> None:
        """A line icon from resources/icons/kiosk/<name>.svg above the title (drawn for this project)."""
        self.icon_name = name
        self._render_icon()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_icon()

    def _fit_icon(self) -> None:
        """The icon shows only where the words keep their room: a tile squeezed (the "still there?"
        banner, elders' English) drops the picture, never a line of its title."""
        if not self.icon_name:
            return
        layout = self.layout()
        if layout is None:
            return
        margins, spacing = layout.contentsMargins(), layout.spacing()
        width = self.width() - margins.left() - margins.right()
        words = self.lbl_title.heightForWidth(width)
        if self.lbl_subtitle.isVisibleTo(self):
            words += spacing + self.lbl_subtitle.heightForWidth(width)
        room = self.height() - margins.top() - margins.bottom() - words - spacing
        self.lbl_icon.setVisible(room >= self.icon_size)

    def set_icon_size(self, side: int) -> None:
        self.icon_size = side
        self._render_icon()

    def _render_icon(self) -> None:
        if not self.icon_name:
            return
        side = self.icon_size
        self.lbl_icon.setPixmap(tile_icon(self.icon_name, side, self.devicePixelRatioF()))
        self.lbl_icon.setFixedHeight(side)
        self._fit_icon()

    def set_texts(self, title: str, subtitle: str = "") -> None:
        self.lbl_title.setText(title)
        self.lbl_subtitle.setText(subtitle)
        self.lbl_subtitle.setVisible(bool(subtitle))

    def set_height(self, height: int) -> None:
        self.setMinimumHeight(height)


class ToggleButton(TileButton):
    """A choice that is on or off, and shows which: a large drawn box (ticked, on the tiles' yellow
    "chosen" ground, when on) and the state in words under the caption ("已选择…" / "未选择…"), also in
    the accessible description. Its words wrap like a tile's, so a long caption in English or the
    elders' mode stays whole. A plain checkable button only turned dark blue when chosen — the look of
    the primary action beside it — and nothing said whether it was chosen (found driving the kiosk, #33)."""

    BOX_ROOM = 100  # the left margin the box is drawn in, on the 1920×1080 design (fit_layouts scales it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.setCheckable(True)
        # As tall as its wrapped words need at its width (a push button's own hint is one line).
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        layout = self.layout()
        assert layout is not None
        layout.setContentsMargins(self.BOX_ROOM, 10, 20, 10)
        self._caption, self._on, self._off = "", "", ""
        self.toggled.connect(lambda _checked: self._show_state())

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return super().sizeHint() if layout is None else layout.totalSizeHint().expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return super().minimumSizeHint() if layout is None else layout.totalMinimumSize()

    def set_choice_texts(self, caption: str, on: str, off: str) -> None:
        """The caption and the words for each state (already in the kiosk's language)."""
        self._caption, self._on, self._off = caption, on, off
        self.setAccessibleName(caption)
        self._show_state()

    @property
    def state_text(self) -> str:
        return self._on if self.isChecked() else self._off

    @property
    def spoken(self) -> str:
        """What the kiosk says when the citizen switches it: the caption and its new state."""
        return f"{self._caption} {self.state_text}"

    def _show_state(self) -> None:
        self.set_texts(self._caption, self.state_text)
        self.lbl_subtitle.setVisible(bool(self.state_text))
        self.setAccessibleDescription(self.state_text)

    def box_rect(self) -> QRectF:
        """Where the box is drawn: in the left margin kept free for it."""
        layout = self.layout()
        room = layout.contentsMargins().left() if layout is not None else self.BOX_ROOM
        side = min(self.height() * 0.5, room * 0.6)
        return QRectF((room - side) / 2, (self.height() - side) / 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.box_rect()
        ink = QColor("#0b3a6e")
        painter.setPen(QPen(ink, max(3.0, box.width() * 0.08)))
        painter.setBrush(ink if self.isChecked() else QColor("#ffffff"))
        painter.drawRoundedRect(box, box.width() * 0.12, box.width() * 0.12)
        if self.isChecked():
            tick = QPen(QColor("#ffffff"), box.width() * 0.14)
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(tick)
            x, y, w = box.x(), box.y(), box.width()
            painter.drawPolyline([QPointF(x + w * 0.22, y + w * 0.52), QPointF(x + w * 0.42, y + w * 0.72),
                                  QPointF(x + w * 0.78, y + w * 0.3)])
        painter.end()

def tile_icon(name: str, side: int, ratio: float = 1.0) -> QPixmap:
    """The named SVG icon rendered sharp at `side` logical pixels."""
    renderer = QSvgRenderer(str(resources_dir() / "icons" / "kiosk" / f"{name}.svg"))
    if not renderer.isValid():
        raise FileNotFoundError(f"resources/icons/kiosk/{name}.svg is missing or not an SVG")
    pixmap = QPixmap(math.ceil(side * ratio), math.ceil(side * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class TileGrid(QWidget):
    """A fixed set of tiles in a grid, made once and refilled: `show_items([(title, subtitle), …])`
    shows as many as needed and hides the rest; `tile_clicked(index)` tells which was pressed.

    Reusing the tiles (rather than making new ones for every page or visit) keeps a kiosk that
    serves thousands of citizens a day from churning widgets and signal connections."""

    tile_clicked = Signal(int)

    def __init__(self, capacity: int, columns: int, *, checkable: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[TileButton] = []
        self._columns = columns
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(20)
        for index in range(capacity):
            tile = TileButton()
            tile.setCheckable(checkable)
            tile.clicked.connect(self._clicked(index))
            tile.hide()
            self.tiles.append(tile)
        self._place()

    def _clicked(self, index: int) -> Callable[[], None]:
        return lambda: self.tile_clicked.emit(index)

    def _place(self) -> None:
        for index, tile in enumerate(self.tiles):
            self._grid.removeWidget(tile)
            self._grid.addWidget(tile, index // self._columns, index % self._columns)

    def spacing(self) -> int:
        return self._grid.spacing()

    def set_rows(self, counts: Sequence[int]) -> None:
        """Tiles in rows of the given sizes (a row of one spans the grid's width: a title too long for
        half of it); the tiles after them in the grid's columns as before."""
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        index = 0
        for row, count in enumerate(counts):
            for column in range(count):
                if index < len(self.tiles):
                    span = self._columns if count == 1 else 1
                    self._grid.addWidget(self.tiles[index], row, column, 1, span)
                    index += 1
        rest = len(counts)
        for offset, tile in enumerate(self.tiles[index:]):
            self._grid.addWidget(tile, rest + offset // self._columns, offset % self._columns)

    def set_columns(self, columns: int) -> None:
        if columns != self._columns:
            self._columns = columns
            self._place()

    def show_items(self, items: Sequence[tuple[str, str]], height: int) -> None:
        if len(items) > len(self.tiles):
            raise ValueError(f"{len(items)} tiles asked of a grid of {len(self.tiles)}")
        for index, tile in enumerate(self.tiles):
            if index < len(items):
                tile.set_texts(*items[index])
                tile.set_height(height)
                tile.show()
            else:
                tile.set_texts("")
                tile.setChecked(False)
                tile.hide()

    def clear(self) -> None:
        self.show_items([], 0)

    def visible_titles(self) -> list[str]:
        return [tile.lbl_title.text() for tile in self.tiles if not tile.isHidden()]


def card_frame() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(24, 16, 24, 16)
    layout.setSpacing(8)
    return frame, layout


ALPHABET_ROWS = ("ABCDEFGHI", "JKLMNOPQR", "STUVWXYZ")
DIGIT_ROW = "1234567890"


class Keypad(QWidget):
    """On-screen keys: letters (A–Z, alphabetical — easier to find than QWERTY for people who do not
    type), optional digits, backspace and clear. `lower_case` makes letters type in lower case."""

    key_pressed = Signal(str)
    backspace_requested = Signal()
    clear_requested = Signal()

    def __init__(self, *, digits: bool = False, lower_case: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lower = lower_case
        self.keys: list[QPushButton] = []
        layout = QGridLayout(self)
        layout.setSpacing(8)
        layout.setContentsMargins(0, 0, 0, 0)
        rows: Sequence[str] = ((DIGIT_ROW,) if digits else ()) + ALPHABET_ROWS
        for row_index, row in enumerate(rows):
            for column, char in enumerate(row):
                key = big_button(char.lower() if lower_case else char, "key")
                key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                key.clicked.connect(self._typer(key.text()))
                layout.addWidget(key, row_index, column)
                self.keys.append(key)
        last = len(rows) - 1
        self.btn_backspace = big_button("⌫", "key")
        self.btn_backspace.clicked.connect(self.backspace_requested)
        self.btn_clear = big_button("", "key")
        self.btn_clear.clicked.connect(self.clear_requested)
        layout.addWidget(self.btn_backspace, last, 8)
        layout.addWidget(self.btn_clear, last, 9)
        self.retranslate_ui()

    def _typer(self, char: str) -> Callable[[], None]:
        return lambda: self.key_pressed.emit(char)

    def retranslate_ui(self) -> None:
        self.btn_clear.setText(self.tr("清空"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class Pager(QWidget):
    """Previous / next page buttons with "第 2 / 5 页" between them; `page_changed(int)` on a turn."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = 0
        self.pages = 1
        self.btn_previous = big_button("", "secondary")
        self.btn_next = big_button("", "secondary")
        self.lbl_page = text_label("", "large", align=Qt.AlignmentFlag.AlignCenter)
        self.btn_previous.clicked.connect(lambda: self.turn(-1))
        self.btn_next.clicked.connect(lambda: self.turn(1))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.btn_previous)
        layout.addWidget(self.lbl_page)
        layout.addWidget(self.btn_next)
        self.retranslate_ui()

    def reset(self, count: int, page_size: int) -> None:
        self.pages = max(1, -(-count // page_size))
        self.page = 0
        self._refresh()

    def set_pages(self, pages: int, page: int = 0) -> None:
        """Pages of different sizes (the caller cut them): `pages` of them, showing `page`."""
        self.pages = max(1, pages)
        self.page = min(max(0, page), self.pages - 1)
        self._refresh()

    def turn(self, step: int) -> None:
        page = min(max(0, self.page + step), self.pages - 1)
        if page != self.page:
            self.page = page
            self._refresh()
            self.page_changed.emit(page)

    def _refresh(self) -> None:
        self.setVisible(self.pages > 1)
        self.btn_previous.setEnabled(self.page > 0)
        self.btn_next.setEnabled(self.page < self.pages - 1)
        self.lbl_page.setText(self.tr("第 {page} / {pages} 页").format(page=self.page + 1, pages=self.pages))

    def retranslate_ui(self) -> None:
        self.btn_previous.setText(self.tr("上一页"))
        self.btn_next.setText(self.tr("下一页"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def fit_layouts(root: QWidget, screen: float) -> None:
    """Scale the spacing and margins of every layout under `root` from its values on the 1920×1080
    design (remembered the first time), so a smaller screen gets the same proportions."""
    for layout in [root.layout(), *root.findChildren(QLayout)]:
        if layout is None:
            continue
        design = layout.property("design_box")
        if design is None:
            margins = layout.contentsMargins()
            design = [layout.spacing(), margins.left(), margins.top(), margins.right(), margins.bottom()]
            layout.setProperty("design_box", design)
        spacing, left, top, right, bottom = (int(v) for v in design)
        if spacing >= 0:  # -1: a grid whose two spacings differ keeps them
            layout.setSpacing(math.ceil(spacing * screen))
        layout.setContentsMargins(*(math.ceil(v * screen) for v in (left, top, right, bottom)))


class Pictogram(QWidget):
    """A simple drawn sign (an ID card on a reader, a tick, an exclamation mark, an "i", a QR code):
    drawn rather than taken from a font, so it never turns into a box on a machine without emoji."""

    KINDS = ("card", "done", "warning", "info", "wait")

    def __init__(self, kind: str = "info", size: int = 160, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.design_size = size  # on the 1920×1080 design; other screens scale it (Screen.apply_metrics)
        self.setFixedSize(size, size)

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.update()

    def set_size(self, size: int) -> None:
        self.setFixedSize(size, size)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        colours = {"card": "#1a5fb4", "done": "#2e7d32", "warning": "#c77700", "info": "#1a5fb4", "wait": "#1a5fb4"}
        colour = QColor(colours.get(self.kind, "#1a5fb4"))
        pen = QPen(colour, side * 0.06)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        m = side * 0.08
        if self.kind == "card":
            painter.drawRoundedRect(QRectF(m, side * 0.22, side - 2 * m, side * 0.56), side * 0.06, side * 0.06)
            painter.drawRect(QRectF(side * 0.18, side * 0.34, side * 0.2, side * 0.3))
            for y in (0.38, 0.5, 0.62):
                painter.drawLine(QPointF(side * 0.48, side * y), QPointF(side * 0.82, side * y))
        else:
            painter.drawEllipse(QRectF(m, m, side - 2 * m, side - 2 * m))
            if self.kind == "done":
                painter.drawPolyline([QPointF(side * 0.3, side * 0.52), QPointF(side * 0.45, side * 0.67),
                                      QPointF(side * 0.72, side * 0.37)])
            elif self.kind == "warning":
                painter.drawLine(QPointF(side / 2, side * 0.28), QPointF(side / 2, side * 0.58))
                painter.drawPoint(QPointF(side / 2, side * 0.72))
            elif self.kind == "wait":
                painter.drawLine(QPointF(side / 2, side * 0.5), QPointF(side / 2, side * 0.28))
                painter.drawLine(QPointF(side / 2, side * 0.5), QPointF(side * 0.66, side * 0.6))
            else:
                painter.drawPoint(QPointF(side / 2, side * 0.3))
                painter.drawLine(QPointF(side / 2, side * 0.44), QPointF(side / 2, side * 0.72))
        painter.end()
