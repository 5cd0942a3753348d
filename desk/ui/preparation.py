"""What the desk app prepares on a worker thread while its sign-in screen waits: the core, the
station's name, the demo cards, and everything that would otherwise stall the GUI thread later —
the modules of the devices, printing and the form engine, the fonts and the first rendering of a
paper, the pinyin index of the catalog (importing and the first use of these hold Python's GIL for
up to a few hundred ms).

Thread contract: `prepare()` runs on a TaskRunner worker and touches no widget. It is imported by
the worker too, so none of this is compiled or imported before the sign-in screen shows.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desk.paths import resources_dir

if TYPE_CHECKING:
    from desk.core import Core
    from desk.ui.transaction_search import SearchEntry


@dataclass
class Prepared:
    core: Core
    station_name: str
    # The picker's pinyin index and how often each transaction was opened recently.
    index: tuple[list[SearchEntry], dict[str, int]]
    demo_cards: list[tuple[str, str]] = field(default_factory=list)  # (label, name), for the demo menu


def prepare(core_factory: Callable[[], Core], *, demo: bool = False) -> Prepared:
    """Build the core and load what the work screens will need (worker thread).

    The garbage collector is off meanwhile, and what was made is frozen (kept out of its passes) at
    the end: the core is many long-lived objects, and each full pass over them holds the GIL — so the
    sign-in screen — for ~0.1 s, half a dozen times while the core is built. Building it leaves next
    to no garbage in cycles (~150 objects, measured), which freezing keeps.
    """
    gc.disable()
    try:
        return _prepare(core_factory, demo)
    finally:
        gc.freeze()
        gc.enable()


def _prepare(core_factory: Callable[[], Core], demo: bool) -> Prepared:
    core = core_factory()
    from desk.domain.errors import NotFound

    try:
        name = core.documents.station_info().name_zh
    except NotFound:  # not configured yet: the window shows no station name
        name = ""
    import desk.devices.reader
    import desk.devices.simulator
    import desk.forms.form_view
    import desk.forms.materials_view
    import desk.qt.print_adapter
    import desk.qt.reader_worker
    import desk.qt.scanner_input
    import desk.ui.case_view
    import desk.ui.manager_view
    import desk.ui.new_case
    import desk.ui.search_view
    import desk.ui.today_view  # noqa: F401
    from desk.services.documents import warm_up_printing
    from desk.ui.transaction_picker import load_usage

    index = load_usage(core)
    warm_up_printing()
    return Prepared(core, name, index, demo_card_labels() if demo else [])


def demo_card_labels() -> list[tuple[str, str]]:
    """(label, name) of the demo cards, read cheaply from the TOML file (for the demo menu)."""
    import tomllib

    path = resources_dir() / "demo" / "cards.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError:
        return []
    return [(str(c.get("label", "")), str(c.get("name", ""))) for c in data.get("card", [])]

