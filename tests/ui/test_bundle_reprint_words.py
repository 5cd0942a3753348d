"""The 一件事 reprint's words name every paper sent: a completed member's certificate (身后一件事's
注销户口证明) was reprinted with the bundle's receipt and follow-up list, and the banner named only those two."""

from __future__ import annotations

from pathlib import Path

from desk_fixtures import START
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.core import Core
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.qt.i18n import LanguageSwitcher
from desk.qt.tasks import TaskRunner
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.case_extras import CaseExtrasPanel
from desk.ui.context import DeskContext
from desk.ui.dialogs import Asker


def test_a_bundle_reprint_names_the_certificate_it_sent(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    core = Core(store, shipped_catalog(), WorkingCalendar(), FixedClock(START), Settings(station_code="HP01"))
    context = DeskContext(TaskRunner(), core_or_none=core, language="zh_CN")
    panel = CaseExtrasPanel(context, Asker())
    qtbot.addWidget(panel)
    plain = ("bundle_receipt", "referral_list")
    with_certificate = (*plain, "deregistration_certificate")
    assert panel.reprinted_text(plain) == "“一件事”回执和后续事项告知单已送打印。"
    assert panel.reprinted_text(with_certificate) == "“一件事”回执、后续事项告知单和注销户口证明已送打印。"
    switcher = LanguageSwitcher(QApplication.instance())  # type: ignore[arg-type]
    try:
        assert switcher.set_language("en")
        context.language = "en"
        assert panel.reprinted_text(with_certificate) == (
            "The bundle receipt, the follow-up list and the certificate of deregistration were sent to the printer.")
    finally:
        switcher.set_language("zh_CN")
        switcher.uninstall()
        store.dispose()
