"""Tables of the gateway (schema ``gateway``): people, departmental systems, tokens, signing keys."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Enum,
    ForeignKey,
    Identity,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shared.auth import Role
from shared.db import make_metadata
from shared.labels import LabelledEnum
from shared.tables import add_kit_tables

SCHEMA = "gateway"


class Base(DeclarativeBase):
    metadata = make_metadata(SCHEMA)


kit = add_kit_tables(Base.metadata)

role_enum = Enum(Role, name="user_role", schema=SCHEMA, values_callable=lambda x: [m.value for m in x])


class User(Base):
    """A person who signs in with username and password."""

    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    # Stored lower-cased (a CHECK holds it), so the plain unique constraint is case-insensitive.
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(role_enum)
    division_code: Mapped[str | None] = mapped_column(String(12))
    department: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("username = lower(username)", name="username_lower"),
        CheckConstraint(
            "role <> 'town_official' OR division_code ~ '^[0-9]{9}$'", name="town_official_has_town"
        ),
        CheckConstraint(
            "role <> 'village_cadre' OR division_code ~ '^[0-9]{12}$'", name="village_cadre_has_village"
        ),
        CheckConstraint(
            "role IN ('town_official', 'village_cadre') OR division_code IS NULL",
            name="division_only_for_territorial",
        ),
        Index(None, "updated_at", "id"),
    )


class ServiceClient(Base):
    """A departmental system that signs in with client credentials (role integrator)."""

    __tablename__ = "service_clients"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    client_id: Mapped[str] = mapped_column(String(50), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(100))
    department: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"eager_defaults": True}  # noqa: RUF012
    __table_args__ = (Index(None, "updated_at", "id"),)


class RefreshToken(Base):
    """One single-use refresh token (only its SHA-256 is kept); a family is one sign-in's chain."""

    __tablename__ = "refresh_tokens"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    family_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SigningKey(Base):
    """Ed25519 key pairs that sign access tokens; every active one is published in the JWKS."""

    __tablename__ = "signing_keys"

    kid: Mapped[str] = mapped_column(String(64), primary_key=True)
    private_key_pem: Mapped[str] = mapped_column(Text)
    public_jwk: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))


# --- webhooks (issue 14: departments without NATS) ---


class DeliveryStatus(LabelledEnum):
    PENDING = "pending", "待投递"  # waiting for its (next) attempt
    DELIVERED = "delivered", "已送达"  # the receiver answered 2xx
    FAILED = "failed", "投递失败"  # gave up after the bounded retries; a replay puts it back


class WebhookSubscription(Base):
    """A departmental system's webhook: where to POST which events (CloudEvents over HTTP), signed
    with its own secret. Owned by the integrator account that registered it."""

    __tablename__ = "webhook_subscriptions"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    owner: Mapped[str] = mapped_column(String(100), index=True)  # the client's token subject
    department: Mapped[str] = mapped_column(String(100))
    url: Mapped[str] = mapped_column(String(2000))
    event_types: Mapped[list[str]] = mapped_column(ARRAY(String(200)))
    # Narrows the events to a town (9) or village (12); NULL = the client's whole scope.
    division_code: Mapped[str | None] = mapped_column(String(12))
    # Kept to sign (an HMAC key cannot be hashed away), like the signing keys' private halves.
    secret: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("url ~ '^https?://'", name="webhook_url_http"),
        CheckConstraint("cardinality(event_types) > 0", name="webhook_has_event_types"),
        CheckConstraint(
            "division_code IS NULL OR division_code ~ '^[0-9]{9}([0-9]{3})?$'", name="webhook_division_code"
        ),
        Index(None, "updated_at", "id"),
    )


delivery_status_enum = Enum(
    DeliveryStatus,
    name="webhook_delivery_status",
    schema=SCHEMA,
    values_callable=lambda x: [m.value for m in x],
)


class WebhookDelivery(Base):
    """One event owed to one subscription (fan-out row): its attempts and outcome."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE")
    )
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    event_type: Mapped[str] = mapped_column(String(200))
    event_time: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    envelope: Mapped[dict[str, Any]] = mapped_column(JSONB)
    status: Mapped[DeliveryStatus] = mapped_column(delivery_status_enum, default=DeliveryStatus.PENDING)
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(500))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (
        # The fan-out is idempotent: a redelivered event owes each subscription one delivery.
        UniqueConstraint("subscription_id", "event_id", name="webhook_delivery_once"),
        CheckConstraint("attempts >= 0", name="webhook_attempts_non_negative"),
        CheckConstraint(
            "(status = 'delivered') = (delivered_at IS NOT NULL)", name="webhook_delivered_has_time"
        ),
        Index("ix_webhook_deliveries_due", "next_attempt_at", postgresql_where=text("status = 'pending'")),
        Index(None, "subscription_id", "event_time"),
    )
