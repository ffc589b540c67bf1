"""The verifier's own rules, with a key source of our making (no gateway needed)."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm

from shared.auth import Role, TokenVerifier
from shared.errors import Unauthorized

KEY = Ed25519PrivateKey.generate()


def jwk() -> dict[str, Any]:
    public: dict[str, Any] = json.loads(OKPAlgorithm.to_jwk(KEY.public_key()))
    return {**public, "kid": "k1", "use": "sig", "alg": "EdDSA"}


def token(**claims: Any) -> str:
    now = int(time.time())
    body = {
        "iss": "xianjie-gateway",
        "aud": "xianjie",
        "sub": "u1",
        "role": "town_official",
        "division_code": "419001100",
        "typ": "access",
        "iat": now,
        "exp": now + 60,
        **claims,
    }
    return jwt.encode(body, KEY, algorithm="EdDSA", headers={"kid": "k1"})


async def test_verified_tokens_are_remembered_until_they_expire(monkeypatch: pytest.MonkeyPatch) -> None:
    fetches = 0

    async def keys() -> list[dict[str, Any]]:
        nonlocal fetches
        fetches += 1
        return [jwk()]

    verifier = TokenVerifier(keys, issuer="xianjie-gateway", audience="xianjie")
    tok = token()
    first = await verifier.verify(tok)
    assert first.role is Role.TOWN_OFFICIAL and first.division_prefix == "419001100"
    assert await verifier.verify(tok) is first  # the remembered principal, not a second check
    assert fetches == 1

    # Once the token's exp has passed, the remembered answer is not used: the token is checked again.
    checks = 0
    real_check = verifier._verify

    async def counting_check(raw: str) -> Any:
        nonlocal checks
        checks += 1
        return await real_check(raw)

    monkeypatch.setattr(verifier, "_verify", counting_check)
    await verifier.verify(tok)
    assert checks == 0
    later = time.time() + 120
    monkeypatch.setattr("shared.auth.time.time", lambda: later)
    await verifier.verify(tok)
    assert checks == 1


async def test_cache_stays_bounded() -> None:
    async def keys() -> list[dict[str, Any]]:
        return [jwk()]

    verifier = TokenVerifier(keys, issuer="xianjie-gateway", audience="xianjie", cache_size=3)
    for n in range(7):
        await verifier.verify(token(sub=f"u{n}"))
    assert len(verifier._verified) <= 3


async def test_an_unreachable_key_source_means_unauthorized_not_a_crash() -> None:
    async def keys() -> list[dict[str, Any]]:
        raise OSError("gateway down")

    verifier = TokenVerifier(keys, issuer="xianjie-gateway", audience="xianjie")
    with pytest.raises(Unauthorized):
        await verifier.verify(token())
