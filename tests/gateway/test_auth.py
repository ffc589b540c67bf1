"""POST /auth/token (password, client credentials, rotating refresh), /auth/me and the JWKS."""

from __future__ import annotations

import base64
import json
import secrets

import httpx
import jwt
import pytest
from limits import parse

from shared.auth import TokenVerifier, jwks_over_http
from tests.conftest import Stack
from tests.gateway.helpers import create_user, password_login, refresh, unique_name
from tests.helpers import auth

PASSWORD = "correct horse battery"


async def test_password_login_issues_a_verifiable_token(
    api: httpx.AsyncClient, stack: Stack, demo_password: str
) -> None:
    resp = await password_login(api, "town_kejing", demo_password)
    assert resp.status_code == 200, resp.text
    assert resp.headers["cache-control"] == "no-store"
    body = resp.json()
    settings = stack.apps["gateway"].state.gateway.settings
    ttl = settings.access_token_ttl_seconds
    assert body["token_type"] == "bearer" and body["expires_in"] == ttl and body["refresh_token"]

    # Services verify with the kit's verifier against the published JWKS, over HTTP.
    verifier = TokenVerifier(
        jwks_over_http(f"{stack.gateway_url}/.well-known/jwks.json"),
        issuer=settings.token_issuer,
        audience=settings.token_audience,
    )
    principal = await verifier.verify(body["access_token"])
    assert principal.role.value == "town_official"
    assert principal.division_code == "419001100" and principal.username == "town_kejing"

    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert claims["typ"] == "access" and claims["iss"] == settings.token_issuer
    assert claims["aud"] == settings.token_audience and claims["exp"] - claims["iat"] == pytest.approx(ttl)
    assert claims["jti"] and claims["department"] is None
    header = jwt.get_unverified_header(body["access_token"])
    assert header["alg"] == "EdDSA" and header["kid"]


async def test_username_is_case_insensitive(api: httpx.AsyncClient, demo_password: str) -> None:
    resp = await password_login(api, "Dept_HRSS", demo_password)
    assert resp.status_code == 200, resp.text
    claims = jwt.decode(resp.json()["access_token"], options={"verify_signature": False})
    assert claims["username"] == "dept_hrss" and claims["department"] == "人社局"


async def test_jwks_publishes_ed25519_keys(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.get("/.well-known/jwks.json")
    assert resp.status_code == 200
    keys = resp.json()["keys"]
    assert keys and all(k["kty"] == "OKP" and k["crv"] == "Ed25519" for k in keys)
    assert all(k["use"] == "sig" and k["alg"] == "EdDSA" and k["kid"] for k in keys)
    assert not any("d" in k for k in keys), "private key material must never be published"
    kid = jwt.get_unverified_header(tokens["admin"])["kid"]
    key = jwt.PyJWK.from_dict(next(k for k in keys if k["kid"] == kid))
    jwt.decode(tokens["admin"], key.key, algorithms=["EdDSA"], audience="xianjie")


async def test_wrong_password_is_401_with_oauth_error(api: httpx.AsyncClient) -> None:
    resp = await password_login(api, "admin", "not the password")
    assert resp.status_code == 401
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert body["code"] == "invalid_grant" and body["error"] == "invalid_grant"
    assert body["title"] == "用户名或密码错误"
    assert "access_token" not in body

    unknown = await api.post(
        "/auth/token",
        data={"grant_type": "password", "username": unique_name("nobody"), "password": "x"},
        headers={"Accept-Language": "en"},
    )
    assert unknown.status_code == 401 and unknown.json()["title"] == "Wrong username or password"


async def test_bad_token_requests(api: httpx.AsyncClient) -> None:
    resp = await api.post("/auth/token", data={"grant_type": "authorization_code", "code": "x"})
    assert resp.status_code == 400 and resp.json()["error"] == "unsupported_grant_type"
    resp = await api.post("/auth/token", data={"grant_type": "password", "username": "admin"})
    assert resp.status_code == 400 and resp.json()["error"] == "invalid_request"
    resp = await api.post("/auth/token", data={})
    assert resp.status_code == 400 and resp.json()["error"] == "invalid_request"


async def test_client_credentials_form_and_basic(api: httpx.AsyncClient, demo_password: str) -> None:
    resp = await api.post(
        "/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "integrator_hrss",
            "client_secret": demo_password,
        },
    )
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert "refresh_token" not in body
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert (
        claims["role"] == "integrator"
        and claims["sub"] == "integrator_hrss"
        and claims["department"] == "人社局"
    )

    basic = base64.b64encode(f"integrator_hrss:{demo_password}".encode()).decode()
    resp = await api.post(
        "/auth/token", data={"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {basic}"}
    )
    assert resp.status_code == 200, resp.text

    me = await api.get("/auth/me", headers=auth(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["role"] == "integrator" and me.json()["role_label"] == "部门系统（集成账号）"

    wrong = await api.post(
        "/auth/token",
        data={"grant_type": "client_credentials", "client_id": "integrator_hrss", "client_secret": "nope"},
    )
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    assert wrong.headers["www-authenticate"].startswith("Basic")


async def test_login_rate_limit(api: httpx.AsyncClient, stack: Stack) -> None:
    limit = parse(stack.apps["gateway"].state.gateway.settings.login_rate_limit)
    username = unique_name("guess")
    for _ in range(limit.amount):
        resp = await password_login(api, username, "wrong")
        assert resp.status_code == 401
    resp = await password_login(api, username, "wrong")
    assert resp.status_code == 429
    assert resp.json()["code"] == "rate_limited"
    assert int(resp.headers["retry-after"]) >= 1
    # Per username: another name from the same address is not held back.
    assert (await password_login(api, unique_name("other"), "wrong")).status_code == 401


async def test_refresh_rotation_and_reuse_detection(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    user = await create_user(api, tokens["admin"], password=PASSWORD)
    first = (await password_login(api, user["username"], PASSWORD)).json()

    rotated = await refresh(api, first["refresh_token"])
    assert rotated.status_code == 200, rotated.text
    second = rotated.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    me = await api.get("/auth/me", headers=auth(second["access_token"]))
    assert me.status_code == 200 and me.json()["username"] == user["username"]

    # The first token comes back (stolen copy): refused, and the whole family is revoked ...
    reused = await refresh(api, first["refresh_token"])
    assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"
    # ... so the legitimate newest token no longer works either.
    after = await refresh(api, second["refresh_token"])
    assert after.status_code == 400 and after.json()["error"] == "invalid_grant"

    # A fresh sign-in starts a new family that works.
    third = (await password_login(api, user["username"], PASSWORD)).json()
    assert (await refresh(api, third["refresh_token"])).status_code == 200

    garbage = await refresh(api, secrets.token_urlsafe(32))
    assert garbage.status_code == 400 and garbage.json()["code"] == "invalid_grant"


async def test_me_describes_the_caller(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.get("/auth/me", headers=auth(tokens["village_beidahe"]))
    assert resp.status_code == 200
    me = resp.json()
    assert me["username"] == "village_beidahe" and me["role"] == "village_cadre"
    assert me["role_label"] == "村干部"
    assert me["division_code"] == "419001100201" and me["division_name"] == "北大河村"
    assert me["display_name"] and me["id"]
    assert (await api.get("/auth/me", headers=auth(tokens["admin"]))).json()["division_name"] is None


@pytest.mark.parametrize("header", [None, "Bearer not-a-jwt", "Basic abc"])
async def test_me_needs_a_valid_token(api: httpx.AsyncClient, header: str | None) -> None:
    resp = await api.get("/auth/me", headers={"Authorization": header} if header else {})
    assert resp.status_code == 401 and resp.json()["code"] == "unauthorized"


async def test_tampered_token_is_refused(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    head, _payload, signature = tokens["helper_wang"].split(".")
    claims = jwt.decode(tokens["helper_wang"], options={"verify_signature": False})
    claims["role"] = "district_admin"
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    resp = await api.get("/admin/users", headers=auth(f"{head}.{forged_payload}.{signature}"))
    assert resp.status_code == 401
