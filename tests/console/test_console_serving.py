"""The gateway serves the console's page and assets from its own origin, and sign-out revokes."""

from __future__ import annotations

import re

import httpx

from gateway.console.endpoints import STATIC_DIR


async def test_the_page_and_its_assets_come_from_the_gateway(api: httpx.AsyncClient) -> None:
    page = await api.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy
    assert page.headers["cache-control"] == "no-cache"
    # Everything the page names is on this origin, under /console/assets/.
    referenced = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assets = [r for r in referenced if not r.startswith(("data:", "#"))]
    assert assets and all(r.startswith("/console/assets/") for r in assets), referenced
    for asset in assets:
        resp = await api.get(asset)
        assert resp.status_code == 200, asset
        assert "immutable" in resp.headers["cache-control"]
    built = {p.name for p in (STATIC_DIR / "assets").iterdir()}
    assert {a.rsplit("/", 1)[1] for a in assets} <= built
    assert (await api.get("/console/assets/nothing-here.js")).status_code == 404
    assert (await api.get("/console", follow_redirects=False)).headers["location"] == "/"


async def test_revoking_a_refresh_token_ends_its_sign_in(api: httpx.AsyncClient, demo_password: str) -> None:
    signed_in = await api.post(
        "/auth/token", data={"grant_type": "password", "username": "auditor", "password": demo_password}
    )
    assert signed_in.status_code == 200, signed_in.text
    refresh = signed_in.json()["refresh_token"]
    assert (await api.post("/auth/revoke", data={})).status_code == 400
    revoked = await api.post("/auth/revoke", data={"token": refresh, "token_type_hint": "refresh_token"})
    assert revoked.status_code == 200 and revoked.headers["cache-control"] == "no-store"
    refused = await api.post("/auth/token", data={"grant_type": "refresh_token", "refresh_token": refresh})
    assert refused.status_code == 400 and refused.json()["code"] == "invalid_grant"
    # An unknown token is answered the same way (RFC 7009 §2.2): nothing is told about tokens.
    assert (await api.post("/auth/revoke", data={"token": "not-a-token"})).status_code == 200
