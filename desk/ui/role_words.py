"""The roles' names on screen, through Qt's translation system (the domain's `Role.label_zh` is the
Chinese name for papers and the CLI). Keyed by the role's value: the window imports this before the
domain is loaded (the sign-in screen shows first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from desk.domain.workflow import Role


def role_label(role: Role) -> str:
    labels = {
        "clerk": QCoreApplication.translate("Role", "窗口民警"),
        "leader": QCoreApplication.translate("Role", "所领导"),
        "manager": QCoreApplication.translate("Role", "管理员（所长）"),
        "admin": QCoreApplication.translate("Role", "系统管理员"),
        "branch": QCoreApplication.translate("Role", "分局户政"),
    }
    return labels[str(role)]
