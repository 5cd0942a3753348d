"""Daily audit anchors (desk/services/audit_anchors.py): written once a day outside the database,
tagged with the audit key, readable by `desk audit verify --anchor`, written again when the day turns,
never overwritten by a second writer; the daily report prints the day's anchor."""

from __future__ import annotations

import json
import os
import stat
import time
from datetime import timedelta
from pathlib import Path

import pytest
from desk_fixtures import OLD_MAN, Desk
from pypdf import PdfReader

from desk.cli import main
from desk.services import audit
from desk.services.audit_anchors import AnchorKeeper, anchor_of_the_day, daily_anchor_path


def _keyed_activity(desk: Desk, keys: Path) -> audit.AuditKey:
    key = audit.attach_key(desk.core.store, keys, create=True)
    assert key is not None
    for _ in range(2):
        case = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
        desk.core.cases.save_draft(desk.clerk, case.number, {"lost": False}, case.version)
    return key


def test_the_day_s_anchor_is_written_once_tagged_and_checkable(desk: Desk, tmp_path: Path) -> None:
    key = _keyed_activity(desk, tmp_path / "keys")
    folder = tmp_path / "anchors"
    keeper = AnchorKeeper(desk.core.store, folder, desk.clock)
    path = keeper.write_due()
    assert path == daily_anchor_path(folder, desk.clock.today())
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert keeper.write_due() is None  # once a day
    assert AnchorKeeper(desk.core.store, folder, desk.clock).write_due() is None  # another worker: not again
    mark = audit.read_anchor(path)
    assert mark.tag == key.tag(mark.message()) and mark.heads
    with desk.core.store.read() as session:
        assert audit.check_anchor(session, mark, key).ok
        assert mark.seq == audit.head_seq(session)


def test_the_keeper_writes_again_when_the_day_turns(desk: Desk, tmp_path: Path) -> None:
    _keyed_activity(desk, tmp_path / "keys")
    folder = tmp_path / "anchors"
    keeper = AnchorKeeper(desk.core.store, folder, desk.clock, check_every=timedelta(seconds=0.05))
    first_day = desk.clock.today()
    keeper.start()
    try:
        for _ in range(600):  # waits for the thread (not a timing assertion)
            if daily_anchor_path(folder, first_day).exists():
                break
            time.sleep(0.05)
        desk.clock.advance(timedelta(days=1))
        for _ in range(600):
            if daily_anchor_path(folder, desk.clock.today()).exists():
                break
            time.sleep(0.05)
    finally:
        keeper.stop()
    assert sorted(p.name for p in folder.iterdir()) == [
        f"daily-anchor-{first_day.isoformat()}.json", f"daily-anchor-{desk.clock.today().isoformat()}.json"]


def test_a_past_day_without_an_anchor_has_none(desk: Desk, tmp_path: Path) -> None:
    assert anchor_of_the_day(desk.core.store, tmp_path, desk.clock.today() - timedelta(days=3), desk.clock) is None
    line = anchor_of_the_day(desk.core.store, tmp_path, desk.clock.today(), desk.clock)
    assert line is not None and line.seq > 0 and len(line.head_hash) == 64


@pytest.fixture
def station_on_disk(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    assert main(["--db", url, "demo-data", "--residents", "20", "--cases", "10", "--seed", "5"]) == 0
    return url


def test_the_daily_report_prints_the_day_s_anchor(station_on_disk: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from desk.domain.clock import Clock

    today = Clock().today().isoformat()
    anchors, pdf = tmp_path / "anchors", tmp_path / "daily.pdf"
    assert main(["--db", station_on_disk, "report", "daily", "--date", today, "--out", str(pdf),
                 "--anchors-dir", str(anchors)]) == 0
    assert "审计锚点" in capsys.readouterr().out
    written = json.loads((anchors / f"daily-anchor-{today}.json").read_text(encoding="utf-8"))
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace(" ", "").replace("\n", "")
    assert "审计日志锚点" in text
    assert written["hash"] in text and written["tag"] and written["tag"] in text
    # The anchor the report printed checks against the log (the embedded desk holds its audit key).
    assert main(["--db", station_on_disk, "audit", "verify", "--anchor",
                 str(anchors / f"daily-anchor-{today}.json")]) == 0
