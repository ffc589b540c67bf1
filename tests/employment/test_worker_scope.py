"""Who sees and writes which workers: territory by division code, roles by the endpoint's declaration."""

from __future__ import annotations

from typing import NamedTuple

import httpx
import pytest

from shared import clock
from tests.conftest import Stack
from tests.employment.factories import URL, create, enrol, worker
from tests.helpers import KEJING_OTHER_VILLAGE, WANGWU, WANGWU_VILLAGE, auth


class Placed(NamedTuple):
    kejing: str  # in the town official's town and the village cadre's village
    wangwu: str  # in another town
    other_village: str  # in the town official's town, another village


@pytest.fixture
async def placed(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> Placed:
    admin = tokens["admin"]
    return Placed(
        kejing=(await create(api, admin, stack)).json()["id"],
        wangwu=(await create(api, admin, stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)).json()["id"],
        other_village=(await create(api, admin, stack, village_code=KEJING_OTHER_VILLAGE)).json()["id"],
    )


async def _listed(api: httpx.AsyncClient, token: str) -> set[str]:
    return {w["id"] for w in (await api.get(URL, headers=auth(token))).json()["items"]}


async def _report_loss(api: httpx.AsyncClient, token: str, worker_id: str) -> httpx.Response:
    return await api.post(
        f"{URL}/{worker_id}/job-loss",
        json={"ended_on": clock.today().isoformat(), "reason": "x"},
        headers=auth(token, **{"If-Match": '"1"'}),
    )


async def test_a_town_official_lists_only_their_town(
    api: httpx.AsyncClient, tokens: dict[str, str], placed: Placed
) -> None:
    assert await _listed(api, tokens["town_kejing"]) == {placed.kejing, placed.other_village}


async def test_another_towns_worker_is_not_found_for_a_town_official(
    api: httpx.AsyncClient, tokens: dict[str, str], placed: Placed
) -> None:
    town = tokens["town_kejing"]
    assert (await api.get(f"{URL}/{placed.wangwu}", headers=auth(town))).status_code == 404
    assert (await _report_loss(api, town, placed.wangwu)).status_code == 404


async def test_a_town_official_may_not_register_in_another_town(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    body = await enrol(stack, worker(town_code=WANGWU, village_code=WANGWU_VILLAGE))
    elsewhere = await api.post(URL, json=body, headers=auth(tokens["town_kejing"]))
    assert elsewhere.status_code == 403 and elsewhere.json()["code"] == "forbidden"


async def test_a_village_cadre_sees_only_their_village(
    api: httpx.AsyncClient, tokens: dict[str, str], placed: Placed
) -> None:
    village = tokens["village_beidahe"]
    assert await _listed(api, village) == {placed.kejing}
    assert (await api.get(f"{URL}/{placed.other_village}", headers=auth(village))).status_code == 404


async def test_a_village_cadre_registers_only_in_their_village(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    village = tokens["village_beidahe"]
    elsewhere = await enrol(stack, worker(village_code=KEJING_OTHER_VILLAGE))
    assert (await api.post(URL, json=elsewhere, headers=auth(village))).status_code == 403
    assert (await api.post(URL, json=await enrol(stack, worker()), headers=auth(village))).status_code == 201


async def test_the_hr_department_reads_everything_but_does_not_register(
    api: httpx.AsyncClient, tokens: dict[str, str], placed: Placed
) -> None:
    assert len(await _listed(api, tokens["dept_hrss"])) == 3
    # Its system does, as integrator.
    assert (await api.post(URL, json=worker(), headers=auth(tokens["dept_hrss"]))).status_code == 403


async def test_the_hr_system_reads_and_registers_district_wide(
    api: httpx.AsyncClient, tokens: dict[str, str], placed: Placed, stack: Stack
) -> None:
    assert len(await _listed(api, tokens["integrator_hrss"])) == 3
    registered = await api.post(
        URL,
        json=await enrol(stack, worker(town_code=WANGWU, village_code=WANGWU_VILLAGE)),
        headers=auth(tokens["integrator_hrss"]),
    )
    assert registered.status_code == 201


async def test_auditors_read_everything_and_never_write(
    api: httpx.AsyncClient, tokens: dict[str, str], placed: Placed
) -> None:
    auditor = tokens["auditor"]
    assert len(await _listed(api, auditor)) == 3
    denied = await api.post(URL, json=worker(), headers=auth(auditor))
    assert denied.status_code == 403 and denied.json()["code"] == "forbidden"
    assert (await _report_loss(api, auditor, placed.kejing)).status_code == 403


async def test_helpers_have_no_access(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(URL, headers=auth(tokens["helper_wang"]))).status_code == 403
