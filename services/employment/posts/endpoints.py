from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from services.employment import access
from services.employment.models import Post
from services.employment.posts import repository, service
from services.employment.posts.schemas import (
    HeadcountReport,
    HoldingCreate,
    HoldingEnd,
    HoldingOut,
    PostCreate,
    PostOut,
    TownHeadcount,
)
from shared.context import Ctx, RequestContext
from shared.errors import NotFound, problem_responses
from shared.pagination import Page, keyset_page
from shared.schemas import TownCode, VillageCode

router = APIRouter(prefix="/v1/posts", tags=["posts 乡村公益性岗位"])


async def _post(ctx: RequestContext, post_id: uuid.UUID) -> Post:
    post = await repository.get(ctx.session, ctx.principal, post_id)
    if post is None:
        raise NotFound()
    return post


@router.post(
    "",
    status_code=201,
    response_model=PostOut,
    summary="设立公益性岗位 / create a post",
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def create_post(body: PostCreate, ctx: Ctx) -> JSONResponse:
    access.require_writer(ctx)
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    post = await service.create_post(ctx, body)
    return await ctx.respond(PostOut.model_validate(post), status_code=201)


@router.get(
    "",
    response_model=Page[PostOut],
    summary="公益性岗位列表 / list posts",
    responses=problem_responses(401, 403, 422),
)
async def list_posts(
    ctx: Ctx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    updated_since: Annotated[datetime | None, Query()] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Page[PostOut]:
    access.require_reader(ctx)
    query = repository.filtered(
        ctx.principal, town_code=town_code, village_code=village_code, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Post.updated_at, Post.id), cursor=cursor, limit=limit
    )
    return Page[PostOut](items=[PostOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/headcount",
    response_model=HeadcountReport,
    summary="公益性岗位在岗人数与稳定基数 / headcount against its stable level",
    responses=problem_responses(401, 403, 422),
)
async def headcount(
    ctx: Ctx, as_of: Annotated[date | None, Query(description="统计日期，默认今天")] = None
) -> HeadcountReport:
    access.require_reader(ctx)
    as_of = as_of or date.today()
    baseline_on = date(as_of.year, 1, 1)
    tolerance = access.settings_of(ctx).post_stability_tolerance_percent

    def stable(baseline: int, holders: int) -> bool:
        return abs(holders - baseline) * 100 <= tolerance * baseline if baseline else holders == 0

    towns = [
        TownHeadcount(
            town_code=town,
            town_name=ctx.component.divisions.name(town),
            posts=posts,
            baseline=baseline,
            holders=holders,
            change_percent=round((holders - baseline) * 100 / baseline, 1) if baseline else None,
            stable=stable(baseline, holders),
        )
        for town, posts, baseline, holders in await repository.headcount(
            ctx.session, ctx.principal, as_of, baseline_on
        )
    ]
    baseline = sum(t.baseline for t in towns)
    holders = sum(t.holders for t in towns)
    return HeadcountReport(
        as_of=as_of,
        baseline_on=baseline_on,
        tolerance_percent=tolerance,
        towns=towns,
        baseline=baseline,
        holders=holders,
        stable=stable(baseline, holders),
    )


@router.post(
    "/{post_id}/holder",
    status_code=201,
    response_model=HoldingOut,
    summary="安排人员上岗 / assign a worker to the post",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def assign(post_id: uuid.UUID, body: HoldingCreate, ctx: Ctx) -> JSONResponse:
    access.require_writer(ctx)
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    holding = await service.assign(ctx, await _post(ctx, post_id), body)
    return await ctx.respond(HoldingOut.model_validate(holding), status_code=201)


@router.post(
    "/{post_id}/holder/release",
    response_model=HoldingOut,
    summary="人员离岗 / the holder leaves the post",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def release(post_id: uuid.UUID, body: HoldingEnd, ctx: Ctx) -> JSONResponse:
    access.require_writer(ctx)
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    holding = await service.release(ctx, await _post(ctx, post_id), body)
    return await ctx.respond(HoldingOut.model_validate(holding))
