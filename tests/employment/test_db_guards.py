"""Each database guard of the employment rules alone: direct SQL through the service's own connection,
past the service's checks, is refused by the named constraint — and the same rows exactly on the
line pass. (The one-open-main-spell index is not here alone: two open main spells of one worker
always overlap too, so the exclusion constraint holds that rule as well; see docs/testing.md.)"""

from __future__ import annotations

import httpx

from tests.conftest import Stack
from tests.employment.factories import create
from tests.employment.test_posts import POST, URL
from tests.helpers import assert_each_guard_alone, auth

FIRST_WORKER = "(SELECT id FROM employment.workers ORDER BY created_at, id LIMIT 1)"
SECOND_WORKER = "(SELECT id FROM employment.workers ORDER BY created_at, id OFFSET 1 LIMIT 1)"
FIRST_POST = "(SELECT id FROM employment.posts ORDER BY created_at, id LIMIT 1)"
SECOND_POST = "(SELECT id FROM employment.posts ORDER BY created_at, id OFFSET 1 LIMIT 1)"


def earlier_main_spell(ended_on: str, *, is_main: bool = True) -> str:
    """Another spell of the first worker from 1 Jan 2025 to ``ended_on`` (its open job began 1 Mar)."""
    return (
        "INSERT INTO employment.spells (id, worker_id, town_code, is_main, employer, place, started_on,"
        f" ended_on) SELECT gen_random_uuid(), worker_id, town_code, {is_main}, '旧单位', place,"
        f" DATE '2025-01-01', {ended_on} FROM employment.spells WHERE worker_id = {FIRST_WORKER}"
    )


def holding(post: str, worker: str, ended_on: str = "NULL") -> str:
    return (
        "INSERT INTO employment.post_holdings (id, post_id, worker_id, town_code, started_on, ended_on)"
        f" SELECT gen_random_uuid(), {post}, {worker}, '419001100', DATE '2025-01-01', {ended_on}"
    )


# (statements exactly on the line — accepted, statements one day / one row past it, constraint)
GUARDS = [
    (
        [earlier_main_spell("DATE '2025-02-28'")],  # ends the day before the open job starts
        [earlier_main_spell("DATE '2025-03-01'")],  # ends on the day it starts: one day together
        "no_overlapping_main_spells",
    ),
    (
        [earlier_main_spell("DATE '2025-12-31'", is_main=False)],  # a side job may overlap
        [earlier_main_spell("DATE '2025-12-31'")],
        "no_overlapping_main_spells",
    ),
    (
        ["UPDATE employment.spells SET ended_on = started_on"],
        ["UPDATE employment.spells SET ended_on = started_on - 1"],
        "ck_spells_ended_after_started",
    ),
    (
        [holding(FIRST_POST, FIRST_WORKER), holding(FIRST_POST, SECOND_WORKER, "DATE '2025-06-30'")],
        [holding(FIRST_POST, FIRST_WORKER), holding(FIRST_POST, SECOND_WORKER)],
        "uq_post_holdings_open_post",
    ),
    (
        [holding(FIRST_POST, FIRST_WORKER), holding(SECOND_POST, FIRST_WORKER, "DATE '2025-06-30'")],
        [holding(FIRST_POST, FIRST_WORKER), holding(SECOND_POST, FIRST_WORKER)],
        "uq_post_holdings_open_worker",
    ),
    (
        [holding(FIRST_POST, FIRST_WORKER, "DATE '2025-01-01'")],
        [holding(FIRST_POST, FIRST_WORKER, "DATE '2024-12-31'")],
        "ck_post_holdings_ended_after_started",
    ),
]


async def test_each_database_guard_alone(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    for _ in range(2):
        await create(api, admin, stack)
        resp = await api.post(URL, json=POST, headers=auth(admin))
        assert resp.status_code == 201, resp.text
    engine = stack.db("employment").engine
    await assert_each_guard_alone(engine, GUARDS)
