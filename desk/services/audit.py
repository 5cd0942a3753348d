"""The audit log: append-only and hash-chained, so an altered or missing entry is found.

Each entry's hash is SHA-256 over the previous entry's hash and the entry's canonical JSON. Appends
take the row lock on `audit_head` (and SQLite's write lock), so concurrent writers never fork the
chain. The database refuses UPDATE and DELETE on the log (triggers in the initial migration).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64
_BATCH = 2000


def _canonical(seq: int, at: datetime, actor: str, action: str, entity_type: str, entity_id: str,
               details: dict[str, Any]) -> bytes:
    record = {
        "seq": seq,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "details": details,
    }
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(prev_hash: str, canonical: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical).hexdigest()


def append(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add one entry to the chain inside the caller's write transaction."""
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    details = dict(details or {})
    # Microsecond precision is what every backend stores; hash exactly what will be read back.
    at = at.astimezone(UTC)
    seq = head.last_seq + 1
    digest = entry_hash(head.last_hash, _canonical(seq, at, actor, action, entity_type, entity_id, details))
    entry = AuditEntry(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        details=details,
        prev_hash=head.last_hash,
        hash=digest,
    )
    session.add(entry)
    head.last_seq = seq
    head.last_hash = digest
    session.flush()
    return entry


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    entries_checked: int
    first_bad_seq: int | None = None
    problem_zh: str = ""
    problem_en: str = ""


def _entries(session: Session) -> Iterator[AuditEntry]:
    last = 0
    while True:
        batch = session.execute(
            select(AuditEntry).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(_BATCH)
        ).scalars().all()
        if not batch:
            return
        yield from batch
        last = batch[-1].seq
        session.expunge_all()


def verify(session: Session) -> AuditReport:
    """Walk the chain from the start; report the first altered, missing or reordered entry."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for entry in _entries(session):
        if entry.seq != expected_seq:
            return AuditReport(
                False, checked, expected_seq,
                f"审计记录缺失：第 {expected_seq} 条不存在（下一条为第 {entry.seq} 条）。",
                f"Audit entry {expected_seq} is missing (the next one is {entry.seq}).",
            )
        canonical = _canonical(entry.seq, entry.at, entry.actor, entry.action, entry.entity_type,
                               entry.entity_id, entry.details)
        if entry.prev_hash != expected_prev or entry_hash(expected_prev, canonical) != entry.hash:
            return AuditReport(
                False, checked, entry.seq,
                f"审计记录第 {entry.seq} 条被篡改（内容与哈希链不符）。",
                f"Audit entry {entry.seq} was altered (it does not match the hash chain).",
            )
        expected_prev = entry.hash
        expected_seq += 1
        checked += 1
    head = session.get(AuditHead, 1)
    if head is not None and (head.last_seq != checked or head.last_hash != expected_prev):
        return AuditReport(
            False, checked, checked + 1,
            f"审计记录末尾缺失：应有 {head.last_seq} 条，实有 {checked} 条。",
            f"Audit entries are missing at the end: {head.last_seq} expected, {checked} found.",
        )
    return AuditReport(True, checked)
