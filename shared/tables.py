"""Tables every component keeps in its own schema: outbox, inbox, parked events, audit, idempotency.

They are plain Core tables added to the component's metadata, so Alembic sees them beside the
domain tables and each schema carries its own copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB


@dataclass(frozen=True)
class KitTables:
    outbox: Table
    inbox: Table
    parked_events: Table
    audit_log: Table
    idempotency_keys: Table
    # The refused rows of ledger imports (shared.import_refusals), in components that import ledgers.
    import_refusals: Table | None = None


def add_kit_tables(metadata: MetaData, *, import_refusals: bool = False) -> KitTables:
    outbox = Table(
        "outbox",
        metadata,
        # A sequence gives the relay a strict publication order without a clock.
        Column("position", BigInteger, Identity(always=True), primary_key=True),
        Column("event_id", Uuid, nullable=False, unique=True),
        Column("nats_subject", String(200), nullable=False),
        # One event's CloudEvent; for a batch row (below) what its events share: their type and
        # the writing request's trace context, and how many they are.
        Column("envelope", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("published_at", DateTime(timezone=True)),
        Column("attempts", Integer, nullable=False, server_default=text("0")),
        Column("last_error", Text),
        # A batch row (a bulk import's announcements, ADR 0014): many events of one subject, each a
        # line of CloudEvent JSON in ``batch`` and its id at the same place in ``batch_ids``. The
        # relay publishes each as its own message (Nats-Msg-Id = its id) and marks the row
        # published once every one is acked.
        Column("batch", Text),
        Column("batch_ids", ARRAY(Uuid)),
        CheckConstraint(
            "(batch IS NULL) = (batch_ids IS NULL) AND (batch IS NULL OR cardinality(batch_ids) = "
            "length(batch) - length(replace(batch, E'\\n', '')) + 1)",
            name="batch_line_per_id",
        ),
        Index("ix_outbox_unpublished", "position", postgresql_where=text("published_at IS NULL")),
    )
    inbox = Table(
        "inbox",
        metadata,
        Column("event_id", Uuid, primary_key=True),
        Column("consumer", String(100), primary_key=True),
        Column("event_type", String(200), nullable=False),
        Column("handled_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    parked_events = Table(
        "parked_events",
        metadata,
        Column("id", BigInteger, Identity(always=True), primary_key=True),
        Column("event_id", Uuid, nullable=False),
        Column("consumer", String(100), nullable=False),
        Column("event_type", String(200), nullable=False),
        Column("nats_subject", String(200), nullable=False),
        Column("envelope", JSONB, nullable=False),
        Column("error", Text, nullable=False),
        Column("deliveries", SmallInteger, nullable=False),
        Column("parked_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("replayed_at", DateTime(timezone=True)),
        Index("ix_parked_events_open", "parked_at", postgresql_where=text("replayed_at IS NULL")),
    )
    audit_log = Table(
        "audit_log",
        metadata,
        Column("id", BigInteger, Identity(always=True), primary_key=True),
        Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("actor", String(100), nullable=False),
        Column("actor_role", String(40), nullable=False),
        Column("action", String(60), nullable=False),
        Column("entity", String(60), nullable=False),
        Column("entity_id", String(100)),
        Column("changes", JSONB),
        Column("request_id", String(100)),
        Index("ix_audit_log_entity", "entity", "entity_id"),
        Index("ix_audit_log_actor_at", "actor", "at"),
    )
    idempotency_keys = Table(
        "idempotency_keys",
        metadata,
        Column("principal", String(100), primary_key=True),
        Column("key", String(200), primary_key=True),
        Column("request_hash", String(64), nullable=False),
        Column("status_code", SmallInteger),
        Column("response_body", JSONB),
        Column("response_headers", JSONB),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )
    refusals = None
    if import_refusals:
        from shared.import_refusals import add_import_refusals_table

        refusals = add_import_refusals_table(metadata)
    return KitTables(outbox, inbox, parked_events, audit_log, idempotency_keys, refusals)
