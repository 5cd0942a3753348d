"""Language of the user interfaces: Chinese is the source language of every string (`self.tr("受理")`);
English comes from Qt Linguist files `resources/i18n/<catalog>_en.ts` (one per app: `station_desk`
for desk/ui + desk/forms, `kiosk` for the kiosk), compiled to `.qm` by `scripts/build-translations.sh`
(run by the setup script)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desk.paths import resources_dir

LANGUAGES = {"zh_CN": "中文", "en": "English"}
CATALOGS = ("station_desk", "kiosk")


def translations_dir() -> str:
    return str(resources_dir() / "i18n")


class LanguageSwitcher:
    """Installs the translator for a language; the widgets retranslate on QEvent.LanguageChange."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "zh_CN"

    def set_language(self, language: str) -> bool:
        """Switch to `language` ("zh_CN" or "en"); False if no compiled translation exists for it."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        self.language = "zh_CN"
        if language == "zh_CN":
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
            return True
        for catalog in CATALOGS:
            translator = QTranslator(self._app)
            if translator.load(f"{catalog}_{language}", translations_dir()):
                self._app.installTranslator(translator)
                self._translators.append(translator)
        if not self._translators:
            return False
        self.language = language
        QLocale.setDefault(QLocale(language))
        return True
