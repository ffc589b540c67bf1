"""风险消除 is earned: each condition at its boundary (plain rules), the check endpoint, the risk
causes resolved as records, and the democratic procedure with its re-check at district approval."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy.exc import IntegrityError

from services.monitoring.models import (
    Household,
    LabourCapacity,
    RiskCause,
    Schooling,
)
from services.monitoring.settings import MonitoringSettings
from services.monitoring.workflow.elimination import (
    ActiveMember,
    Condition,
    Facts,
    YearIncome,
    assess,
    months_after,
)
from services.monitoring.workflow.events import RISK_ELIMINATED
from shared import clock
from tests.conftest import Stack
from tests.helpers import WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import (
    HOUSEHOLDS,
    announced,
    count,
    create_household,
    id_number,
    include,
    listed,
    member,
    step,
)
from tests.monitoring.measures import (
    eligible_household,
    included_months_ago,
    put_income,
    resolve,
    run_procedure,
    sql,
)

SETTINGS = MonitoringSettings()
TODAY = date(2026, 11, 30)
LINES = {2024: Decimal("8300.00"), 2025: Decimal("8600.00")}


def worker(age: int = 40, labour: LabourCapacity = LabourCapacity.ORDINARY, **overrides: Any) -> ActiveMember:
    fields: dict[str, Any] = {
        "name": "王建国",
        "birth_date": months_after(TODAY, -12 * age),
        "labour": labour,
        "schooling": Schooling.NOT_APPLICABLE,
        "medical_insured": True,
    }
    fields.update(overrides)
    return ActiveMember(**fields)


def household(**overrides: Any) -> Household:
    fields: dict[str, Any] = {
        "member_count": 1,
        "housing_safe": True,
        "water_safe": True,
        "risk_causes": [RiskCause.ILLNESS],
        "included_on": months_after(TODAY, -6),
    }
    fields.update(overrides)
    return Household(**fields)


def facts(**overrides: Any) -> Facts:
    """One working member, income 9000 a head in 2024 and 2025, illness resolved, one measure
    delivered, monitored exactly six months (since 2026-05-30): every condition met."""
    base = Facts(
        household=household(),
        members=[worker()],
        incomes=[
            YearIncome(2024, Decimal("9000"), Decimal("0")),
            YearIncome(2025, Decimal("9000"), Decimal("0")),
        ],
        lines=dict(LINES),
        resolved=frozenset({RiskCause.ILLNESS}),
        delivered_measures=1,
        today=TODAY,
    )
    return replace(base, **overrides)


def verdict(f: Facts, condition: Condition, settings: MonitoringSettings = SETTINGS) -> bool:
    return next(v.met for v in assess(f, settings).verdicts if v.condition is condition)


def incomes(latest: str, before: str = "9000", transfers: str = "0") -> list[YearIncome]:
    return [
        YearIncome(2024, Decimal(before), Decimal("0")),
        YearIncome(2025, Decimal(latest), Decimal(transfers)),
    ]


# --- the conditions, each at its boundary (no I/O) -------------------------------------------------


def test_the_base_case_meets_every_condition() -> None:
    assessment = assess(facts(), SETTINGS)
    assert assessment.eligible and not assessment.safety_net_route
    assert [v.condition for v in assessment.verdicts] == list(Condition)


def test_income_must_be_above_the_line_not_on_it() -> None:
    assert not verdict(facts(incomes=incomes("8600.00")), Condition.INCOME_ABOVE_LINE)
    assert verdict(facts(incomes=incomes("8600.01")), Condition.INCOME_ABOVE_LINE)
    assert not verdict(facts(incomes=incomes("9000", before="8300.00")), Condition.INCOME_ABOVE_LINE)
    assert verdict(facts(incomes=incomes("9000", before="8300.01")), Condition.INCOME_ABOVE_LINE)


def test_income_is_per_head_of_the_declared_size_rounded_to_the_fen() -> None:
    three = household(member_count=3)
    # 25800.01 / 3 = 8600.0033… → 8600.00: on the line, not above it.
    at_line = facts(household=three, incomes=incomes("25800.01", before="30000"))
    assert not verdict(at_line, Condition.INCOME_ABOVE_LINE)
    above = facts(household=three, incomes=incomes("25800.02", before="30000"))  # 8600.01
    assert verdict(above, Condition.INCOME_ABOVE_LINE)


def test_income_needs_the_consecutive_years_and_their_lines() -> None:
    only_latest = facts(incomes=[YearIncome(2025, Decimal("9000"), Decimal("0"))])
    v = next(v for v in assess(only_latest, SETTINGS).verdicts if v.condition is Condition.INCOME_ABOVE_LINE)
    assert not v.met and "2024 年未录入收入" in v.explanation
    no_line = facts(lines={2025: Decimal("8600.00")})
    assert not verdict(no_line, Condition.INCOME_ABOVE_LINE)
    # A gap year is no consecutive run: 2023 and 2025 do not make two years to 2025.
    gap = facts(
        incomes=[
            YearIncome(2023, Decimal("9000"), Decimal("0")),
            YearIncome(2025, Decimal("9000"), Decimal("0")),
        ]
    )
    assert not verdict(gap, Condition.INCOME_ABOVE_LINE)
    assert not verdict(facts(incomes=[]), Condition.INCOME_ABOVE_LINE)
    one_year = MonitoringSettings(elimination_income_years=1)
    assert verdict(only_latest, Condition.INCOME_ABOVE_LINE, one_year)


def test_monitored_time_counts_from_inclusion_in_months() -> None:
    """Included 2026-05-30: six months are full on 2026-11-30, not the day before."""
    assert verdict(facts(), Condition.MONITORED_LONG_ENOUGH)
    assert not verdict(facts(today=TODAY - timedelta(days=1)), Condition.MONITORED_LONG_ENOUGH)
    no_wait = MonitoringSettings(elimination_min_months_monitored=0)
    assert verdict(facts(today=facts().household.included_on), Condition.MONITORED_LONG_ENOUGH, no_wait)


def test_months_after_keeps_the_day_or_takes_the_months_last() -> None:
    assert months_after(date(2026, 5, 30), 6) == date(2026, 11, 30)
    assert months_after(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert months_after(date(2026, 3, 15), -6) == date(2025, 9, 15)


def test_school_age_members_must_be_in_school_at_the_age_bounds() -> None:
    out = Schooling.OUT_OF_SCHOOL
    assert not verdict(facts(members=[worker(), worker(15, schooling=out)]), Condition.SCHOOLING_SECURED)
    assert verdict(facts(members=[worker(), worker(16, schooling=out)]), Condition.SCHOOLING_SECURED)
    assert not verdict(facts(members=[worker(), worker(6, schooling=out)]), Condition.SCHOOLING_SECURED)
    assert verdict(facts(members=[worker(), worker(5, schooling=out)]), Condition.SCHOOLING_SECURED)


def test_every_member_insured_house_and_water_safe() -> None:
    assert not verdict(facts(members=[worker(medical_insured=False)]), Condition.MEDICAL_INSURANCE_SECURED)
    unsafe_house = household(housing_safe=False)
    assert not verdict(facts(household=unsafe_house), Condition.HOUSING_SAFE)
    unsafe_water = household(water_safe=False)
    assert not verdict(facts(household=unsafe_water), Condition.DRINKING_WATER_SAFE)


def test_every_recorded_cause_must_be_resolved() -> None:
    two = household(risk_causes=[RiskCause.ILLNESS, RiskCause.HOUSING])
    v = next(
        v
        for v in assess(facts(household=two), SETTINGS).verdicts
        if v.condition is Condition.RISK_CAUSES_RESOLVED
    )
    assert not v.met and v.explanation == "尚未登记消除的风险：住房安全"


def test_a_measure_must_be_delivered() -> None:
    assert not verdict(facts(delivered_measures=0), Condition.MEASURE_DELIVERED)


def on_transfers(latest: str, transfers: str, *members: ActiveMember) -> Facts:
    return facts(members=list(members), incomes=incomes(latest, transfers=transfers))


def test_without_labour_transfers_making_the_difference_route_to_safety_net() -> None:
    old = worker(70, LabourCapacity.NONE)
    # Without its 400 of transfers the household has 8600 a head: not above the line.
    dependent = assess(on_transfers("9000", "400", old), SETTINGS)
    assert not dependent.eligible and dependent.safety_net_route
    explanation = next(v.explanation for v in dependent.unmet)
    assert "兜底保障户" in explanation
    assert assess(on_transfers("9000", "399.99", old), SETTINGS).eligible


def test_without_labour_a_transfer_share_above_the_setting_routes_to_safety_net() -> None:
    old = worker(70, LabourCapacity.NONE)
    settings = MonitoringSettings(elimination_transfer_share=Decimal("0.02"))
    # 180 of 9000 is exactly 2 %: not above the share, and 8820 without it is above the line.
    assert assess(on_transfers("9000", "180", old), settings).eligible
    assert assess(on_transfers("9000", "180.01", old), settings).safety_net_route


@pytest.mark.parametrize(
    ("age", "labour", "can_work"),
    [
        (59, LabourCapacity.WEAK, True),
        (16, LabourCapacity.ORDINARY, True),
        (60, LabourCapacity.ORDINARY, False),
        (15, LabourCapacity.SKILLED, False),
        (40, LabourCapacity.LOST, False),
    ],
)
def test_a_working_age_member_with_some_labour_keeps_the_household_off_the_safety_net_route(
    age: int, labour: LabourCapacity, can_work: bool
) -> None:
    household = on_transfers("9000", "9000", worker(age, labour))
    assert verdict(household, Condition.NOT_LIVING_ON_TRANSFERS) is can_work


# --- the check endpoint ---------------------------------------------------------------------------


async def check(api: httpx.AsyncClient, token: str, household_id: str) -> httpx.Response:
    return await api.get(f"{HOUSEHOLDS}/{household_id}/elimination-check", headers=auth(token))


async def test_the_check_answers_every_condition_in_chinese(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await eligible_household(api, tokens, stack)
    resp = await check(api, tokens["village_beidahe"], household["id"])
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["eligible"] is True and body["safety_net_route"] is False
    assert [c["condition"] for c in body["conditions"]] == [c.value for c in Condition]
    assert all(c["met"] and c["explanation"] and c["condition_label"] for c in body["conditions"])


async def test_a_freshly_included_household_is_told_what_is_missing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    await include(api, tokens, household["id"], stack)
    body = (await check(api, tokens["auditor"], household["id"])).json()
    unmet = {c["condition"] for c in body["conditions"] if not c["met"]}
    assert unmet == {
        "income_above_line",
        "risk_causes_resolved",
        "measure_delivered",
        "monitored_long_enough",
    }
    assert body["eligible"] is False


async def test_a_member_who_left_is_not_counted(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await eligible_household(api, tokens, stack)
    await sql(
        stack,
        "UPDATE monitoring.members SET medical_insured = false WHERE household_id = :h",
        h=household["id"],
    )
    assert (await check(api, tokens["admin"], household["id"])).json()["eligible"] is False
    await sql(
        stack,
        "UPDATE monitoring.members SET left_on = current_date WHERE household_id = :h",
        h=household["id"],
    )
    conditions = (await check(api, tokens["admin"], household["id"])).json()["conditions"]
    assert next(c for c in conditions if c["condition"] == "medical_insurance_secured")["met"] is True


async def test_a_measure_planned_but_not_delivered_does_not_count(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await eligible_household(api, tokens, stack)
    await sql(
        stack, "UPDATE monitoring.measures SET delivered_on = NULL WHERE household_id = :h", h=household["id"]
    )
    conditions = (await check(api, tokens["admin"], household["id"])).json()["conditions"]
    assert next(c for c in conditions if c["condition"] == "measure_delivered")["met"] is False


async def test_the_check_of_another_towns_household_is_404(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    assert (await check(api, tokens["town_kejing"], wangwu["id"])).status_code == 404
    resolutions = await api.get(
        f"{HOUSEHOLDS}/{wangwu['id']}/risk-resolutions", headers=auth(tokens["town_kejing"])
    )
    assert resolutions.status_code == 404


# --- risk causes resolved, as records -------------------------------------------------------------


async def test_a_resolution_is_recorded_with_how_and_by_whom(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await create_household(api, tokens["admin"])
    await include(api, tokens, household["id"], stack)
    made = await resolve(api, tokens["village_beidahe"], household["id"])
    assert made.status_code == 201, made.text
    assert made.json()["cause_label"] == "因病" and made.json()["recorded_by_role"] == "village_cadre"
    listed_ = await api.get(
        f"{HOUSEHOLDS}/{household['id']}/risk-resolutions", headers=auth(tokens["auditor"])
    )
    assert [r["id"] for r in listed_.json()["items"]] == [made.json()["id"]]


async def test_only_a_recorded_cause_within_the_case_can_be_resolved_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    village = tokens["village_beidahe"]
    fresh = await resolve(api, village, hid)
    assert fresh.status_code == 409 and fresh.json()["code"] == "invalid_transition"  # not monitored yet
    await include(api, tokens, hid, stack)
    other = await resolve(api, village, hid, cause="housing")
    assert other.status_code == 422 and other.json()["errors"][0]["field"] == "body.cause"
    before = await resolve(api, village, hid, on=clock.today() - timedelta(days=1))
    assert before.status_code == 422 and before.json()["errors"][0]["field"] == "body.resolved_on"
    future = await resolve(api, village, hid, on=clock.today() + timedelta(days=1))
    assert future.status_code == 422
    assert (await resolve(api, village, hid, on=clock.today())).status_code == 201
    again = await resolve(api, village, hid)
    assert again.status_code == 409 and again.json()["code"] == "cause_already_resolved"
    assert await count(stack, "SELECT count(*) FROM monitoring.risk_resolutions") == 1


async def test_only_the_households_keepers_record_resolutions(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    await include(api, tokens, hid, stack)
    for who in ("auditor", "helper_wang", "dept_hrss"):
        assert (await resolve(api, tokens[who], hid)).status_code == 403, who
    wangwu = await create_household(api, tokens["admin"], town_code=WANGWU, village_code=WANGWU_VILLAGE)
    assert (await resolve(api, tokens["town_kejing"], wangwu["id"])).status_code == 404


async def insert_resolution(stack: Stack, household_id: str, included_on: date, resolved_on: date) -> None:
    await sql(
        stack,
        "INSERT INTO monitoring.risk_resolutions (id, household_id, town_code, village_code, cause, "
        "case_included_on, resolved_on, how, recorded_by, recorded_by_role) VALUES (gen_random_uuid(), :h, "
        "'419001100', '419001100201', 'illness', :inc, :res, '康复', 'u', 'village_cadre')",
        h=household_id,
        inc=included_on,
        res=resolved_on,
    )


async def test_the_database_keeps_resolutions_within_the_case_and_once(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    today = clock.today()
    with pytest.raises(IntegrityError, match="ck_risk_resolutions_resolved_after_inclusion"):
        await insert_resolution(stack, hid, today, today - timedelta(days=1))
    await insert_resolution(stack, hid, today, today)
    with pytest.raises(IntegrityError, match="uq_risk_resolutions_once_per_case"):
        await insert_resolution(stack, hid, today, today)


async def test_the_database_keeps_the_elimination_stage_to_monitored_households(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    with pytest.raises(IntegrityError, match="ck_households_elimination_only_while_included"):
        await sql(
            stack,
            "UPDATE monitoring.households SET elimination_stage = 'household_check' WHERE id = :h",
            h=hid,
        )


# --- the procedure --------------------------------------------------------------------------------


async def test_starting_is_refused_listing_what_is_unmet_and_writes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await create_household(api, tokens["admin"]))["id"]
    await include(api, tokens, hid, stack)
    refused = await step(api, tokens["village_beidahe"], hid, "start_elimination")
    assert refused.status_code == 422 and refused.json()["code"] == "elimination_conditions_unmet"
    unmet = [u["condition"] for u in refused.json()["unmet"]]
    assert unmet == [
        "income_above_line",
        "risk_causes_resolved",
        "measure_delivered",
        "monitored_long_enough",
    ]
    assert "收入持续稳定超过监测线" in refused.json()["detail"]
    assert (
        await count(stack, "SELECT count(*) FROM monitoring.transitions WHERE action = 'start_elimination'")
        == 0
    )


async def test_a_click_no_longer_eliminates(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await eligible_household(api, tokens, stack)
    click = await step(api, tokens["admin"], household["id"], "eliminate_risk")
    assert click.status_code == 409 and click.json()["code"] == "invalid_transition"


async def test_the_full_procedure_eliminates_the_risk_and_keeps_every_step(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await eligible_household(api, tokens, stack)
    done = await run_procedure(api, tokens, stack, household["id"], "eliminate_risk")
    assert done["status"] == "risk_eliminated" and done["elimination_stage"] is None
    assert done["closed_on"] == clock.today().isoformat() and done["kind"] == "lifted_out"
    [(_, event)] = await announced(stack, RISK_ELIMINATED)
    assert str(event.household_id) == household["id"] and event.eliminated_on == clock.today()
    history = (
        await api.get(f"{HOUSEHOLDS}/{household['id']}/transitions", headers=auth(tokens["auditor"]))
    ).json()
    tail = [(h["action"], h["to_status"], h["to_stage"], h["actor_role"]) for h in history[-6:]]
    assert tail == [
        ("start_elimination", "included", "household_check", "village_cadre"),
        ("submit_elimination_review", "included", "village_review", "village_cadre"),
        ("post_elimination_notice", "included", "public_notice", "village_cadre"),
        ("close_elimination_notice", "included", "town_review", "village_cadre"),
        ("town_approve_elimination", "included", "district_approval", "town_official"),
        ("eliminate_risk", "risk_eliminated", None, "district_admin"),
    ]
    assert all(h["reason"].endswith("依据") for h in history[-6:])


async def test_during_the_procedure_the_household_is_still_monitored_everywhere(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    household = await eligible_household(api, tokens, stack)
    hid = household["id"]
    during = await run_procedure(api, tokens, stack, hid, "town_approve_elimination")
    assert during["status"] == "included" and during["elimination_stage_label"] == "风险消除·区级审批"
    assert hid in await listed(api, tokens["admin"], status="included")
    report = await api.get(
        "/api/monitoring/v1/reports/households", params={"group": "status"}, headers=auth(tokens["admin"])
    )
    counts = {r["group_label"]: r["households"] for r in report.json()["rows"]}
    assert counts == {"已纳入监测（帮扶中）": 1}


async def test_the_notice_runs_its_objection_window(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await eligible_household(api, tokens, stack))["id"]
    await run_procedure(api, tokens, stack, hid, "submit_elimination_review")
    village = tokens["village_beidahe"]
    early_date = (clock.today() - timedelta(days=8)).isoformat()  # before the check began
    early = await step(api, village, hid, "post_elimination_notice", notice_posted_on=early_date)
    assert early.status_code == 422 and early.json()["errors"][0]["field"] == "body.notice_posted_on"
    assert (await step(api, village, hid, "post_elimination_notice")).status_code == 200
    too_soon = await step(api, village, hid, "close_elimination_notice")
    assert too_soon.status_code == 409 and "公示期至" in too_soon.json()["detail"]


async def test_conditions_are_checked_again_at_district_approval(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await eligible_household(api, tokens, stack))["id"]
    await run_procedure(api, tokens, stack, hid, "town_approve_elimination")
    await put_income(api, tokens["admin"], hid, 2025, "8600.00")  # the year's income corrected down
    refused = await step(api, tokens["admin"], hid, "eliminate_risk")
    assert refused.status_code == 422 and [u["condition"] for u in refused.json()["unmet"]] == [
        "income_above_line"
    ]
    still = (await api.get(f"{HOUSEHOLDS}/{hid}", headers=auth(tokens["admin"]))).json()
    assert (still["status"], still["elimination_stage"]) == ("included", "district_approval")
    assert await announced(stack, RISK_ELIMINATED) == []
    halted = await step(api, tokens["admin"], hid, "halt_elimination", reason="收入回落，继续帮扶")
    assert halted.status_code == 200 and halted.json()["elimination_stage"] is None
    assert halted.json()["status"] == "included"


async def test_each_stage_is_taken_by_its_level(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await eligible_household(api, tokens, stack))["id"]
    await run_procedure(api, tokens, stack, hid, "close_elimination_notice")
    assert (await step(api, tokens["village_beidahe"], hid, "town_approve_elimination")).status_code == 403
    assert (await step(api, tokens["village_beidahe"], hid, "halt_elimination")).status_code == 403
    assert (await step(api, tokens["town_kejing"], hid, "town_approve_elimination")).status_code == 200
    assert (await step(api, tokens["town_kejing"], hid, "eliminate_risk")).status_code == 403
    assert (await step(api, tokens["town_kejing"], hid, "halt_elimination")).status_code == 403


async def test_no_safety_net_marking_or_new_case_while_elimination_is_decided(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await eligible_household(api, tokens, stack))["id"]
    await run_procedure(api, tokens, stack, hid, "start_elimination")
    marked = await step(api, tokens["admin"], hid, "mark_safety_net")
    assert marked.status_code == 409 and marked.json()["current_stage"] == "household_check"
    assert "风险消除·入户核实" in marked.json()["detail"]


async def test_a_household_without_labour_living_on_transfers_is_routed_to_the_safety_net(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    old = member(id_number=id_number(date(1950, 1, 1)), labour="none")
    hid = (await eligible_household(api, tokens, stack, members=[old]))["id"]
    for year in (2024, 2025):
        await put_income(api, tokens["admin"], hid, year, "0.00", transfers="9000.00")
    refused = await step(api, tokens["village_beidahe"], hid, "start_elimination")
    assert refused.status_code == 422 and refused.json()["safety_net_route"] is True
    assert [u["condition"] for u in refused.json()["unmet"]] == ["not_living_on_transfers"]
    assert "兜底保障户" in refused.json()["unmet"][0]["explanation"]


async def test_a_resolution_from_an_earlier_inclusion_does_not_count(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    hid = (await eligible_household(api, tokens, stack))["id"]
    await included_months_ago(stack, hid, 7)  # as if included again on another day
    conditions = (await check(api, tokens["admin"], hid)).json()["conditions"]
    assert next(c for c in conditions if c["condition"] == "risk_causes_resolved")["met"] is False


def test_without_an_income_record_no_one_is_pointed_to_the_safety_net() -> None:
    old = worker(70, LabourCapacity.NONE)
    nothing = assess(facts(members=[old], incomes=[]), SETTINGS)
    assert not nothing.eligible and not nothing.safety_net_route


async def test_refused_while_income_is_below_the_line_then_eliminated_once_it_holds(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """The issue's flow: a 脱贫户 included as 脱贫不稳定户 stays a 脱贫户, is refused while its
    income is under the line, and is eliminated through the whole procedure once it is above."""
    hid = (await eligible_household(api, tokens, stack))["id"]
    await put_income(api, tokens["admin"], hid, 2025, "8599.99")
    refused = await step(api, tokens["village_beidahe"], hid, "start_elimination")
    assert refused.status_code == 422 and [u["condition"] for u in refused.json()["unmet"]] == [
        "income_above_line"
    ]
    assert "8599.99" in refused.json()["unmet"][0]["explanation"]
    await put_income(api, tokens["admin"], hid, 2025, "8600.01")
    done = await run_procedure(api, tokens, stack, hid, "eliminate_risk")
    assert (done["status"], done["kind"], done["subtype"]) == ("risk_eliminated", "lifted_out", "unstable")
    assert hid in await listed(api, tokens["admin"], kind="lifted_out")
