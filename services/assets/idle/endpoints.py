from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import JSONResponse

from services.assets.access import ReaderCtx, ScreenerCtx, WriterCtx
from services.assets.idle import repository, service
from services.assets.idle.schemas import IdleFlagOut, ProposalIn, ScreeningRequest, ScreeningResult
from services.assets.models import IdleAction, IdleFlag, IdleRule
from shared.context import etag_for
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter
from shared.schemas import TownCode, VillageCode

router = KitRouter(prefix="/v1/idle-assets", tags=["assets 低效闲置"])


def _out(flag: IdleFlag, facts: dict[uuid.UUID, Any]) -> IdleFlagOut:
    asset = facts[flag.asset_id]
    return IdleFlagOut.of(flag, asset.name, asset.category, asset.value)


@router.post(
    "/screenings",
    response_model=ScreeningResult,
    summary="按规则筛查低效闲置资产 / run the idle-asset rules",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def screen(body: ScreeningRequest, ctx: ScreenerCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    return await ctx.respond(await service.screen(ctx, body))


@router.get(
    "",
    response_model=Page[IdleFlagOut],
    summary="低效闲置资产清单（按镇）/ idle and low-efficiency assets",
    responses=problem_responses(401, 403, 422),
)
async def list_flags(
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    rule: Annotated[IdleRule | None, Query()] = None,
    proposed_action: Annotated[IdleAction | None, Query()] = None,
    include_cleared: Annotated[bool, Query(description="包括已解除的标记")] = False,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[IdleFlagOut]:
    query = repository.listing(
        ctx.principal,
        town_code=town_code,
        village_code=village_code,
        rule=rule,
        proposed_action=proposed_action,
        include_cleared=include_cleared,
        updated_since=updated_since,
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (IdleFlag.updated_at, IdleFlag.id), cursor=cursor, limit=limit
    )
    facts = await repository.asset_facts(ctx.session, [r.asset_id for r in rows])
    return Page[IdleFlagOut](items=[_out(r, facts) for r in rows], next_cursor=next_cursor)


@router.patch(
    "/{flag_id}",
    response_model=IdleFlagOut,
    summary="提出处置意见（盘活/改变用途/处置，需 If-Match）/ propose an action",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 422, 428),
)
async def propose(flag_id: uuid.UUID, body: ProposalIn, ctx: WriterCtx) -> JSONResponse:
    flag = await repository.get(ctx.session, ctx.principal, flag_id)
    if flag is None:
        raise NotFound()
    flag = await service.propose(ctx, flag, body)
    facts = await repository.asset_facts(ctx.session, [flag.asset_id])
    out = _out(flag, facts)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
