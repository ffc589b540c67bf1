"""Small async helpers for the gateway tests."""

from __future__ import annotations

import secrets
from typing import Any

import httpx

from tests.helpers import auth


def unique_name(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(4)}"


async def password_login(api: httpx.AsyncClient, username: str, password: str) -> httpx.Response:
    return await api.post(
        "/auth/token", data={"grant_type": "password", "username": username, "password": password}
    )


async def refresh(api: httpx.AsyncClient, refresh_token: str) -> httpx.Response:
    return await api.post("/auth/token", data={"grant_type": "refresh_token", "refresh_token": refresh_token})


async def create_user(api: httpx.AsyncClient, admin_token: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "username": unique_name("user"),
        "display_name": "测试用户",
        "password": "correct horse battery",
        "role": "helper",
    }
    body.update(overrides)
    resp = await api.post("/admin/users", json=body, headers=auth(admin_token))
    assert resp.status_code == 201, resp.text
    created: dict[str, Any] = resp.json()
    return created
