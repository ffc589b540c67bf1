"""Tables of the gateway (schema ``gateway``): people, departmental systems, tokens, signing keys."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shared.auth import Role
from shared.db import make_metadata
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
