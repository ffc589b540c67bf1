"""Concurrent spell writers queue, they do not deadlock: every request succeeds, the count is exact."""

from __future__ import annotations

import asyncio

import httpx
from sqlalchemy import text

from tests.conftest import Stack
from tests.employment.factories import URL, job, worker
from tests.helpers import auth


async def test_concurrent_registrations_and_job_changes_all_succeed(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    # Half start in the county and move out of it, half the other way round: a job change closes one
    # spell and opens another (two statements), so the two halves touch the same change points
    # (day, town, place) in opposite orders — the pattern that deadlocked without a common lock.
    first_place = ["in_county", "in_province"]
    registrations = await asyncio.gather(
        *(
            api.post(
                URL, json=worker(place=first_place[i % 2], employed_since="2025-03-01"), headers=auth(admin)
            )
            for i in range(12)
        )
    )
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
