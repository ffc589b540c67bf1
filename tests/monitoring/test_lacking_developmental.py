"""The lacking-developmental report: each able-bodied 脱贫 person or monitored member of working age
with fewer current person-level developmental measures than the minimum, per town and village with
village subtotals (seed §二(五); issue 11 contradiction 4)."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import httpx
from openpyxl import load_workbook
from sqlalchemy import text

from services.monitoring.dates import years_before
from shared import clock
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import id_number, member
from tests.monitoring.plans import household_with_people, make_plan, measure_body

REPORT = "/api/monitoring/v1/reports/lacking-developmental"


def person(name: str, birth: date | None = None, labour: str = "ordinary") -> dict[str, Any]:
    """Someone of about forty unless born on ``birth``."""
    birth = birth or date(clock.today().year - 40, 6, 1)
    return member(name=name, id_number=id_number(birth), labour=labour, relation="other")


async def sql(stack: Stack, statement: str, **params: object) -> None:
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(statement), params)


async def scenario(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> None:
    """People of 北大河村 and 王屋镇, each on one side of a rule of the report."""
    today = clock.today()
    lifted_out = [
        person("甲"),  # one current measure: enough
        person("乙", labour="weak"),  # weak labour counts; only a household-level measure
        person("丙", years_before(today, 16), "skilled"),  # 16 today: working age
        person("丁", years_before(today, 16) + timedelta(days=1)),  # 16 tomorrow: not yet
        person("戊", years_before(today, 60) + timedelta(days=1)),  # 59, 60 tomorrow
        person("己", years_before(today, 60)),  # 60 today: past working age
        person("庚", labour="lost"),  # no labour capacity
        person("辛"),  # has left the household
        person("壬"),  # measures that are not current, and a safety-net one
        person("癸"),  # a measure ending tomorrow: still current
    ]
    hid, people = await household_with_people(api, tokens, members=lifted_out)
    yesterday, tomorrow = today - timedelta(days=1), today + timedelta(days=1)
    plan = await make_plan(
        api,
        tokens["admin"],
        hid,
        measure_body(member_id=people["甲"]),
        measure_body(description="户级产业奖补"),
        measure_body(member_id=people["壬"], starts_on=tomorrow.isoformat()),
        measure_body(member_id=people["壬"], description="ended today"),
        measure_body(member_id=people["壬"], description="term over", ends_on=yesterday.isoformat()),
        measure_body(member_id=people["壬"], policy_code="medical_assistance"),
        measure_body(member_id=people["癸"], description="ends tomorrow"),
    )
    ids = {m["description"]: m["id"] for m in plan["measures"]}
    await sql(stack, "UPDATE monitoring.members SET left_on = current_date WHERE id = :id", id=people["辛"])
    for description, ended_on in (("ended today", today), ("ends tomorrow", tomorrow)):
        await sql(
            stack,
            "UPDATE monitoring.measures SET ended_on = :d, end_reason = 'x' WHERE id = :id",
            d=ended_on,
            id=ids[description],
        )
    # A monitored household that is no 脱贫户, one nobody monitors, one whose risk was eliminated.
    await household_with_people(
        api, tokens, stack=stack, members=[person("子")], kind="ordinary", subtype="marginal"
    )
    await household_with_people(api, tokens, members=[person("丑")], kind="ordinary")
    eliminated, _ = await household_with_people(api, tokens, members=[person("卯")], kind="ordinary")
    await sql(
        stack,
        "UPDATE monitoring.households SET status = 'risk_eliminated', subtype = 'marginal', "
        "risk_causes = '{illness}', included_on = current_date - 400, closed_on = current_date WHERE id = :id",
        id=eliminated,
    )
    await household_with_people(
        api, tokens, members=[person("寅")], town_code=WANGWU, village_code=WANGWU_VILLAGE
    )


async def report(api: httpx.AsyncClient, token: str, **params: str) -> dict[str, Any]:
    got = await api.get(REPORT, params=params, headers=auth(token))
    assert got.status_code == 200, got.text
    return got.json()  # type: ignore[no-any-return]


def people_in(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["member_name"]: r for r in rows if r["row_type"] == "person"}


def totals_in(rows: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    return {r["village_name"]: (r["people"], r["lacking"]) for r in rows if r["row_type"] == "village_total"}


async def test_each_person_lacking_a_current_measure_is_listed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await scenario(api, tokens, stack)
    answer = await report(api, tokens["admin"])
    assert answer["title"].endswith("（少于 1 项）")
    listed = people_in(answer["rows"])
    assert set(listed) == {"乙", "丙", "戊", "壬", "子", "寅"}
    assert (listed["丙"]["age"], listed["戊"]["age"]) == (16, 59)
    assert (
        listed["乙"]["labour_label"] == "弱劳动力或半劳动力" and listed["壬"]["developmental_measures"] == 0
    )
    assert listed["乙"]["identity"] == "脱贫人口" and listed["子"]["identity"] == "监测对象家庭成员"
    assert listed["寅"]["town_name"] == "王屋镇"


async def test_villages_close_with_their_subtotals(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await scenario(api, tokens, stack)
    rows = (await report(api, tokens["admin"]))["rows"]
    # 北大河村: 甲 乙 丙 戊 壬 癸 (脱贫户) and 子 (monitored) are owed measures; five lack one.
    totals = totals_in(rows)
    beidahe = next(r["village_name"] for r in rows if r["member_name"] == "乙")
    wangwu = next(r["village_name"] for r in rows if r["member_name"] == "寅")
    assert totals == {beidahe: (7, 5), wangwu: (1, 1)}
    # Each subtotal follows its village's people.
    kinds = [(r["village_name"], r["row_type"]) for r in rows]
    assert kinds.index((beidahe, "village_total")) == 5 and kinds[-1] == (wangwu, "village_total")


async def test_the_report_is_scoped_to_the_callers_territory(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await scenario(api, tokens, stack)
    for who in ("town_kejing", "village_beidahe"):
        assert "寅" not in people_in((await report(api, tokens[who]))["rows"]), who
        assert len(totals_in((await report(api, tokens[who]))["rows"])) == 1
    wangwu_only = (await report(api, tokens["admin"], town_code=WANGWU))["rows"]
    assert set(people_in(wangwu_only)) == {"寅"}


async def test_the_report_downloads_as_xlsx(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await scenario(api, tokens, stack)
    download = await api.get(REPORT, params={"format": "xlsx"}, headers=auth(tokens["auditor"]))
    assert download.status_code == 200
    rows = list(load_workbook(io.BytesIO(download.content)).active.iter_rows(values_only=True))
    assert rows[0] == (
        "乡镇（街道）",
        "村（社区）",
        "户主",
        "姓名",
        "年龄",
        "劳动能力",
        "身份",
        "当前开发式帮扶措施数",
        "本村应落实人数",
        "本村措施不足人数",
    )
    assert len(rows) == 1 + 6 + 2


async def test_helpers_may_not_read_the_report(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(REPORT, headers=auth(tokens["helper_wang"]))).status_code == 403
