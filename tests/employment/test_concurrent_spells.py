"""Concurrent writers do not deadlock or queue on one row: every request succeeds, the count is exact,
and each change of the floor's state is announced once."""

from __future__ import annotations

import asyncio

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.employment.factories import (
    FLOOR,
    URL,
    employ,
    employed,
    enrol,
    floor_events,
    job,
    seed_workers,
    worker,
)
from tests.helpers import auth


async def test_concurrent_registrations_and_job_changes_all_succeed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    # Half start in the county and move out of it, half the other way round: a job change closes one
    # spell and opens another (two statements), so the two halves touch the same change points
    # (day, town, place) in opposite orders — the pattern that deadlocked without a common lock.
    first_place = ["in_county", "in_province"]
    bodies = [
        await enrol(stack, worker(place=first_place[i % 2], employed_since="2025-03-01")) for i in range(12)
    ]
    registrations = await asyncio.gather(*(api.post(URL, json=body, headers=auth(admin)) for body in bodies))
    assert [r.status_code for r in registrations] == [201] * 12, [r.text for r in registrations]

    changes = await asyncio.gather(
        *(
            api.post(
                f"{URL}/{r.json()['id']}/spells",
                json=job(started_on="2025-07-01", place=first_place[(i + 1) % 2]),
                headers=auth(admin, **{"If-Match": r.headers["etag"]}),
            )
            for i, r in enumerate(registrations)
        )
    )
    assert [c.status_code for c in changes] == [201] * 12, [c.text for c in changes if c.status_code != 201]

    async with stack.db("employment").engine.connect() as conn:
        by_place = dict(
            (
                await conn.execute(
                    text(
                        "SELECT place::text, sum(delta) FROM employment.employment_changes"
                        " WHERE day <= DATE '2025-08-01' GROUP BY place"
                    )
                )
            ).all()
        )
    assert by_place == {"in_county": 6, "in_province": 6}


async def test_sixteen_clients_onboarding_at_once_cross_the_floor_with_one_event_per_state(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    await employ(api, admin, [employed(w) for w in await seed_workers(stack, 2154)])  # breached
    # 104 members of 脱贫户 and 16 of 边缘易致贫户 (not counted) join at once, 16 requests at a time.
    kinds = [True] * 104 + [False] * 16
    bodies = list(
        await asyncio.gather(
            *(
                enrol(stack, worker(place=("in_county", "out_of_province")[i % 2]), lifted_out=lifted_out)
                for i, lifted_out in enumerate(kinds)
            )
        )
    )
    answers: list[int] = []

    async def client() -> None:
        while bodies:
            answers.append((await api.post(URL, json=bodies.pop(), headers=auth(admin))).status_code)

    await asyncio.gather(*(client() for _ in range(16)))
    assert answers == [201] * 120

    assert (await api.get(FLOOR, headers=auth(admin))).json()["employed"] == 2154 + 104
    events = await floor_events(stack)
    # Each registration moved the count by one at most, and each count was recorded as it committed:
    # the crossings are announced exactly at the floor and at the warning line, once each.
    assert [(e["type"].split(".")[-2], e["data"]["employed"]) for e in events] == [
        ("breached", 2154),
        ("warning", 2155),
        ("recovered", 2255),
    ]
