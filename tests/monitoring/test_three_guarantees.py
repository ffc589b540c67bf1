"""三保障和饮水安全 (issue 12, seed §一(二)): housing appraisals and 危房改造, drinking-water checks
and the water-site registry (the 31-site file), 控辍保学 dropout cases — through the gateway."""

from __future__ import annotations

import csv
import io
import secrets
import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.monitoring.dates import years_before
from services.monitoring.education.events import DROPOUT_OPENED, VOCATIONAL_GRADUATED
from services.monitoring.health.events import INSURANCE_GAP_FOUND
from services.monitoring.housing.events import DANGEROUS_HOUSE_FOUND
from services.monitoring.water.events import PROJECT_APPROVED, UNSAFE_WATER_FOUND
from shared.tabular import XLSX_MEDIA_TYPE
from tests.conftest import Stack
from tests.helpers import KEJING, WANGWU, auth, eventually
from tests.monitoring.factories import (
    HOUSEHOLDS,
    announced,
    count,
    create_household,
    envelope_of,
    id_number,
    member,
    publish,
    town_official,
)

API = "/api/monitoring/v1"
DAYUGOU = "419001107"  # 大峪镇
SHAOYUAN = "419001104"  # 邵原镇
XIAYE = "419001110"  # 下冶镇


async def execute(stack: Stack, sql: str, **params: object) -> None:
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(sql), params)


async def etag(api: httpx.AsyncClient, token: str, url: str) -> str:
    resp = await api.get(url, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.headers["etag"]


# --- housing ---------------------------------------------------------------------------------


async def appraise(api: httpx.AsyncClient, token: str, hid: str, grade: str, on: date) -> httpx.Response:
    return await api.post(
        f"{HOUSEHOLDS}/{hid}/housing-appraisals",
        json={"appraised_on": on.isoformat(), "grade": grade, "appraiser": "区住建局鉴定组"},
        headers=auth(token),
    )


async def dangerous_rows(api: httpx.AsyncClient, token: str, **params: str) -> list[str]:
    resp = await api.get(f"{API}/housing/dangerous-houses", params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return [r["household_id"] for r in resp.json()["rows"]]


async def test_a_dangerous_house_runs_from_appraisal_to_renovation_and_safe_reappraisal(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    admin, village = tokens["admin"], tokens["village_beidahe"]
    hid = (await create_household(api, admin))["id"]
    opened_on = today - timedelta(days=30)

    first = await appraise(api, village, hid, "d", opened_on)
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["appraisal"]["dangerous"] is True and body["housing_safe"] is False
    case = body["renovation_case"]
    assert case["status"] == "open" and case["status_label"] == "改造中"
    assert (await api.get(f"{HOUSEHOLDS}/{hid}", headers=auth(admin))).json()["housing_safe"] is False
    # A later C appraisal while the works run: still one case, one announcement.
    again = await appraise(api, village, hid, "c", opened_on + timedelta(days=1))
    assert again.json()["renovation_case"]["id"] == case["id"]
    events = [e for _, e in await announced(stack, DANGEROUS_HOUSE_FOUND) if str(e.household_id) == hid]
    assert len(events) == 1 and events[0].grade == "d"
    assert await dangerous_rows(api, admin) == [hid]

    # A safe grade before the works are completed contradicts the case.
    early = await appraise(api, village, hid, "a", opened_on + timedelta(days=2))
    assert early.status_code == 409 and early.json()["code"] == "renovation_not_completed"
    # The household flag follows the appraisals, not a hand edit.
    h_etag = await etag(api, admin, f"{HOUSEHOLDS}/{hid}")
    edit = await api.patch(
        f"{HOUSEHOLDS}/{hid}", json={"housing_safe": True}, headers=auth(admin, **{"If-Match": h_etag})
    )
    assert edit.status_code == 422, edit.text

    case_url = f"{API}/renovation-cases/{case['id']}"
    completed_on = opened_on + timedelta(days=20)
    no_etag = await api.post(
        f"{case_url}/completion", json={"completed_on": completed_on.isoformat()}, headers=auth(village)
    )
    assert no_etag.status_code == 428
    done = await api.post(
        f"{case_url}/completion",
        json={"completed_on": completed_on.isoformat()},
        headers=auth(village, **{"If-Match": await etag(api, village, case_url)}),
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "completed"
    # Still dangerous after the works: the case runs again until completed anew.
    failed = await appraise(api, village, hid, "c", completed_on)
    assert failed.json()["renovation_case"]["status"] == "open"
    completed_on += timedelta(days=2)
    done = await api.post(
        f"{case_url}/completion",
        json={"completed_on": completed_on.isoformat()},
        headers=auth(village, **{"If-Match": await etag(api, village, case_url)}),
    )
    assert done.json()["status"] == "completed"
    # The re-appraisal must come on or after completion: the day before is refused, the day itself closes.
    before = await appraise(api, village, hid, "b", completed_on - timedelta(days=1))
    assert before.status_code == 409 and before.json()["code"] == "renovation_not_completed"
    closing = await appraise(api, village, hid, "b", completed_on)
    assert closing.status_code == 201, closing.text
    assert closing.json()["housing_safe"] is True
    closed = closing.json()["renovation_case"]
    assert closed["status"] == "closed" and closed["closed_on"] == completed_on.isoformat()
    assert await dangerous_rows(api, admin) == []
    # At a date before the re-appraisal the household still lived in a dangerous house.
    assert await dangerous_rows(api, admin, as_of=(completed_on - timedelta(days=1)).isoformat()) == [hid]
    xlsx = await api.get(f"{API}/housing/dangerous-houses", params={"format": "xlsx"}, headers=auth(admin))
    assert xlsx.status_code == 200 and xlsx.headers["content-type"].startswith(XLSX_MEDIA_TYPE)


async def test_housing_roles_and_territory(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    for role in ("auditor", "helper_wang", "dept_hrss"):
        refused = await appraise(api, tokens[role], hid, "d", today)
        assert refused.status_code == 403, (role, refused.text)
    case = (await appraise(api, tokens["town_kejing"], hid, "d", today)).json()["renovation_case"]
    wangwu = await town_official(api, tokens["admin"], WANGWU)
    assert (await api.get(f"{API}/renovation-cases/{case['id']}", headers=auth(wangwu))).status_code == 404
    listed = (await api.get(f"{API}/renovation-cases", headers=auth(wangwu))).json()["items"]
    assert listed == []
    assert (await appraise(api, wangwu, hid, "a", today)).status_code == 404
    assert await dangerous_rows(api, wangwu) == []
    mine = (await api.get(f"{API}/renovation-cases", headers=auth(tokens["auditor"]))).json()["items"]
    assert [c["id"] for c in mine] == [case["id"]]


async def test_the_database_keeps_renovation_cases_whole(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    body = (await appraise(api, tokens["admin"], hid, "c", today - timedelta(days=3))).json()
    insert_case = (
        "INSERT INTO monitoring.renovation_cases (id, household_id, town_code, village_code,"
        " opening_appraisal_id, opened_on, status, completed_on, version)"
        " SELECT gen_random_uuid(), household_id, town_code, village_code, id, appraised_on,"
        " CAST(:status AS monitoring.renovation_status), CAST(:completed AS date), 1"
        " FROM monitoring.housing_appraisals WHERE id = :a"
    )
    second = (await appraise(api, tokens["admin"], hid, "d", today - timedelta(days=2))).json()
    with pytest.raises(IntegrityError, match="uq_renovation_cases_unfinished_household"):
        await execute(stack, insert_case, a=second["appraisal"]["id"], status="open", completed=None)
    with pytest.raises(IntegrityError, match="ck_renovation_cases_dates_follow_status"):
        await execute(
            stack,
            "UPDATE monitoring.renovation_cases SET status = 'closed', completed_on = opened_on WHERE id = :c",
            c=body["renovation_case"]["id"],
        )
    with pytest.raises(IntegrityError, match="uq_housing_appraisals_household_id_appraised_on"):
        await execute(
            stack,
            "INSERT INTO monitoring.housing_appraisals (id, household_id, town_code, village_code,"
            " appraised_on, grade, appraiser, recorded_by) SELECT gen_random_uuid(), household_id,"
            " town_code, village_code, appraised_on, 'a', 'x', 'u' FROM monitoring.housing_appraisals"
            " WHERE id = :a",
            a=second["appraisal"]["id"],
        )


# --- drinking water: household checks --------------------------------------------------------


async def test_water_safety_follows_the_latest_check(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    admin, village = tokens["admin"], tokens["village_beidahe"]
    hid = (await create_household(api, admin))["id"]
    url = f"{HOUSEHOLDS}/{hid}/water-checks"
    day = today - timedelta(days=10)

    def check(on: date, safe: bool, finding: str = "") -> dict[str, Any]:
        return {"checked_on": on.isoformat(), "safe": safe, "finding": finding}

    no_reason = await api.post(url, json=check(day, False), headers=auth(village))
    assert no_reason.status_code == 422
    unsafe = await api.post(url, json=check(day, False, "季节性缺水"), headers=auth(village))
    assert unsafe.status_code == 201, unsafe.text
    assert unsafe.json()["water_safe"] is False
    events = [e for _, e in await announced(stack, UNSAFE_WATER_FOUND) if str(e.household_id) == hid]
    assert len(events) == 1
    # An older safe check is history: it does not change today's finding.
    older = await api.post(url, json=check(day - timedelta(days=1), True), headers=auth(village))
    assert older.json()["water_safe"] is False
    h_etag = await etag(api, admin, f"{HOUSEHOLDS}/{hid}")
    edit = await api.patch(
        f"{HOUSEHOLDS}/{hid}", json={"water_safe": True}, headers=auth(admin, **{"If-Match": h_etag})
    )
    assert edit.status_code == 422
    later = await api.post(url, json=check(day + timedelta(days=1), True), headers=auth(village))
    assert later.json()["water_safe"] is True
    assert (await api.get(f"{HOUSEHOLDS}/{hid}", headers=auth(admin))).json()["water_safe"] is True
    wangwu = await town_official(api, admin, WANGWU)
    assert (await api.post(url, json=check(today, True), headers=auth(wangwu))).status_code == 404
    assert (await api.post(url, json=check(today, True), headers=auth(tokens["auditor"]))).status_code == 403
    with pytest.raises(IntegrityError, match="ck_water_checks_unsafe_has_finding"):
        await execute(
            stack,
            "INSERT INTO monitoring.water_checks (id, household_id, town_code, village_code, checked_on,"
            " safe, finding, recorded_by) VALUES (gen_random_uuid(), :h, :t, :v, :d, false, '', 'u')",
            h=hid,
            t=KEJING,
            v=KEJING + "201",
            d=today,
        )


# --- drinking water: the water-site registry ---------------------------------------------------


def villages_of(town_code: str, n: int) -> list[str]:
    from services.monitoring.demo import villages_by_town

    return [code for code, _ in villages_by_town()[town_code][:n]]


# 21 villages of the four towns of the 2025 project: 6 + 5 + 5 + 5.
PROJECT_VILLAGES = {WANGWU: 6, DAYUGOU: 5, SHAOYUAN: 5, XIAYE: 5}
HEADERS = [
    "点位编号",
    "点位名称",
    "供水工程",
    "乡镇代码",
    "村代码",
    "年度",
    "状态",
    "完工日期",
    "资金项目编号",
    "演示数据",
]


def site_rows() -> list[dict[str, str]]:
    """31 sites: one in each of the 21 villages, a second one in the first 10 of them."""
    villages = [(town, v) for town, n in PROJECT_VILLAGES.items() for v in villages_of(town, n)]
    assert len(villages) == 21
    placed = villages + villages[:10]
    return [
        {
            "点位编号": f"2025-WS-{i:02d}",
            "点位名称": f"村级管网点位{i}",
            "供水工程": "2025年农村供水工程维修养护项目",
            "乡镇代码": town,
            "村代码": village,
            "年度": "2025",
            "状态": "未开工",
            "完工日期": "",
            "资金项目编号": "",
            "演示数据": "否",
        }
        for i, (town, village) in enumerate(placed, start=1)
    ]


def csv_file(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADERS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


async def import_sites(api: httpx.AsyncClient, token: str, content: bytes) -> httpx.Response:
    return await api.post(
        f"{API}/water-sites/import", files={"file": ("sites.csv", content, "text/csv")}, headers=auth(token)
    )


async def progress(api: httpx.AsyncClient, token: str, **params: str) -> dict[str, dict[str, Any]]:
    resp = await api.get(f"{API}/water-sites/progress", params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return {r["town_name"]: r for r in resp.json()["rows"]}


async def test_the_31_site_file_and_progress_per_town(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    admin = tokens["admin"]
    rows = site_rows()
    report = await import_sites(api, admin, csv_file(rows))
    assert report.status_code == 200, report.text
    assert report.json() | {"rows": None} == {
        "total": 31,
        "accepted": 31,
        "unchanged": 0,
        "refused": 0,
        "rows": None,
        "refused_rows_url": None,
    }
    again = (await import_sites(api, admin, csv_file(rows))).json()
    assert (again["accepted"], again["unchanged"]) == (0, 31)

    towns = await progress(api, admin)
    assert set(towns) == {"王屋镇", "大峪镇", "邵原镇", "下冶镇", "合计"}
    assert (towns["合计"]["sites"], towns["合计"]["villages"], towns["合计"]["completed"]) == (31, 21, 0)
    # The first 10 villages (6 of 王屋镇, 4 of 大峪镇) hold a second site.
    assert [towns[t]["sites"] for t in ("王屋镇", "大峪镇", "邵原镇", "下冶镇")] == [12, 9, 5, 5]

    sites = {
        s["code"]: s
        for s in (await api.get(f"{API}/water-sites", params={"limit": "100"}, headers=auth(admin))).json()[
            "items"
        ]
    }
    assert len(sites) == 31

    async def complete(code: str, on: date) -> httpx.Response:
        url = f"{API}/water-sites/{sites[code]['id']}"
        return await api.put(
            f"{url}/progress",
            json={"status": "completed", "completed_on": on.isoformat()},
            headers=auth(admin, **{"If-Match": await etag(api, admin, url)}),
        )

    no_date = await api.put(
        f"{API}/water-sites/{sites['2025-WS-01']['id']}/progress",
        json={"status": "completed"},
        headers=auth(
            admin, **{"If-Match": await etag(api, admin, f"{API}/water-sites/{sites['2025-WS-01']['id']}")}
        ),
    )
    assert no_date.status_code == 422
    yesterday = today - timedelta(days=1)
    for code in (
        "2025-WS-01",
        "2025-WS-02",
        "2025-WS-22",
    ):  # two sites of 王屋镇, and its 1st village's second
        assert (await complete(code, yesterday)).status_code == 200
    assert (await complete("2025-WS-21", today)).status_code == 200  # the last village of 下冶镇
    towns = await progress(api, admin)
    assert (towns["王屋镇"]["completed"], towns["王屋镇"]["completion_rate"]) == (3, "25.0%")
    assert (towns["下冶镇"]["completed"], towns["下冶镇"]["completion_rate"]) == (1, "20.0%")
    assert (towns["大峪镇"]["completed"], towns["邵原镇"]["completed"]) == (0, 0)
    assert (towns["合计"]["completed"], towns["合计"]["planned"]) == (4, 27)
    # The day before, 下冶镇's site was still under way.
    earlier = await progress(api, admin, as_of=yesterday.isoformat())
    assert (earlier["下冶镇"]["completed"], earlier["下冶镇"]["under_construction"]) == (0, 1)

    # A town official sees their own town only.
    wangwu = await town_official(api, admin, WANGWU)
    assert set(await progress(api, wangwu)) == {"王屋镇", "合计"}
    assert (
        await api.get(f"{API}/water-sites/{sites['2025-WS-21']['id']}", headers=auth(wangwu))
    ).status_code == 404
    listed = (await api.get(f"{API}/water-sites", params={"limit": "100"}, headers=auth(wangwu))).json()[
        "items"
    ]
    assert len(listed) == 12 and {s["town_code"] for s in listed} == {WANGWU}
    xlsx = await api.get(f"{API}/water-sites/progress", params={"format": "xlsx"}, headers=auth(admin))
    assert xlsx.headers["content-type"].startswith(XLSX_MEDIA_TYPE)
    with pytest.raises(IntegrityError, match="ck_water_sites_completed_has_date"):
        await execute(
            stack, "UPDATE monitoring.water_sites SET completed_on = NULL WHERE code = '2025-WS-01'"
        )


async def test_site_rows_are_refused_one_by_one_and_projects_are_checked(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    admin = tokens["admin"]
    project_id = str(uuid.uuid4())
    approved = {
        "project_id": project_id,
        "town_code": WANGWU,
        "village_code": None,
        "category": "农村供水",
        "year": 2025,
        "allocated": "1200000.00",
    }
    await publish(stack, PROJECT_APPROVED, envelope_of(PROJECT_APPROVED, project_id, approved))
    projected = "SELECT count(*) FROM monitoring.projected_funds_projects WHERE project_id = :p"
    await eventually(lambda: count(stack, projected, p=project_id))
    good, *_ = site_rows()
    xiaye_village = villages_of(XIAYE, 1)[0]
    rows = [
        {**good, "资金项目编号": project_id, "状态": "已完工", "完工日期": today.isoformat()},  # 2: accepted
        {**good, "点位编号": "B-1", "资金项目编号": str(uuid.uuid4())},  # 3: unknown project
        {
            **good,
            "点位编号": "B-2",
            "乡镇代码": XIAYE,
            "村代码": xiaye_village,
            "资金项目编号": project_id,
        },  # 4
        {**good, "点位编号": "B-3", "状态": "已完工"},  # 5: completed without a date
        {**good, "点位编号": "B-4", "状态": "在建", "完工日期": today.isoformat()},  # 6: a date not completed
        {**good, "点位编号": "B-5", "村代码": "419001109999"},  # 7: unknown village
        {**good, "状态": "在建"},  # 8: the code of row 2 again
        {**good, "点位编号": "B-6", "状态": "竣工"},  # 9: unknown status
        {**good, "点位编号": "B-7", "村代码": xiaye_village},  # 10: a village of another town
    ]
    report = (await import_sites(api, admin, csv_file(rows))).json()
    assert (report["accepted"], report["refused"]) == (1, 8)
    by_row = {r["row"]: r for r in report["rows"]}
    assert by_row[2]["status"] == "accepted"
    assert {n for n, r in by_row.items() if r["status"] == "refused"} == set(range(3, 11))
    assert by_row[3]["problems"][0]["field"] == "资金项目编号"
    assert "不属于" in by_row[4]["problems"][0]["message"]
    assert by_row[8]["problems"][0]["message"] == "与第 2 行重复"
    site = (await api.get(f"{API}/water-sites", headers=auth(admin))).json()["items"][0]
    assert site["funds_project_id"] == project_id and site["status"] == "completed"
    # A village cadre imports only in their village: another town's row is refused.
    cadre = (
        await import_sites(api, tokens["village_beidahe"], csv_file([{**good, "点位编号": "C-1"}]))
    ).json()
    assert cadre["refused"] == 1 and cadre["rows"][0]["problems"][0]["message"] == "不在您的数据范围内"
    helper = await import_sites(api, tokens["helper_wang"], csv_file([good]))
    assert helper.status_code == 403


async def test_one_site_is_registered_with_the_import_rules_and_the_demo_has_the_31(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    from services.monitoring.demo import demo_water_sites

    demo = demo_water_sites()
    assert (len(demo), len({s["village_code"] for s in demo})) == (31, 21)
    assert {s["town_code"] for s in demo} == {WANGWU, DAYUGOU, SHAOYUAN, XIAYE} and all(
        s["demo"] for s in demo
    )
    admin = tokens["admin"]
    site = {k: v for k, v in demo[0].items() if v is not None}
    created = await api.post(f"{API}/water-sites", json=site, headers=auth(admin))
    assert created.status_code == 201, created.text
    assert created.json()["demo"] is True
    assert (await api.post(f"{API}/water-sites", json=site, headers=auth(admin))).status_code == 409
    undated = await api.post(
        f"{API}/water-sites", json={**site, "code": "X-1", "status": "completed"}, headers=auth(admin)
    )
    assert undated.status_code == 422 and undated.json()["errors"][0]["field"] == "body.completed_on"
    outside = await api.post(
        f"{API}/water-sites", json={**site, "code": "X-2"}, headers=auth(tokens["town_kejing"])
    )
    assert outside.status_code == 422
    unknown = await api.post(
        f"{API}/water-sites",
        json={**site, "code": "X-3", "funds_project_id": str(uuid.uuid4())},
        headers=auth(admin),
    )
    assert unknown.status_code in (422, 503) and unknown.json()["code"] in (
        "unknown_reference",
        "reference_pending",
    )


# --- education: 控辍保学 -------------------------------------------------------------------------


async def test_a_dropout_case_is_opened_for_school_age_followed_and_closed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    admin, village = tokens["admin"], tokens["village_beidahe"]
    oldest_pupil = years_before(today, 16) + timedelta(days=1)  # 15 today
    too_old = years_before(today, 16)  # 16 today
    youngest_pupil = years_before(today, 6)  # 6 today
    too_young = years_before(today, 6) + timedelta(days=1)  # 5 today
    births = [oldest_pupil, too_old, youngest_pupil, too_young]
    household = await create_household(
        api,
        admin,
        member_count=5,
        members=[
            member(),
            *(
                member(name=f"孩子{i}", relation="child", id_number=id_number(b))
                for i, b in enumerate(births)
            ),
        ],
    )
    hid = household["id"]
    roll = (await api.get(f"{HOUSEHOLDS}/{hid}/members", headers=auth(admin))).json()
    child = {m["name"]: m["id"] for m in roll}
    url = f"{HOUSEHOLDS}/{hid}/dropout-cases"

    def opening(name: str) -> dict[str, str]:
        return {"member_id": child[name], "opened_on": today.isoformat(), "reason": "外出务工，未返校"}

    for name, status in (("孩子0", 201), ("孩子1", 422), ("孩子2", 201), ("孩子3", 422)):
        resp = await api.post(url, json=opening(name), headers=auth(village))
        assert resp.status_code == status, (name, resp.text)
    twice = await api.post(url, json=opening("孩子0"), headers=auth(village))
    assert twice.status_code == 409
    cases = (await api.get(f"{API}/dropout-cases", params={"household_id": hid}, headers=auth(admin))).json()[
        "items"
    ]
    case = next(c for c in cases if c["member_id"] == child["孩子0"])
    members = {m["id"]: m for m in (await api.get(f"{HOUSEHOLDS}/{hid}/members", headers=auth(admin))).json()}
    assert members[child["孩子0"]]["schooling"] == "out_of_school"
    assert len([e for _, e in await announced(stack, DROPOUT_OPENED) if str(e.household_id) == hid]) == 2

    report = (await api.get(f"{API}/education/exceptions", headers=auth(admin))).json()
    dropouts = sorted(r["member_name"] for r in report["rows"] if r["problem"] == "辍学未销案")
    assert dropouts == ["孩子0", "孩子2"]

    case_url = f"{API}/dropout-cases/{case['id']}"
    closure = {"closed_on": today.isoformat(), "outcome": "returned"}
    unseen = await api.post(
        f"{case_url}/closure",
        json=closure,
        headers=auth(village, **{"If-Match": await etag(api, village, case_url)}),
    )
    assert unseen.status_code == 409 and unseen.json()["code"] == "invalid_transition"
    followed = await api.post(
        f"{case_url}/follow-ups",
        json={"followed_on": today.isoformat(), "note": "与家长面谈，承诺返校"},
        headers=auth(village, **{"If-Match": await etag(api, village, case_url)}),
    )
    assert followed.status_code == 200 and followed.json()["status"] == "following"
    closed = await api.post(
        f"{case_url}/closure",
        json=closure,
        headers=auth(village, **{"If-Match": await etag(api, village, case_url)}),
    )
    assert closed.status_code == 200, closed.text
    assert closed.json()["outcome_label"] == "已劝返复学"
    members = {m["id"]: m for m in (await api.get(f"{HOUSEHOLDS}/{hid}/members", headers=auth(admin))).json()}
    assert members[child["孩子0"]]["schooling"] == "compulsory"
    report = (await api.get(f"{API}/education/exceptions", headers=auth(admin))).json()
    assert [r["member_name"] for r in report["rows"] if r["problem"] == "辍学未销案"] == ["孩子2"]

    wangwu = await town_official(api, admin, WANGWU)
    assert (await api.get(case_url, headers=auth(wangwu))).status_code == 404
    assert (await api.get(f"{API}/dropout-cases", headers=auth(wangwu))).json()["items"] == []
    assert (await api.get(f"{API}/education/exceptions", headers=auth(wangwu))).json()["rows"] == []
    assert (
        await api.post(url, json=opening("孩子2"), headers=auth(tokens["helper_wang"]))
    ).status_code == 403
    with pytest.raises(IntegrityError, match="ck_dropout_cases_closed_has_outcome"):
        await execute(
            stack, "UPDATE monitoring.dropout_cases SET status = 'closed' WHERE id <> :c", c=case["id"]
        )


async def test_every_eligible_student_aided_per_town_and_the_graduate_announced(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    admin, village = tokens["admin"], tokens["village_beidahe"]
    pupil = member(
        name="小明", relation="child", id_number=id_number(years_before(today, 10)), schooling="compulsory"
    )
    senior = member(
        name="小红", relation="child", id_number=id_number(years_before(today, 17)), schooling="high_school"
    )
    lifted = await create_household(api, admin, members=[member(), pupil, senior])
    ordinary_pupil = member(
        name="小刚", relation="child", id_number=id_number(years_before(today, 9)), schooling="compulsory"
    )
    ordinary = await create_household(api, admin, kind="ordinary", members=[member(), ordinary_pupil])
    roll = {
        m["name"]: m["id"]
        for m in (await api.get(f"{HOUSEHOLDS}/{lifted['id']}/members", headers=auth(admin))).json()
    }
    term = {"school_year": 2025, "term": "autumn"}

    async def report() -> dict[str, Any]:
        resp = await api.get(f"{API}/education/report", params=term, headers=auth(admin))
        assert resp.status_code == 200, resp.text
        return {r["town_code"]: r for r in resp.json()["rows"]}[KEJING]

    # The ordinary household's pupil is not counted: aid is owed to 脱贫户 and monitored households.
    assert (await report()) | {"town_name": None} == {
        "town_code": KEJING,
        "town_name": None,
        "students": 2,
        "aided": 0,
        "unaided": 2,
        "dropouts": 0,
        "met": "否",
    }
    aid = {
        "member_id": roll["小明"],
        "kind": "living_allowance",
        "amount": "625.00",
        "granted_on": "2025-10-15",
        **term,
    }
    url = f"{HOUSEHOLDS}/{lifted['id']}/student-aids"
    granted = await api.post(url, json=aid, headers=auth(village))
    assert granted.status_code == 201, granted.text
    assert granted.json()["kind_label"] == "家庭经济困难学生生活补助" and granted.json()["amount"] == "625.00"
    assert (await api.post(url, json=aid, headers=auth(village))).status_code == 409  # once a term
    assert (await api.post(url, json={**aid, "amount": "0.00"}, headers=auth(village))).status_code == 422
    assert (await report())["unaided"] == 1
    exceptions = (await api.get(f"{API}/education/exceptions", params=term, headers=auth(admin))).json()[
        "rows"
    ]
    assert [(r["member_name"], r["problem"]) for r in exceptions] == [("小红", "本学期未获资助")]
    await api.post(
        url,
        json={**aid, "member_id": roll["小红"], "kind": "national_grant", "amount": "1000.00"},
        headers=auth(village),
    )
    assert (await report())["met"] == "是"
    # Another term starts unaided again.
    spring = await api.get(
        f"{API}/education/report", params={"school_year": 2026, "term": "spring"}, headers=auth(admin)
    )
    assert {r["town_code"]: r for r in spring.json()["rows"]}[KEJING]["unaided"] == 2

    # 雨露计划: for eligible households only; graduation with the next step is announced.
    vocational = f"{HOUSEHOLDS}/{{}}/vocational-students"
    body = {
        "member_id": roll["小红"],
        "school": "济源职业技术学院",
        "major": "数控技术",
        "enrolled_on": "2023-09-01",
    }
    refused = await api.post(
        vocational.format(ordinary["id"]),
        json={**body, "member_id": str(uuid.uuid4())},
        headers=auth(village),
    )
    assert refused.status_code == 422
    enrolled = await api.post(vocational.format(lifted["id"]), json=body, headers=auth(village))
    assert enrolled.status_code == 201, enrolled.text
    student_url = f"{API}/vocational-students/{enrolled.json()['id']}"
    assert (
        await api.post(vocational.format(lifted["id"]), json=body, headers=auth(village))
    ).status_code == 409
    missing_step = await api.post(
        f"{student_url}/end",
        json={"status": "graduated", "ended_on": today.isoformat()},
        headers=auth(village, **{"If-Match": await etag(api, village, student_url)}),
    )
    assert missing_step.status_code == 422
    graduated = await api.post(
        f"{student_url}/end",
        json={"status": "graduated", "ended_on": today.isoformat(), "next_step": "seeking"},
        headers=auth(village, **{"If-Match": await etag(api, village, student_url)}),
    )
    assert graduated.status_code == 200, graduated.text
    assert graduated.json()["next_step_label"] == "待就业"
    [(_, event)] = await announced(stack, VOCATIONAL_GRADUATED)
    assert (str(event.member_id), event.next_step) == (roll["小红"], "seeking")
    wangwu = await town_official(api, admin, WANGWU)
    assert (await api.get(student_url, headers=auth(wangwu))).status_code == 404
    assert (await api.get(f"{API}/vocational-students", headers=auth(wangwu))).json()["items"] == []
    with pytest.raises(IntegrityError, match="ck_vocational_students_graduate_has_next_step"):
        await execute(stack, "UPDATE monitoring.vocational_students SET next_step = NULL")
    with pytest.raises(IntegrityError, match="ck_student_aids_amount_positive"):
        await execute(stack, "UPDATE monitoring.student_aids SET amount = 0")


# --- health and insurance ----------------------------------------------------------------------


async def test_insurance_per_year_keeps_the_member_flag_and_expenses_split_by_layer(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin, village = tokens["admin"], tokens["village_beidahe"]
    household = await create_household(api, admin, members=[member()])
    hid = household["id"]
    head = (await api.get(f"{HOUSEHOLDS}/{hid}/members", headers=auth(admin))).json()[0]["id"]
    url = f"{HOUSEHOLDS}/{hid}/members/{head}/insurance"

    async def insured_flag() -> bool:
        return bool(
            (await api.get(f"{HOUSEHOLDS}/{hid}/members", headers=auth(admin))).json()[0]["medical_insured"]
        )

    subsidised = {"insured": True, "subsidy": "fixed", "subsidy_amount": "200.00"}
    assert (
        await api.put(f"{url}/2025", json={**subsidised, "subsidy_amount": "0.00"}, headers=auth(village))
    ).status_code == 422
    assert (
        await api.put(
            f"{url}/2025",
            json={"insured": False, "subsidy": "full", "subsidy_amount": "380.00"},
            headers=auth(village),
        )
    ).status_code == 422
    first = await api.put(f"{url}/2025", json=subsidised, headers=auth(village))
    assert first.status_code == 201, first.text
    gap = await api.put(f"{url}/2026", json={"insured": False}, headers=auth(village))
    assert gap.status_code == 201 and await insured_flag() is False
    assert len([e for _, e in await announced(stack, INSURANCE_GAP_FOUND) if str(e.member_id) == head]) == 1
    # Correcting an older year changes history, not today's flag; the latest year does.
    old = await api.put(
        f"{url}/2025", json=subsidised, headers=auth(village, **{"If-Match": first.headers["etag"]})
    )
    assert old.status_code == 200 and await insured_flag() is False
    fixed = await api.put(
        f"{url}/2026", json={"insured": True}, headers=auth(village, **{"If-Match": gap.headers["etag"]})
    )
    assert fixed.status_code == 200 and await insured_flag() is True
    assert (await api.put(f"{url}/2026", json={"insured": True}, headers=auth(village))).status_code == 428
    # The member flag follows the latest year, not a hand edit.
    version = (await api.get(f"{HOUSEHOLDS}/{hid}/members", headers=auth(admin))).json()[0]["version"]
    edit = await api.patch(
        f"{HOUSEHOLDS}/{hid}/members/{head}",
        json={"medical_insured": False},
        headers=auth(admin, **{"If-Match": f'"{version}"'}),
    )
    assert edit.status_code == 422 and edit.json()["errors"][0]["field"] == "body.medical_insured"

    expenses = f"{HOUSEHOLDS}/{hid}/medical-expenses"
    bill = {
        "member_id": head,
        "settled_on": "2025-06-30",
        "total": "50000.00",
        "basic_insurance_paid": "30000.00",
        "serious_illness_paid": "8000.00",
        "medical_assistance_paid": "2000.00",
    }
    recorded = await api.post(expenses, json=bill, headers=auth(village))
    assert recorded.status_code == 201, recorded.text
    assert (recorded.json()["out_of_pocket"], recorded.json()["out_of_pocket_share"]) == (
        "10000.00",
        "0.2000",
    )
    over = await api.post(
        expenses, json={**bill, "medical_assistance_paid": "12000.01"}, headers=auth(village)
    )
    assert over.status_code == 422
    health = await api.get(f"{API}/health/report", params={"year": "2025"}, headers=auth(admin))
    row = {r["town_code"]: r for r in health.json()["rows"]}[KEJING]
    assert (row["people"], row["insured"], row["subsidised"], row["out_of_pocket"]) == (1, 1, 1, "10000.00")
    assert row["out_of_pocket_share"] == "20.0%"
    wangwu = await town_official(api, admin, WANGWU)
    assert (await api.post(expenses, json=bill, headers=auth(wangwu))).status_code == 404
    assert (await api.post(expenses, json=bill, headers=auth(tokens["auditor"]))).status_code == 403
    with pytest.raises(IntegrityError, match="ck_medical_expenses_layers_within_total"):
        await execute(stack, "UPDATE monitoring.medical_expenses SET basic_insurance_paid = total")
    with pytest.raises(IntegrityError, match="ck_member_insurances_subsidy_with_insurance"):
        await execute(
            stack, "UPDATE monitoring.member_insurances SET insured = false WHERE subsidy <> 'none'"
        )


async def test_screening_flags_out_of_pocket_spending_at_the_share_of_income(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """Net income 30 000 (10 000 a head, above the 2025 line): 40% is 12 000 out of pocket."""
    admin = tokens["admin"]
    paid_by_household = {"below": "11999.99", "at": "12000.00", "above": "12000.01"}
    ids: dict[str, str] = {}
    for name, out_of_pocket in paid_by_household.items():
        hid = (await create_household(api, admin, members=[member()]))["id"]
        ids[name] = hid
        income = {
            "wages": "30000.00",
            "business": "0",
            "property": "0",
            "transfers": "0",
            "business_costs": "0",
        }
        assert (
            await api.put(f"{HOUSEHOLDS}/{hid}/incomes/2025", json=income, headers=auth(admin))
        ).status_code == 201
        head = (await api.get(f"{HOUSEHOLDS}/{hid}/members", headers=auth(admin))).json()[0]["id"]
        bill = {
            "member_id": head,
            "settled_on": "2025-03-01",
            "total": "40000.00",
            "basic_insurance_paid": f"{Decimal('40000.00') - Decimal(out_of_pocket):.2f}",
            "serious_illness_paid": "0",
            "medical_assistance_paid": "0",
        }
        assert (
            await api.post(f"{HOUSEHOLDS}/{hid}/medical-expenses", json=bill, headers=auth(admin))
        ).status_code == 201
    screened = await api.post(f"{API}/screenings", json={"year": 2025}, headers=auth(admin))
    assert screened.status_code == 200, screened.text
    flagged = {}
    for name, hid in ids.items():
        alerts = (await api.get(f"{API}/alerts", params={"household_id": hid}, headers=auth(admin))).json()[
            "items"
        ]
        flagged[name] = [(a["source"], a["risk_causes"]) for a in alerts]
    assert flagged == {"below": [], "at": [("system", ["illness"])], "above": [("system", ["illness"])]}


# --- department batches ---------------------------------------------------------------------------


async def department_system(api: httpx.AsyncClient, admin: str, department: str) -> str:
    """A token of a new integrator client bound to ``department``."""
    client_id = f"g_{secrets.token_hex(4)}"
    made = await api.post(
        "/admin/clients",
        json={"client_id": client_id, "display_name": f"{department}系统", "department": department},
        headers=auth(admin),
    )
    assert made.status_code == 201, made.text
    token = await api.post(
        "/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": made.json()["client_secret"],
        },
    )
    return token.json()["access_token"]  # type: ignore[no-any-return]


async def test_department_batches_fill_the_records_and_alert_on_new_risks(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, today: date
) -> None:
    admin = tokens["admin"]
    head_number, child_number = id_number(), id_number(years_before(today, 10))
    household = await create_household(
        api,
        admin,
        members=[
            member(id_number=head_number),
            member(name="小华", relation="child", id_number=child_number),
        ],
    )
    hid = household["id"]
    batches = f"{API}/guarantee-batches"
    housing_system = await department_system(api, admin, "住房和城乡建设局")
    appraisal = {
        "kind": "housing_appraisal",
        "appraised_on": today.isoformat(),
        "grade": "d",
        "appraiser": "住建局",
    }
    batch = {
        "batch_id": "zj-2025-11",
        "records": [
            {"record_id": "1", "id_number": head_number, **appraisal},
            {"record_id": "2", "id_number": id_number(), **appraisal},  # nobody of ours
            {"record_id": "3", "id_number": "123", **appraisal},
            {
                "record_id": "4",
                "id_number": head_number,
                "kind": "water_check",
                "checked_on": today.isoformat(),
                "safe": False,
                "finding": "x",
            },
        ],
    }
    first = await api.post(batches, json=batch, headers=auth(housing_system))
    assert first.status_code == 200, first.text
    report = first.json()
    assert (report["accepted"], report["refused"], report["alerts_raised"]) == (1, 3, 1)
    assert [r["status"] for r in report["records"]] == ["accepted", "refused", "refused", "refused"]
    assert report["records"][3]["reason"] == "住房和城乡建设局不报送此类记录"
    again = (await api.post(batches, json=batch, headers=auth(housing_system))).json()
    assert (again["accepted"], again["already_received"], again["alerts_raised"]) == (0, 1, 0)
    assert (await api.get(f"{HOUSEHOLDS}/{hid}", headers=auth(admin))).json()["housing_safe"] is False
    alerts = (await api.get(f"{API}/alerts", params={"household_id": hid}, headers=auth(admin))).json()[
        "items"
    ]
    assert [(a["source"], a["department"], a["risk_causes"]) for a in alerts] == [
        ("department", "住房和城乡建设局", ["housing"])
    ]

    education_system = await department_system(api, admin, "教育体育局")
    schooling = {
        "batch_id": "jy-2025-autumn",
        "records": [
            {
                "record_id": "a",
                "id_number": head_number,
                "kind": "dropout",
                "opened_on": today.isoformat(),
                "reason": "辍学",
            },
            {
                "record_id": "b",
                "id_number": child_number,
                "kind": "dropout",
                "opened_on": today.isoformat(),
                "reason": "辍学",
            },
            {
                "record_id": "c",
                "id_number": child_number,
                "kind": "student_aid",
                "aid_kind": "living_allowance",
                "amount": "625.00",
                "school_year": 2025,
                "term": "autumn",
                "granted_on": "2025-10-15",
            },
        ],
    }
    result = (await api.post(batches, json=schooling, headers=auth(education_system))).json()
    assert [(r["status"], r["alert_raised"]) for r in result["records"]] == [
        ("refused", False),  # an adult is not of compulsory-school age
        ("accepted", True),
        ("accepted", False),
    ]
    causes = {
        tuple(a["risk_causes"])
        for a in (await api.get(f"{API}/alerts", params={"household_id": hid}, headers=auth(admin))).json()[
            "items"
        ]
    }
    assert causes == {("housing",), ("schooling",)}
    assert (
        await count(stack, "SELECT count(*) FROM monitoring.student_aids WHERE origin_ref IS NOT NULL") == 1
    )

    insurance_system = await department_system(api, admin, "医保局")
    lapsed = {
        "batch_id": "yb-2026",
        "records": [
            {"record_id": "x", "id_number": head_number, "kind": "insurance", "year": 2026, "insured": False}
        ],
    }
    assert (await api.post(batches, json=lapsed, headers=auth(insurance_system))).json()["alerts_raised"] == 1
    for who in (tokens["integrator_hrss"], admin):
        assert (await api.post(batches, json=lapsed, headers=auth(who))).status_code == 403
    repeated = {"batch_id": "r", "records": [lapsed["records"][0], lapsed["records"][0]]}
    assert (await api.post(batches, json=repeated, headers=auth(insurance_system))).status_code == 422
