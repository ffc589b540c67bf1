"""Employment records of members, learnt from employment's events (never from its tables)."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert

from services.monitoring.employment_records.events import WORKER_REGISTERED
from services.monitoring.models import MemberEmploymentRecord
from shared.events.consumer import EventContext


async def on_worker_registered(ctx: EventContext) -> None:
    """employment: worker.registered → the member has an employment record (data-quality rule 6).

    The inbox already drops a redelivered event; a second registration of the same member (another
    event id) keeps the first record."""
    worker = ctx.read(WORKER_REGISTERED)
    await ctx.session.execute(
        insert(MemberEmploymentRecord)
        .values(
            member_id=worker.member_id,
            worker_id=worker.worker_id,
            household_id=worker.household_id,
            registered_at=ctx.event.time,
        )
        .on_conflict_do_nothing(index_elements=[MemberEmploymentRecord.member_id])
    )
