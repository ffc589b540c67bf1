from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from fastapi.responses import Response
from sqlalchemy import select

from services.funds.access import ImplementerCtx, LoanReaderCtx, ReaderCtx
from services.funds.industries import service
from services.funds.industries.schemas import (
    BusinessCreate,
    BusinessOut,
    FlagCreate,
    FlagOut,
    IndustryCreate,
    IndustryOut,
    LinkCreate,
    LinkOut,
    ParkCreate,
    ParkOut,
)
from services.funds.models import (
    AssistanceIndustry,
    IndustryBusiness,
    IndustryClass,
    IndustryLink,
    IndustryPark,
)
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import TownCode

router = KitRouter(prefix="/v1", tags=["industries 帮扶产业"])

CREATE_PROBLEMS = problem_responses(400, 401, 403, 404, 409, 413, 422)
READ_PROBLEMS = problem_responses(401, 403, 422)


@router.post(
    "/industry-parks",
    status_code=201,
    response_model=ParkOut,
    summary="登记乡村振兴产业园 / register a town's industrial park",
    responses=CREATE_PROBLEMS,
)
async def create_park(body: ParkCreate, ctx: ImplementerCtx) -> Response:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    return await ctx.respond(ParkOut.model_validate(await service.create_park(ctx, body)), status_code=201)


@router.get("/industry-parks", response_model=Page[ParkOut], summary="产业园列表", responses=READ_PROBLEMS)
async def list_parks(ctx: ReaderCtx, cursor: Cursor = None, limit: Limit = 50) -> Page[ParkOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        service.parks(ctx.principal),
        (IndustryPark.updated_at, IndustryPark.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[ParkOut](items=[ParkOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/industries",
    status_code=201,
    response_model=IndustryOut,
    summary="登记帮扶产业（四个一批分类）/ register an assistance industry",
    responses=CREATE_PROBLEMS,
)
async def create_industry(body: IndustryCreate, ctx: ImplementerCtx) -> Response:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = IndustryOut.model_validate(await service.create_industry(ctx, body))
    return await ctx.respond(out, status_code=201)


@router.get("/industries", response_model=Page[IndustryOut], summary="帮扶产业列表", responses=READ_PROBLEMS)
async def list_industries(
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    industry_class: Annotated[IndustryClass | None, Query()] = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[IndustryOut]:
    query = service.scoped_industries(ctx.principal)
    if town_code:
        query = query.where(AssistanceIndustry.town_code == town_code)
    if industry_class:
        query = query.where(AssistanceIndustry.industry_class == industry_class)
    if year:
        query = query.where(AssistanceIndustry.year == year)
    if updated_since:
        query = query.where(AssistanceIndustry.updated_at > updated_since)
    rows, next_cursor = await keyset_page(
        ctx.session, query, (AssistanceIndustry.updated_at, AssistanceIndustry.id), cursor=cursor, limit=limit
    )
    return Page[IndustryOut](items=[IndustryOut.model_validate(r) for r in rows], next_cursor=next_cursor)


# Before "/industries/{industry_id}", which would match its path.
@router.get(
    "/industries/report",
    response_model=Report,
    summary="帮扶产业四个一批与联农带农（按乡镇）/ industries by town and class",
    responses=REPORT_RESPONSES,
)
async def industries_report(
    ctx: ReaderCtx, year: Annotated[int | None, Query(ge=2000, le=2100)] = None, format: ReportFormat = "json"
) -> Response:
    return report_response(await service.report(ctx, year), format)


@router.get(
    "/industries/{industry_id}",
    response_model=IndustryOut,
    summary="帮扶产业详情",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_industry(industry_id: uuid.UUID, ctx: ReaderCtx) -> IndustryOut:
    return IndustryOut.model_validate(await service.visible_industry(ctx, industry_id))


@router.post(
    "/industries/{industry_id}/businesses",
    status_code=201,
    response_model=BusinessOut,
    summary="登记经营主体 / register a business running the industry",
    responses=CREATE_PROBLEMS,
)
async def create_business(industry_id: uuid.UUID, body: BusinessCreate, ctx: ImplementerCtx) -> Response:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = BusinessOut.model_validate(await service.create_business(ctx, industry_id, body))
    return await ctx.respond(out, status_code=201)


@router.get(
    "/industries/{industry_id}/businesses",
    response_model=list[BusinessOut],
    summary="产业的经营主体",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_businesses(industry_id: uuid.UUID, ctx: ReaderCtx) -> list[BusinessOut]:
    industry = await service.visible_industry(ctx, industry_id)
    rows = await ctx.session.scalars(
        select(IndustryBusiness)
        .where(IndustryBusiness.industry_id == industry.id)
        .order_by(IndustryBusiness.name)
    )
    return [BusinessOut.model_validate(r) for r in rows]


@router.post(
    "/industry-businesses/{business_id}/links",
    status_code=201,
    response_model=LinkOut,
    summary="登记联农带农关系 / a household gaining from the business",
    responses=CREATE_PROBLEMS,
)
async def create_link(business_id: uuid.UUID, body: LinkCreate, ctx: ImplementerCtx) -> Response:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    out = LinkOut.model_validate(await service.create_link(ctx, business_id, body))
    return await ctx.respond(out, status_code=201)


@router.get(
    "/industry-links",
    response_model=Page[LinkOut],
    summary="联农带农关系列表（按农户或经营主体）",
    responses=READ_PROBLEMS,
)
async def list_links(
    ctx: LoanReaderCtx,
    household_id: Annotated[uuid.UUID | None, Query()] = None,
    business_id: Annotated[uuid.UUID | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[LinkOut]:
    query = service.scoped_links(ctx.principal)
    if household_id:
        query = query.where(IndustryLink.household_id == household_id)
    if business_id:
        query = query.where(IndustryLink.business_id == business_id)
    if updated_since:
        query = query.where(IndustryLink.updated_at > updated_since)
    rows, next_cursor = await keyset_page(
        ctx.session, query, (IndustryLink.updated_at, IndustryLink.id), cursor=cursor, limit=limit
    )
    return Page[LinkOut](items=[LinkOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/industry-flags",
    status_code=201,
    response_model=FlagOut,
    summary="产业风险预警：经营主体经营困难或联农带农中断 / raise an early-warning flag",
    description="每个相关农户发出一次 funds.industry_link.at_risk 事件，监测服务为其生成一条预警。",
    responses=CREATE_PROBLEMS,
)
async def raise_flag(body: FlagCreate, ctx: ImplementerCtx) -> Response:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    return await ctx.respond(FlagOut.model_validate(await service.raise_flag(ctx, body)), status_code=201)
