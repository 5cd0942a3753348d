"""Where a card swipe or a scanned code goes at the desk, decided from the desk's state alone
(no Qt): `MainWindow` describes where it stands and follows the route.

- A card starts (or feeds) the new-case flow, for those who handle cases, whatever screen is shown.
- A scan is wanted once someone is signed in (at the sign-in screen an Enter is an Enter). It opens
  the search screen — except when a case is open in the new-case flow: an open case is never
  abandoned by a scan; the code is looked up on the search screen behind it and the clerk is told.
  An online application's QR code (网上办) opens its pre-filled case for those who handle cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class DeskPlace:
    """Where the desk stands when a device speaks."""

    signed_in: bool
    locked: bool
    workspace_ready: bool
    handles_cases: bool
    on_new_case: bool
    case_open: bool


class CardRoute(Enum):
    IGNORE = "ignore"
    NEW_CASE = "new_case"                  # show the new-case flow (starting a form if none) and feed it


class ScanRoute(Enum):
    IGNORE = "ignore"
    SEARCH = "search"                      # show the search screen with the code
    SEARCH_BEHIND_CASE = "search_behind"   # search without leaving the open case; tell the clerk
    ONLINE_COUNTER = "online_counter"      # a citizen's online application (网上办): open its pre-filled case


def accepts_scans(place: DeskPlace) -> bool:
    return place.signed_in and not place.locked and place.workspace_ready


def route_card(place: DeskPlace) -> CardRoute:
    if not place.signed_in or place.locked or not place.handles_cases or not place.workspace_ready:
        return CardRoute.IGNORE
    return CardRoute.NEW_CASE


def route_scan(place: DeskPlace, *, online_application: bool = False) -> ScanRoute:
    """`online_application`: the code is an online application's QR (`HJWS1:…`); for those who handle
    cases it opens the pre-filled case (an open case is still never abandoned)."""
    if not accepts_scans(place):
        return ScanRoute.IGNORE
    if place.on_new_case and place.case_open:
        return ScanRoute.SEARCH_BEHIND_CASE
    if online_application and place.handles_cases:
        return ScanRoute.ONLINE_COUNTER
    return ScanRoute.SEARCH
