"""Each database guard of the monitoring rules alone: direct SQL through the service's own connection,
past the service's checks, is refused by the named constraint — and the same rows exactly on the line
pass. (Evidence is kept by a trigger with its own test in test_evidence; relocation's and the forces'
guards have theirs beside them.)"""

from __future__ import annotations

import httpx

from tests.conftest import Stack
from tests.helpers import assert_each_guard_alone
from tests.monitoring.factories import create_household
from tests.monitoring.test_alerts import put_income

HOUSEHOLDS = "monitoring.households"
INCLUDED = "status = 'included', subtype = 'unstable', included_on = DATE '2025-06-01'"


def plan(year: int) -> str:
    return (
        "INSERT INTO monitoring.assistance_plans (id, household_id, town_code, village_code, year, goal, version)"
        f" SELECT gen_random_uuid(), id, town_code, village_code, {year}, '稳定增收', 1 FROM {HOUSEHOLDS}"
    )


# (statements exactly on the line — accepted, statements one step past it, constraint)
GUARDS = [
    (
        [f"UPDATE {HOUSEHOLDS} SET member_count = 1"],
        [f"UPDATE {HOUSEHOLDS} SET member_count = 0"],
        "ck_households_member_count_positive",
    ),
    (
        [f"UPDATE {HOUSEHOLDS} SET {INCLUDED}, risk_causes = ARRAY['illness']::monitoring.risk_cause[]"],
        [f"UPDATE {HOUSEHOLDS} SET {INCLUDED}, risk_causes = ARRAY[]::monitoring.risk_cause[]"],
        "ck_households_monitored_has_subtype_and_causes",
    ),
    (
        [
            f"UPDATE {HOUSEHOLDS} SET {INCLUDED}, risk_causes = ARRAY['illness']::monitoring.risk_cause[],"
            " elimination_stage = 'household_check'"
        ],
        [f"UPDATE {HOUSEHOLDS} SET elimination_stage = 'household_check'"],
        "ck_households_elimination_only_while_included",
    ),
    (
        [f"UPDATE {HOUSEHOLDS} SET cancelled_on = formed_on"],
        [f"UPDATE {HOUSEHOLDS} SET cancelled_on = formed_on - 1"],
        "ck_households_cancelled_after_formed",
    ),
    (
        ["UPDATE monitoring.incomes SET wages = 0, rigid_expenses = 0"],
        ["UPDATE monitoring.incomes SET rigid_expenses = -0.01"],
        "ck_incomes_components_not_negative",
    ),
    (
        [plan(2025), plan(2026)],
        [plan(2025), plan(2025)],
        "uq_assistance_plans_household_id_year",
    ),
]


async def test_each_database_guard_alone(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    made = await create_household(api, admin, member_count=2)
    await put_income(api, admin, made["id"], 2025, wages="20000.00")
    engine = stack.db("monitoring").engine
    await assert_each_guard_alone(engine, GUARDS)
