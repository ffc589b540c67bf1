"""Every service's endpoints run on the kit's route class, and the four services answer through
its plan what FastAPI's own handler answers: the same status, problem+json body (code, field
locations, messages, their order), headers and audit rows — for valid and invalid requests.

Each request goes to the service directly, twice: as it runs, then with ``app.dependency_overrides``
set to an entry nothing uses, which hands every ``KitRoute``'s requests to FastAPI's handler.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi import routing as fastapi_routing
from fastapi.routing import APIRoute
from sqlalchemy import text

from shared import routing
from shared.routing import KitRoute, plan_for
from tests.conftest import SERVICE_NAMES, Stack
from tests.monitoring.factories import create_household, household


def _unused_override() -> None:  # pragma: no cover - never called: its presence is the switch
    pass


def test_every_service_route_is_a_kit_route(stack: Stack) -> None:
    for name in SERVICE_NAMES:
        app = stack.apps[name]
        planned = 0
        for context in fastapi_routing.iter_route_contexts(app.router.routes):
            route = context.route
            if isinstance(route, APIRoute):
                assert isinstance(route, KitRoute), f"{name}: {route.path} is not made by a KitRouter"
                planned += plan_for(context._route_context or route) is not None
        # Most reads have a plan (writes with a body keep FastAPI's handler for now).
        assert planned >= 10, name


CASES: list[tuple[str, str, str, int]] = [
    # (service, token of, path and query, status)
    ("monitoring", "admin", "/v1/households?limit=5", 200),
    ("monitoring", "admin", "/v1/households?limit=2&kind=ordinary", 200),
    ("monitoring", "admin", "/v1/households?limit=0", 422),
    ("monitoring", "admin", "/v1/households?limit=abc&town_code=12&kind=nope&status=bad&q=", 422),
    ("monitoring", "admin", "/v1/households?include_cancelled=perhaps&updated_since=0&cursor=%%%", 422),
    ("monitoring", "admin", "/v1/households?q=" + "长" * 51, 422),
    ("monitoring", "town_kejing", "/v1/households?town_code=419001100&limit=3", 200),
    ("monitoring", "integrator_hrss", "/v1/households", 403),  # a role that may not read them
    ("monitoring", "", "/v1/households?limit=0", 401),  # no token: 401 before the parameters
    ("monitoring", "garbage", "/v1/households", 401),
    ("monitoring", "admin", "/v1/households/not-a-uuid", 422),
    ("monitoring", "admin", f"/v1/households/{uuid.UUID(int=5)}", 404),
    ("monitoring", "auditor", "/v1/households?limit=2", 200),  # an auditor's read is put on record
    ("employment", "admin", "/v1/workers?limit=3&status=nope&household_id=x", 422),
    ("employment", "admin", "/v1/workers/stale?limit=2", 200),  # answers a model, not a Response
    ("employment", "admin", "/v1/workers/stale?limit=-2&town_code=1", 422),
    ("funds", "admin", "/v1/projects?year=1999&limit=500&category=x", 422),
    ("funds", "admin", "/v1/projects?year=2026&limit=2", 200),
    ("funds", "admin", f"/v1/projects/{uuid.UUID(int=9)}", 404),
    ("assets", "admin", "/v1/assets?source_project_id=1&q=&owner_kind=me", 422),
    ("assets", "village_beidahe", "/v1/assets?limit=1", 200),
]


async def _audit_rows(stack: Stack, service: str) -> list[Any]:
    async with stack.db(service).engine.connect() as conn:
        rows = await conn.execute(
            text(
                f"SELECT actor_role, action, entity, entity_id, changes FROM {service}.audit_log ORDER BY id"
            )
        )
        return [tuple(r) for r in rows]


def _comparable(response: httpx.Response) -> tuple[int, dict[str, str], Any]:
    headers = {k: v for k, v in response.headers.items() if k not in {"date", "x-request-id"}}
    try:
        body = response.json()
    except ValueError:
        return response.status_code, headers, response.content
    if isinstance(body, dict):
        body.pop("request_id", None)
        headers.pop("content-length", None)  # the request id's length differs
    return response.status_code, headers, body


@pytest.mark.parametrize(("service", "who", "url", "status"), CASES)
async def test_the_plan_answers_what_fastapis_handler_answers(
    stack: Stack,
    tokens: dict[str, str],
    api: httpx.AsyncClient,
    service: str,
    who: str,
    url: str,
    status: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app: FastAPI = stack.apps[service]
    for _ in range(3):  # rows to list (the tables start empty)
        await create_household(api, tokens["admin"])
    planned_runs: list[int] = []
    real_solve = routing._solve

    async def counting(*args: Any, **kwargs: Any) -> Any:
        planned_runs.append(1)
        return await real_solve(*args, **kwargs)

    monkeypatch.setattr(routing, "_solve", counting)
    token = tokens.get(who, who)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    answers = []
    audits = []
    runs = []
    try:
        for standard in (False, True):
            app.dependency_overrides = {_unused_override: _unused_override} if standard else {}
            before = len(await _audit_rows(stack, service))
            async with httpx.AsyncClient(base_url=stack.url(service), timeout=15) as client:
                answers.append(_comparable(await client.get(url, headers=headers)))
            audits.append((await _audit_rows(stack, service))[before:])
            runs.append(len(planned_runs))
    finally:
        app.dependency_overrides = {}
    assert answers[0][0] == status, answers[0][2]
    shown = json.dumps([a[2] for a in answers], ensure_ascii=False, default=str)
    assert answers[0] == answers[1], shown[:2000]
    assert audits[0] == audits[1]
    # The plan answered the first (it solves the caller's dependency on every request these
    # endpoints get), FastAPI's handler the second.
    assert runs[0] > 0
    assert runs[1] == runs[0]
    if url == "/v1/households?limit=5":
        assert len(answers[0][2]["items"]) == 3  # real rows went through both
    if who == "auditor":
        assert len(audits[0]) == 1


WRITES: list[tuple[str, str, Any, dict[str, str], int]] = [
    # (method, path, JSON body or raw bytes, extra headers, status)
    ("POST", "/v1/households", household(), {}, 201),
    ("POST", "/v1/households", household(), {"Idempotency-Key": "kit-route"}, 201),
    ("POST", "/v1/households", household(member_count=0, kind="nope", town_code="1"), {}, 422),
    ("POST", "/v1/households", {**household(), "unknown": 1}, {}, 422),
    ("POST", "/v1/households", b'{"town_code": ', {"content-type": "application/json"}, 400),
    ("POST", "/v1/households", b"town_code=1", {"content-type": "text/plain"}, 422),
    ("PATCH", f"/v1/households/{uuid.UUID(int=3)}", {"address": "新址"}, {}, 404),
    ("PATCH", "/v1/households/x", {"member_count": "many"}, {}, 422),
]

# What differs between two creates of the same household: its id and times (and the Location).
_NEW_EACH_TIME = {"id", "created_at", "updated_at", "formed_on"}


@pytest.mark.parametrize(("method", "path", "body", "extra", "status"), WRITES)
async def test_a_planned_write_answers_what_fastapis_handler_answers(
    stack: Stack,
    tokens: dict[str, str],
    method: str,
    path: str,
    body: Any,
    extra: dict[str, str],
    status: int,
) -> None:
    app: FastAPI = stack.apps["monitoring"]
    answers = []
    try:
        for standard in (False, True):
            app.dependency_overrides = {_unused_override: _unused_override} if standard else {}
            headers = {"Authorization": f"Bearer {tokens['admin']}", **extra}
            if "Idempotency-Key" in headers:
                headers["Idempotency-Key"] += f"-{standard}"
            send: dict[str, Any] = {"content": body} if isinstance(body, bytes) else {"json": body}
            async with httpx.AsyncClient(base_url=stack.url("monitoring"), timeout=15) as client:
                response = await client.request(method, path, headers=headers, **send)
            code, kept, answer = _comparable(response)
            kept.pop("location", None)
            kept.pop("content-length", None)
            if isinstance(answer, dict) and code == 201:
                answer = {k: v for k, v in answer.items() if k not in _NEW_EACH_TIME}
            answers.append((code, kept, answer))
    finally:
        app.dependency_overrides = {}
    assert answers[0][0] == status, answers[0][2]
    assert answers[0] == answers[1]
