"""Tokens a service must refuse even when correctly signed by the gateway's own key."""

from __future__ import annotations

import time
from typing import Any

import httpx
import jwt
import pytest

from shared.auth import Principal, Role
from tests.conftest import Stack
from tests.helpers import auth

URL = "/api/monitoring/v1/households"


async def signed(stack: Stack, **claims: Any) -> str:
    key = await stack.apps["gateway"].state.gateway.require_keyring().current()
    settings = stack.apps["gateway"].state.gateway.settings
    now = int(time.time())
    body = {
        "iss": settings.token_issuer,
        "aud": settings.token_audience,
        "sub": "someone",
        "username": "someone",
        "role": "district_admin",
        "typ": "access",
        "iat": now,
        "exp": now + 300,
        "jti": "x",
    }
    body.update(claims)
    return jwt.encode(
        {k: v for k, v in body.items() if v is not None},
        key.private_key,
        algorithm="EdDSA",
        headers={"kid": key.kid},
    )


@pytest.mark.parametrize(
    ("claims", "detail"),
    [
        ({"exp": int(time.time()) - 60}, "令牌已过期"),
        ({"aud": "someone-else"}, "令牌无效"),
        ({"iss": "evil"}, "令牌无效"),
        ({"typ": "refresh"}, "不是访问令牌"),
        ({"role": "emperor"}, "令牌角色未知"),
        ({"role": None}, "令牌无效"),
    ],
    ids=["expired", "audience", "issuer", "not-access", "unknown-role", "no-role"],
)
async def test_service_refuses_wrong_tokens(
    api: httpx.AsyncClient, stack: Stack, claims: dict[str, Any], detail: str
) -> None:
    resp = await api.get(URL, headers=auth(await signed(stack, **claims)))
    assert resp.status_code == 401, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert resp.json()["code"] == "unauthorized" and resp.json()["detail"] == detail


async def test_a_well_formed_token_passes(api: httpx.AsyncClient, stack: Stack) -> None:
    assert (await api.get(URL, headers=auth(await signed(stack)))).status_code == 200


async def test_token_signed_by_an_unknown_key_is_refused(api: httpx.AsyncClient) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    forged = jwt.encode(
        {"sub": "x", "role": "district_admin", "typ": "access", "exp": int(time.time()) + 60},
        Ed25519PrivateKey.generate(),
        algorithm="EdDSA",
        headers={"kid": "forged"},
    )
    resp = await api.get(URL, headers=auth(forged))
    assert resp.status_code == 401 and resp.json()["detail"] == "令牌签名密钥未知"


@pytest.mark.parametrize(
    "claims",
    [
        {"role": "town_official"},
        {"role": "town_official", "division_code": ""},
        {"role": "town_official", "division_code": "4190011"},
        {"role": "village_cadre", "division_code": "419001100"},  # a town's code on a village account
        {"role": "village_cadre", "division_code": "41900110020x"},
    ],
    ids=[
        "town-without-code",
        "town-empty-code",
        "town-short-code",
        "village-with-town-code",
        "village-not-digits",
    ],
)
async def test_territorial_tokens_without_their_place_are_refused(
    api: httpx.AsyncClient, stack: Stack, claims: dict[str, Any]
) -> None:
    """Scope fails closed: a town or village account whose token lacks its code reads nothing."""
    for service in ("monitoring", "employment", "funds", "assets"):
        resp = await api.get(
            f"/api/{service}/v1/ops/parked-events", headers=auth(await signed(stack, **claims))
        )
        assert resp.status_code == 401, (service, resp.text)
        assert resp.json()["detail"] == "令牌缺少有效的辖区代码"


def test_a_territorial_principal_made_without_a_code_covers_nothing() -> None:
    for role in (Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE):
        principal = Principal(subject="s", username="u", role=role)
        assert not principal.covers("419001100")
        assert not principal.covers("419001100201")
    assert Principal(subject="s", username="u", role=Role.DISTRICT_ADMIN).covers("419001100")
    assert Principal(subject="s", username="u", role=Role.TOWN_OFFICIAL, division_code="419001100").covers(
        "419001100201"
    )
