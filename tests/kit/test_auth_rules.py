"""The kit's auth rules as plain code, on their lines: who a principal covers (its own prefix, none
for district roles, nothing for a territorial role without a place), read-only auditors, and the
verifier's refusals — issuer, audience, expiry, signature, kid, type, role, division code, a token
issued before its account changed (on the instant and either side) and the cache's expiry and bound.
No stack: these are also what `make mutate TARGET=kit` runs against."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm

from shared.auth import NO_TERRITORY, Principal, Role, TokenVerifier
from shared.errors import Forbidden, NotFound, Unauthorized

KEY = Ed25519PrivateKey.generate()
OTHER_KEY = Ed25519PrivateKey.generate()
TOWN, VILLAGE = "419001100", "419001100201"


def jwk(key: Ed25519PrivateKey = KEY, kid: str = "k1") -> dict[str, Any]:
    public: dict[str, Any] = json.loads(OKPAlgorithm.to_jwk(key.public_key()))
    return {**public, "kid": kid, "use": "sig", "alg": "EdDSA"}


def token(key: Ed25519PrivateKey = KEY, kid: str = "k1", **claims: Any) -> str:
    now = int(time.time())
    body = {
        "iss": "xianjie-gateway",
        "aud": "xianjie",
        "sub": "u1",
        "role": "town_official",
        "division_code": TOWN,
        "typ": "access",
        "iat": now,
        "exp": now + 60,
        **claims,
    }
    return jwt.encode(
        {k: v for k, v in body.items() if v is not None}, key, algorithm="EdDSA", headers={"kid": kid}
    )


def verifier(**options: Any) -> TokenVerifier:
    async def keys() -> list[dict[str, Any]]:
        return [jwk()]

    return TokenVerifier(keys, issuer="xianjie-gateway", audience="xianjie", **options)


def principal(role: Role, division_code: str | None = None) -> Principal:
    return Principal(subject="u1", username="u1", role=role, division_code=division_code)


# -- principals ------------------------------------------------------------------------------------


def test_a_district_role_covers_everywhere() -> None:
    for role in (Role.DISTRICT_ADMIN, Role.DEPARTMENT_OFFICER, Role.AUDITOR, Role.INTEGRATOR):
        admin = principal(role)
        assert admin.division_prefix is None and admin.covers(VILLAGE) and admin.covers("419001109")
        admin.require_covers("419001109201")
        admin.require_may_write_in("419001109201")


def test_a_town_covers_its_villages_and_no_neighbour() -> None:
    town = principal(Role.TOWN_OFFICIAL, TOWN)
    assert town.covers(TOWN) and town.covers(VILLAGE)
    assert not town.covers("419001109") and not town.covers("419001101201")
    with pytest.raises(NotFound):
        town.require_covers("419001109201")
    with pytest.raises(Forbidden):
        town.require_may_write_in("419001109201")


def test_a_village_covers_itself_not_its_town() -> None:
    village = principal(Role.VILLAGE_CADRE, VILLAGE)
    assert village.covers(VILLAGE) and not village.covers(TOWN) and not village.covers("419001100202")


def test_a_territorial_role_without_a_place_covers_nothing() -> None:
    for role in (Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE):
        placeless = principal(role)
        assert placeless.division_prefix == NO_TERRITORY
        assert not placeless.covers(TOWN) and not placeless.covers(VILLAGE)


def test_only_the_auditor_is_read_only() -> None:
    assert [r for r in Role if principal(r).read_only] == [Role.AUDITOR]
    with pytest.raises(Forbidden):
        principal(Role.AUDITOR).require_write()
    principal(Role.DISTRICT_ADMIN).require_write()


def test_a_role_not_named_is_forbidden() -> None:
    principal(Role.TOWN_OFFICIAL, TOWN).require_role(Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)
    with pytest.raises(Forbidden):
        principal(Role.VILLAGE_CADRE, VILLAGE).require_role(Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)


# -- the verifier ----------------------------------------------------------------------------------


async def test_a_good_token_gives_its_principal() -> None:
    found = await verifier().verify(token(username="张三", department="人社局"))
    assert (found.subject, found.username, found.role, found.division_code, found.department) == (
        "u1",
        "张三",
        Role.TOWN_OFFICIAL,
        TOWN,
        "人社局",
    )
    assert (await verifier().verify(token())).username == "u1"  # no username: the subject


@pytest.mark.parametrize(
    "bad",
    [
        {"iss": "someone-else"},
        {"aud": "another-suite"},
        {"exp": int(time.time()) - 1},
        {"typ": "refresh"},
        {"typ": None},
        {"role": "emperor"},
        {"role": None},
        {"sub": None},
        {"division_code": None},
        {"division_code": "41900110"},  # one digit short of a town
        {"division_code": "4190011000"},  # one over
        {"division_code": "41900110A"},
        {"role": "village_cadre", "division_code": TOWN},
    ],
    ids=lambda bad: ",".join(f"{k}={v}" for k, v in bad.items()),
)
async def test_a_token_off_the_rules_is_unauthorized(bad: dict[str, Any]) -> None:
    with pytest.raises(Unauthorized):
        await verifier().verify(token(**bad))


async def test_an_expired_token_says_so() -> None:
    with pytest.raises(Unauthorized) as refused:
        await verifier().verify(token(exp=int(time.time()) - 1))
    assert refused.value.detail_en == "token expired"


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (token(key=OTHER_KEY), "invalid token"),
        (token(kid="k2"), "unknown signing key"),
        ("not-a-token", "malformed token"),
    ],
    ids=["other key", "unknown kid", "garbage"],
)
async def test_a_token_signed_by_another_key_or_kid_or_garbage_is_unauthorized(raw: str, why: str) -> None:
    with pytest.raises(Unauthorized) as refused:
        await verifier().verify(raw)
    assert refused.value.detail_en == why


@pytest.mark.parametrize(("issued_delta", "accepted"), [(-1, False), (0, True), (1, True)])
async def test_a_token_issued_before_its_account_changed_is_refused(
    issued_delta: int, accepted: bool
) -> None:
    checker = verifier()
    changed_at = float(int(time.time()) - 10)
    raw = token(iat=int(changed_at) + issued_delta)
    checker.revoke_before("u1", changed_at)
    checker.revoke_before("u1", changed_at - 100)  # an older change does not move the line back
    if accepted:
        assert (await checker.verify(raw)).subject == "u1"
    else:
        with pytest.raises(Unauthorized):
            await checker.verify(raw)
    assert (await checker.verify(token(sub="u2", iat=int(changed_at) - 5))).subject == "u2"


async def test_a_remembered_token_is_refused_once_its_account_changes() -> None:
    checker = verifier()
    raw = token(iat=int(time.time()) - 5)
    await checker.verify(raw)
    checker.revoke_before("u1", time.time())
    with pytest.raises(Unauthorized):
        await checker.verify(raw)


async def test_a_remembered_token_is_checked_again_from_its_expiry(monkeypatch: pytest.MonkeyPatch) -> None:
    checker = verifier()
    raw = token()
    exp = float(jwt.decode(raw, options={"verify_signature": False})["exp"])
    await checker.verify(raw)
    checks = 0
    real_check = checker._verify

    async def counting_check(raw: str) -> Principal:
        nonlocal checks
        checks += 1
        return await real_check(raw)

    monkeypatch.setattr(checker, "_verify", counting_check)
    monkeypatch.setattr("shared.auth.time.time", lambda: exp - 0.5)  # just before: remembered
    await checker.verify(raw)
    assert checks == 0
    monkeypatch.setattr("shared.auth.time.time", lambda: exp)  # on the instant: checked again
    await checker.verify(raw)
    assert checks == 1


async def test_the_cache_is_emptied_when_full_not_before() -> None:
    checker = verifier(cache_size=3)
    for n in range(3):
        await checker.verify(token(sub=f"u{n}"))
    assert len(checker._verified) == 3
    await checker.verify(token(sub="u3"))
    assert len(checker._verified) == 1
