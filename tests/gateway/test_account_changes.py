"""An account change ends the trust in the account's earlier tokens within seconds, everywhere."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Stack
from tests.gateway.helpers import create_user, password_login
from tests.helpers import KEJING, WANGWU, auth, eventually

PASSWORD = "correct horse battery"
# One read per service (and the gateway's own /auth/me) that a town official may make.
READS = [
    "/auth/me",
    "/api/monitoring/v1/households",
    "/api/employment/v1/workers",
    "/api/funds/v1/projects",
    "/api/assets/v1/assets",
]


async def _town_official(api: httpx.AsyncClient, admin: str) -> tuple[dict[str, Any], str]:
    user = await create_user(api, admin, role="town_official", division_code=KEJING, password=PASSWORD)
    login = await password_login(api, user["username"], PASSWORD)
    assert login.status_code == 200, login.text
    return user, login.json()["access_token"]


async def _statuses(api: httpx.AsyncClient, token: str) -> list[int]:
    return [(await api.get(path, headers=auth(token))).status_code for path in READS]


async def _change(api: httpx.AsyncClient, admin: str, user: dict[str, Any], **changes: Any) -> None:
    resp = await api.patch(
        f"/admin/users/{user['id']}",
        json=changes,
        headers=auth(admin, **{"If-Match": f'"{user["version"]}"'}),
    )
    assert resp.status_code == 200, resp.text


async def test_a_moved_officials_old_token_is_refused_everywhere(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    user, old_token = await _town_official(api, tokens["admin"])
    assert await _statuses(api, old_token) == [200] * len(READS)

    await _change(api, tokens["admin"], user, division_code=WANGWU)

    async def all_refused() -> bool:
        return await _statuses(api, old_token) == [401] * len(READS)

    await eventually(all_refused, timeout=10)
    refused = await api.get(READS[1], headers=auth(old_token))
    assert refused.json()["detail"] == "账号已变更，请重新登录"
    new_login = await password_login(api, user["username"], PASSWORD)
    new_token = new_login.json()["access_token"]
    assert await _statuses(api, new_token) == [200] * len(READS)
    assert (await api.get("/auth/me", headers=auth(new_token))).json()["division_code"] == WANGWU


async def test_a_deactivated_officials_token_is_refused_everywhere(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    user, token = await _town_official(api, tokens["admin"])
    await _change(api, tokens["admin"], user, active=False)

    async def all_refused() -> bool:
        return await _statuses(api, token) == [401] * len(READS)

    await eventually(all_refused, timeout=10)
    assert (await password_login(api, user["username"], PASSWORD)).status_code != 200


async def test_another_accounts_tokens_are_untouched(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    user, token = await _town_official(api, tokens["admin"])
    _, bystander = await _town_official(api, tokens["admin"])
    await _change(api, tokens["admin"], user, active=False)

    async def all_refused() -> bool:
        return await _statuses(api, token) == [401] * len(READS)

    await eventually(all_refused, timeout=10)
    assert await _statuses(api, bystander) == [200] * len(READS)


async def test_changes_still_reach_every_service_after_nats_restarts(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """A restarted server has forgotten every process's consumer of account changes: they follow anew."""
    embedded = stack.infra.nats
    if embedded is None:
        pytest.skip("external NATS: the test cannot stop it")
    user, token = await _town_official(api, tokens["admin"])
    embedded.stop()
    embedded.start()  # same port, same store
    await eventually(lambda: _all_ready(stack), timeout=30)
    await _change(api, tokens["admin"], user, active=False)

    async def all_refused() -> bool:
        return await _statuses(api, token) == [401] * len(READS)

    await eventually(all_refused, timeout=15)


async def _all_ready(stack: Stack) -> bool:
    """Every component is connected to NATS again (its readiness says so)."""
    async with httpx.AsyncClient() as client:
        for name in ("gateway", "monitoring", "employment", "funds", "assets"):
            if (await client.get(f"{stack.url(name)}/readyz")).status_code != 200:
                return False
    return True
