"""Issue 10 (figures): a responsible helper is a real, active gateway account with the helper role —
known from the gateway's ``user.changed`` events (the projection ``projected_users``) — and the
coverage reports count only such helpers. Synthetic events are built from the gateway's EventSpec."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import nats
from sqlalchemy import text

from gateway.users.events import USER_CHANGED, UserChanged
from services.monitoring.app import PROJECTIONS
from shared.auth import Role
from shared.projections import rebuild
from tests.conftest import Stack
from tests.gateway.helpers import create_user
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth, eventually, new_id, problem
from tests.monitoring.factories import HOUSEHOLDS, count, create_household, household

REPORTS = "/api/monitoring/v1/reports"
NOTHING_WRITTEN = (
    "SELECT (SELECT count(*) FROM monitoring.households) + (SELECT count(*) FROM monitoring.outbox)"
)


async def account_id(api: httpx.AsyncClient, token: str) -> str:
    return (await api.get("/auth/me", headers=auth(token))).json()["id"]  # type: ignore[no-any-return]


async def projected(stack: Stack, user_id: str) -> dict[str, Any] | None:
    async with stack.db("monitoring").engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT * FROM monitoring.projected_users WHERE user_id = :u"), {"u": user_id}
            )
        ).first()
        return dict(row._mapping) if row else None


async def users_snapshot(stack: Stack) -> list[Any]:
    async with stack.db("monitoring").engine.connect() as conn:
        return list(
            (await conn.execute(text("SELECT * FROM monitoring.projected_users ORDER BY user_id"))).all()
        )


async def announce(stack: Stack, *accounts: UserChanged) -> None:
    """Each account change as the gateway publishes it (its EventSpec's envelope, on its subject)."""
    nc = await nats.connect(stack.infra.nats_url)
    try:
        for account in accounts:
            event = USER_CHANGED.envelope(account.user_id, account)
            await nc.jetstream().publish(
                USER_CHANGED.nats_subject,
                event.model_dump_json().encode(),
                headers={"Nats-Msg-Id": str(event.id)},
            )
    finally:
        await nc.close()


def account(user_id: str, version: int, **overrides: Any) -> UserChanged:
    values: dict[str, Any] = {
        "user_id": user_id,
        "role": Role.HELPER,
        "division_code": None,
        "department": None,
        "active": True,
        "version": version,
        "changed_at": datetime.now(UTC),
    }
    values.update(overrides)
    return UserChanged(**values)


async def coverage(api: httpx.AsyncClient, token: str) -> tuple[int, int, set[str], set[str]]:
    """helper-coverage (with, without) over all towns, helper-missing and data-quality rule 5 ids."""
    rows = (await api.get(f"{REPORTS}/helper-coverage", headers=auth(token))).json()["rows"]
    missing = (await api.get(f"{REPORTS}/helper-missing", headers=auth(token))).json()["rows"]
    flagged = (await api.get(f"{REPORTS}/data-quality", headers=auth(token))).json()["rows"]
    return (
        sum(r["with_helper"] for r in rows),
        sum(r["without_helper"] for r in rows),
        {r["household_id"] for r in missing},
        {r["household_id"] for r in flagged if r["rule_no"] == 5},
    )


# -- assignments ----------------------------------------------------------------------------------


async def test_a_made_up_id_or_an_account_that_is_no_helper_is_refused_alike(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    made_up = await api.post(
        HOUSEHOLDS, json=household(helper_user_id=new_id()), headers=auth(tokens["admin"])
    )
    assert made_up.status_code == 422 and made_up.json()["code"] == "unknown_reference", made_up.text
    assert [e["field"] for e in made_up.json()["errors"]] == ["helper_user_id"]
    official = await account_id(api, tokens["town_kejing"])  # a real, active account, but no helper
    not_a_helper = await api.post(
        HOUSEHOLDS, json=household(helper_user_id=official), headers=auth(tokens["admin"])
    )
    assert problem(not_a_helper) == problem(made_up)
    assert await count(stack, NOTHING_WRITTEN) == 0

    created = await create_household(api, tokens["admin"])
    url = f"{HOUSEHOLDS}/{created['id']}"
    patched = await api.patch(
        url, json={"helper_user_id": official}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert problem(patched) == problem(made_up)
    assert (await api.get(url, headers=auth(tokens["admin"]))).json()["helper_user_id"] is None


async def test_a_helper_account_counts_while_it_is_active(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """A helper the gateway creates is assignable once its event arrived; deactivated, it is refused
    and the household shows up as one without a helper in every report."""
    admin = tokens["admin"]
    helper = await create_user(api, admin, role="helper")
    await eventually(lambda: projected(stack, helper["id"]), timeout=30)
    helped = await create_household(api, admin, helper_user_id=helper["id"])
    assert await coverage(api, admin) == (1, 0, set(), set())

    resp = await api.patch(
        f"/admin/users/{helper['id']}", json={"active": False}, headers=auth(admin, **{"If-Match": '"1"'})
    )
    assert resp.status_code == 200, resp.text

    async def deactivated() -> bool:
        row = await projected(stack, helper["id"])
        return row is not None and row["active"] is False

    await eventually(deactivated, timeout=30)
    assert await coverage(api, admin) == (0, 1, {helped["id"]}, {helped["id"]})
    refused = await api.post(HOUSEHOLDS, json=household(helper_user_id=helper["id"]), headers=auth(admin))
    assert refused.status_code == 422 and refused.json()["code"] == "unknown_reference"


async def test_a_helper_bound_to_a_division_helps_only_there(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    helper = str(uuid.uuid4())
    await announce(stack, account(helper, 1, division_code=WANGWU))
    await eventually(lambda: projected(stack, helper), timeout=30)
    elsewhere = await api.post(
        HOUSEHOLDS, json=household(helper_user_id=helper), headers=auth(tokens["admin"])
    )
    assert elsewhere.status_code == 422 and elsewhere.json()["code"] == "unknown_reference"
    await create_household(
        api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE, helper_user_id=helper
    )


# -- the projection -------------------------------------------------------------------------------


async def test_account_events_arriving_out_of_order_leave_the_newest(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    helper = str(uuid.uuid4())
    await announce(
        stack, account(helper, 2, active=False), account(helper, 1), account(helper, 2, active=False)
    )

    async def all_handled() -> bool:
        handled = await count(
            stack, "SELECT count(*) FROM monitoring.inbox WHERE event_type = :t", t=USER_CHANGED.type
        )
        return handled >= 3

    await eventually(all_handled, timeout=30)
    assert await projected(stack, helper) == {
        "user_id": helper,
        "role": "helper",
        "division_code": None,
        "active": False,
        "version": 2,
    }
    refused = await api.post(HOUSEHOLDS, json=household(helper_user_id=helper), headers=auth(tokens["admin"]))
    assert refused.status_code == 422


async def test_rebuilding_the_accounts_projection_gives_the_same_rows(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    component = stack.apps["monitoring"].state.component
    users = next(p for p in PROJECTIONS if p.name == "users")
    # First as the whole stream has it (every account of the session), then live changes on top.
    await rebuild(component, users)
    helper = await create_user(api, tokens["admin"], role="helper")
    moved = await create_user(api, tokens["admin"], role="helper")
    resp = await api.patch(
        f"/admin/users/{moved['id']}",
        json={"role": "town_official", "division_code": WANGWU},
        headers=auth(tokens["admin"], **{"If-Match": '"1"'}),
    )
    assert resp.status_code == 200, resp.text

    async def live() -> list[Any] | None:
        rows = await users_snapshot(stack)
        known = {r.user_id: r for r in rows}
        done = (
            helper["id"] in known and known.get(moved["id"]) is not None and known[moved["id"]].version == 2
        )
        return rows if done else None

    before = await eventually(live, timeout=30)
    assert await rebuild(component, users) >= 3
    assert await users_snapshot(stack) == before
