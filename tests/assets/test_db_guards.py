"""Each database guard of the asset rules alone: direct SQL through the service's own connection, past
the service's checks, is refused by the named constraint — and the same rows exactly on the line
pass. (The split adding up, distributions within revenue, depreciation lowering the book value,
disposal approvals and the import's unique legacy number have their own tests beside the rules.)"""

from __future__ import annotations

import httpx

from tests.assets.factories import earning_asset
from tests.conftest import Stack
from tests.helpers import assert_each_guard_alone

MONTHLY = "assets.monthly_operations"


def another_month(month: str) -> str:
    return (
        f"INSERT INTO {MONTHLY} (id, asset_id, month, revenue, utilisation, actor) SELECT gen_random_uuid(),"
        f" asset_id, DATE '{month}', revenue, utilisation, actor FROM {MONTHLY}"
    )


def flag(cleared_on: str = "NULL") -> str:
    return (
        "INSERT INTO assets.idle_flags (id, asset_id, town_code, village_code, rule, flagged_on, measure,"
        f" cleared_on, version) SELECT gen_random_uuid(), id, town_code, village_code, 'no_revenue',"
        f" DATE '2025-12-01', 6, {cleared_on}, 1 FROM assets.assets"
    )


def valuation(kind: str, valued_on: str, book_value: str, appraisal_ref: str = "NULL") -> str:
    return (
        "INSERT INTO assets.asset_valuations (id, asset_id, kind, valued_on, book_value_before, book_value,"
        f" basis, appraisal_ref, actor) SELECT gen_random_uuid(), id, '{kind}', DATE '{valued_on}', value,"
        f" {book_value}, '年限平均法', {appraisal_ref}, 'test' FROM assets.assets"
    )


# (statements exactly on the line — accepted, statements one step past it, constraint)
GUARDS = [
    (
        [f"UPDATE {MONTHLY} SET utilisation = 1"],
        [f"UPDATE {MONTHLY} SET utilisation = 1.0001"],
        "ck_monthly_operations_utilisation_range",
    ),
    (
        [f"UPDATE {MONTHLY} SET utilisation = 0"],
        [f"UPDATE {MONTHLY} SET utilisation = -0.0001"],
        "ck_monthly_operations_utilisation_range",
    ),
    (
        [f"UPDATE {MONTHLY} SET revenue = 0"],
        [f"UPDATE {MONTHLY} SET revenue = -0.01"],
        "ck_monthly_operations_revenue_non_negative",
    ),
    (
        [another_month("2025-10-01")],
        [another_month("2025-10-02")],
        "ck_monthly_operations_month_first_day",
    ),
    (
        [another_month("2025-10-01")],
        [another_month("2025-11-01")],
        "uq_monthly_operations_asset_id_month",
    ),
    (
        ["UPDATE assets.assets SET value = 0"],
        ["UPDATE assets.assets SET value = -0.01"],
        "ck_assets_value_non_negative",
    ),
    (
        [
            "UPDATE assets.assets SET kind = 'public_welfare', use_status = 'in_use', use_status_since = formed_on"
        ],
        ["UPDATE assets.assets SET kind = 'public_welfare'"],
        "ck_assets_use_status_public_welfare",
    ),
    (
        ["UPDATE assets.assets SET origin = 'imported', legacy_ref = 'TZ-001'"],
        ["UPDATE assets.assets SET legacy_ref = 'TZ-001'"],
        "ck_assets_legacy_ref_iff_imported",
    ),
    (
        [flag(), flag("DATE '2025-12-31'")],
        [flag(), flag()],
        "uq_idle_flags_open",
    ),
    (
        [valuation("depreciation", "2025-12-31", "0")],
        [valuation("depreciation", "2025-12-31", "-0.01")],
        "ck_asset_valuations_book_value_non_negative",
    ),
    (
        [valuation("revaluation", "2025-12-31", "900000.00", "'济评报〔2025〕8号'")],
        [valuation("revaluation", "2025-12-31", "900000.00")],
        "ck_asset_valuations_revaluation_appraised",
    ),
    (
        [valuation("depreciation", "2025-11-30", "800000.00"), valuation("depreciation", "2025-12-31", "0")],
        [valuation("depreciation", "2025-12-31", "800000.00"), valuation("depreciation", "2025-12-31", "0")],
        "uq_asset_valuations_asset_id_valued_on",
    ),
]


async def test_each_database_guard_alone(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await earning_asset(api, tokens["admin"])
    engine = stack.db("assets").engine
    await assert_each_guard_alone(engine, GUARDS)
