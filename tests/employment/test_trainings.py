"""培训记录 through the gateway: recorded once, dates in order, read by auditors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import Stack
from tests.employment.factories import URL, create
from tests.helpers import auth

TRAINING = {
    "program": "yulu_plus",
    "course": "数控车床",
    "started_on": "2025-03-01",
    "completed_on": "2025-04-30",
}


@pytest.fixture
async def trainings_url(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> str:
    worker = (await create(api, tokens["town_kejing"], stack, skills=["电工"])).json()
    assert worker["skills"] == ["电工"]
    return f"{URL}/{worker['id']}/trainings"


async def _record(api: httpx.AsyncClient, token: str, url: str, body: dict[str, Any]) -> httpx.Response:
    return await api.post(url, json=body, headers=auth(token))


async def test_a_training_is_recorded_with_its_programs_label(
    api: httpx.AsyncClient, tokens: dict[str, str], trainings_url: str
) -> None:
    created = await _record(api, tokens["town_kejing"], trainings_url, TRAINING)
    assert created.status_code == 201 and created.json()["program_label"] == "雨露计划+"


async def test_the_same_training_twice_is_a_conflict(
    api: httpx.AsyncClient, tokens: dict[str, str], trainings_url: str
) -> None:
    assert (await _record(api, tokens["town_kejing"], trainings_url, TRAINING)).status_code == 201
    assert (await _record(api, tokens["town_kejing"], trainings_url, TRAINING)).status_code == 409


async def test_a_training_completed_before_it_started_is_refused(
    api: httpx.AsyncClient, tokens: dict[str, str], trainings_url: str
) -> None:
    backwards = {**TRAINING, "course": "焊工", "completed_on": "2025-01-01"}
    assert (await _record(api, tokens["town_kejing"], trainings_url, backwards)).status_code == 422


async def test_auditors_read_a_workers_trainings(
    api: httpx.AsyncClient, tokens: dict[str, str], trainings_url: str
) -> None:
    await _record(api, tokens["town_kejing"], trainings_url, TRAINING)
    listed = (await api.get(trainings_url, headers=auth(tokens["auditor"]))).json()
    assert [t["course"] for t in listed] == ["数控车床"]
