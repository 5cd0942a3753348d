"""Qt's own strings (OK/Cancel, the file dialog) follow the desk's language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from desk.qt.i18n import LanguageSwitcher


def test_qt_dialogs_speak_chinese_and_english_again(qtbot: QtBot) -> None:
    switcher = LanguageSwitcher(QApplication.instance())  # type: ignore[arg-type]
    try:
        assert switcher.set_language("zh_CN")
        assert switcher.qt_translated()
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        texts = {button.text().replace("&", "") for button in box.buttons()}
        assert any("取消" in text for text in texts), texts
        assert any("确定" in text or "好" in text for text in texts), texts
        dialog = QFileDialog(None, "导出", "", "CSV (*.csv)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = " ".join(w.text() for w in dialog.findChildren(QPushButton))
        assert "Cancel" not in labels and "取消" in labels
        assert any(t.translate("QPlatformTheme", "Cancel") == "取消" for t in switcher._translators)
        # English is Qt's source language: switching takes the Chinese Qt catalog off again. (Checked on
        # the switcher's own translators: another app object in the same test run may still hold one.)
        assert switcher.set_language("en")
        assert all(t.translate("QPlatformTheme", "Cancel") in ("", "Cancel") for t in switcher._translators)
        assert switcher.qt_translated()
    finally:
        switcher.uninstall()


def test_the_desk_says_an_error_message_through_qts_translators() -> None:
    """The screens translate a message key with Qt (messages_en.qm), parameters and terms included."""
    from desk.domain.errors import InvalidInput
    from desk.domain.messages import Term
    from desk.qt.tasks import TaskRunner
    from desk.ui.context import DeskContext

    error = InvalidInput.say("case.form_closed", number="HP01-2026-000007", state=Term("state.completed"))
    switcher = LanguageSwitcher(QApplication.instance())  # type: ignore[arg-type]
    context = DeskContext(TaskRunner(), language="zh_CN")
    try:
        assert switcher.set_language("en")
        context.language = "en"
        assert context.error_text(error) == "Case HP01-2026-000007 is “completed”; its form can no longer change."
        assert switcher.set_language("zh_CN")
        context.language = "zh_CN"
        assert context.error_text(error) == "申请 HP01-2026-000007 当前为“已办结”，表单不能再修改。"
    finally:
        switcher.uninstall()
