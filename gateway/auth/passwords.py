"""Argon2id password and secret hashing, off the event loop (each hash costs tens of milliseconds)."""

from __future__ import annotations

import asyncio
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

hasher = PasswordHasher()


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(hasher.hash, password)


@cache
def _dummy_hash() -> str:
    return hasher.hash("not-a-real-password-only-equalises-timing")


def _verify(stored_hash: str | None, password: str) -> bool:
    try:
        return hasher.verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


async def verify_password(stored_hash: str | None, password: str) -> bool:
    """``stored_hash`` None (no such user) still costs one verification, so timing tells nothing."""
    return await asyncio.to_thread(_verify, stored_hash, password)


def needs_rehash(stored_hash: str) -> bool:
    return hasher.check_needs_rehash(stored_hash)
