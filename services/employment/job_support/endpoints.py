from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from services.employment import access
from services.employment.job_support import repository
from services.employment.job_support.schemas import JobSupportOut
from services.employment.models import JobSupportEntry
from shared.context import Ctx
from shared.errors import problem_responses
from shared.pagination import Page, keyset_page
from shared.schemas import TownCode, VillageCode

router = APIRouter(prefix="/v1/job-support", tags=["job support 就业帮扶名单"])


@router.get(
    "",
    response_model=Page[JobSupportOut],
    summary="就业帮扶名单（新纳入监测户的有劳动能力成员）/ members listed for job support",
    responses=problem_responses(401, 403, 422),
)
async def list_job_support(
    ctx: Ctx,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    updated_since: Annotated[datetime | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Page[JobSupportOut]:
    access.require_reader(ctx)
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
    items = []
    for row in rows:
        worker = workers.get(row.member_id)
        items.append(
            JobSupportOut(
                id=row.id,
                household_id=row.household_id,
                member_id=row.member_id,
                town_code=row.town_code,
                village_code=row.village_code,
                subtype=row.subtype,
                risk_causes=row.risk_causes,
                included_on=row.included_on,
                worker_id=worker.id if worker else None,
                worker_status=worker.status if worker else None,
                created_at=row.created_at,
                updated_at=row.updated_at,
            )
        )
    return Page[JobSupportOut](items=items, next_cursor=next_cursor)
