"""识别时限 (fast response): a case past the identification limit is announced once, by the periodic
task, and is on the town's pending list with the other things waiting on it (open alerts older
than ``pending_alert_days``). Practice: 15 days from the first alert (national guidance 2021)."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from services.monitoring.scheduled import IDENTIFICATION_LIMIT
from services.monitoring.worklists import service
from services.monitoring.worklists.deadlines import deadline, is_overdue
from services.monitoring.worklists.events import IDENTIFICATION_OVERDUE
from shared import clock
from shared.db import advisory_xact_lock
from shared.scheduled import TaskRunner
from shared.work import WorkContext
from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import announced, backdate_alerts, create_household, declare, step

PENDING = "/api/monitoring/v1/worklists/pending"
LIMIT = 15  # the default identification_limit_days

# -- the rule, without I/O ---------------------------------------------------------------------------


def test_on_the_limit_a_case_is_not_overdue_one_day_past_it_is() -> None:
    started = date(2026, 3, 2)
    assert deadline(started, LIMIT, False) == date(2026, 3, 17)
    assert not is_overdue(started, started + timedelta(days=LIMIT), LIMIT, False)
    assert is_overdue(started, started + timedelta(days=LIMIT + 1), LIMIT, False)


def test_working_days_skip_the_holiday_and_count_a_make_up_saturday() -> None:
    # 2026 国庆: 1–7 October off, Saturday 10 October a working day (调休).
    assert deadline(date(2026, 9, 30), 3, True) == date(2026, 10, 10)
    assert deadline(date(2026, 9, 30), 3, False) == date(2026, 10, 3)


def test_a_year_the_holiday_calendar_does_not_know_counts_monday_to_friday() -> None:
    friday = date(2031, 1, 3)
    assert deadline(friday, 1, True) == date(2031, 1, 6)


# -- the periodic task --------------------------------------------------------------------------------


def runner(stack: Stack) -> TaskRunner:
    return stack.apps["monitoring"].state.component.tasks[IDENTIFICATION_LIMIT.name]  # type: ignore[no-any-return]


async def sql(stack: Stack, statement: str, **params: object) -> None:
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(text(statement), params)


async def in_case(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, days: int, **where: Any
) -> str:
    """A household being verified whose first alert came ``days`` days ago (a case of that age)."""
    household = await create_household(api, tokens["admin"], kind="ordinary", **where)
    await declare(api, tokens["admin"], household["id"])
    verifying = await step(api, tokens["admin"], household["id"], "start_verification")
    assert verifying.status_code == 200, verifying.text
    await sql(
        stack,
        "UPDATE monitoring.households SET case_started_on = CAST(:day AS date) WHERE id = :id",
        day=clock.today() - timedelta(days=days),
        id=household["id"],
    )
    return household["id"]  # type: ignore[no-any-return]


async def test_a_case_one_day_past_the_limit_is_announced_once_and_one_on_it_not(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    late = await in_case(api, tokens, stack, LIMIT + 1)
    await in_case(api, tokens, stack, LIMIT)
    assert await runner(stack).run_once()
    assert await runner(stack).run_once()  # a rerun finds the case recorded
    [(envelope, event)] = await announced(stack, IDENTIFICATION_OVERDUE)
    assert envelope["type"] == "cn.xianjie.monitoring.identification.overdue.v1"
    assert envelope["subject"] == late
    assert event.model_dump(mode="json") == {
        "household_id": late,
        "town_code": KEJING_VILLAGE[:9],
        "village_code": KEJING_VILLAGE,
        "case_started_on": (clock.today() - timedelta(days=LIMIT + 1)).isoformat(),
        "deadline": (clock.today() - timedelta(days=1)).isoformat(),
        "found_on": clock.today().isoformat(),
        "stage": "verifying",
        "limit_days": LIMIT,
        "working_days": False,
    }
    assert "王建国" not in str(envelope)


async def test_a_new_case_of_the_same_household_is_announced_again(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await in_case(api, tokens, stack, LIMIT + 3)
    assert await runner(stack).run_once()
    await sql(
        stack,
        "UPDATE monitoring.households SET case_started_on = case_started_on + 1 WHERE id = :id",
        id=household,
    )
    assert await runner(stack).run_once()
    events = [e for _, e in await announced(stack, IDENTIFICATION_OVERDUE)]
    assert [(str(e.household_id), e.deadline) for e in events] == [
        (household, clock.today() - timedelta(days=3)),
        (household, clock.today() - timedelta(days=2)),
    ]


async def test_an_included_household_is_no_longer_on_the_clock(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await in_case(api, tokens, stack, LIMIT + 5)
    await sql(
        stack,
        "UPDATE monitoring.households SET status = 'included', subtype = 'marginal', "
        "risk_causes = '{illness}', included_on = current_date WHERE id = :id",
        id=household,
    )
    assert await runner(stack).run_once()
    assert await announced(stack, IDENTIFICATION_OVERDUE) == []


async def test_two_concurrent_task_runs_announce_a_case_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await in_case(api, tokens, stack, LIMIT + 1)
    done = await asyncio.gather(runner(stack).run_once(), runner(stack).run_once())
    assert True in done
    assert len(await announced(stack, IDENTIFICATION_OVERDUE)) == 1


async def test_a_run_while_another_replica_holds_the_lock_does_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await in_case(api, tokens, stack, LIMIT + 1)
    async with stack.db("monitoring").transaction() as session:
        await advisory_xact_lock(session, IDENTIFICATION_LIMIT.lock_name("monitoring"), wait=True)
        assert not await runner(stack).run_once()
    assert await announced(stack, IDENTIFICATION_OVERDUE) == []


def work(stack: Stack, session: Any) -> WorkContext:
    component = stack.apps["monitoring"].state.component
    return WorkContext(
        session=session,
        actor=IDENTIFICATION_LIMIT.actor,
        outbox=component.outbox,
        tables=component.tables,
        settings=component.settings,
        divisions=component.divisions,
    )


async def test_without_the_lock_the_database_still_announces_a_case_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """Two runs that bypass the advisory lock: the second's INSERT waits on the first's row, then
    finds the case recorded (the unique key is the guard, not the lock)."""
    await in_case(api, tokens, stack, LIMIT + 1)
    db = stack.db("monitoring")
    async with db.transaction() as first:
        assert await service.record_overdue_identifications(work(stack, first), clock.today()) == 1

        async def second_run() -> int:
            async with db.transaction() as second:
                return await service.record_overdue_identifications(work(stack, second), clock.today())

        second = asyncio.create_task(second_run())
        await asyncio.sleep(0.3)
        assert not second.done()  # waiting on the first run's uncommitted row
    assert await second == 0
    assert len(await announced(stack, IDENTIFICATION_OVERDUE)) == 1


async def test_the_database_refuses_a_case_recorded_twice(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await in_case(api, tokens, stack, LIMIT + 1)
    insert = (
        "INSERT INTO monitoring.identification_overdue (id, household_id, case_started_on, town_code, "
        "village_code, stage, deadline, found_on) SELECT gen_random_uuid(), id, case_started_on, town_code, "
        "village_code, 'verifying', case_started_on + 15, case_started_on + CAST(:found AS integer) FROM monitoring.households "
        "WHERE id = :id"
    )
    await sql(stack, insert, id=household, found=16)
    with pytest.raises(IntegrityError, match="uq_identification_overdue_household_id_case_started_on"):
        await sql(stack, insert, id=household, found=17)


async def test_the_database_refuses_a_case_found_within_its_limit(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await in_case(api, tokens, stack, LIMIT)
    with pytest.raises(IntegrityError, match="ck_identification_overdue_found_past_deadline"):
        await sql(
            stack,
            "INSERT INTO monitoring.identification_overdue (id, household_id, case_started_on, town_code, "
            "village_code, stage, deadline, found_on) SELECT gen_random_uuid(), id, case_started_on, "
            "town_code, village_code, 'verifying', case_started_on + 15, case_started_on + 15 "
            "FROM monitoring.households WHERE id = :id",
            id=household,
        )


# -- the pending list ----------------------------------------------------------------------------------


async def waiting_alert(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, days: int) -> str:
    """An open alert of a household of 克井镇's other village, raised ``days`` days ago."""
    household = await create_household(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)
    alert = await declare(api, tokens["admin"], household["id"])
    await backdate_alerts(stack, household["id"], days)
    return alert["id"]  # type: ignore[no-any-return]


async def pending_list(api: httpx.AsyncClient, token: str, **params: Any) -> list[dict[str, Any]]:
    resp = await api.get(PENDING, params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]  # type: ignore[no-any-return]


async def scenario(api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack) -> dict[str, str]:
    """Kejing: a case one day late and one on its limit (北大河村), an alert waiting 8 days and one 7
    (the other village); Wangwu: a case one day late."""
    return {
        "late": await in_case(api, tokens, stack, LIMIT + 1),
        "on_limit": await in_case(api, tokens, stack, LIMIT),
        "alert_late": await waiting_alert(api, tokens, stack, 8),
        "alert_on_limit": await waiting_alert(api, tokens, stack, 7),
        "far": await in_case(api, tokens, stack, LIMIT + 1, town_code=WANGWU, village_code=WANGWU_VILLAGE),
    }


async def test_the_town_sees_its_late_cases_and_alerts_waiting_past_the_limit(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await scenario(api, tokens, stack)
    items = await pending_list(api, tokens["town_kejing"])
    assert [(i["kind"], i["alert_id"] or i["household_id"]) for i in items] == [
        ("identification_overdue", ids["late"]),
        ("alert_waiting", ids["alert_late"]),
    ]
    late, alert = items
    assert (late["days"], late["days_over"], late["stage"], late["stage_label"]) == (
        16,
        1,
        "verifying",
        "核实中",
    )
    assert late["kind_label"] == "识别纳入超时限" and late["village_name"] and late["head_name"] == "王建国"
    assert (alert["days"], alert["days_over"], alert["village_code"]) == (8, 1, KEJING_OTHER_VILLAGE)


async def test_a_village_sees_its_village_and_the_district_everything(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await scenario(api, tokens, stack)
    village = await pending_list(api, tokens["village_beidahe"])
    assert [i["household_id"] for i in village] == [ids["late"]]
    district = {i["alert_id"] or i["household_id"] for i in await pending_list(api, tokens["admin"])}
    assert district == {ids["late"], ids["alert_late"], ids["far"]}
    only_alerts = await pending_list(api, tokens["admin"], kind="alert_waiting")
    assert [i["alert_id"] for i in only_alerts] == [ids["alert_late"]]
    elsewhere = await pending_list(api, tokens["town_kejing"], town_code=WANGWU)
    assert elsewhere == []


async def test_the_pending_list_pages_oldest_first(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await scenario(api, tokens, stack)
    first = (await api.get(PENDING, params={"limit": 2}, headers=auth(tokens["admin"]))).json()
    rest = await api.get(
        PENDING, params={"limit": 2, "cursor": first["next_cursor"]}, headers=auth(tokens["admin"])
    )
    seen = [i["alert_id"] or i["household_id"] for i in [*first["items"], *rest.json()["items"]]]
    assert sorted(seen[:2]) == sorted([ids["late"], ids["far"]]) and seen[2] == ids["alert_late"]
    assert rest.json()["next_cursor"] is None
    bad = await api.get(PENDING, params={"cursor": "bm90LWEtY3Vyc29y"}, headers=auth(tokens["admin"]))
    assert bad.status_code == 422


async def test_counting_working_days_moves_the_deadline(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    household = await in_case(api, tokens, stack, LIMIT + 1)
    settings = stack.apps["monitoring"].state.component.settings
    monkeypatch.setattr(settings, "identification_limit_working_days", True)
    # 15 working days take at least 19 calendar days: 16 days in, the case is not late yet.
    assert await pending_list(api, tokens["admin"], kind="identification_overdue") == []
    monkeypatch.setattr(settings, "identification_limit_working_days", False)
    [late] = await pending_list(api, tokens["admin"], kind="identification_overdue")
    assert late["household_id"] == household


@pytest.mark.parametrize("who", ["helper_wang", "dept_hrss", "integrator_hrss"])
async def test_helpers_departments_and_systems_have_no_pending_list(
    api: httpx.AsyncClient, tokens: dict[str, str], who: str
) -> None:
    assert (await api.get(PENDING, headers=auth(tokens[who]))).status_code == 403


async def test_the_auditor_reads_the_pending_list(api: httpx.AsyncClient, tokens: dict[str, str]) -> None:
    assert (await api.get(PENDING, headers=auth(tokens["auditor"]))).status_code == 200


async def test_the_overdue_report_counts_as_the_pending_list_does(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ids = await scenario(api, tokens, stack)
    report = await api.get(
        "/api/monitoring/v1/reports/identification-overdue", headers=auth(tokens["town_kejing"])
    )
    [row] = report.json()["rows"]
    assert (row["household_id"], row["days"], row["days_over"]) == (ids["late"], 16, 1)
    assert report.json()["title"] == "识别纳入超时限（15 天）"
