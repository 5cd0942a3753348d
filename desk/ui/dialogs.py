"""Small modal questions, each wrapped in a function the screens call through `Asker`.

Screens never call `QDialog.exec()` directly: they hold an `Asker` (given by the composition root)
whose methods tests replace with plain functions, so no test ever blocks on a modal dialog.

The dialog classes are imported when a question is first asked: the window is built (and the
sign-in screen shown) before anyone can ask anything, and loading them costs start-up time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class Asker:
    """The questions a desk screen may ask; every method returns None (or False) when cancelled."""

    def reason(self, parent: QWidget | None, title: str, prompt: str) -> str | None:
        """Why (不予批准, 撤回 …): several lines, none empty; None when cancelled."""
        from desk.ui.reason_dialog import ReasonDialog

        dialog = ReasonDialog(parent, title, prompt)
        return dialog.reason() if dialog.exec() == ReasonDialog.DialogCode.Accepted else None

    def refusal(self, parent: QWidget | None, title: str, grounds_prompt: str, grounds: list[str],
                prompt: str) -> tuple[int, str] | None:
        """One of the fixed grounds and this case's circumstances, in one dialog (不予受理); None when
        cancelled."""
        from desk.ui.reason_dialog import ReasonDialog

        dialog = ReasonDialog(parent, title, prompt, grounds, grounds_prompt)
        if dialog.exec() != ReasonDialog.DialogCode.Accepted:
            return None
        ground = dialog.ground()
        return (ground, dialog.reason()) if ground is not None and dialog.reason() else None

    def choice(self, parent: QWidget | None, title: str, prompt: str, items: list[str]) -> int | None:
        """The index of the item chosen from a fixed list, or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getItem(parent, title, prompt, items, 0, False)
        return items.index(text) if ok and text in items else None

    def password(self, parent: QWidget | None, title: str, prompt: str) -> str | None:
        from desk.ui.reason_dialog import PasswordDialog

        dialog = PasswordDialog(parent, title, prompt)
        accepted = dialog.exec() == PasswordDialog.DialogCode.Accepted
        return dialog.password() if accepted and dialog.password() else None

    def confirm(self, parent: QWidget | None, title: str, question: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def save_path(self, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return Path(path) if path else None

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)
