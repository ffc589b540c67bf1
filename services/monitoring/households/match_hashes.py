"""Backfill of the ID-number match hash (issue 13) for members registered before it existed.

A migration has no key to decrypt with, so this runs as a command (``xianjie monitoring
backfill-match-hashes``) with the service's settings: each member without a hash is decrypted with
the vault, hashed with the suite-wide match key, its version moved on and ``member.changed``
announced again, so employment's projection learns the hash. Batches commit one by one (a crash
resumes where it stopped); numbers stay in memory only.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker

from services.monitoring.households.events import MEMBER_CHANGED, MEMBER_CHANGED_ROWS
from services.monitoring.households.id_numbers import vault_for
from shared.events.outbox import Outbox
from shared.id_number_match import id_number_match_hash

_MISSING = text("""
    SELECT id, id_number_cipher FROM monitoring.members
    WHERE id_number_match_hash IS NULL ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED
""")
_FILL = text("""
    UPDATE monitoring.members m SET id_number_match_hash = f.hash, version = m.version + 1, updated_at = now()
    FROM unnest(CAST(:ids AS uuid[]), CAST(:hashes AS text[])) AS f(id, hash)
    WHERE m.id = f.id
""")

# Constant SQL of our own (the payload's column list); the ids are bound.
_ANNOUNCE = (
    f"SELECT {MEMBER_CHANGED_ROWS} FROM monitoring.members m"  # noqa: S608
    " WHERE m.id = ANY(CAST(:ids AS uuid[]))"
)


async def backfill_match_hashes(
    sessions: async_sessionmaker, outbox: Outbox, id_number_key: str, match_key: str, batch: int = 1000
) -> int:
    """Fill every missing match hash; returns how many members were filled (and announced)."""
    vault = vault_for(id_number_key)
    filled = 0
    while True:
        async with sessions() as session, session.begin():
            rows = (await session.execute(_MISSING, {"batch": batch})).all()
            if not rows:
                return filled
            ids = [member_id for member_id, _ in rows]
            hashes = [id_number_match_hash(vault.open(cipher), match_key) for _, cipher in rows]
            await session.execute(_FILL, {"ids": ids, "hashes": hashes})
            await outbox.add_from_query(
                session,
                MEMBER_CHANGED,
                _ANNOUNCE,
                ids=ids,
            )
            filled += len(rows)
