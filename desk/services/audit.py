"""The audit log: append-only and hash-chained, so an altered or missing entry is found.

Each entry's hash is over the previous entry's hash and the entry's canonical JSON: SHA-256 for the
entries written before the store had an audit key, **HMAC-SHA256 with the audit key** from the
entry the key names on (`AuditKey.keyed_from`). The key lives outside the database (a file only the
writer — the city server, or an embedded desk — can read), so whoever holds only the database can
no longer recompute a rewritten chain, and cannot turn keyed entries back into plain ones: the key
file, not the database, says where keying starts. Anchors (`anchor`) written outside the database
catch a chain truncated and its head moved back.

Appends take the row lock on `audit_head` (and SQLite's write lock), so concurrent writers never fork
the chain. The database refuses UPDATE and DELETE on the log (triggers in the initial migration).
The key reaches `append` through the session (`Store(audit_key=…)` puts it in `session.info`), so the
services keep calling `append(session, …)` unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.domain.errors import DeskError
from desk.store.database import Store
from desk.store.models import AuditEntry, AuditHead, Case

AUDIT_KEY_INFO = "audit_key"  # the Session.info entry the store fills for its write sessions

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


def entry_hash(prev_hash: str, canonical: bytes, key: bytes | None = None) -> str:
    message = prev_hash.encode("ascii") + canonical
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class AuditKey:
    """The secret that keys the chain from entry `keyed_from` on (kept in a 0600 file beside the signing keys)."""

    secret: bytes = b""
    keyed_from: int = 1
    created_at: str = ""

    def key_for(self, seq: int) -> bytes | None:
        return self.secret if seq >= self.keyed_from else None

    def tag(self, message: str) -> str:
        return hmac.new(self.secret, message.encode("utf-8"), hashlib.sha256).hexdigest()


def audit_key_path(folder: Path, database_url: str) -> Path:
    """One key per database (a desk may open several: its own, a demo, a copy)."""
    digest = hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:16]
    return folder / f"audit-key-{digest}.json"


def load_audit_key(path: Path) -> AuditKey | None:
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        secret = base64.b64decode(str(raw["secret"]), validate=True)
        key = AuditKey(secret, int(raw["keyed_from"]), str(raw.get("created_at", "")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DeskError(f"审计密钥文件无法读取：{path}（{exc}）。没有它不能写入或核验审计日志。",
                        f"The audit key file {path} is unreadable ({exc}).", code="audit_key") from exc
    if len(key.secret) < 32 or key.keyed_from < 1:
        raise DeskError(f"审计密钥文件内容无效：{path}。", f"The audit key file {path} is invalid.", code="audit_key")
    return key


def create_audit_key(path: Path, keyed_from: int) -> AuditKey:
    """A new audit key keying every entry from `keyed_from` on; refuses to replace an existing key."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    key = AuditKey(secrets.token_bytes(32), keyed_from, datetime.now(UTC).isoformat(timespec="seconds"))
    data = json.dumps({"secret": base64.b64encode(key.secret).decode("ascii"), "keyed_from": key.keyed_from,
                       "created_at": key.created_at}).encode("utf-8")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise DeskError(f"审计密钥已存在：{path}，不会覆盖。", f"An audit key already exists at {path}.",
                        code="audit_key") from exc
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return key


def attach_key(store: Store, folder: Path, *, create: bool | None = None) -> AuditKey | None:
    """Give the store its audit key from `folder`. An embedded SQLite store (one writing machine) gets
    one made the first time, keying from its next entry; a shared PostgreSQL store is keyed only on
    the machine that alone writes it (the city server), with `desk audit key create`."""
    path = audit_key_path(folder, store.url)
    key = load_audit_key(path)
    if key is None and (store.is_sqlite if create is None else create):
        with store.read() as session:
            key = create_audit_key(path, head_seq(session) + 1)
    store.audit_key = key
    return key


def head_seq(session: Session) -> int:
    head = session.get(AuditHead, 1)
    return head.last_seq if head is not None else 0


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
    key: AuditKey | None = session.info.get(AUDIT_KEY_INFO)
    digest = entry_hash(head.last_hash, _canonical(seq, at, actor, action, entity_type, entity_id, details),
                        key.key_for(seq) if key is not None else None)
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


def verify(session: Session, key: AuditKey | None = None) -> AuditReport:
    """Walk the chain from the start; report the first altered, missing or reordered entry.

    With the audit key, entries from `key.keyed_from` on must carry its HMAC: a chain recomputed by
    someone without the key fails there."""
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
        secret = key.key_for(entry.seq) if key is not None else None
        if entry.prev_hash != expected_prev or entry_hash(expected_prev, canonical, secret) != entry.hash:
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


# ---- anchors: the head written down outside the database ---------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The chain's head at one moment, tagged with the audit key so a forged anchor is noticed."""

    seq: int
    hash: str
    at: str
    tag: str = ""

    def message(self) -> str:
        return f"{self.seq}|{self.hash}|{self.at}"

    def as_json(self) -> dict[str, object]:
        return {"seq": self.seq, "hash": self.hash, "at": self.at, "tag": self.tag}


def anchor(session: Session, key: AuditKey | None, now: datetime) -> Anchor:
    head = session.get(AuditHead, 1)
    seq, digest = (head.last_seq, head.last_hash) if head is not None else (0, GENESIS_HASH)
    plain = Anchor(seq, digest, now.astimezone(UTC).isoformat(timespec="seconds"))
    return Anchor(plain.seq, plain.hash, plain.at, key.tag(plain.message()) if key is not None else "")


def read_anchor(path: Path) -> Anchor:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Anchor(int(raw["seq"]), str(raw["hash"]), str(raw["at"]), str(raw.get("tag", "")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DeskError(f"锚点文件无法读取：{path}（{exc}）。", f"Cannot read the anchor file {path} ({exc}).",
                        code="audit_anchor") from exc


def check_anchor(session: Session, mark: Anchor, key: AuditKey | None) -> AuditReport:
    """The chain still holds the anchored entry, with the anchored hash (nothing cut off or rewritten
    up to it); with the key, the anchor itself must carry the key's tag."""
    if key is not None and not hmac.compare_digest(mark.tag, key.tag(mark.message())):
        return AuditReport(False, 0, mark.seq, "锚点文件的签名不符：锚点是伪造的或被改过。",
                           "The anchor's tag does not match: the anchor was forged or edited.")
    if mark.seq == 0:
        return AuditReport(True, 0)
    entry = session.get(AuditEntry, mark.seq)
    if entry is None:
        return AuditReport(False, 0, mark.seq,
                           f"审计日志被截断：锚点记录的第 {mark.seq} 条已不存在。",
                           f"The audit log was truncated: anchored entry {mark.seq} is gone.")
    if entry.hash != mark.hash:
        return AuditReport(False, 0, mark.seq,
                           f"审计日志被改写：第 {mark.seq} 条与锚点（{mark.at}）记录的不同。",
                           f"The audit log was rewritten: entry {mark.seq} differs from the anchor of {mark.at}.")
    return AuditReport(True, 0)


# ---- cases against their audited history ---------------------------------------------------------------


@dataclass(frozen=True)
class CaseMismatch:
    number: str
    stored_state: str
    audited_state: str | None  # None: no audited change at all


def case_mismatches(session: Session) -> list[CaseMismatch]:
    """Cases whose stored state is not where their audited transitions lead: a direct UPDATE of a case
    (or a case that no audited action ever made)."""
    audited: dict[str, str] = {}
    for entry in _entries(session):
        if entry.entity_type != "case":
            continue
        if entry.action == "case.opened":
            audited[entry.entity_id] = "draft"
        elif "to" in entry.details:
            audited[entry.entity_id] = str(entry.details["to"])
    mismatches: list[CaseMismatch] = []
    for number, state in session.execute(select(Case.number, Case.state).order_by(Case.id)):
        expected = audited.get(number)
        if expected != state:
            mismatches.append(CaseMismatch(number, state, expected))
    return mismatches
