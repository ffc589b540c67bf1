"""Spells (就业经历) through the gateway: a job change, the overlap rules, side jobs and who may record."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from shared import clock
from tests.conftest import Stack
from tests.employment.factories import API, URL, count, create, job
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth, new_id


@pytest.fixture
async def hired(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> dict[str, Any]:
    """A worker of 克井镇 in a job since 2025-03-01 (version 1)."""
    created: dict[str, Any] = (
        await create(api, tokens["town_kejing"], stack, employed_since="2025-03-01")
    ).json()
    return created


def _spells(worker: dict[str, Any]) -> str:
    return f"{URL}/{worker['id']}/spells"


async def _change_job(api: httpx.AsyncClient, token: str, worker: dict[str, Any]) -> httpx.Response:
    """From 2025-07-01 at another employer: the worker's version becomes 2."""
    changed = await api.post(_spells(worker), json=job(), headers=auth(token, **{"If-Match": '"1"'}))
    assert changed.status_code == 201, changed.text
    return changed


async def test_a_spell_needs_the_workers_if_match(
    api: httpx.AsyncClient, tokens: dict[str, str], hired: dict[str, Any]
) -> None:
    missing = await api.post(_spells(hired), json=job(), headers=auth(tokens["town_kejing"]))
    assert missing.status_code == 428


async def test_a_later_job_closes_the_open_one_the_day_before(
    api: httpx.AsyncClient, tokens: dict[str, str], hired: dict[str, Any]
) -> None:
    town = tokens["town_kejing"]
    changed = await _change_job(api, town, hired)
    assert changed.headers["etag"] == '"2"' and changed.json()["channel_label"] == "有组织劳务输出"
    spells = (await api.get(_spells(hired), headers=auth(town))).json()
    assert [(s["started_on"], s["ended_on"], s["end_reason"]) for s in spells] == [
        ("2025-03-01", "2025-06-30", "更换工作"),
        ("2025-07-01", None, None),
    ]


async def test_the_worker_shows_their_latest_job(
    api: httpx.AsyncClient, tokens: dict[str, str], hired: dict[str, Any]
) -> None:
    town = tokens["town_kejing"]
    await _change_job(api, town, hired)
    got = (await api.get(f"{URL}/{hired['id']}", headers=auth(town))).json()
    assert (got["status"], got["employer"], got["place"], got["employed_since"]) == (
        "employed",
        "沁园春酒店",
        "in_province",
        "2025-07-01",
    )


async def test_a_bad_or_overlapping_spell_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, hired: dict[str, Any]
) -> None:
    town = tokens["town_kejing"]
    await _change_job(api, town, hired)
    bad = [
        (job(started_on="2025-05-01"), 409, "overlapping_spell"),  # inside the first job
        (job(started_on="2025-01-01", ended_on="2025-03-05"), 409, "overlapping_spell"),
        (job(started_on="2024-05-01", ended_on="2024-04-01"), 422, "validation_failed"),  # end before start
        (job(monthly_wage="-1.00"), 422, "validation_failed"),
        (job(started_on=(clock.today() + timedelta(days=2)).isoformat()), 422, "validation_failed"),
        (job(place="moon"), 422, "validation_failed"),
    ]
    for body, status, code in bad:
        resp = await api.post(_spells(hired), json=body, headers=auth(town, **{"If-Match": '"2"'}))
        assert (resp.status_code, resp.json()["code"]) == (status, code), (body, resp.text)
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 2


async def test_an_earlier_finished_job_and_a_side_job_fit_but_only_main_jobs_count(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, hired: dict[str, Any]
) -> None:
    town = tokens["town_kejing"]
    await _change_job(api, town, hired)
    h = auth(town, **{"If-Match": '"2"'})
    earlier = await api.post(
        _spells(hired), json=job(started_on="2024-01-01", ended_on="2024-12-31"), headers=h
    )
    assert earlier.status_code == 201
    side = await api.post(
        _spells(hired),
        json=job(started_on="2025-08-01", is_main=False),
        headers=auth(town, **{"If-Match": '"2"'}),
    )
    assert side.status_code == 201
    floor = (await api.get(f"{API}/floor", params={"as_of": "2024-06-01"}, headers=auth(town))).json()
    assert floor["employed"] == 1
    assert (await api.get(f"{API}/floor", headers=auth(town))).json()["employed"] == 1
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 4


async def test_a_spell_for_an_unknown_or_out_of_town_worker_is_not_found(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town = auth(tokens["town_kejing"], **{"If-Match": '"1"'})
    assert (await api.post(f"{URL}/{new_id()}/spells", json=job(), headers=town)).status_code == 404
    wangwu = (await create(api, tokens["admin"], stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()
    assert (await api.post(_spells(wangwu), json=job(), headers=town)).status_code == 404
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 1


async def test_readers_who_do_not_write_may_not_record_a_spell(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, hired: dict[str, Any]
) -> None:
    for role in ("auditor", "dept_hrss", "helper_wang"):
        denied = await api.post(_spells(hired), json=job(), headers=auth(tokens[role], **{"If-Match": '"1"'}))
        assert denied.status_code == 403, role
    assert await count(stack, "SELECT count(*) FROM employment.spells") == 1
