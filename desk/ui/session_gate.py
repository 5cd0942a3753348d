"""Sign-in, lock and sign-out of the desk as a plain state machine (no Qt), the way the kiosk's
flow keeps its session: `MainWindow` asks the gate what to do and shows the answer.

    signed out ──sign in──▶ signed in ──lock (Ctrl+L, idle)──▶ locked ──same user signs in──▶ signed in
         ▲                        │                              │
         └──────── sign out ──────┴──────── switch user ─────────┘

A sign-in typed before the core is ready (the window shows first, the core is built after) waits in
the gate and is replayed once the core is there; if the core fails, the error answers it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk.services.users import SignedIn


class GateState(StrEnum):
    SIGNED_OUT = "signed_out"
    SIGNED_IN = "signed_in"
    LOCKED = "locked"


@dataclass(frozen=True)
class SignInNow:
    """Ask the core to check these credentials."""

    username: str
    password: str


@dataclass(frozen=True)
class SignInWaits:
    """The core is not ready: the credentials are kept and replayed by `core_ready()`."""


@dataclass(frozen=True)
class SignInFails:
    """The core could not be built: show this error at the sign-in screen."""

    error: BaseException


SignInStep = SignInNow | SignInWaits | SignInFails


class SessionGate:
    """Who is at the desk, and whether the workspace may be shown."""

    def __init__(self) -> None:
        self.state = GateState.SIGNED_OUT
        self.session: SignedIn | None = None
        self._ready = False
        self._core_error: BaseException | None = None
        self._pending: SignInNow | None = None

    @property
    def locked_user(self) -> str | None:
        return self.session.username if self.state is GateState.LOCKED and self.session is not None else None

    # ---- the core behind the window ------------------------------------------------------------

    def core_ready(self) -> SignInNow | None:
        """The core (and the workspace) are there: returns the sign-in typed meanwhile, if any."""
        self._ready = True
        pending, self._pending = self._pending, None
        return pending

    def core_failed(self, error: BaseException) -> None:
        self._core_error = error
        self._pending = None

    # ---- the person at the desk ----------------------------------------------------------------

    def request_sign_in(self, username: str, password: str) -> SignInStep:
        if self._ready:
            return SignInNow(username, password)
        if self._core_error is not None:
            return SignInFails(self._core_error)
        self._pending = SignInNow(username, password)
        return SignInWaits()

    def signed_in(self, signed: SignedIn) -> bool:
        """The server or the store accepted the credentials. Returns True when this unlocks the
        same user's locked workspace (which then stays where it was), False for a fresh start."""
        unlocking = self.state is GateState.LOCKED and self.session is not None \
            and self.session.username == signed.username
        self.session = signed
        self.state = GateState.SIGNED_IN
        return unlocking

    def lock(self) -> bool:
        """Lock the workspace (the user stays signed in). False when there is nothing to lock."""
        if self.state is not GateState.SIGNED_IN:
            return False
        self.state = GateState.LOCKED
        return True

    def sign_out(self) -> None:
        self.session = None
        self.state = GateState.SIGNED_OUT
