"""Employment records of members, learnt from employment's events (never from its tables)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert

from services.monitoring.employment_records.events import WORKER_REGISTERED
from services.monitoring.models import MemberEmploymentRecord
from shared.events.consumer import EventContext

EMPLOYMENT_RECORDS = cast(Table, MemberEmploymentRecord.__table__)


async def on_worker_registered(ctx: EventContext) -> None:
    """employment: worker.registered → the member has an employment record (data-quality rule 6).

    The inbox already drops a redelivered event. A member registered twice (another event id)
    keeps the earliest registration, whatever order the two arrive in, so the live consumer and a
    rebuild from employment's stream (``PROJECTIONS``) give the same row. Only this table is
    written: a rebuild replays this handler."""
    worker = ctx.read(WORKER_REGISTERED)
    row = insert(EMPLOYMENT_RECORDS).values(
        member_id=worker.member_id,
        worker_id=worker.worker_id,
        household_id=worker.household_id,
        registered_at=ctx.event.time,
    )
    await ctx.session.execute(
        row.on_conflict_do_update(
            index_elements=[EMPLOYMENT_RECORDS.c.member_id],
            set_={name: row.excluded[name] for name in ("worker_id", "household_id", "registered_at")},
            where=EMPLOYMENT_RECORDS.c.registered_at > row.excluded.registered_at,
        )
    )
