"""One desk's connection to the city server: its device id, its session token, HTTPS verified
against the city CA; every answer turned back into the values (or the DeskError) the in-process
use case would have given.

Thread contract: one Connection may be shared by the desk's worker threads (httpx.Client is
thread-safe); the token changes only at sign-in and sign-out.
"""

from __future__ import annotations

import logging
import os
import platform
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx

from desk.domain import messages
from desk.domain.errors import ConcurrentChange, DeskError, InvalidInput, NotFound, PermissionDenied
from desk.domain.workflow import Actor, Role
from desk.remote import SERVER_UNAVAILABLE, SESSION_ENDED
from desk.services.users import SignedIn

if TYPE_CHECKING:
    from desk.settings import Settings

# Settings `server_url`, `server_ca`, `device_id` (desk/settings.py); these are their environment forms.
SERVER_URL_ENV = "DESK_SERVER_URL"  # e.g. https://desk.city.example:8443
SERVER_CA_ENV = "DESK_SERVER_CA"  # the city CA's certificate (PEM); the system's trust store when unset
DEVICE_ID_ENV = "DESK_DEVICE_ID"

_ERRORS: dict[int, type[DeskError]] = {401: PermissionDenied, 403: PermissionDenied, 404: NotFound,
                                       422: InvalidInput}

log = logging.getLogger(__name__)


class ServerUnavailable(DeskError):
    """The city server cannot be reached: nothing was sent, or its answer never came."""

    code = SERVER_UNAVAILABLE


@dataclass
class Connection:
    base_url: str
    device_id: str
    ca_file: str | None = None
    timeout: float = 30.0
    token: str | None = None
    user: SignedIn | None = None
    kind: str = "desk"
    os_user: str | None = None  # an administrator's command: the OS user at the keyboard (audited by the server)
    # Told True/False whenever the server is found reachable/unreachable (the desk's status bar); any thread.
    on_reachable: Callable[[bool], None] | None = field(default=None, repr=False)
    reachable: bool | None = None
    # Told the code and the token when the server ends that session (idle, revoked, deactivated); any thread.
    on_session_ended: Callable[[str, str], None] | None = field(default=None, repr=False)
    _http: httpx.Client = field(init=False, repr=False)
    # Sign-in and sign-out run on worker threads of a pool: one at a time, so a sign-out never clears
    # the token of a sign-in that came after it.
    _session_lock: threading.RLock = field(default_factory=threading.RLock, init=False, repr=False)

    def __post_init__(self) -> None:
        base = self.base_url.rstrip("/")
        if not base.endswith("/api/v1"):
            base += "/api/v1"
        verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=self.ca_file) if self.ca_file else True
        self._http = httpx.Client(base_url=base, verify=verify, timeout=self.timeout)

    @classmethod
    def from_environment(cls) -> Connection | None:
        """The connection city mode asks for (`DESK_SERVER_URL`), or None in embedded mode."""
        url = os.environ.get(SERVER_URL_ENV, "").strip()
        if not url:
            return None
        return cls(url, os.environ.get(DEVICE_ID_ENV) or platform.node() or "desk",
                   os.environ.get(SERVER_CA_ENV) or None)

    @classmethod
    def from_settings(cls, settings: Settings, *, kind: str = "desk") -> Connection | None:
        """The connection the settings ask for (`server_url`, `server_ca`, `device_id`), None without a URL."""
        url = settings.server_url.strip()
        if not url:
            return None
        device = settings.device_id.strip() or (settings.kiosk_code if kind == "kiosk" else platform.node()) or kind
        return cls(url, device, settings.server_ca.strip() or None, kind=kind)

    def probe(self) -> bool:
        """Does the server answer now? (`/health`, no sign-in); tells `on_reachable` either way."""
        try:
            self.call("GET", "/health", signed=False)
        except ServerUnavailable:
            return False
        return True

    def sign_in(self, username: str, password: str, kind: str | None = None) -> SignedIn:
        with self._session_lock:
            return self._sign_in(username, password, kind)

    def _sign_in(self, username: str, password: str, kind: str | None) -> SignedIn:
        try:
            data = self.call("POST", "/sessions", {"username": username, "password": password,
                                                   "device_id": self.device_id, "kind": kind or self.kind},
                             signed=False)
        except ServerUnavailable as exc:
            if exc.message_key != "city.unreachable":
                raise
            # At sign-in nothing was typed but a password: the sign-in's own words, not the form's.
            raise ServerUnavailable.say("city.unreachable_at_sign_in", kind=exc.params.get("kind", "")) from exc
        self.token = data["token"]
        user = data["user"]
        me = self.call("GET", "/me")
        self.user = SignedIn(Actor(int(me.get("user_id", 0)), Role(user["role"]), user["display_name"]),
                             user["username"], user["display_name"], user["station_code"],
                             # The sign-in answer says it (an older server: /me; neither: the bar shows the id).
                             badge=str(user.get("badge") or me.get("badge") or ""))
        return self.user

    def sign_out(self) -> None:
        with self._session_lock:
            if self.token is not None:
                try:
                    self.call("DELETE", "/sessions/current")
                finally:
                    self.token, self.user = None, None

    def end_session(self, token: str | None) -> None:
        """End the session of `token` (the desk signed out); a session signed in after it stays."""
        with self._session_lock:
            if token is not None and token == self.token:
                self.sign_out()

    def call(self, method: str, path: str, body: dict[str, Any] | None = None, *, signed: bool = True,
             params: dict[str, Any] | None = None) -> Any:
        headers = {"X-Desk-Device": self.device_id}
        token = self.token
        if self.os_user:
            headers["X-Desk-OS-User"] = self.os_user
        if signed and token:
            headers["Authorization"] = f"Bearer {token}"
        if params is not None:
            params = {key: value for key, value in params.items() if value is not None}
        try:
            response = self._http.request(method, path, json=body, headers=headers, params=params)
        except httpx.TransportError as exc:
            self._reached(False)
            raise ServerUnavailable.say("city.unreachable", kind=type(exc).__name__) from exc
        self._reached(True)  # it answered, whatever it said
        if response.status_code == 200:
            return response.json()
        error = _error(response)
        # Ending a session that had ended already is no news (and the desk may be signing in again).
        ending = method == "DELETE" and path == "/sessions/current"
        if signed and token and not ending and error.code in SESSION_ENDED and self.on_session_ended is not None:
            self.on_session_ended(error.code, token)
        raise error

    def _reached(self, reachable: bool) -> None:
        changed = reachable != self.reachable
        self.reachable = reachable
        if changed and self.on_reachable is not None:
            self.on_reachable(reachable)

    def close(self) -> None:
        self._http.close()


def _error(response: httpx.Response) -> DeskError:
    try:
        body = response.json()
        zh, en, code = body["message_zh"], body["message_en"], body["code"]
    except (ValueError, KeyError, TypeError):
        if response.status_code == 422:  # pydantic's validation answer
            log.warning("the city server refused the data: %s", response.text[:200])
            return InvalidInput.say("city.data_refused")
        return ServerUnavailable.say("city.server_failed", status=response.status_code)
    if response.status_code == 409:
        cls: type[DeskError] = ConcurrentChange if code == "conflict" else DeskError
    else:
        cls = _ERRORS.get(response.status_code, DeskError)
    key, params = body.get("message"), body.get("params")
    if isinstance(key, str) and key in messages.TEMPLATES and isinstance(params, dict):
        # Said again here, in this desk's language; a key or a parameter's shape this desk does not know
        # (a newer server's) falls back to the server's own texts.
        try:
            return cls.say(key, code=code, **messages.params_from_wire(params))
        except messages.UnknownParameter as exc:
            log.warning("the city server's answer %s: %s", key, exc)
    return cls(zh, en, code=code)
