"""Mainland mobile numbers of applicants: validation, masking, and how the number is kept.

Kept like ID numbers (``households.id_numbers``): a keyed hash (what a lookup and the per-phone
rate limit compare) and a ciphertext (for a cadre who calls back); answers carry the masked form.
The keys derive from the same secret as the ID-number keys, under labels of their own, so neither
hash can be compared with the other.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

from cryptography.fernet import Fernet

from services.monitoring.households.id_numbers import IdNumberVault

# 11 digits, 1 then 3–9 (GB/T mobile numbering); +86 / 0086 and separators are dropped first.
_MOBILE = re.compile(r"1[3-9]\d{9}")
_SEPARATORS = re.compile(r"[\s\-()（）]")


class InvalidPhone(ValueError):
    """Carries the Chinese reason shown to the applicant."""


def parse(raw: str) -> str:
    """The 11-digit number, or :class:`InvalidPhone`."""
    number = _SEPARATORS.sub("", raw)
    for prefix in ("+86", "0086", "86"):
        if number.startswith(prefix) and len(number) == len(prefix) + 11:
            number = number[len(prefix) :]
            break
    if not _MOBILE.fullmatch(number):
        raise InvalidPhone("手机号应为 11 位大陆手机号码")
    return number


def mask(number: str) -> str:
    """138****5678: the operator prefix and the last four, enough for a cadre to recognise it."""
    return f"{number[:3]}****{number[7:]}"


@lru_cache(maxsize=4)
def phone_vault_for(secret: str) -> IdNumberVault:
    hash_key = hashlib.sha256(b"xianjie:phone:hash:" + secret.encode()).digest()
    enc_key = base64.urlsafe_b64encode(hashlib.sha256(b"xianjie:phone:enc:" + secret.encode()).digest())
    return IdNumberVault(hash_key=hash_key, fernet=Fernet(enc_key))
