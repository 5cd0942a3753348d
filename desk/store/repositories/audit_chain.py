"""The audit log's storage: the chains' heads (locked while an entry is chained), the global entry
numbers, writing an entry and moving its head, and reading the chains back in batches.

The hashing, keying and verifying stay in the use case (`desk/services/audit.py`); here are only the
statements, each dialect's own where the two backends differ (PostgreSQL: one round trip that locks
the head and draws the number from a sequence; SQLite: the writer's database lock keeps the head and
the largest number stable).

An audited read (a clerk viewing a record: its only write is the entry) takes two statements, on
PostgreSQL with no transaction around them: `head_for_user` reads the actor, the chain's head and the
next number (and the record read, in the same statement), unlocked; `append_if_head_unmoved` writes
the entry and moves the head in one statement only if the head is still where it was read — a
compare-and-set that commits on its own, so the entry is durable when it returns, and a chain never
forks: a concurrent append makes it write nothing, and the caller reads the head again. On SQLite the
two run inside the caller's write transaction, whose lock keeps the head where it was read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Select,
    Table,
    bindparam,
    func,
    insert,
    literal_column,
    select,
    text,
    true,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desk.store.models import AuditEntry, AuditHead, Case, Kiosk, User

GENESIS_HASH = "0" * 64
BATCH = 2000

# The head locked first (a materialised CTE), the global number drawn after: numbers grow along a chain.
_LOCK_HEAD_AND_NUMBER = text(
    "WITH head AS MATERIALIZED (SELECT last_seq, last_hash FROM audit_head WHERE chain = :chain FOR UPDATE) "
    "SELECT last_seq, last_hash, nextval('audit_log_global_seq') FROM head")

# The entry written only if its chain's head is still where it was read (moved in the same statement).
_APPEND_IF_HEAD_UNMOVED = text(
    "WITH moved_head AS (UPDATE audit_head SET last_seq = :position, last_hash = :hash, last_entry_seq = :seq "
    "WHERE chain = :chain AND last_seq = :previous_position AND last_hash = :prev_hash RETURNING id) "
    "INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, details, prev_hash, hash, chain, "
    "chain_seq) SELECT :seq, :at, :actor, :action, :entity_type, :entity_id, :details, :prev_hash, :hash, :chain, "
    ":position FROM moved_head RETURNING seq").bindparams(
    bindparam("seq", type_=BigInteger), bindparam("position", type_=BigInteger),
    bindparam("previous_position", type_=BigInteger), bindparam("at", type_=DateTime(timezone=True)),
    bindparam("details", type_=JSON))


@dataclass(frozen=True)
class ReadHead:
    """A chain's head as read without a lock (an audited read on PostgreSQL; a draft opened), with the
    actor's label, the chain (the actor's station), the global number the entry will take, and the
    actor's display name (what a case's history shows)."""

    actor: str
    chain: str
    last_seq: int
    last_hash: str
    seq: int
    actor_name: str = ""


@dataclass(frozen=True)
class RecordRead:
    """The record an audited read shows, read in the statement that reads the chain's head: a query
    with bound parameters (the same object every time — the combined statement is built once for
    it) and their values. Its first column must not be NULL in a row found."""

    query: Select[Any]
    params: dict[str, Any]


# Combined statements by dialect and the id of their record query (kept alive here with it): built once each.
_HEAD_QUERIES: dict[tuple[bool, int], tuple[Select[Any] | None, Select[Any], tuple[str, ...]]] = {}


def _head_query(row: Select[Any] | None, postgresql: bool) -> tuple[Select[Any], tuple[str, ...]]:
    """The actor, the actor's chain's head and the next number; with `row`, its columns too (an
    outer join: the head is read even when the record is absent). The next number: PostgreSQL's
    sequence; on SQLite the largest number + 1 (its caller holds the database's write lock)."""
    cached = _HEAD_QUERIES.get((postgresql, id(row)))
    if cached is not None and cached[0] is row:
        return cached[1], cached[2]
    actor = (select(User.username.label("actor"), func.coalesce(User.station_code, "").label("chain"),
                    User.display_name.label("actor_name"))
             .where(User.id == bindparam("audit_user_id")).cte("audit_actor"))
    heads = cast(Table, AuditHead.__table__)
    number = (literal_column("nextval('audit_log_global_seq')", BigInteger) if postgresql
              else select(func.coalesce(func.max(AuditEntry.seq), 0) + 1).scalar_subquery())
    query = (select(actor.c.actor.label("audit_actor"), actor.c.chain.label("audit_chain"),
                    heads.c.last_seq.label("audit_last_seq"), heads.c.last_hash.label("audit_last_hash"),
                    number.label("audit_seq"), actor.c.actor_name.label("audit_actor_name"))
             .select_from(actor).join(heads, heads.c.chain == actor.c.chain))
    names: tuple[str, ...] = ()
    if row is not None:
        read = row.subquery("audited_row")
        query = query.add_columns(*read.c).outerjoin(read, true())
        names = tuple(c.name for c in read.c)
    _HEAD_QUERIES[(postgresql, id(row))] = (row, query, names)
    return query, names


@dataclass(frozen=True)
class AuditChainRepository:
    session: Session

    @property
    def _postgresql(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    # ---- writing ---------------------------------------------------------------------------------

    def head_seq(self) -> int:
        """The number of the newest entry of any chain (0 for an empty log)."""
        return int(self.session.execute(select(func.coalesce(func.max(AuditHead.last_entry_seq), 0))).scalar_one())

    def station_of_actor(self, actor: str) -> str | None:
        """The station of the user, else of the kiosk, of that name (None: neither)."""
        station = self.session.execute(select(User.station_code).where(User.username == actor)).scalar_one_or_none()
        if station is None:
            station = self.session.execute(select(Kiosk.station_code).where(Kiosk.code == actor)
                                           ).scalar_one_or_none()
        return station

    def locked_head(self, chain: str) -> AuditHead:
        """The chain's head as an object, locked until the transaction ends (made on the chain's first entry)."""
        query = select(AuditHead).where(AuditHead.chain == chain).with_for_update()
        head = self.session.execute(query).scalar_one_or_none()
        if head is None:
            self._create_head(chain)
            head = self.session.execute(query).scalar_one()
        return head

    def locked_head_and_number(self, chain: str) -> tuple[int, str, int]:
        """The chain's head (position and hash), locked until the transaction ends, and the next global
        number — one round trip on PostgreSQL. The head is made on the chain's first entry."""
        for attempt in range(2):
            if self._postgresql:
                row = self.session.execute(_LOCK_HEAD_AND_NUMBER, {"chain": chain}).one_or_none()
                if row is not None:
                    return int(row[0]), str(row[1]), int(row[2])
            else:
                # SQLite: the writer holds the database's write lock, so the head and the largest number are stable.
                head = self.session.execute(select(AuditHead.last_seq, AuditHead.last_hash)
                                            .where(AuditHead.chain == chain)).one_or_none()
                if head is not None:
                    return int(head[0]), str(head[1]), self.next_global_seq()
            if attempt == 0:
                self._create_head(chain)
        raise AssertionError("the audit head was just created")

    def next_global_seq(self) -> int:
        if self._postgresql:
            return int(self.session.execute(text("SELECT nextval('audit_log_global_seq')")).scalar_one())
        # SQLite: the writer holds the database's write lock, so the largest number is stable.
        return int(self.session.execute(select(func.coalesce(func.max(AuditEntry.seq), 0))).scalar_one()) + 1

    def next_global_seqs(self, count: int) -> list[int]:
        """`count` global numbers at once (a bulk load's entries)."""
        if self._postgresql:
            return list(self.session.execute(
                text("SELECT nextval('audit_log_global_seq') FROM generate_series(1, :n)"), {"n": count}).scalars())
        first = self.next_global_seq()
        return list(range(first, first + count))

    def write_entry(self, *, seq: int, at: datetime, actor: str, action: str, entity_type: str, entity_id: str,
                    details: dict[str, Any], prev_hash: str, digest: str, chain: str, position: int) -> None:
        """Write one entry and move its chain's head onto it (one statement on PostgreSQL)."""
        entries, heads = cast(Table, AuditEntry.__table__), cast(Table, AuditHead.__table__)
        write = insert(entries).values(seq=seq, at=at, actor=actor, action=action, entity_type=entity_type,
                                       entity_id=entity_id, details=details, prev_hash=prev_hash, hash=digest,
                                       chain=chain, chain_seq=position)
        move = (update(heads).where(heads.c.chain == chain)
                .values(last_seq=position, last_hash=digest, last_entry_seq=seq))
        if self._postgresql:
            self.session.execute(write.add_cte(move.returning(heads.c.id).cte("moved_head")))
        else:
            self.session.execute(write)
            self.session.execute(move)
        self._forget_loaded_heads(chain)

    def head_for_user(self, user_id: int, row: RecordRead | None = None,
                      ) -> tuple[ReadHead | None, dict[str, Any] | None]:
        """One statement: the user's label and chain, that chain's head (unlocked on PostgreSQL) and the
        next global number — and, with `row`, the record being read (its first column must not be
        NULL; None when it is absent, in which case the number drawn is left unused, a gap a sequence
        may have anyway). (None, …) when the user or the chain's head does not exist yet: the caller
        then takes the locking path. Executed as Core on the session's connection: no ORM loading."""
        query, names = _head_query(row.query if row is not None else None, self._postgresql)
        params = {"audit_user_id": user_id, **(row.params if row is not None else {})}
        result = self.session.connection().execute(query, params).mappings().one_or_none()
        if result is None:
            return None, None
        head = ReadHead(str(result["audit_actor"]), str(result["audit_chain"]), int(result["audit_last_seq"]),
                        str(result["audit_last_hash"]), int(result["audit_seq"]), str(result["audit_actor_name"]))
        if not names or result[names[0]] is None:
            return head, None
        return head, {name: result[name] for name in names}

    def append_if_head_unmoved(self, head: ReadHead, *, at: datetime, action: str, entity_type: str, entity_id: str,
                               details: dict[str, Any], digest: str) -> bool:
        """Write the entry after `head` and move the head onto it only if the head is still as read;
        False (nothing written) when another append moved it first. PostgreSQL: one statement. SQLite:
        the head moved, then the entry written, inside the caller's write transaction (whose lock
        keeps the head where it was read)."""
        values = {"seq": head.seq, "at": at, "actor": head.actor, "action": action, "entity_type": entity_type,
                  "entity_id": entity_id, "details": details, "prev_hash": head.last_hash, "hash": digest,
                  "chain": head.chain, "position": head.last_seq + 1, "previous_position": head.last_seq}
        connection = self.session.connection()
        if self._postgresql:
            return connection.execute(_APPEND_IF_HEAD_UNMOVED, values).first() is not None
        entries, heads = cast(Table, AuditEntry.__table__), cast(Table, AuditHead.__table__)
        moved = connection.execute(
            update(heads).where(heads.c.chain == head.chain, heads.c.last_seq == head.last_seq,
                                heads.c.last_hash == head.last_hash)
            .values(last_seq=head.last_seq + 1, last_hash=digest, last_entry_seq=head.seq))
        if moved.rowcount != 1:
            return False
        connection.execute(insert(entries).values(
            seq=head.seq, at=at, actor=head.actor, action=action, entity_type=entity_type, entity_id=entity_id,
            details=details, prev_hash=head.last_hash, hash=digest, chain=head.chain, chain_seq=head.last_seq + 1))
        return True

    def _create_head(self, chain: str) -> None:
        insert_ = sqlite_insert if self.session.get_bind().dialect.name == "sqlite" else postgresql_insert
        self.session.execute(insert_(AuditHead).values(chain=chain, last_seq=0, last_hash=GENESIS_HASH,
                                                       last_entry_seq=0)
                             .on_conflict_do_nothing(index_elements=["chain"]))

    def _forget_loaded_heads(self, chain: str) -> None:
        """A head loaded as an object earlier in the transaction (a bulk load) is now stale: reload it when used."""
        for obj in list(self.session.identity_map.values()):
            if isinstance(obj, AuditHead) and vars(obj).get("chain") == chain:
                self.session.expire(obj)

    # ---- reading ---------------------------------------------------------------------------------

    def entries(self) -> Iterator[AuditEntry]:
        """Every entry of every chain in global order, read in batches (each batch let go after use)."""
        last = 0
        while True:
            batch = self.session.execute(
                select(AuditEntry).where(AuditEntry.seq > last).order_by(AuditEntry.seq).limit(BATCH)
            ).scalars().all()
            if not batch:
                return
            yield from batch
            last = batch[-1].seq
            self.session.expunge_all()

    def chain_entries(self, chain: str) -> Iterator[AuditEntry]:
        """One chain in order: its entries from before chains (by seq), then the rest by position."""
        last = 0
        legacy = chain == ""
        while True:
            query = select(AuditEntry).where(AuditEntry.chain == chain)
            if legacy:
                query = query.where(AuditEntry.chain_seq.is_(None), AuditEntry.seq > last).order_by(AuditEntry.seq)
            else:
                query = query.where(AuditEntry.chain_seq > last).order_by(AuditEntry.chain_seq)
            batch = self.session.execute(query.limit(BATCH)).scalars().all()
            if not batch:
                if legacy:
                    legacy, last = False, 0
                    continue
                return
            yield from batch
            last = batch[-1].seq if legacy else (batch[-1].chain_seq or 0)
            self.session.expunge_all()

    def chains(self) -> list[str]:
        """Every chain that has a head or an entry."""
        return sorted(set(self.session.execute(select(AuditHead.chain)).scalars())
                      | set(self.session.execute(select(AuditEntry.chain).distinct()).scalars()))

    def numbers_after(self, after: int, before: int | None) -> list[int]:
        """The entry numbers after `after` (and before `before`), in order, at most one batch."""
        query = select(AuditEntry.seq).where(AuditEntry.seq > after).order_by(AuditEntry.seq).limit(BATCH)
        if before is not None:
            query = query.where(AuditEntry.seq < before)
        return list(self.session.execute(query).scalars())

    def head(self, chain: str) -> AuditHead | None:
        return self.session.execute(select(AuditHead).where(AuditHead.chain == chain)).scalar_one_or_none()

    def heads(self) -> list[tuple[str, int, str]]:
        """(chain, newest entry's number, its hash) of every chain with an entry, by chain."""
        return [(chain, seq, digest) for chain, seq, digest in self.session.execute(
            select(AuditHead.chain, AuditHead.last_entry_seq, AuditHead.last_hash)
            .where(AuditHead.last_seq > 0).order_by(AuditHead.chain))]

    def entry(self, seq: int) -> AuditEntry | None:
        return self.session.get(AuditEntry, seq)

    def has_action(self, action: str) -> bool:
        """Whether any entry records `action`."""
        return self.session.execute(select(AuditEntry.seq).where(AuditEntry.action == action).limit(1)
                                    ).first() is not None

    def case_states(self) -> Iterator[tuple[str, str]]:
        """(number, stored state) of every case, in the order they were made."""
        for row in self.session.execute(select(Case.number, Case.state).order_by(Case.id)):
            yield row.number, row.state
