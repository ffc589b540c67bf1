"""The keyed hash that lets two services recognise the same 居民身份证号码 without sharing it.

Monitoring alone keeps ID numbers (encrypted, with its own hash key). Employment must still match
the national system's monthly work file, keyed by ID number, to the members it projects: both
compute HMAC-SHA256 under the suite-wide ``id_number_match_key`` over the normalised number
(trimmed, final ``x`` upper-cased), so the hex digest can travel in ``member.changed`` and be
stored by employment while the number itself never leaves monitoring. A different key from
monitoring's ``id_number_key`` keeps a leak of one from exposing the other's hashes.
"""

from __future__ import annotations

import hashlib
import hmac

# Refused in production (shared.settings): a known key makes the hash a lookup table of numbers.
DEV_ID_NUMBER_MATCH_KEY = "dev-only-id-number-match-key-change-me"


def normalise_id_number(raw: str) -> str:
    return raw.strip().upper()


def id_number_match_hash(raw: str, key: str) -> str:
    """Hex HMAC-SHA256 of the normalised number; equal for the same person in every service."""
    return hmac.new(key.encode(), normalise_id_number(raw).encode(), hashlib.sha256).hexdigest()
