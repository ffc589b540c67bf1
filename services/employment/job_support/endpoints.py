from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query

from services.employment.access import ReaderCtx
from services.employment.job_support import repository
from services.employment.job_support.schemas import JobSupportOut
from services.employment.models import JobSupportEntry, Worker
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter
from shared.schemas import TownCode, VillageCode

router = KitRouter(prefix="/v1/job-support", tags=["job support 就业帮扶名单"])


def _entry_out(entry: JobSupportEntry, worker: Worker | None) -> JobSupportOut:
    return JobSupportOut(
        id=entry.id,
        household_id=entry.household_id,
        member_id=entry.member_id,
        town_code=entry.town_code,
        village_code=entry.village_code,
        subtype=entry.subtype,
        risk_causes=entry.risk_causes,
        included_on=entry.included_on,
        worker_id=worker.id if worker else None,
        worker_status=worker.status if worker else None,
        created_at=entry.created_at,
        updated_at=entry.updated_at,
    )


@router.get(
    "",
    response_model=Page[JobSupportOut],
    summary="就业帮扶名单（新纳入监测户的有劳动能力成员）/ members listed for job support",
    responses=problem_responses(401, 403, 422),
)
async def list_job_support(
    ctx: ReaderCtx,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[JobSupportOut]:
    query = repository.filtered(
        ctx.principal,
        household_id=household_id,
        town_code=town_code,
        village_code=village_code,
        updated_since=updated_since,
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (JobSupportEntry.updated_at, JobSupportEntry.id), cursor=cursor, limit=limit
    )
    workers = await repository.workers_of(ctx.session, [r.member_id for r in rows])
    return Page[JobSupportOut](
        items=[_entry_out(row, workers.get(row.member_id)) for row in rows], next_cursor=next_cursor
    )
