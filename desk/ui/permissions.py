"""What each role is offered on screen. The services check permissions again; this module only
decides what not to show, so a clerk never meets a button that would be refused."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk.domain.workflow import Role


class Screen(StrEnum):
    TODAY = "today"
    NEW_CASE = "new_case"
    SEARCH = "search"
    MANAGER = "manager"


# Keyed by the role's value (Role is a StrEnum): the window imports this before the domain.
_SCREENS: dict[str, tuple[Screen, ...]] = {
    "clerk": (Screen.TODAY, Screen.NEW_CASE, Screen.SEARCH),
    "leader": (Screen.TODAY, Screen.NEW_CASE, Screen.SEARCH, Screen.MANAGER),
    "manager": (Screen.TODAY, Screen.SEARCH, Screen.MANAGER),
    "admin": (Screen.SEARCH, Screen.MANAGER),
    # 分局户政 decides the branch-level cases of its stations (their queue is on Today) and looks them up.
    "branch": (Screen.TODAY, Screen.SEARCH),
}


def screens_for(role: Role) -> tuple[Screen, ...]:
    return _SCREENS[str(role)]


def may_handle_cases(role: Role) -> bool:
    """Opening, deciding and calling queue tickets is desk work (clerks and leaders)."""
    return str(role) in ("clerk", "leader")
