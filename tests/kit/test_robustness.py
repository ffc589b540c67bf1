"""Inputs a fuzzer (schemathesis against the merged OpenAPI) once turned into 500s: each is a 4xx."""

from __future__ import annotations

import httpx
import pytest

from tests.helpers import auth


@pytest.mark.parametrize(
    ("method", "path", "params", "status", "code"),
    [
        # PostgreSQL refuses NUL characters in text: the search must say so, not crash.
        ("GET", "/api/monitoring/v1/households", {"q": "王\x00"}, 422, "invalid_value"),
        # A parked-event id beyond BIGINT.
        (
            "POST",
            "/api/funds/v1/ops/parked-events/14129588813462766608187392/replay",
            {},
            422,
            "validation_failed",
        ),
        # Year 0 is no date at all.
        ("GET", "/api/employment/v1/floor/series", {"from": "0000-01"}, 422, "validation_failed"),
    ],
    ids=["nul-in-search", "id-beyond-bigint", "year-zero"],
)
async def test_fuzzed_inputs_get_a_problem_not_a_500(
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    method: str,
    path: str,
    params: dict[str, str],
    status: int,
    code: str,
) -> None:
    resp = await api.request(method, path, params=params, headers=auth(tokens["admin"]))
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert resp.json()["code"] == code
    assert resp.headers["x-request-id"]
