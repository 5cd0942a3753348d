"""Small modal questions, each wrapped in a function the screens call through `Asker`.

Screens never call `QDialog.exec()` directly: they hold an `Asker` (given by the composition root)
whose methods tests replace with plain functions, so no test ever blocks on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class Asker:
    """The questions a desk screen may ask; every method returns None (or False) when cancelled."""

    def reason(self, parent: QWidget | None, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
        text = text.strip()
        return text if ok and text else None

    def password(self, parent: QWidget | None, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        answer = QMessageBox.question(parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def save_path(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return Path(path) if path else None

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)
