"""Language of the user interfaces: Chinese is the source language of every string (`self.tr("受理")`);
English comes from Qt Linguist files `resources/i18n/<catalog>_en.ts` (`station_desk` for desk/ui +
desk/forms, `kiosk` for the kiosk, `messages` for what errors say — desk.domain.messages), compiled to
`.qm` by `scripts/build-translations.sh` (run by the setup script).

Qt's own strings (OK/Cancel, the file dialog, the calendar popup, a line edit's context menu) come
from Qt's translations shipped with PySide6 (`qtbase_<lang>.qm` in its translations folder): the
Chinese screens load `qtbase_zh_CN`, so no English shows up in a Chinese dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desk.paths import resources_dir

LANGUAGES = {"zh_CN": "中文", "en": "English"}
CATALOGS = ("station_desk", "kiosk", "messages")


QT_CATALOGS = {"zh_CN": "qtbase_zh_CN"}  # Qt's own strings; English is Qt's source language


def translations_dir() -> str:
    return str(resources_dir() / "i18n")


def qt_translations_dir() -> str:
    """Where PySide6 keeps Qt's own .qm files."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class LanguageSwitcher:
    """Installs the translator for a language; the widgets retranslate on QEvent.LanguageChange."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "zh_CN"

    def uninstall(self) -> None:
        """Take this switcher's translators off the application (at shut-down)."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []

    def set_language(self, language: str) -> bool:
        """Switch to `language` ("zh_CN" or "en"); False if no compiled translation exists for it."""
        self.uninstall()
        self.language = "zh_CN"
        if language == "zh_CN":
            QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
            self._install_qt(language)
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
        self._install_qt(language)
        return True

    def qt_translated(self) -> bool:
        """Qt's own dialogs speak the current language (true for English, Qt's source language)."""
        return self.language not in QT_CATALOGS or any(
            not t.isEmpty() and t.language() == self.language for t in self._translators)

    def _install_qt(self, language: str) -> None:
        name = QT_CATALOGS.get(language)
        if name is None:
            return
        translator = QTranslator(self._app)
        if translator.load(name, qt_translations_dir()):
            self._app.installTranslator(translator)
            self._translators.append(translator)
