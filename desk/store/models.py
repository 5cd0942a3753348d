"""SQLAlchemy 2.x typed models: the one schema behind SQLite (embedded) and PostgreSQL (city-wide).

Timestamps are stored in UTC (`UtcDateTime`); calendar dates (acceptance day, due date) are the
station's local dates. Migrations in `desk/store/migrations` must follow every change here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from desk.domain.names import pinyin_initials

# Constraint names fixed by convention so Alembic (batch mode on SQLite) can address them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC; SQLite returns naive values, which are UTC by construction."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Search indexes a backend builds outside these models (FTS5 tables on SQLite, pg_trgm and pattern
# indexes on PostgreSQL), made by migration 0004; schema comparisons leave names with this prefix out.
SEARCH_INDEX_PREFIX = "citizens_search"


def managed_by_models(name: str | None, type_: str, _parent_names: object = None) -> bool:
    """For Alembic's `include_name`: False for the backend-specific search indexes and tables."""
    return not (name or "").removeprefix("ix_").startswith(SEARCH_INDEX_PREFIX)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Station(Base):
    __tablename__ = "stations"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(80))
    # The kiosk's English header says it (e.g. "Taiyuan Street Police Station"); empty: the Chinese name.
    name_en: Mapped[str] = mapped_column(String(120), default="", server_default="")
    branch_name: Mapped[str] = mapped_column(String(80), default="")
    address: Mapped[str] = mapped_column(String(160), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    # Where a citizen may challenge the station's decisions (printed on refusals).
    reconsideration_body: Mapped[str] = mapped_column(String(80), default="")
    court: Mapped[str] = mapped_column(String(80), default="")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(16))
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # 警号 (police badge number), printed as 工号; empty: the row id is printed instead (0013_user_badge).
    badge_number: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # A kiosk's (or hall screen's) account: its password file lies on a public machine, so it opens kiosk
    # sessions only, never a desk (0014_kiosk_account).
    kiosk_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Citizen(Base):
    """A person as read from a resident ID card (or typed at the desk)."""

    __tablename__ = "citizens"
    # Behind the one check in desk/domain/identity.py; only what SQLite and PostgreSQL both evaluate alike.
    __table_args__ = (
        *(CheckConstraint(sql, name=name) for name, sql in (
            ("id_number_shape", "length(id_number) IN (15, 18) AND id_number = upper(id_number)"),
            ("name_length", "length(name) BETWEEN 1 AND 60"),
            ("address_length", "length(address) <= 200"),
            ("sex_known", "sex IN ('', 'male', 'female', 'unknown', 'unspecified')"),
            ("birth_date_range", "birth_date IS NULL OR birth_date >= '1890-01-01'"),
            ("validity_order", "valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to"),
        )),
        # Search (desk/store/citizen_search.py): the name's B-tree serves exact and leading-character
        # matches, the initials' index the pinyin search; substring search uses the trigram indexes that
        # migration 0004 builds per backend (outside these models, see SEARCH_INDEX_PREFIX).
        Index("ix_citizens_name", "name"),
        Index("ix_citizens_name_initials", "name_initials", "name"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    # Names keep their exact code points (no Unicode normalisation): rare characters must survive.
    name: Mapped[str] = mapped_column(String(60))
    # Pinyin initials of the name (张丽 → ZL), kept in step with the name by `_name_set`.
    name_initials: Mapped[str] = mapped_column(String(20), default="", server_default="")
    sex: Mapped[str] = mapped_column(String(8), default="")
    nation: Mapped[str] = mapped_column(String(20), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    address: Mapped[str] = mapped_column(String(200), default="")
    issuing_authority: Mapped[str] = mapped_column(String(60), default="")
    valid_from: Mapped[date | None] = mapped_column(Date, default=None)
    valid_to: Mapped[date | None] = mapped_column(Date, default=None)  # None with card read = 长期
    card_type: Mapped[str] = mapped_column(String(20), default="resident")
    photo_wlt: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    phone: Mapped[str] = mapped_column(String(32), default="")
    # Register facts (not on the card) that a household certificate (户籍证明) certifies.
    household_head: Mapped[str] = mapped_column(String(60), default="")
    relationship_to_head: Mapped[str] = mapped_column(String(20), default="")
    registered_on: Mapped[date | None] = mapped_column(Date, default=None)
    former_names: Mapped[str] = mapped_column(String(120), default="")
    # A kiosk read that disagreed with the stored facts: {field: value read}, for the desk to look at.
    card_difference: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    updated_at: Mapped[datetime]

    @validates("name")
    def _name_set(self, _key: str, name: str) -> str:
        self.name_initials = pinyin_initials(name)
        return name


class Case(Base):
    """One application (申请) by one applicant for one transaction at one station."""

    __tablename__ = "cases"
    # Screens and reports filter by station and date; these keep them bounded by the day's work.
    __table_args__ = (
        Index("ix_cases_station_code", "station_code", "state", "due_date"),
        Index("ix_cases_created_at", "created_at"),
        Index("ix_cases_station_created_at", "station_code", "created_at"),
        Index("ix_cases_station_state_created_at", "station_code", "state", "created_at"),
        Index("ix_cases_station_accepted_on", "station_code", "accepted_on"),
        Index("ix_cases_station_completed_on", "station_code", "completed_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    lookup_code: Mapped[str] = mapped_column(String(16), unique=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    transaction_code: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(24), index=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    form_values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    approval: Mapped[str] = mapped_column(String(16))
    time_limit_days: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    accepted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    accepted_at: Mapped[datetime | None] = mapped_column(default=None)
    accepted_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    due_date: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    completed_on: Mapped[date | None] = mapped_column(Date, default=None)
    decision_reason: Mapped[str | None] = mapped_column(Text, default=None)
    missing_materials: Mapped[list[Any]] = mapped_column(default=list)
    version: Mapped[int] = mapped_column(Integer, default=1)

    applicant: Mapped[Citizen] = relationship(lazy="joined")
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.id", cascade="all, delete-orphan"
    )
    materials: Mapped[list[MaterialReceived]] = relationship(
        back_populates="case", order_by="MaterialReceived.id", cascade="all, delete-orphan"
    )

    # Optimistic locking: every UPDATE checks the version it read; a stale write fails loudly.
    __mapper_args__ = {"version_id_col": version}


class CaseEvent(Base):
    """One step in a case's history: who did what, when and why."""

    __tablename__ = "case_events"
    # The daily report counts a day's steps into a state (accepted, completed …): a range of this index.
    __table_args__ = (Index("ix_case_events_state_at", "to_state", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(24))
    to_state: Mapped[str] = mapped_column(String(24))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)

    case: Mapped[Case] = relationship(back_populates="events")


class MaterialReceived(Base):
    __tablename__ = "materials_received"
    __table_args__ = (UniqueConstraint("case_id", "material_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    material_key: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(120))
    form: Mapped[str] = mapped_column(String(24))
    copies: Mapped[int] = mapped_column(Integer, default=1)
    received_at: Mapped[datetime]
    received_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship(back_populates="materials")


class DocumentIssued(Base):
    """Every paper the station issued (receipt, notice, certificate …), for reprints and checks."""

    __tablename__ = "documents_issued"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    serial: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True, default=None)
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"), default=None)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    issued_at: Mapped[datetime]
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    kiosk_code: Mapped[str | None] = mapped_column(String(32), default=None)
    payload: Mapped[str | None] = mapped_column(Text, default=None)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Kiosk(Base):
    __tablename__ = "kiosks"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    name_zh: Mapped[str] = mapped_column(String(80))
    last_seen: Mapped[datetime | None] = mapped_column(default=None)
    reader_state: Mapped[str] = mapped_column(String(24), default="unknown")
    printer_state: Mapped[str] = mapped_column(String(24), default="unknown")
    sessions_today: Mapped[int] = mapped_column(Integer, default=0)
    sessions_day: Mapped[date | None] = mapped_column(Date, default=None)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class QueueTicket(Base):
    __tablename__ = "queue_tickets"
    __table_args__ = (UniqueConstraint("station_code", "day", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    day: Mapped[date] = mapped_column(Date, index=True)
    number: Mapped[str] = mapped_column(String(8))
    transaction_code: Mapped[str | None] = mapped_column(String(64), default=None)
    citizen_id: Mapped[int | None] = mapped_column(ForeignKey("citizens.id"), default=None)
    kiosk_code: Mapped[str | None] = mapped_column(String(32), default=None)
    state: Mapped[str] = mapped_column(String(16), default="waiting")  # waiting/called/served/no_show/cancelled
    issued_at: Mapped[datetime]
    called_at: Mapped[datetime | None] = mapped_column(default=None)
    called_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    # The window (counter) it was called to; a transfer sends it back to the queue for another window.
    counter_number: Mapped[int | None] = mapped_column(Integer, default=None)
    for_counter: Mapped[int | None] = mapped_column(Integer, default=None)
    priority: Mapped[str] = mapped_column(String(16), default="")  # elder / disabled / soldier / pregnant
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)
    case_number: Mapped[str | None] = mapped_column(String(40), default=None)


class Counter(Base):
    """A service window (窗口) of a station's hall and the categories of business it handles."""

    __tablename__ = "counters"
    __table_args__ = (UniqueConstraint("station_code", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    number: Mapped[int] = mapped_column(Integer)
    name_zh: Mapped[str] = mapped_column(String(40))
    letters: Mapped[str] = mapped_column(String(16), default="")  # ticket letters it calls ("" = every one)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ServiceRating(Base):
    """好差评: one of the five official levels, tied to a case number where there is one."""

    __tablename__ = "service_ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True, default=None)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    level: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    at: Mapped[datetime]
    kiosk_code: Mapped[str | None] = mapped_column(String(32), default=None)
    follow_up_due: Mapped[date | None] = mapped_column(Date, default=None)
    follow_up_state: Mapped[str | None] = mapped_column(String(16), default=None)  # open/done
    # 一次一评 at the desk: whom the citizen rated (the clerk, the window), the reasons a bad rating gave
    # and the phone number the station calls back on (migration 0009).
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    counter_number: Mapped[int | None] = mapped_column(Integer, default=None)
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    channel: Mapped[str] = mapped_column(String(16), default="kiosk")  # kiosk / desk


class RatingFollowUp(Base):
    """差评整改: the follow-up a bad rating opens — the step it is at, whose it is, when it is due."""

    __tablename__ = "rating_follow_ups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("service_ratings.id"), unique=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"), index=True)
    opened_on: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    step: Mapped[str] = mapped_column(String(16))  # desk.domain.followup.FollowUpStep
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    result: Mapped[str | None] = mapped_column(Text, default=None)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)


class FollowUpStepEntry(Base):
    """One step recorded on a follow-up: which, what it found, by whom, when, the note."""

    __tablename__ = "follow_up_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    follow_up_id: Mapped[int] = mapped_column(ForeignKey("rating_follow_ups.id"), index=True)
    step: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime]


class CaseCounter(Base):
    """Last case sequence number used per station and day (case numbers are per station and day)."""

    __tablename__ = "case_counters"

    station_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True, default="case")
    last: Mapped[int] = mapped_column(Integer, default=0)


class AuditHead(Base):
    """The tip of one audit chain (one per station, "" for the city and entries of no station); its row
    lock serialises that chain's appends so it never forks, while other stations' chains go on."""

    __tablename__ = "audit_head"
    __table_args__ = (Index("ix_audit_head_chain", "chain", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chain: Mapped[str] = mapped_column(String(16), default="", server_default="")
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)  # position of the chain's last entry
    last_hash: Mapped[str] = mapped_column(String(64))
    last_entry_seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")  # its global seq


class AuditEntry(Base):
    """Append-only, hash-chained record of every case change and every view of a citizen's record."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity_type", "entity_id"),
                      Index("ix_audit_log_chain", "chain", "chain_seq"))

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(24))
    entity_id: Mapped[str] = mapped_column(String(40))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # The chain it belongs to and its position there; None for entries written before chains (0004),
    # all in chain "" at position == seq.
    chain: Mapped[str] = mapped_column(String(16), default="", server_default="")
    chain_seq: Mapped[int | None] = mapped_column(BigInteger, default=None)


class ServerSession(Base):
    """A sign-in to the city server: an opaque token (only its SHA-256 is stored) bound to one user and
    one device, with idle expiry and revocation."""

    __tablename__ = "server_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # desk / kiosk
    created_at: Mapped[datetime]
    last_seen: Mapped[datetime]
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_reason: Mapped[str | None] = mapped_column(String(40), default=None)


class SignInThrottle(Base):
    """Wrong passwords counted per user name AND device, so a passer-by at one kiosk cannot lock an
    account city-wide; kept for unknown names too, so a lock-out says nothing about who exists."""

    __tablename__ = "sign_in_throttle"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)


class BundleRecord(Base):
    """A “一件事” bundle started at the window: its member cases (in order) share one bundle number."""

    __tablename__ = "bundles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    bundle_code: Mapped[str] = mapped_column(String(64))
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    applicant_id: Mapped[int] = mapped_column(ForeignKey("citizens.id"), index=True)
    shared_values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]

    applicant: Mapped[Citizen] = relationship(lazy="joined")
    members: Mapped[list[BundleCase]] = relationship(order_by="BundleCase.position", cascade="all, delete-orphan")
    follow_ups: Mapped[list[BundleFollowUp]] = relationship(order_by="BundleFollowUp.id",
                                                            cascade="all, delete-orphan")


class BundleCase(Base):
    """One member case of a bundle; a case belongs to at most one bundle."""

    __tablename__ = "bundle_cases"

    bundle_id: Mapped[int] = mapped_column(ForeignKey("bundles.id"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True, unique=True)
    position: Mapped[int] = mapped_column(Integer)

    case: Mapped[Case] = relationship(lazy="joined")


class BundleFollowUp(Base):
    """A follow-up at another agency, from the bundle's list: open, then referred (转介) or done."""

    __tablename__ = "bundle_follow_ups"
    __table_args__ = (UniqueConstraint("bundle_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_id: Mapped[int] = mapped_column(ForeignKey("bundles.id"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(120))
    agency_zh: Mapped[str] = mapped_column(String(120))
    how_zh: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default="open")  # open / referred / done
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime | None] = mapped_column(default=None)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)


class ChainFollowUp(Base):
    """One record elsewhere that must follow a completed change of basic facts (公民信息连锁变更,
    resources/chains): open until the clerk marks it referred (转介) or done. A row exists once marked."""

    __tablename__ = "chain_follow_ups"
    __table_args__ = (UniqueConstraint("case_id", "record_key", name="uq_chain_follow_ups_case_record"),
                      CheckConstraint("state IN ('open', 'referred', 'done')", name="ck_chain_follow_ups_state"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    record_key: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default="open")
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)


class PublicNotice(Base):
    """A 30-day 注销公告 before cancelling a registration for a person who does not apply (a duplicate
    registration): published, then — once the 30 days have passed — decided (cancelled or kept)."""

    __tablename__ = "public_notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    serial: Mapped[str] = mapped_column(String(40), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    person_name: Mapped[str] = mapped_column(String(60))
    person_id_number: Mapped[str] = mapped_column(String(18))
    text_zh: Mapped[str] = mapped_column(Text)
    published_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date, index=True)
    state: Mapped[str] = mapped_column(String(16), default="running")  # running / cancelled / kept
    objection: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class OnlineApplication(Base):
    """An application a citizen filled on the web page (网上办), before and until it becomes a case."""

    __tablename__ = "online_applications"
    __table_args__ = (Index("ix_online_applications_station_state", "station_code", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    transaction_code: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    phone: Mapped[str] = mapped_column(String(20))
    form_values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[str] = mapped_column(String(24))
    submitted_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    # The one-time notice (一次性告知): [{key, name_zh, name_en}] and the clerk's words.
    missing_materials: Mapped[list[Any]] = mapped_column(default=list)
    notice_text: Mapped[str] = mapped_column(Text, default="")
    visit_on: Mapped[date | None] = mapped_column(Date, default=None)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    case_number: Mapped[str | None] = mapped_column(String(32), default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)

    uploads: Mapped[list[OnlineUpload]] = relationship(
        back_populates="application", order_by="OnlineUpload.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class OnlineUpload(Base):
    """A photo or PDF of a material, checked by its bytes (PDF, JPEG, PNG) and size when uploaded."""

    __tablename__ = "online_uploads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("online_applications.id"), index=True)
    material_key: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_at: Mapped[datetime]

    application: Mapped[OnlineApplication] = relationship(back_populates="uploads")


class OnlineCode(Base):
    """A one-time sign-in code sent to a phone (only its hash is kept); used once, short-lived."""

    __tablename__ = "online_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    phone: Mapped[str] = mapped_column(String(20))
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class OnlineSession(Base):
    """A citizen's sign-in on the web page: an opaque cookie token (only its SHA-256 stored)."""

    __tablename__ = "online_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18))
    phone: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class SmsOutbox(Base):
    """Text messages to citizens' phones. Sending is simulated: a gateway (not part of this project)
    would read and send them; tests and the demo read them here."""

    __tablename__ = "sms_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None] = mapped_column(default=None)


class UserPhoto(Base):
    """A user's photo, shown on the citizen-facing evaluator beside the clerk's name and 工号 (一次一评).
    One per user, replaced by `desk user photo NAME FILE`; checked when stored (desk/domain/staff_photos.py)."""

    __tablename__ = "user_photos"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    content_type: Mapped[str] = mapped_column(String(40))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime]
