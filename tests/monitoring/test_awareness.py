"""明白纸 and 知晓率: a visit records the policies explained and whether the household already knew
each; the policy-awareness report gives known / explained per village, per town and in total."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from services.monitoring.reports.service import awareness_rate
from shared import clock
from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU_VILLAGE, auth
from tests.monitoring.factories import count, create_household

VISITS = "/api/monitoring/v1/visits"
REPORT = "/api/monitoring/v1/reports/policy-awareness"
EXPLANATION_COUNT = "SELECT count(*) FROM monitoring.policy_explanations"


def explained(*pairs: tuple[str, bool]) -> list[dict[str, Any]]:
    return [{"policy_code": code, "already_known": known} for code, known in pairs]


async def visit(
    api: httpx.AsyncClient,
    token: str,
    household_id: str,
    policies: list[dict[str, Any]],
    at: str | None = None,
) -> httpx.Response:
    return await api.post(
        VISITS,
        json={
            "household_id": household_id,
            "visited_at": at or f"{clock.today().year}-03-15T10:00:00+08:00",
            "latitude": "35.100000",
            "longitude": "112.500000",
            "findings": "入户宣讲明白纸",
            "policies_explained": policies,
        },
        headers=auth(token),
    )


async def report(api: httpx.AsyncClient, token: str, **params: str) -> dict[str, Any]:
    resp = await api.get(REPORT, params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


def figures(body: dict[str, Any]) -> list[tuple[str, str | None, int, int, int, str]]:
    return [
        (r["level"], r["village_code"], r["households"], r["explained"], r["known"], r["rate"])
        for r in body["rows"]
    ]


async def test_a_visit_keeps_the_policies_explained_and_whether_each_was_known(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    household = await create_household(api, tokens["admin"])
    resp = await visit(
        api, tokens["village_beidahe"], household["id"], explained(("micro_credit", False), ("dibao", True))
    )
    assert resp.status_code == 201, resp.text
    # In the toolbox's code order, each with its name.
    assert resp.json()["policies_explained"] == [
        {"policy_code": "dibao", "policy_name": "农村最低生活保障（低保）", "already_known": True},
        {"policy_code": "micro_credit", "policy_name": "脱贫人口小额信贷", "already_known": False},
    ]
    [listed] = (await api.get(VISITS, headers=auth(tokens["town_kejing"]))).json()["items"]
    assert listed["policies_explained"] == resp.json()["policies_explained"]
    # A visit explaining nothing still says so.
    plain = await visit(api, tokens["village_beidahe"], household["id"], [])
    assert plain.status_code == 201 and plain.json()["policies_explained"] == []


@pytest.mark.parametrize(
    ("policies", "field"),
    [
        (explained(("dibao", True), ("no_such_policy", False)), "body.policies_explained.1.policy_code"),
        (explained(("dibao", True), ("dibao", False)), "body.policies_explained.1.policy_code"),
        ([{"policy_code": "dibao"}], "body.policies_explained.0.already_known"),
    ],
    ids=["unknown-code", "twice", "known-missing"],
)
async def test_a_visit_naming_a_policy_badly_is_refused_and_nothing_is_written(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, policies: list[dict[str, Any]], field: str
) -> None:
    household = await create_household(api, tokens["admin"])
    resp = await visit(api, tokens["village_beidahe"], household["id"], policies)
    assert resp.status_code == 422, resp.text
    assert resp.json()["errors"][0]["field"] == field
    assert await count(stack, "SELECT count(*) FROM monitoring.visits") == 0
    assert await count(stack, EXPLANATION_COUNT) == 0


async def awareness_scenario(api: httpx.AsyncClient, tokens: dict[str, str]) -> int:
    """克井镇: one household of the demo village told three policies on two visits (two known), one
    of the other village told one (not known); 王屋镇: one household told one (known). Visits of the
    year before do not count: the year begins at 00:00 Beijing time on 1 January."""
    admin = tokens["admin"]
    year = clock.today().year  # the district's year as the test runs
    here = await create_household(api, admin)
    other = await create_household(api, admin, village_code=KEJING_OTHER_VILLAGE)
    far = await create_household(api, admin, town_code=WANGWU_VILLAGE[:9], village_code=WANGWU_VILLAGE)
    visits = [
        (here, explained(("dibao", True), ("micro_credit", False)), f"{year}-01-01T00:00:00+08:00"),
        (here, explained(("skills_training", True)), f"{year}-06-01T09:00:00+08:00"),
        (here, explained(("medical_assistance", True)), f"{year - 1}-12-31T23:59:59+08:00"),
        (other, explained(("dibao", False)), f"{year}-05-01T09:00:00+08:00"),
        (far, explained(("dibao", True)), f"{year}-05-01T09:00:00+08:00"),
    ]
    for household, policies, at in visits:
        resp = await visit(api, admin, household["id"], policies, at=at)
        assert resp.status_code == 201, resp.text
    return year


async def test_awareness_is_known_over_explained_per_village_town_and_in_total(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    year = await awareness_scenario(api, tokens)
    body = await report(api, tokens["admin"])
    assert body["title"] == f"政策知晓率（走访讲解明白纸）（{year} 年）"
    assert figures(body) == [
        ("村", KEJING_VILLAGE, 1, 3, 2, "66.7%"),
        ("村", KEJING_OTHER_VILLAGE, 1, 1, 0, "0.0%"),
        ("镇合计", None, 2, 4, 2, "50.0%"),
        ("村", WANGWU_VILLAGE, 1, 1, 1, "100.0%"),
        ("镇合计", None, 1, 1, 1, "100.0%"),
        ("合计", None, 3, 5, 3, "60.0%"),
    ]
    assert [r["town_name"] for r in body["rows"]][:3] == ["克井镇"] * 3
    assert body["rows"][0]["village_name"] and body["rows"][2]["village_name"] is None


async def test_a_town_official_sees_the_awareness_of_their_town_only(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await awareness_scenario(api, tokens)
    town = figures(await report(api, tokens["town_kejing"]))
    assert [r[1] for r in town] == [KEJING_VILLAGE, KEJING_OTHER_VILLAGE, None, None]
    assert town[-1] == ("合计", None, 2, 4, 2, "50.0%")
    village = figures(await report(api, tokens["village_beidahe"]))
    assert village[0] == ("村", KEJING_VILLAGE, 1, 3, 2, "66.7%") and len(village) == 3
    assert (await api.get(REPORT, headers=auth(tokens["helper_wang"]))).status_code == 403


async def test_the_awareness_report_downloads_as_xlsx(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    await awareness_scenario(api, tokens)
    resp = await api.get(REPORT, params={"format": "xlsx"}, headers=auth(tokens["auditor"]))
    assert resp.status_code == 200
    sheet = load_workbook(io.BytesIO(resp.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "层级",
        "乡镇（街道）",
        "村（社区）",
        "讲解户数",
        "讲解政策项次",
        "讲解前已知晓项次",
        "知晓率",
    )
    assert rows[-1] == ("合计", None, None, 3, 5, 3, "60.0%")


@pytest.mark.parametrize(
    ("known", "explained_count", "rate"), [(0, 3, "0.0%"), (1, 3, "33.3%"), (2, 3, "66.7%"), (3, 3, "100.0%")]
)
def test_the_rate_is_known_over_explained_to_a_tenth_of_a_per_cent(
    known: int, explained_count: int, rate: str
) -> None:
    assert awareness_rate(known, explained_count) == rate
