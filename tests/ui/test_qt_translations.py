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


def test_the_desk_says_printings_refusal_and_a_readers_fault_by_their_keys() -> None:
    """Printing's "too long for the page" (its word parameter in the wire form: printing imports nothing
    of desk) and a device's fault speak through the same Qt catalogue as any DeskError."""
    from desk.devices.reader import CardImplausible
    from desk.devices.transport import TransportClosed
    from desk.qt.tasks import TaskRunner
    from desk.ui.context import DeskContext
    from printing.documents.common import DocumentTooLong

    too_long = DocumentTooLong("word.paper.applicant_name", length=10_000, most=60)
    unplugged = TransportClosed.say("serial.not_found", port="/dev/ttyUSB0")
    garbled = CardImplausible("name: identity_name_character")
    switcher = LanguageSwitcher(QApplication.instance())  # type: ignore[arg-type]
    context = DeskContext(TaskRunner(), language="zh_CN")
    try:
        assert switcher.set_language("en")
        context.language = "en"
        assert context.error_text(too_long) == ("the applicant's name (10000 characters, at most 60) is too long "
                                                "to lay out and print; check the data")
        assert context.error_text(unplugged) == "port /dev/ttyUSB0 not found — reader unplugged?"
        assert context.error_text(garbled) == ("the card's data looks garbled (name: identity_name_character) — "
                                               "place the card again")
        assert switcher.set_language("zh_CN")
        context.language = "zh_CN"
        assert context.error_text(too_long) == "申请人姓名（10000 个字符，最多 60 个）过长，无法排版打印，请核对数据"
        assert context.error_text(unplugged) == "找不到串口 /dev/ttyUSB0，读卡器可能已拔出"
        assert context.error_text(garbled) == "证件信息读取异常，请重新放置证件"  # the reason is for the log
    finally:
        switcher.uninstall()


def test_the_desk_says_catalog_names_in_an_error_on_its_own_side_of_the_data() -> None:
    """A refusal naming catalog data (the missing materials, a field's label inside the form's summary)
    shows the English names on an English screen and the Chinese ones on a Chinese screen: Qt's
    translation of `word.data_language` picks the side — as a city desk says the server's answer."""
    from desk.domain import messages
    from desk.domain.catalog import FieldProblem
    from desk.qt.tasks import TaskRunner
    from desk.services.cases import FormIncomplete, MaterialsMissing
    from desk.ui.context import DeskContext

    missing = MaterialsMissing([{"key": "booklet", "name_zh": "居民户口簿", "name_en": "Household booklet"},
                                {"key": "marriage", "name_zh": "结婚证", "name_en": "Marriage certificate"}])
    label = messages.Bilingual("婚姻状况", "Marital status")
    incomplete = FormIncomplete([FieldProblem("marital_status", "field.required", {"label": label})])
    switcher = LanguageSwitcher(QApplication.instance())  # type: ignore[arg-type]
    context = DeskContext(TaskRunner(), language="zh_CN")
    try:
        assert switcher.set_language("en")
        context.language = "en"
        assert context.error_text(missing) == ("2 material(s) missing: Household booklet, Marriage certificate; "
                                               "issue a one-time supplement notice instead.")
        assert context.error_text(incomplete) == "The form has 1 problem(s): Marital status is required."
        assert switcher.set_language("zh_CN")
        context.language = "zh_CN"
        assert context.error_text(missing) == "还缺少 2 项材料：居民户口簿、结婚证。可出具一次性告知书。"
        assert context.error_text(incomplete) == "表单有 1 处需要修改：请填写“婚姻状况”。"
    finally:
        switcher.uninstall()
