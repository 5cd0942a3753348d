"""Made for everyone: at the kiosk's 1920×1080 and at 1366×768, 1280×1024 and a 1080×1920 portrait
screen, on every screen of a full citizen tour, in normal and elders' mode — every button is at least
15 mm both ways (60 px at 1920×1080), body text is at least 24 px there (and 1.4 times larger for
elders; other screens in proportion), nothing is cut off, nothing overlaps its neighbour and nothing
makes the window outgrow the screen."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest
from kiosk_fixtures import KioskUnderTest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget

from kiosk.screens.cases import MAX_CARDS, CasesScreen
from kiosk.screenshots import Tour, citizen_tour
from kiosk.style import BODY_PX, ELDERS_SCALE, MIN_BODY_PX, NORMAL, SCREEN_SIZE, SCREEN_SIZES
from kiosk.widgets import Pictogram, TileButton


def _inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(QRect(top_left, widget.size()).adjusted(0, 0, -1, -1))


def _cjk(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" for char in text)


def _overlaps(window: QWidget) -> list[str]:
    """Visible neighbours (same parent) drawn over each other: a layout squeezed below its minimum."""
    found = []
    for parent in [window, *window.findChildren(QWidget)]:
        children = [c for c in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                    if c.isVisible() and isinstance(c, QLabel | QAbstractButton | Pictogram)]
        for index, first in enumerate(children):
            for second in children[index + 1:]:
                shared = first.geometry().intersected(second.geometry())
                if shared.width() > 2 and shared.height() > 2:
                    def name(widget: QWidget) -> str:
                        text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else "pictogram"
                        return repr(text[:16])

                    found.append(f"{name(first)} overlaps {name(second)} in {type(parent).__name__}"
                                 f" {first.geometry()} {second.geometry()} {parent.geometry()}")
    return found


def _problems(window: QWidget, elders: bool, english: bool = False,
              size: tuple[int, int] = SCREEN_SIZE) -> list[str]:
    problems = []
    metrics = NORMAL.on_screen(*size)
    min_touch = metrics.min_touch
    if english:
        # Never mixed: every button speaks English (but the one that switches back to 中文).
        for button in window.findChildren(QAbstractButton):
            texts = [button.text()] + [label.text() for label in button.findChildren(QLabel)]
            if button.isVisible() and any(_cjk(text) for text in texts) and button.text() != "中文":
                problems.append(f"button {texts} is not in English")
        for name in ("lbl_countdown", "lbl_help"):
            label = getattr(window, name)
            if label.isVisible() and _cjk(label.text()):
                problems.append(f"{name} {label.text()!r} is not in English")
    if (window.width(), window.height()) != size:
        problems.append(f"window is {window.width()}×{window.height()}")
    smallest_text = (BODY_PX * ELDERS_SCALE if elders else MIN_BODY_PX) * metrics.screen
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        if button.width() < min_touch or button.height() < min_touch:
            problems.append(f"button {button.text()!r} is {button.width()}×{button.height()}")
        if not _inside(button, window):
            problems.append(f"button {button.text()!r} sticks out of the screen")
        if isinstance(button, QPushButton) and not isinstance(button, TileButton) and button.text():
            # The text with the style's padding and border around it (the size hint holds both).
            needed = max(button.fontMetrics().horizontalAdvance(button.text()), button.sizeHint().width() - 2)
            if button.width() < needed:
                problems.append(f"button {button.text()!r} cuts its text ({button.width()} < {needed})")
        if isinstance(button, TileButton) and button.icon_name:
            # The tile's icon is drawn, whole, inside the tile and above (not over) its title.
            icon, title = button.lbl_icon, button.lbl_title
            if icon.pixmap().isNull():
                problems.append(f"tile {title.text()!r} lost its icon")
            elif icon.isVisible() and (not button.rect().contains(icon.geometry())
                                       or icon.geometry().bottom() > title.geometry().top()):
                problems.append(f"tile {title.text()!r}: icon {icon.geometry()} outside or over the title "
                                f"{title.geometry()} in {button.rect()}")
            elif icon.pixmap().deviceIndependentSize().height() > icon.height() + 1:
                problems.append(f"tile {title.text()!r}: icon cut ({icon.height()} px high)")
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        size = label.font().pixelSize()
        if size < smallest_text - 0.5:
            problems.append(f"text {label.text()[:20]!r} is {size}px")
        if not _inside(label, window):
            problems.append(f"text {label.text()[:20]!r} sticks out of the screen")
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if label.height() < needed - 2:
                problems.append(f"text {label.text()[:20]!r} is cut ({label.height()} < {needed} px high)")
        elif label.width() < label.fontMetrics().horizontalAdvance(label.text()) - 2:
            problems.append(f"text {label.text()[:20]!r} is cut at the side")
    return problems + _overlaps(window)


def _pages_use_the_space(screen: CasesScreen) -> list[str]:
    """我的办件's pages are full: the next page's first row would not have fitted on the one before (by
    the cards' heights at this screen's width and text size), and the shown page fits its room."""
    room, gap, width = screen._room()
    rows = dict((tuple(cases), height) for cases, height in screen._rows(room, gap, width))
    screen._ruler.clear()
    problems = []
    pages = screen._pages
    for number, (page, following) in enumerate(pairwise(pages), start=1):
        used = sum(rows[tuple(cases)] for cases in page) + gap * len(page)
        if used + rows[tuple(following[0])] <= room and sum(map(len, page)) + len(following[0]) <= MAX_CARDS:
            problems.append(f"page {number} {screen.page_rows()} leaves room for the next case ({used} of {room} px)")
    shown = [card for card in screen.cards if card.isVisible()]
    if shown and max(card.geometry().bottom() for card in shown) > screen.btn_back.geometry().top():
        problems.append("a case card reaches into the buttons")
    return problems


def _checker(kiosk: KioskUnderTest, seen: list[str], size: tuple[int, int] = SCREEN_SIZE,
             page_sizes: list[list[int]] | None = None) -> Callable[[str], None]:
    def check(name: str) -> None:
        kiosk.qtbot.wait(60)  # queued layouts and polish
        elders = kiosk.kiosk.ctx.metrics.scale == ELDERS_SCALE
        seen.append(f"{name}{'-elders' if elders else ''}{'-en' if kiosk.kiosk.ctx.english else ''}")
        problems = _problems(kiosk.kiosk.window, elders, kiosk.kiosk.ctx.english, size)
        if name.startswith(("03-my-cases", "04-my-cases", "04a-my-cases")):
            problems += _pages_use_the_space(kiosk.kiosk.flow.cases)
            if page_sizes is not None:
                page_sizes.append(kiosk.kiosk.flow.cases.page_sizes())
        assert not problems, f"{name}: " + "; ".join(problems)
    return check


@pytest.mark.parametrize(("elders", "english"), [(False, False), (True, False), (False, True), (True, True)],
                         ids=["normal", "elders", "english", "english-elders"])
def test_every_screen_is_big_clear_and_whole(kiosk: KioskUnderTest, elders: bool, english: bool) -> None:
    window = kiosk.kiosk.window

    def preferences() -> None:
        # Both end with each session (the next citizen starts with the defaults); here every new
        # session switches them on again, as the citizen would.
        if elders and not window.btn_elders.isChecked():
            window.btn_elders.click()
        if english and not kiosk.kiosk.ctx.english:
            window.btn_language.click()

    preferences()
    assert (kiosk.kiosk.ctx.metrics.scale == ELDERS_SCALE) == elders
    assert kiosk.kiosk.ctx.english == english, "the English translation must be compiled (scripts/setup.sh)"
    kiosk.kiosk.ctx.sessions.started.connect(preferences)
    seen: list[str] = []
    page_sizes: list[list[int]] = []
    tour = Tour(kiosk.kiosk, _checker(kiosk, seen, page_sizes=page_sizes),
                lambda condition: kiosk.qtbot.waitUntil(condition, timeout=10_000))
    citizen_tour(tour)
    assert len(seen) >= 19
    # Three cases, one of them tall with its missing papers and actions: in elders' mode too, a page
    # holds more than one case (side by side on this landscape screen).
    assert page_sizes and max(page_sizes[0]) >= 2, page_sizes
    if elders:
        assert sum("-elders" in name for name in seen) >= 15
    if english:
        assert sum(name.endswith("-en") for name in seen) >= 15


@pytest.mark.slow
@pytest.mark.parametrize("size", SCREEN_SIZES[1:], ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("elders", [False, True], ids=["normal", "elders"])
def test_every_screen_fits_other_screen_sizes(kiosk: KioskUnderTest, size: tuple[int, int], elders: bool) -> None:
    window = kiosk.kiosk.window
    window.resize(*size)
    kiosk.qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=5000)
    assert kiosk.kiosk.ctx.metrics == NORMAL.on_screen(*size)

    def preferences() -> None:
        if elders and not window.btn_elders.isChecked():
            window.btn_elders.click()

    preferences()
    assert kiosk.kiosk.ctx.metrics.screen == NORMAL.on_screen(*size).screen  # the mode keeps the screen
    kiosk.kiosk.ctx.sessions.started.connect(preferences)
    seen: list[str] = []
    page_sizes: list[list[int]] = []
    # A roomy wait: the simulated card reads share two cores with everything else a test run does.
    tour = Tour(kiosk.kiosk, _checker(kiosk, seen, size, page_sizes),
                lambda condition: kiosk.qtbot.waitUntil(condition, timeout=30_000))
    citizen_tour(tour)
    assert len(seen) >= 19
    assert page_sizes and max(page_sizes[0]) >= 2, page_sizes  # elders' mode too: more than one a page


def test_the_checks_can_fail(kiosk: KioskUnderTest) -> None:
    """Control: a small button is found."""
    small = QPushButton("x", kiosk.kiosk.flow.attract)
    small.setStyleSheet("min-height: 0px; min-width: 0px; padding: 0px;")
    small.setFixedSize(40, 40)
    small.show()
    kiosk.qtbot.wait(30)
    assert any("'x' is 40×40" in problem for problem in _problems(kiosk.kiosk.window, False))
    small.move(kiosk.kiosk.flow.attract.lbl_welcome.pos())  # drawn over the headline
    kiosk.qtbot.wait(30)
    assert any("overlaps" in problem for problem in _problems(kiosk.kiosk.window, False))


def test_home_tiles_carry_their_icons(kiosk: KioskUnderTest) -> None:
    """Each home tile shows its own drawn icon (resources/icons/kiosk), and the check finds a lost one."""
    home = kiosk.kiosk.flow.home
    tiles = (home.btn_cases, home.btn_certificate, home.btn_ticket, home.btn_guide, home.btn_rating)
    assert [t.icon_name for t in tiles] == ["cases", "certificate", "ticket", "guide", "rating"]
    assert all(not t.lbl_icon.pixmap().isNull() for t in tiles)
    images = {t.icon_name: t.lbl_icon.pixmap().toImage() for t in tiles}
    assert len({image.cacheKey() for image in images.values()}) == 5
    assert images["cases"] != images["rating"]  # five different drawings, not one placeholder


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1366, 768), SCREEN_SIZE], ids=lambda size: f"{size[0]}x{size[1]}")
def test_what_to_bring_of_every_item_is_whole_in_elders_mode(kiosk: KioskUnderTest, size: tuple[int, int]) -> None:
    """办事要带什么 for every item, in large print: the long lists (国（境）外出生登记, the settlement items)
    go on more pages, measured at the list's width, rather than being squeezed until their text is cut."""
    window = kiosk.kiosk.window
    window.resize(*size)
    kiosk.qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=5000)
    if not window.btn_elders.isChecked():
        window.btn_elders.click()
    flow = kiosk.kiosk.flow
    flow.home.btn_guide.click()
    kiosk.qtbot.waitUntil(lambda: window.stack.currentWidget() is flow.guide, timeout=10_000)
    guide = flow.guide
    problems: list[str] = []
    for transaction in kiosk.kiosk.ctx.catalog.transactions():
        guide.show_transaction(transaction.code)
        for page in range(guide.pager.pages):
            if page:
                guide.pager.turn(1)
            kiosk.qtbot.wait(20)
            problems += [f"{transaction.code} p{page + 1}: {p}" for p in _problems(window, True, size=size)]
    assert not problems, "; ".join(problems[:8])


@pytest.mark.parametrize("size", [SCREEN_SIZE, (1366, 768)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_ticket_picker_in_english_large_text_shows_a_page_of_tiles(kiosk: KioskUnderTest,
                                                                        size: tuple[int, int]) -> None:
    """English elders' mode showed two services a page (a count guessed for the worst case) under a pager
    of its own: the rows are now measured and the pages turned from the bottom row — four a page, whole."""
    window = kiosk.kiosk.window
    window.resize(*size)
    kiosk.qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=5000)
    window.btn_language.click()
    window.btn_elders.click()
    flow = kiosk.kiosk.flow
    flow.attract.btn_ticket.click()
    kiosk.qtbot.waitUntil(lambda: window.current_name == "ticket", timeout=10_000)
    picker, ticket = flow.ticket.picker, flow.ticket
    tiles = pages = 0
    for button in picker.category_buttons.buttons():
        if button is picker.btn_search:
            continue
        button.click()
        kiosk.qtbot.wait(60)  # queued layouts: the pages are measured once they settled
        sizes = picker.page_sizes()
        tiles, pages = tiles + sum(sizes), pages + len(sizes)
        if button is picker.category_buttons.buttons()[0]:  # what the citizen sees first: four services
            assert sizes[0] >= min(4, len(picker._shown)), sizes
        for page in range(len(sizes)):
            if page:
                picker.pager.btn_next.click()
                kiosk.qtbot.wait(60)
            shown = [tile for tile in picker.tiles.tiles if tile.isVisible()]
            assert len(shown) == sizes[page]
            # Whole, above the bottom row of buttons, and no page leaves room for the next row.
            bottom_row = ticket.btn_back.mapTo(window, ticket.btn_back.rect().topLeft()).y()
            lowest = max(tile.mapTo(window, tile.rect().bottomLeft()).y() for tile in shown)
            assert lowest < bottom_row
            problems = _problems(window, True, True, size)
            assert not problems, f"{button.text()} p{page + 1}: " + "; ".join(problems)
            if page + 1 < len(sizes):
                width, gap = shown[0].width(), picker.tiles.spacing()
                following = picker._shown[sum(sizes[:page + 1]):sum(sizes[:page + 1]) + 2]
                used = lowest - shown[0].mapTo(window, shown[0].rect().topLeft()).y()
                row = max(picker._tile_height(item, width) for item in following)
                assert used + gap + row > picker._tile_room(), f"{button.text()} p{page + 1} had room for more"
    assert tiles / pages >= 2.5, (tiles, pages)  # two a page before (38 tiles on 19 pages)
