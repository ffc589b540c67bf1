"""居民身份证号码 (GB 11643): validation, masking, and how the number is kept.

The number itself never leaves this module unprotected: the database holds a keyed hash (unique,
and what department batches are matched on) and a ciphertext (shown in full only to roles that
need it); everyone else sees the masked form.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from cryptography.fernet import Fernet

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"


class InvalidIdNumber(ValueError):
    """Carries the Chinese reason shown to the user."""


def check_char(first17: str) -> str:
    return _CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def parse(raw: str, today: date | None = None) -> tuple[str, date]:
    """The normalised number and the birth date it encodes, or :class:`InvalidIdNumber`."""
    number = raw.strip().upper()
    if len(number) != 18:
        raise InvalidIdNumber("身份证号应为 18 位")
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise InvalidIdNumber("身份证号只能由数字和末位 X 组成")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError as exc:
        raise InvalidIdNumber("身份证号中的出生日期无效") from exc
    if birth > (today or date.today()) or birth.year < 1900:
        raise InvalidIdNumber("身份证号中的出生日期无效")
    if check_char(number[:17]) != number[17]:
        raise InvalidIdNumber("身份证号校验位错误")
    return number, birth


def mask(number: str) -> str:
    """410881********123X: region and last four kept, birth date hidden."""
    return f"{number[:6]}********{number[14:]}"


@dataclass(frozen=True)
class IdNumberVault:
    hash_key: bytes
    fernet: Fernet

    def digest(self, number: str) -> bytes:
        return hmac.new(self.hash_key, number.encode(), hashlib.sha256).digest()

    def seal(self, number: str) -> bytes:
        return self.fernet.encrypt(number.encode())

    def open(self, cipher: bytes) -> str:
        return self.fernet.decrypt(cipher).decode()


@lru_cache(maxsize=4)
def vault_for(secret: str) -> IdNumberVault:
    hash_key = hashlib.sha256(b"xianjie:id-number:hash:" + secret.encode()).digest()
    enc_key = base64.urlsafe_b64encode(hashlib.sha256(b"xianjie:id-number:enc:" + secret.encode()).digest())
    return IdNumberVault(hash_key=hash_key, fernet=Fernet(enc_key))
