"""The audit log: append-only and hash-chained, so an altered or missing entry is found.

Each entry's hash is over the previous entry's hash and the entry's canonical JSON: SHA-256 for the
entries written before the store had an audit key, **HMAC-SHA256 with the audit key** from the
entry the key names on (`AuditKey.keyed_from`). The key lives outside the database (a file only the
writer — the city server, or an embedded desk — can read), so whoever holds only the database can
no longer recompute a rewritten chain, and cannot turn keyed entries back into plain ones: the key
file, not the database, says where keying starts. Anchors (`anchor`) written outside the database
catch a chain truncated and its head moved back.

There is one chain per station ("" for the city and entries of no station; migration 0004): an entry's
canonical JSON carries its global number, chain and position, and its hash follows the previous entry
of its chain. Appends take the row lock on their chain's `audit_head` row (and SQLite's write lock), so
a chain never forks and writers of different stations do not wait on each other on PostgreSQL, where
global numbers come from a sequence. Verification walks every chain and names the first altered or
missing entry by its global number; anchors hold every chain's head. The database refuses UPDATE and
DELETE on the log (triggers in the initial migration).
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

from sqlalchemy.orm import Session

from desk.domain.errors import DeskError
from desk.store.database import Store
from desk.store.models import AuditEntry
from desk.store.repositories.audit_chain import GENESIS_HASH, AuditChainRepository, ReadHead, RecordRead
from desk.store.repositories.users import UserRepository

AUDIT_KEY_INFO = "audit_key"  # the Session.info entry the store fills for its write sessions


def _canonical(seq: int, at: datetime, actor: str, action: str, entity_type: str, entity_id: str,
               details: dict[str, Any], chain: str = "", chain_seq: int | None = None) -> bytes:
    """The bytes an entry's hash covers. Entries from before chains (chain_seq None) keep their form."""
    record: dict[str, Any] = {
        "seq": seq,
        "at": at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": actor,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "details": details,
    }
    if chain_seq is not None:
        record["chain"], record["chain_seq"] = chain, chain_seq
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_canonical(entry: AuditEntry) -> bytes:
    return _canonical(entry.seq, entry.at, entry.actor, entry.action, entry.entity_type, entry.entity_id,
                      entry.details, entry.chain, entry.chain_seq)


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
    """One key per database (a desk may open several: its own, a demo, a copy). The database, not the
    role: the server's role and the owner (`desk audit verify` by an administrator) find the same key."""
    digest = hashlib.sha256(_without_credentials(database_url).encode("utf-8")).hexdigest()[:16]
    return folder / f"audit-key-{digest}.json"


def _without_credentials(url: str) -> str:
    scheme, separator, rest = url.partition("://")
    if not separator or "@" not in rest.split("/", 1)[0]:
        return url
    return f"{scheme}://{rest.split('@', 1)[1]}"


def load_audit_key(path: Path) -> AuditKey | None:
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        secret = base64.b64decode(str(raw["secret"]), validate=True)
        key = AuditKey(secret, int(raw["keyed_from"]), str(raw.get("created_at", "")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DeskError.say("audit.key_unreadable", code="audit_key", path=str(path), reason=str(exc)) from exc
    if len(key.secret) < 32 or key.keyed_from < 1:
        raise DeskError.say("audit.key_invalid", code="audit_key", path=str(path))
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
        raise DeskError.say("audit.key_exists", code="audit_key", path=str(path)) from exc
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
    """The number of the newest entry of any chain (0 for an empty log)."""
    return AuditChainRepository(session).head_seq()


def chain_of(session: Session, actor: str) -> str:
    """The chain an actor's entries go to: the station of the user or kiosk, else the city's ("")."""
    cache: dict[str, str] = session.info.setdefault("audit_chains", {})
    if actor not in cache:
        cache[actor] = AuditChainRepository(session).station_of_actor(actor) or ""
    return cache[actor]


def user_label(session: Session, user_id: int) -> str:
    """A user's name in the audit log (their username); their chain is remembered for `append` from the
    same row, so labelling the actor and finding the chain cost one query."""
    user = UserRepository(session).get(user_id)
    if user is None:
        return f"user#{user_id}"
    session.info.setdefault("audit_chains", {})[user.username] = user.station_code or ""
    return user.username


def append(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    details: dict[str, Any] | None = None,
    chain: str | None = None,
) -> int:
    """Add one entry to its chain inside the caller's write transaction; return its global number.
    `chain` is the station whose chain takes it; by default the actor's station (see `chain_of`).

    On the clerk's path (every view of a record is audited) this costs two round trips on PostgreSQL:
    lock the head and draw the number, then write the entry and move the head in one statement."""
    session.flush()  # the caller's changes first, as before the entry
    chain = chain_of(session, actor) if chain is None else chain
    chains_ = AuditChainRepository(session)
    last_position, last_hash, seq = chains_.locked_head_and_number(chain)
    details = dict(details or {})
    # Microsecond precision is what every backend stores; hash exactly what will be read back.
    at = at.astimezone(UTC)
    position = last_position + 1
    key: AuditKey | None = session.info.get(AUDIT_KEY_INFO)
    digest = entry_hash(last_hash,
                        _canonical(seq, at, actor, action, entity_type, entity_id, details, chain, position),
                        key.key_for(seq) if key is not None else None)
    chains_.write_entry(seq=seq, at=at, actor=actor, action=action, entity_type=entity_type, entity_id=entity_id,
                        details=details, prev_hash=last_hash, digest=digest, chain=chain, position=position)
    return seq


# An audited read retries its compare-and-set this often when other appends of its chain move the head
# between its two statements, then takes the locking path.
UNLOCKED_ATTEMPTS = 3


def append_to_read(session: Session, user_id: int, *, at: datetime, action: str, entity_type: str, entity_id: str,
                   details: dict[str, Any] | None = None, row: RecordRead | None = None,
                   ) -> tuple[int, dict[str, Any] | None] | None:
    """An audited read's entry in two statements: the actor, the head and the number (with `row`, the
    record read, in the same statement), then the entry written with the head moved, only if the head
    did not move meanwhile (else read again). On PostgreSQL `session` is `Store.unbracketed()`'s, whose
    statements each commit: no BEGIN/COMMIT round trips, the entry durable when the second returns.
    On SQLite it is a write transaction's (the head cannot move under its lock).

    Returns (entry number, the record's columns), or (0, None) when `row` finds nothing (nothing is
    written: the caller says not found), or None when this path cannot serve (an unknown user, a chain
    without a head yet, or the head kept moving): the caller then records the read with `append` in a
    write transaction. The entry is the same as `append` would write; the hash chain does not change."""
    chains_ = AuditChainRepository(session)
    details = dict(details or {})
    at = at.astimezone(UTC)
    key: AuditKey | None = session.info.get(AUDIT_KEY_INFO)
    found: dict[str, Any] | None = None
    for attempt in range(UNLOCKED_ATTEMPTS):
        head, read = chains_.head_for_user(user_id, row if attempt == 0 else None)
        if head is None:
            return None
        if attempt == 0:
            if row is not None and read is None:
                return 0, None
            found = read
        digest = _digest_after(head, key, at=at, action=action, entity_type=entity_type, entity_id=entity_id,
                               details=details)
        if chains_.append_if_head_unmoved(head, at=at, action=action, entity_type=entity_type, entity_id=entity_id,
                                          details=details, digest=digest):
            return head.seq, found
    return None


def head_for_write(session: Session, user_id: int, row: RecordRead | None = None,
                   ) -> tuple[ReadHead | None, dict[str, Any] | None]:
    """For a write transaction whose entry `append_after_head` chains: in one statement the actor (label,
    chain, display name), the chain's head (unlocked), the next number — and with `row`, the record
    the use case needs. (None, None) when this path cannot serve (an unknown user, a chain without a
    head yet): the caller then reads what it needs apart and appends with `append`."""
    return AuditChainRepository(session).head_for_user(user_id, row)


def append_after_head(session: Session, head: ReadHead, *, at: datetime, action: str, entity_type: str,
                      entity_id: str, details: dict[str, Any] | None = None) -> int:
    """Chain the write transaction's entry after `head`, read earlier in it by `head_for_write`: the entry
    written and the head moved in one statement if the head has not moved since (the row stays locked
    until the transaction ends, as `append`'s lock would); else another append of the chain came first
    and the entry takes `append`'s locking path. The entry and the chain are what `append` writes."""
    details = dict(details or {})
    at = at.astimezone(UTC)
    key: AuditKey | None = session.info.get(AUDIT_KEY_INFO)
    digest = _digest_after(head, key, at=at, action=action, entity_type=entity_type, entity_id=entity_id,
                           details=details)
    if AuditChainRepository(session).append_if_head_unmoved(head, at=at, action=action, entity_type=entity_type,
                                                            entity_id=entity_id, details=details, digest=digest):
        return head.seq
    return append(session, at=at, actor=head.actor, action=action, entity_type=entity_type, entity_id=entity_id,
                  details=details, chain=head.chain)


def _digest_after(head: ReadHead, key: AuditKey | None, *, at: datetime, action: str, entity_type: str,
                  entity_id: str, details: dict[str, Any]) -> str:
    """The hash of the entry that follows `head` on its chain (numbered `head.seq`)."""
    canonical = _canonical(head.seq, at, head.actor, action, entity_type, entity_id, details, head.chain,
                           head.last_seq + 1)
    return entry_hash(head.last_hash, canonical, key.key_for(head.seq) if key is not None else None)


@dataclass(frozen=True)
class PendingEntry:
    """One entry for `entries_in_bulk` (a bulk load's many entries at once)."""

    at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    details: dict[str, Any]
    chain: str


def entries_in_bulk(session: Session, pending: list[PendingEntry]) -> list[dict[str, Any]]:
    """Chain many entries at once inside the caller's write transaction: lock each chain's head once,
    number and hash the entries exactly as `append` would, move the heads, and return the rows for
    the caller to write in bulk (COPY / executemany) in the same transaction."""
    if not pending:
        return []
    key: AuditKey | None = session.info.get(AUDIT_KEY_INFO)
    repository = AuditChainRepository(session)
    heads = {chain: repository.locked_head(chain) for chain in sorted({p.chain for p in pending})}
    numbers = repository.next_global_seqs(len(pending))
    rows = []
    for seq, item in zip(numbers, pending, strict=True):
        head = heads[item.chain]
        at = item.at.astimezone(UTC)
        position = head.last_seq + 1
        canonical = _canonical(seq, at, item.actor, item.action, item.entity_type, item.entity_id, item.details,
                               item.chain, position)
        digest = entry_hash(head.last_hash, canonical, key.key_for(seq) if key is not None else None)
        rows.append({"seq": seq, "at": at, "actor": item.actor, "action": item.action,
                     "entity_type": item.entity_type, "entity_id": item.entity_id, "details": item.details,
                     "prev_hash": head.last_hash, "hash": digest, "chain": item.chain, "chain_seq": position})
        head.last_seq, head.last_hash, head.last_entry_seq = position, digest, seq
    session.flush()
    return rows


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    entries_checked: int
    first_bad_seq: int | None = None
    problem_zh: str = ""
    problem_en: str = ""


def _entries(session: Session) -> Iterator[AuditEntry]:
    """Every entry of every chain in global order."""
    return AuditChainRepository(session).entries()


def chain_entries(session: Session, chain: str) -> Iterator[AuditEntry]:
    """One chain in order: its entries from before chains (by seq), then the rest by position."""
    return AuditChainRepository(session).chain_entries(chain)


def chains(session: Session) -> list[str]:
    """Every chain that has a head or an entry."""
    return AuditChainRepository(session).chains()


def _first_absent(session: Session, after: int, before: int | None) -> int:
    """The first global number after `after` (and before `before`) with no entry: where one went missing."""
    expected = after + 1
    for seq in AuditChainRepository(session).numbers_after(after, before):
        if seq != expected:
            break
        expected += 1
    return expected


def verify_chain(session: Session, chain: str, key: AuditKey | None = None) -> AuditReport:
    """Walk one chain from its start; report its first altered, missing or reordered entry. With the
    audit key, entries from `key.keyed_from` on must carry its HMAC."""
    expected_prev = GENESIS_HASH
    expected_position = 1
    previous_seq = 0
    checked = 0
    for entry in chain_entries(session, chain):
        position = entry.seq if entry.chain_seq is None else entry.chain_seq
        if position != expected_position:
            missing = _first_absent(session, previous_seq, entry.seq)
            return AuditReport(
                False, checked, missing,
                f"审计记录缺失：第 {missing} 条不存在（{_chain_zh(chain)}第 {expected_position} 条）。",
                f"Audit entry {missing} is missing (position {expected_position} of {_chain_en(chain)}).",
            )
        secret = key.key_for(entry.seq) if key is not None else None
        if (entry.prev_hash != expected_prev
                or entry_hash(expected_prev, entry_canonical(entry), secret) != entry.hash):
            return AuditReport(
                False, checked, entry.seq,
                f"审计记录第 {entry.seq} 条被篡改（内容与哈希链不符）。",
                f"Audit entry {entry.seq} was altered (it does not match the hash chain).",
            )
        expected_prev, previous_seq = entry.hash, entry.seq
        expected_position += 1
        checked += 1
    head = AuditChainRepository(session).head(chain)
    if head is None and checked:
        return AuditReport(False, checked, previous_seq, f"{_chain_zh(chain)}没有链头。",
                           f"{_chain_en(chain)} has no head.")
    if head is not None and (head.last_seq != checked or head.last_hash != expected_prev):
        missing = _first_absent(session, previous_seq, None)
        return AuditReport(
            False, checked, missing,
            f"审计记录末尾缺失：{_chain_zh(chain)}应有 {head.last_seq} 条，实有 {checked} 条。",
            f"Audit entries are missing at the end of {_chain_en(chain)}: {head.last_seq} expected, "
            f"{checked} found.",
        )
    return AuditReport(True, checked)


def verify(session: Session, key: AuditKey | None = None) -> AuditReport:
    """Walk every chain; report the problem at the smallest entry number (the first altered or
    missing entry), or how many entries were checked."""
    checked = 0
    problems = []
    for chain in chains(session):
        report = verify_chain(session, chain, key)
        checked += report.entries_checked
        if not report.ok:
            problems.append(report)
    if problems:
        first = min(problems, key=lambda r: r.first_bad_seq or 0)
        return AuditReport(False, checked, first.first_bad_seq, first.problem_zh, first.problem_en)
    return AuditReport(True, checked)


def _chain_zh(chain: str) -> str:
    return f"派出所 {chain} 的审计链" if chain else "全市审计链"


def _chain_en(chain: str) -> str:
    return f"the audit chain of station {chain}" if chain else "the city audit chain"


# ---- anchors: the head written down outside the database ---------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The chains' heads at one moment, tagged with the audit key so a forged anchor is noticed:
    `seq`/`hash` the newest entry of all, `heads` the last entry (number, hash) of every chain."""

    seq: int
    hash: str
    at: str
    tag: str = ""
    heads: tuple[tuple[str, int, str], ...] = ()

    def message(self) -> str:
        chains = "".join(f"|{chain}:{seq}:{digest}" for chain, seq, digest in self.heads)
        return f"{self.seq}|{self.hash}|{self.at}{chains}"

    def as_json(self) -> dict[str, object]:
        return {"seq": self.seq, "hash": self.hash, "at": self.at, "tag": self.tag,
                "heads": [{"chain": chain, "seq": seq, "hash": digest} for chain, seq, digest in self.heads]}


def anchor(session: Session, key: AuditKey | None, now: datetime) -> Anchor:
    heads = tuple(AuditChainRepository(session).heads())
    seq, digest = max(((s, d) for _, s, d in heads), default=(0, GENESIS_HASH))
    plain = Anchor(seq, digest, now.astimezone(UTC).isoformat(timespec="seconds"), heads=heads)
    return Anchor(plain.seq, plain.hash, plain.at, key.tag(plain.message()) if key is not None else "", heads)


def read_anchor(path: Path) -> Anchor:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        heads = tuple((str(h["chain"]), int(h["seq"]), str(h["hash"])) for h in raw.get("heads", []))
        return Anchor(int(raw["seq"]), str(raw["hash"]), str(raw["at"]), str(raw.get("tag", "")), heads)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DeskError.say("audit.anchor_unreadable", code="audit_anchor", path=str(path), reason=str(exc)) from exc


def check_anchor(session: Session, mark: Anchor, key: AuditKey | None) -> AuditReport:
    """Every chain still holds its anchored entry, with the anchored hash (nothing cut off or rewritten
    up to it); with the key, the anchor itself must carry the key's tag."""
    if key is not None and not hmac.compare_digest(mark.tag, key.tag(mark.message())):
        return AuditReport(False, 0, mark.seq, "锚点文件的签名不符：锚点是伪造的或被改过。",
                           "The anchor's tag does not match: the anchor was forged or edited.")
    for seq, digest in sorted({(s, d) for _, s, d in mark.heads} | {(mark.seq, mark.hash)}):
        if seq == 0:
            continue
        entry = AuditChainRepository(session).entry(seq)
        if entry is None:
            return AuditReport(False, 0, seq,
                               f"审计日志被截断：锚点记录的第 {seq} 条已不存在。",
                               f"The audit log was truncated: anchored entry {seq} is gone.")
        if entry.hash != digest:
            return AuditReport(False, 0, seq,
                               f"审计日志被改写：第 {seq} 条与锚点（{mark.at}）记录的不同。",
                               f"The audit log was rewritten: entry {seq} differs from the anchor of {mark.at}.")
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
    for number, state in AuditChainRepository(session).case_states():
        expected = audited.get(number)
        if expected != state:
            mismatches.append(CaseMismatch(number, state, expected))
    return mismatches
