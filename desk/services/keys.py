"""The certificate signing keys: list, create, rotate, revoke, export the public keyring — each act
audited with who did it. The keys live where certificates are signed (the city server, or an
embedded single-station desk); every other machine verifies with the exported public keyring.
Nothing here runs by itself: a key is made only when an administrator (or `desk demo-data`) asks.
"""

from __future__ import annotations

import builtins
import getpass
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from desk.domain.clock import Clock, local_date
from desk.domain.errors import DeskError
from desk.services import audit
from desk.store.database import Store
from printing.signing import DEFAULT_KEY_VALID_DAYS, KeyRecord, KeyRegistry, KeyStatus, SigningError

T = TypeVar("T")


def os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "?"


@dataclass
class KeyService:
    store: Store
    clock: Clock
    keys_dir: Path

    @property
    def registry(self) -> KeyRegistry:
        return KeyRegistry(self.keys_dir)

    def list(self) -> builtins.list[KeyRecord]:
        return self._guard(self.registry.records)

    def create(self, station_code: str, *, by: str, valid_days: int = DEFAULT_KEY_VALID_DAYS) -> KeyRecord:
        record = self._guard(lambda: self.registry.create(station_code, valid_from=self._today(),
                                                          valid_days=valid_days, now=self.clock.now()))
        self._audit(by, "key.created", record)
        return record

    def rotate(self, station_code: str, *, by: str, valid_days: int = DEFAULT_KEY_VALID_DAYS) -> KeyRecord:
        record = self._guard(lambda: self.registry.rotate(station_code, valid_from=self._today(),
                                                          valid_days=valid_days, now=self.clock.now()))
        self._audit(by, "key.rotated", record)
        return record

    def revoke(self, kid: str, reason: str, *, by: str) -> KeyRecord:
        record = self._guard(lambda: self.registry.revoke(kid, reason, now=self.clock.now()))
        self._audit(by, "key.revoked", record, reason=record.revoked_reason)
        return record

    def export_public(self, destination: Path) -> int:
        return self._guard(lambda: self.registry.export_public(destination))

    def ensure_demo_key(self, station_code: str) -> KeyRecord | None:
        """The demo station's key, made when it has none (demo data is an explicit act)."""
        registry = self.registry
        if self._guard(lambda: registry.active(station_code, self._today())) is not None:
            return None
        outlived = any(r.station_code == station_code and r.status is KeyStatus.ACTIVE
                       for r in self._guard(registry.records))  # an old demo's key past its end
        return (self.rotate if outlived else self.create)(station_code, by="demo-data")

    def _today(self) -> date:
        return local_date(self.clock.now())

    def _audit(self, by: str, action: str, record: KeyRecord, **extra: str) -> None:
        with self.store.write() as session:
            audit.append(session, at=self.clock.now(), actor=by, action=action, entity_type="key",
                         entity_id=record.kid, details={"station": record.station_code, "os_user": os_user(),
                                                        "not_after": record.not_after.isoformat(), **extra})

    @staticmethod
    def _guard(work: Callable[[], T]) -> T:
        try:
            return work()
        except SigningError as exc:
            raise DeskError.say(exc.message_key, code="signing_key", **exc.params) from exc
