from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse

from services.assets.access import ReaderCtx, WriterCtx
from services.assets.distributions import repository, service
from services.assets.distributions.schemas import DistributionCreate, DistributionOut, ReversalIn
from services.assets.models import RevenueDistribution
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.routing import KitRouter
from shared.schemas import IsoDate, TownCode, VillageCode

router = KitRouter(prefix="/v1/distributions", tags=["assets 收益分配"])


@router.post(
    "",
    status_code=201,
    response_model=DistributionOut,
    summary="登记收益分配决定（明细合计须等于总额）/ record a revenue distribution",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def decide(body: DistributionCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    distribution, shares = await service.decide(ctx, body)
    out = DistributionOut.of(distribution, shares)
    return await ctx.respond(out, status_code=201, headers={"Location": f"/v1/distributions/{out.id}"})


@router.get(
    "",
    response_model=Page[DistributionOut],
    summary="收益分配 / list revenue distributions",
    responses=problem_responses(401, 403, 422),
)
async def list_distributions(
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    asset_id: Annotated[uuid.UUID | None, Query()] = None,
    decided_from: Annotated[IsoDate | None, Query()] = None,
    decided_to: Annotated[IsoDate | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[DistributionOut]:
    query = repository.filtered(
        ctx.principal,
        town_code=town_code,
        village_code=village_code,
        asset_id=asset_id,
        decided_from=decided_from,
        decided_to=decided_to,
        updated_since=updated_since,
    )
    rows, next_cursor = await keyset_page(
        ctx.session,
        query,
        (RevenueDistribution.updated_at, RevenueDistribution.id),
        cursor=cursor,
        limit=limit,
    )
    shares = await repository.shares_of(ctx.session, [r.id for r in rows])
    reversals = await repository.reversals_of(ctx.session, [r.id for r in rows])
    return Page[DistributionOut](
        items=[DistributionOut.of(r, shares[r.id], reversals.get(r.id)) for r in rows],
        next_cursor=next_cursor,
    )


@router.get(
    "/{distribution_id}",
    response_model=DistributionOut,
    summary="收益分配详情 / get a revenue distribution",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_distribution(distribution_id: uuid.UUID, ctx: ReaderCtx) -> DistributionOut:
    distribution = await repository.get(ctx.session, ctx.principal, distribution_id)
    if distribution is None:
        raise NotFound()
    shares = await repository.shares_of(ctx.session, [distribution.id])
    reversal = await repository.reversal_of(ctx.session, distribution.id)
    return DistributionOut.of(distribution, shares[distribution.id], reversal)


@router.post(
    "/{distribution_id}/reversal",
    status_code=201,
    response_model=DistributionOut,
    summary="冲销收益分配（理由、批准，不修改原决定）/ reverse a distribution by a compensating entry",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def reverse(distribution_id: uuid.UUID, body: ReversalIn, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    distribution = await repository.get(ctx.session, ctx.principal, distribution_id)
    if distribution is None:
        raise NotFound()
    reversal = await service.reverse(ctx, distribution, body)
    shares = await repository.shares_of(ctx.session, [distribution.id])
    return await ctx.respond(
        DistributionOut.of(distribution, shares[distribution.id], reversal), status_code=201
    )
