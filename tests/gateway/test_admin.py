"""Account administration: district admins write, auditors read, divisions are checked, versions too."""

from __future__ import annotations

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.gateway.helpers import create_user, password_login, refresh, unique_name
from tests.helpers import KEJING, KEJING_VILLAGE, auth

PASSWORD = "correct horse battery"


async def test_create_get_and_sign_in(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    name = unique_name("Town")
    resp = await api.post(
        "/admin/users",
        json={
            "username": name,
            "display_name": "新镇干部",
            "password": PASSWORD,
            "role": "town_official",
            "division_code": KEJING,
        },
        headers=auth(tokens["admin"]),
    )
    assert resp.status_code == 201, resp.text
    user = resp.json()
    assert user["username"] == name.lower() and user["role_label"] == "镇（街道）干部"
    assert user["division_code"] == KEJING and user["active"] is True and user["version"] == 1
    assert "password" not in user and "password_hash" not in user
    assert resp.headers["etag"] == '"1"' and resp.headers["location"] == f"/admin/users/{user['id']}"

    got = await api.get(f"/admin/users/{user['id']}", headers=auth(tokens["admin"]))
    assert got.status_code == 200 and got.json() == user and got.headers["etag"] == '"1"'

    login = await password_login(api, name.upper(), PASSWORD)
    assert login.status_code == 200
    me = (await api.get("/auth/me", headers=auth(login.json()["access_token"]))).json()
    assert me["division_name"] == "克井镇" and me["id"] == user["id"]

    async with stack.db("gateway").engine.connect() as conn:
        audit = (
            await conn.execute(
                text(
                    "SELECT actor_role, action, entity, changes FROM gateway.audit_log WHERE entity_id = :id"
                ),
                {"id": user["id"]},
            )
        ).all()
        stored_hash = await conn.scalar(
            text("SELECT password_hash FROM gateway.users WHERE id = :id"), {"id": user["id"]}
        )
    [(role, action, entity, changes)] = audit
    assert (role, action, entity) == ("district_admin", "create", "user")
    assert "password" not in changes and changes["division_code"] == KEJING
    assert stored_hash.startswith("$argon2id$") and PASSWORD not in stored_hash


async def test_usernames_are_unique_regardless_of_case(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    user = await create_user(api, tokens["admin"])
    resp = await api.post(
        "/admin/users",
        json={
            "username": user["username"].upper(),
            "display_name": "重复",
            "password": PASSWORD,
            "role": "helper",
        },
        headers=auth(tokens["admin"]),
    )
    assert resp.status_code == 409 and resp.json()["code"] == "conflict"


async def test_division_codes_are_validated(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    def body(role: str, division_code: str | None, **extra: str) -> dict[str, object]:
        return {
            "username": unique_name("u"),
            "display_name": "x",
            "password": PASSWORD,
            "role": role,
            "division_code": division_code,
            **extra,
        }

    cases = [
        body("town_official", "419001999"),  # unknown town
        body("town_official", KEJING_VILLAGE),  # a village is not a town
        body("village_cadre", KEJING),  # a town is not a village
        body("village_cadre", "419001100999"),  # unknown village
        body("village_cadre", None),  # territory missing
        body("helper", KEJING),  # only territorial roles carry a division
        body("department_officer", None),  # department missing
        body("integrator", None),  # integrators are clients, not people
    ]
    for case in cases:
        resp = await api.post("/admin/users", json=case, headers=auth(tokens["admin"]))
        assert resp.status_code == 422, (case, resp.text)
        assert resp.json()["code"] == "validation_failed"
    unknown = (await api.post("/admin/users", json=cases[0], headers=auth(tokens["admin"]))).json()
    assert unknown["errors"][0]["field"] == "division_code"

    ok = await api.post(
        "/admin/users", json=body("village_cadre", KEJING_VILLAGE), headers=auth(tokens["admin"])
    )
    assert ok.status_code == 201, ok.text
    short = await api.post(
        "/admin/users", json={**body("helper", None), "password": "short"}, headers=auth(tokens["admin"])
    )
    assert short.status_code == 422 and short.json()["errors"][0]["field"] == "body.password"


async def test_only_admins_write_and_auditors_read(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    new = {"username": unique_name("x"), "display_name": "x", "password": PASSWORD, "role": "helper"}
    for who in ("town_kejing", "dept_hrss", "helper_wang", "auditor", "integrator_hrss"):
        resp = await api.post("/admin/users", json=new, headers=auth(tokens[who]))
        assert resp.status_code == 403, (who, resp.text)
        assert resp.json()["code"] == "forbidden"
    for who in ("town_kejing", "village_beidahe", "integrator_hrss"):
        assert (await api.get("/admin/users", headers=auth(tokens[who]))).status_code == 403

    listed = await api.get("/admin/users", headers=auth(tokens["auditor"]))
    assert listed.status_code == 200
    async with stack.db("gateway").engine.connect() as conn:
        audited = await conn.scalar(
            text("SELECT count(*) FROM gateway.audit_log WHERE actor_role = 'auditor' AND action = 'read'")
        )
    assert audited >= 1
    assert (await api.get("/admin/users")).status_code == 401


async def test_list_pages_with_cursor_and_filters(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    created = {
        (await create_user(api, tokens["admin"], role="village_cadre", division_code=KEJING_VILLAGE))["id"]
        for _ in range(3)
    }
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"limit": 2, "role": "village_cadre", "division_code": KEJING}
        if cursor:
            params["cursor"] = cursor
        page = (await api.get("/admin/users", params=params, headers=auth(tokens["admin"]))).json()
        assert len(page["items"]) <= 2
        seen += [u["id"] for u in page["items"]]
        assert all(u["role"] == "village_cadre" for u in page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert created <= set(seen) and len(seen) == len(set(seen))
    bad = await api.get("/admin/users", params={"cursor": "!!"}, headers=auth(tokens["admin"]))
    assert bad.status_code == 422


async def test_patch_needs_current_version(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    user = await create_user(api, tokens["admin"])
    url = f"/admin/users/{user['id']}"
    missing = await api.patch(url, json={"display_name": "改名"}, headers=auth(tokens["admin"]))
    assert missing.status_code == 428

    changed = await api.patch(
        url,
        json={"role": "town_official", "division_code": KEJING},
        headers=auth(tokens["admin"], **{"If-Match": '"1"'}),
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["version"] == 2 and changed.headers["etag"] == '"2"'
    assert changed.json()["role"] == "town_official"

    stale = await api.patch(
        url, json={"display_name": "又改"}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    assert stale.headers["etag"] == '"2"'

    # Leaving the territorial role leaves its territory behind.
    back = await api.patch(url, json={"role": "helper"}, headers=auth(tokens["admin"], **{"If-Match": '"2"'}))
    assert back.status_code == 200 and back.json()["division_code"] is None

    bad = await api.patch(
        url,
        json={"role": "village_cadre", "division_code": KEJING},
        headers=auth(tokens["admin"], **{"If-Match": "*"}),
    )
    assert bad.status_code == 422
    auditor = await api.patch(
        url, json={"display_name": "x"}, headers=auth(tokens["auditor"], **{"If-Match": "*"})
    )
    assert auditor.status_code == 403


async def test_password_change_and_deactivation_end_sessions(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    user = await create_user(api, tokens["admin"], password=PASSWORD)
    url = f"/admin/users/{user['id']}"
    session = (await password_login(api, user["username"], PASSWORD)).json()

    resp = await api.patch(
        url, json={"password": "a brand new secret"}, headers=auth(tokens["admin"], **{"If-Match": '"1"'})
    )
    assert resp.status_code == 200, resp.text
    assert (await refresh(api, session["refresh_token"])).status_code == 400
    assert (await password_login(api, user["username"], PASSWORD)).status_code == 401
    assert (await password_login(api, user["username"], "a brand new secret")).status_code == 200

    resp = await api.patch(url, json={"active": False}, headers=auth(tokens["admin"], **{"If-Match": '"2"'}))
    assert resp.status_code == 200 and resp.json()["active"] is False
    assert (await password_login(api, user["username"], "a brand new secret")).status_code == 401


async def test_admin_cannot_lock_themselves_out(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    me = (await api.get("/auth/me", headers=auth(tokens["admin"]))).json()
    resp = await api.patch(
        f"/admin/users/{me['id']}", json={"active": False}, headers=auth(tokens["admin"], **{"If-Match": "*"})
    )
    assert resp.status_code == 409


async def test_unknown_user_is_404(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    resp = await api.get("/admin/users/00000000-0000-0000-0000-000000000000", headers=auth(tokens["admin"]))
    assert resp.status_code == 404


async def test_service_client_secret_is_shown_once_and_works(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    client_id = unique_name("sys")
    resp = await api.post(
        "/admin/clients",
        json={"client_id": client_id, "display_name": "民政局系统", "department": "民政局"},
        headers=auth(tokens["admin"]),
    )
    assert resp.status_code == 201, resp.text
    secret = resp.json()["client_secret"]
    assert len(secret) >= 32

    token = await api.post(
        "/auth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    assert token.status_code == 200
    listed = (await api.get("/admin/clients", params={"limit": 500}, headers=auth(tokens["auditor"]))).json()
    mine = [c for c in listed["items"] if c["client_id"] == client_id]
    assert mine and "client_secret" not in mine[0]

    again = await api.post(
        "/admin/clients",
        json={"client_id": client_id, "display_name": "again"},
        headers=auth(tokens["admin"]),
    )
    assert again.status_code == 409
    assert (
        await api.post(
            "/admin/clients",
            json={"client_id": unique_name("c"), "display_name": "x"},
            headers=auth(tokens["town_kejing"]),
        )
    ).status_code == 403


async def test_create_user_is_idempotent(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    body = {"username": unique_name("idem"), "display_name": "x", "password": PASSWORD, "role": "helper"}
    headers = auth(tokens["admin"], **{"Idempotency-Key": unique_name("key")})
    first = await api.post("/admin/users", json=body, headers=headers)
    second = await api.post("/admin/users", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json() and second.headers["idempotent-replayed"] == "true"
