from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import Query
from fastapi.responses import JSONResponse, Response

from services.employment.access import ReaderCtx, WriterCtx
from services.employment.models import Post
from services.employment.posts import repository, service
from services.employment.posts.schemas import (
    AllowanceCreate,
    AllowanceOut,
    HeadcountReport,
    HoldingCreate,
    HoldingEnd,
    HoldingOut,
    PostCreate,
    PostOut,
    TownHeadcount,
)
from services.employment.settings import EmploymentSettings
from shared import clock
from shared.context import RequestContext
from shared.errors import NotFound, problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import IsoDate, TownCode, VillageCode

router = KitRouter(prefix="/v1/posts", tags=["posts 乡村公益性岗位"])


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
async def create_post(body: PostCreate, ctx: WriterCtx) -> JSONResponse:
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
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[PostOut]:
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
    ctx: ReaderCtx, as_of: Annotated[IsoDate | None, Query(description="统计日期，默认今天")] = None
) -> HeadcountReport:
    as_of = as_of or clock.today()
    baseline_on = date(as_of.year, 1, 1)
    tolerance = ctx.settings_as(EmploymentSettings).post_stability_tolerance_percent
    towns = [
        TownHeadcount(
            town_code=town,
            town_name=ctx.component.divisions.name(town),
            posts=posts,
            baseline=baseline,
            holders=holders,
            change_percent=service.change_percent(baseline, holders),
            stable=service.is_stable(baseline, holders, tolerance),
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
        stable=service.is_stable(baseline, holders, tolerance),
    )


@router.get(
    "/allowances",
    response_model=Report,
    responses=REPORT_RESPONSES,
    summary="公益性岗位补贴发放（按乡镇、月份）/ allowances paid by town and month",
)
async def allowances(
    ctx: ReaderCtx,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="补贴年度，默认今年")] = None,
    format: ReportFormat = "json",
) -> Response:
    year = year or clock.today().year
    rows = await repository.allowances(ctx.session, ctx.principal, year)
    report = Report.of(
        "post-allowances",
        f"{year} 年乡村公益性岗位补贴发放",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("month", "月份"),
            ("payments", "人次"),
            ("amount", "金额"),
        ],
        [
            {
                "town_code": town,
                "town_name": ctx.component.divisions.name(town),
                "month": month.strftime("%Y-%m"),
                "payments": payments,
                "amount": f"{amount:.2f}",
            }
            for town, month, payments, amount in rows
        ],
    )
    return report_response(report, format)


@router.post(
    "/{post_id}/holder",
    status_code=201,
    response_model=HoldingOut,
    summary="安排人员上岗 / assign a worker to the post",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def assign(post_id: uuid.UUID, body: HoldingCreate, ctx: WriterCtx) -> JSONResponse:
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
async def release(post_id: uuid.UUID, body: HoldingEnd, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    holding = await service.release(ctx, await _post(ctx, post_id), body)
    return await ctx.respond(HoldingOut.model_validate(holding))


@router.post(
    "/{post_id}/allowances",
    status_code=201,
    response_model=AllowanceOut,
    summary="发放岗位月补贴 / pay a month's allowance to the holder",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def pay_allowance(post_id: uuid.UUID, body: AllowanceCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    payment = await service.pay_allowance(ctx, await _post(ctx, post_id), body)
    return await ctx.respond(AllowanceOut.model_validate(payment), status_code=201)
