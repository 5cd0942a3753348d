"""Language of the user interfaces: Chinese is the source language of every string (`self.tr("受理")`);
English comes from Qt Linguist files `resources/i18n/station_desk_en.ts`, compiled to `.qm` by
`scripts/build-translations.sh` (run by the setup script)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desk.paths import resources_dir

LANGUAGES = {"zh_CN": "中文", "en": "English"}
_CATALOG_NAME = "station_desk"


def translations_dir() -> str:
    return str(resources_dir() / "i18n")


class LanguageSwitcher:
    """Installs the translator for a language; the widgets retranslate on QEvent.LanguageChange."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self.language = "zh_CN"

    def set_language(self, language: str) -> bool:
        """Switch to `language` ("zh_CN" or "en"); False if its compiled translation is missing."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        self.language = "zh_CN"
        if language == "zh_CN":
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
            return True
        translator = QTranslator(self._app)
        if not translator.load(f"{_CATALOG_NAME}_{language}", translations_dir()):
            return False
        self._app.installTranslator(translator)
        self._translator = translator
        self.language = language
        QLocale.setDefault(QLocale(language))
        return True
