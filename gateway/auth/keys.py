"""Ed25519 signing keys: made on first start, kept in the gateway's schema, all active ones published.

The gateway verifies its own tokens (for ``/auth/me`` and the admin endpoints) with the public keys
read straight from its table, not over HTTP from itself: same keys, one fewer moving part.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm
from sqlalchemy import select, text

from gateway.models import SigningKey
from shared.db import Database


def new_signing_key() -> SigningKey:
    private = Ed25519PrivateKey.generate()
    kid = uuid.uuid4().hex
    public_jwk: dict[str, Any] = json.loads(OKPAlgorithm.to_jwk(private.public_key()))
    public_jwk.update(kid=kid, use="sig", alg="EdDSA")
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return SigningKey(kid=kid, private_key_pem=pem, public_jwk=public_jwk, active=True)


async def ensure_signing_key(db: Database) -> None:
    """Create the first key unless one exists; an advisory lock keeps concurrent starts to one key."""
    async with db.transaction() as session:
        await session.execute(text("SELECT pg_advisory_xact_lock(hashtext('xianjie.gateway.signing_keys'))"))
        existing = await session.scalar(select(SigningKey.kid).where(SigningKey.active).limit(1))
        if existing is None:
            session.add(new_signing_key())


async def published_keys(db: Database) -> list[dict[str, Any]]:
    async with db.sessions() as session:
        rows = await session.scalars(
            select(SigningKey).where(SigningKey.active).order_by(SigningKey.created_at)
        )
        return [dict(k.public_jwk) for k in rows]


@dataclass(frozen=True)
class ActiveKey:
    kid: str
    private_key: Ed25519PrivateKey


class KeyRing:
    """The key that signs new tokens: the newest active one, re-read now and then (rotation)."""

    def __init__(self, db: Database, reload_seconds: float = 60.0) -> None:
        self.db = db
        self.reload_seconds = reload_seconds
        self._current: ActiveKey | None = None
        self._loaded_at = 0.0

    async def current(self) -> ActiveKey:
        if self._current is None or time.monotonic() - self._loaded_at > self.reload_seconds:
            async with self.db.sessions() as session:
                row = await session.scalar(
                    select(SigningKey)
                    .where(SigningKey.active)
                    .order_by(SigningKey.created_at.desc())
                    .limit(1)
                )
            if row is None:
                raise RuntimeError("no active signing key (ensure_signing_key runs at startup)")
            private = serialization.load_pem_private_key(row.private_key_pem.encode(), password=None)
            assert isinstance(private, Ed25519PrivateKey)
            self._current = ActiveKey(row.kid, private)
            self._loaded_at = time.monotonic()
        return self._current
