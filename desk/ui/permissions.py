"""What each role is offered on screen. The services check permissions again; this module only
decides what not to show, so a clerk never meets a button that would be refused."""

from __future__ import annotations

from enum import StrEnum

from desk.domain.workflow import Role


class Screen(StrEnum):
    TODAY = "today"
    NEW_CASE = "new_case"
    SEARCH = "search"
    MANAGER = "manager"


_SCREENS: dict[Role, tuple[Screen, ...]] = {
    Role.CLERK: (Screen.TODAY, Screen.NEW_CASE, Screen.SEARCH),
    Role.LEADER: (Screen.TODAY, Screen.NEW_CASE, Screen.SEARCH, Screen.MANAGER),
    Role.MANAGER: (Screen.TODAY, Screen.SEARCH, Screen.MANAGER),
    Role.ADMIN: (Screen.SEARCH, Screen.MANAGER),
}


def screens_for(role: Role) -> tuple[Screen, ...]:
    return _SCREENS[role]


def may_handle_cases(role: Role) -> bool:
    """Opening, deciding and calling queue tickets is desk work (clerks and leaders)."""
    return role in (Role.CLERK, Role.LEADER)
