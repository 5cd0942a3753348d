"""Kiosk health: each kiosk writes a heartbeat with its reader and printer state and counts sessions,
so the station manager sees every kiosk (last seen, paper, reader, sessions today)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from desk.domain.clock import Clock, local_date
from desk.domain.errors import InvalidInput
from desk.services import audit
from desk.store.database import Store
from desk.store.models import Kiosk
from desk.store.repositories.kiosks import KioskRepository

# A kiosk silent for longer than this is shown as offline.
OFFLINE_AFTER = timedelta(minutes=3)
# The kiosk events the daily report counts (desk/services/reports.py, kiosk table).
KIOSK_EVENTS = frozenset({"kiosk.session_started", "kiosk.progress_query",
                          # a case's 一次性告知书 printed at the kiosk; a certificate previewed and not printed
                          "kiosk.supplement_notice", "kiosk.preview_cancelled"})


@dataclass(frozen=True)
class KioskView:
    code: str
    name_zh: str
    last_seen: datetime | None
    reader_state: str
    printer_state: str
    sessions_today: int
    online: bool


@dataclass
class KioskService:
    store: Store
    clock: Clock
    station_code: str

    def heartbeat(self, code: str, *, name_zh: str = "", reader_state: str = "unknown",
                  printer_state: str = "unknown", sessions_started: int = 0) -> None:
        now = self.clock.now()
        today = local_date(now)
        with self.store.write() as session:
            kiosks = KioskRepository(session)
            kiosk = kiosks.get(code)
            if kiosk is None:
                kiosk = Kiosk(code=code, station_code=self.station_code, name_zh=name_zh or code,
                              sessions_today=0, sessions_day=today, details={})
                kiosks.add(kiosk)
            if kiosk.sessions_day != today:
                kiosk.sessions_day, kiosk.sessions_today = today, 0
            kiosk.last_seen = now
            kiosk.reader_state, kiosk.printer_state = reader_state, printer_state
            kiosk.sessions_today += sessions_started

    def record_event(self, code: str, action: str, details: dict[str, Any] | None = None) -> None:
        """Audit one kiosk event (entity "kiosk", id = the kiosk's code) for the manager's daily figures.

        Details must not carry a citizen's name or ID number: the kiosk log is read by the manager."""
        if action not in KIOSK_EVENTS:
            raise InvalidInput.say("kiosk.unknown_event", action=action)
        with self.store.write() as session:
            audit.append(session, at=self.clock.now(), actor=code, action=action, entity_type="kiosk",
                         entity_id=code, details=dict(details or {}))

    def kiosks(self) -> list[KioskView]:
        now, today = self.clock.now(), self.clock.today()
        with self.store.read() as session:
            rows = KioskRepository(session).of_station(self.station_code)
            return [
                KioskView(k.code, k.name_zh, k.last_seen, k.reader_state, k.printer_state,
                          k.sessions_today if k.sessions_day == today else 0,
                          k.last_seen is not None and now - k.last_seen <= OFFLINE_AFTER)
                for k in rows
            ]
