"""KioskService.record_event: kiosk sessions and progress queries reach the audit log and the daily report."""

from __future__ import annotations

import pytest
from desk_fixtures import Desk

from desk.domain.errors import InvalidInput
from desk.services.audit import verify


def test_kiosk_events_feed_the_daily_report(desk: Desk) -> None:
    kiosks = desk.core.kiosks
    kiosks.heartbeat("K01", name_zh="大厅一号机", reader_state="ready", printer_state="ready")
    kiosks.heartbeat("K02", name_zh="大厅二号机")
    kiosks.record_event("K01", "kiosk.session_started", {"source": "card"})
    kiosks.record_event("K01", "kiosk.session_started", {"source": "qr"})
    kiosks.record_event("K01", "kiosk.progress_query", {"cases": 2})
    kiosks.record_event("K02", "kiosk.progress_query")

    report = desk.core.reports.daily(desk.clock.today(), "HP01")
    rows = {row.kiosk_code: row for row in report.kiosk_use}
    assert (rows["K01"].sessions, rows["K01"].progress_queries) == (2, 1)
    assert (rows["K02"].sessions, rows["K02"].progress_queries) == (0, 1)
    with desk.core.store.read() as session:
        assert verify(session).ok  # appended to the hash chain like every other entry


def test_unknown_kiosk_event_is_refused(desk: Desk) -> None:
    with pytest.raises(InvalidInput) as raised:
        desk.core.kiosks.record_event("K01", "kiosk.anything")
    assert "未知" in raised.value.message_zh
