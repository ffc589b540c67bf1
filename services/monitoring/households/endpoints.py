from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.monitoring.households import repository, service
from services.monitoring.households.schemas import HouseholdCreate, HouseholdOut, HouseholdUpdate
from services.monitoring.models import Household, HouseholdKind
from shared.context import Ctx, etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Page, keyset_page
from shared.schemas import TownCode, VillageCode

router = APIRouter(prefix="/v1/households", tags=["households 农户"])


@router.post(
    "",
    status_code=201,
    response_model=HouseholdOut,
    summary="登记农户 / register a household",
    responses=problem_responses(400, 401, 403, 404, 413, 422),
)
async def create_household(body: HouseholdCreate, ctx: Ctx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await service.register(ctx, body)
    out = HouseholdOut.model_validate(household)
    return await ctx.respond(
        out,
        status_code=201,
        headers={"ETag": etag_for(out.version), "Location": f"/v1/households/{out.id}"},
    )


@router.get(
    "",
    response_model=Page[HouseholdOut],
    summary="农户列表 / list households",
    responses=problem_responses(401, 403, 422),
)
async def list_households(
    ctx: Ctx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    kind: Annotated[HouseholdKind | None, Query()] = None,
    updated_since: Annotated[
        datetime | None, Query(description="只返回此时间之后有变化的记录（增量同步）")
    ] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Page[HouseholdOut]:
    ctx.principal.require_role(*service.READERS)
    query = repository.filtered(
        ctx.principal, town_code=town_code, village_code=village_code, kind=kind, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Household.updated_at, Household.id), cursor=cursor, limit=limit
    )
    return Page[HouseholdOut](items=[HouseholdOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/{household_id}",
    response_model=HouseholdOut,
    summary="农户详情 / get a household",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_household(household_id: uuid.UUID, ctx: Ctx) -> JSONResponse:
    ctx.principal.require_role(*service.READERS)
    household = await repository.get(ctx.session, ctx.principal, household_id)
    if household is None:
        raise NotFound()
    out = HouseholdOut.model_validate(household)
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.patch(
    "/{household_id}",
    response_model=HouseholdOut,
    summary="修改农户（需 If-Match）/ update a household (If-Match required)",
    responses=problem_responses(400, 401, 403, 404, 412, 422, 428),
)
async def update_household(household_id: uuid.UUID, body: HouseholdUpdate, ctx: Ctx) -> JSONResponse:
    ctx.principal.require_role(*service.WRITERS)
    household = await repository.get(ctx.session, ctx.principal, household_id)
    if household is None:
        raise NotFound()
    household = await service.update(ctx, household, body)
    out = HouseholdOut.model_validate(household)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
