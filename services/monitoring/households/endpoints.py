from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import BackgroundTasks, File, Query, UploadFile
from fastapi.responses import JSONResponse, Response

from services.monitoring.access import ReaderCtx, WriterCtx, load_household
from services.monitoring.households import repository, service
from services.monitoring.households.schemas import (
    HouseholdCreate,
    HouseholdOut,
    HouseholdUpdate,
    MemberCreate,
    MemberOut,
    MemberUpdate,
)
from services.monitoring.models import Household, HouseholdKind, HouseholdStatus, RiskCause, Subtype
from shared.context import etag_for
from shared.errors import NotFound, problem_responses
from shared.import_refusals import keep_refused_rows
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page, page_response
from shared.routing import KitRouter
from shared.schemas import TownCode, VillageCode
from shared.tabular import ImportReport, release_freed_memory, upload_content

router = KitRouter(prefix="/v1/households", tags=["households 农户"])


@router.post(
    "",
    status_code=201,
    response_model=HouseholdOut,
    summary="登记农户（可同时登记成员）/ register a household",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def create_household(body: HouseholdCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    household = await service.register(ctx, body)
    out = HouseholdOut.model_validate(household)
    return await ctx.respond(
        out,
        status_code=201,
        headers={"ETag": etag_for(out.version), "Location": f"/v1/households/{out.id}"},
    )


@router.post(
    "/import",
    response_model=ImportReport,
    summary="批量导入农户台账（CSV/XLSX）/ import households from a ledger",
    description=(
        "表头：乡镇代码、村代码、户主姓名、户主身份证号、住址、户类型、家庭人口数、健康状况、劳动能力、"
        "在校情况、参加医保。以户主身份证号识别农户：重复导入同一文件不产生任何变化。"
    ),
    responses=problem_responses(401, 403, 413, 422),
)
async def import_households(
    ctx: WriterCtx, file: Annotated[UploadFile, File(description="CSV 或 XLSX")], after: BackgroundTasks
) -> ImportReport:
    content = await upload_content(file)
    report = await service.import_file(ctx, content, file.filename or "")
    # The report (a row each) and the file live until the answer is sent; then glibc keeps what
    # they freed unless handed back (bench/BULK.md, "RSS after imports").
    after.add_task(release_freed_memory)
    return await keep_refused_rows(ctx, report, content, file.filename or "")


@router.get(
    "",
    response_model=Page[HouseholdOut],
    summary="农户列表 / list households",
    responses=problem_responses(401, 403, 422),
)
async def list_households(
    ctx: ReaderCtx,
    town_code: Annotated[TownCode | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    kind: Annotated[HouseholdKind | None, Query()] = None,
    subtype: Annotated[Subtype | None, Query()] = None,
    status: Annotated[HouseholdStatus | None, Query()] = None,
    risk_cause: Annotated[RiskCause | None, Query()] = None,
    helper_user_id: Annotated[str | None, Query(max_length=100)] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=50, description="户主姓名或住址包含")] = None,
    include_cancelled: Annotated[
        bool, Query(description="包含已注销的农户（按 updated_since 同步时应为 true，以获知注销）")
    ] = False,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Response:
    others = (village_code, kind, subtype, status, risk_cause, helper_user_id)
    walked = repository.walked_term(ctx.principal, q, kind, subtype, status, risk_cause, helper_user_id)
    search_index = (
        q is not None
        and not walked
        and await repository.search_index_pays(
            ctx.session, q, other_filters=any(f is not None for f in others), limit=limit
        )
    )
    term_statistics = (
        await repository.term_statistics(ctx.session)
        if walked and repository.needs_term_statistics(q, subtype, status, risk_cause)
        else None
    )
    query = repository.filtered(
        ctx.principal,
        search_index=search_index,
        term_statistics=term_statistics,
        town_code=town_code,
        village_code=village_code,
        kind=kind,
        subtype=subtype,
        status=status,
        risk_cause=risk_cause,
        helper_user_id=helper_user_id,
        q=q,
        updated_since=updated_since,
        include_cancelled=include_cancelled,
        cursor=cursor,
        limit=limit,
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (Household.updated_at, Household.id), cursor=cursor, limit=limit, rows=True
    )
    return page_response(Page[HouseholdOut], rows, next_cursor)


@router.get(
    "/{household_id}",
    response_model=HouseholdOut,
    summary="农户详情 / get a household",
    responses=problem_responses(401, 403, 404, 422),
)
async def get_household(household_id: uuid.UUID, ctx: ReaderCtx) -> JSONResponse:
    out = HouseholdOut.model_validate(await load_household(ctx, household_id))
    return JSONResponse(out.model_dump(mode="json"), headers={"ETag": etag_for(out.version)})


@router.patch(
    "/{household_id}",
    response_model=HouseholdOut,
    summary="修改农户（需 If-Match）/ update a household (If-Match required)",
    responses=problem_responses(400, 401, 403, 404, 412, 422, 428),
)
async def update_household(household_id: uuid.UUID, body: HouseholdUpdate, ctx: WriterCtx) -> JSONResponse:
    household = await service.update(ctx, await load_household(ctx, household_id), body)
    out = HouseholdOut.model_validate(household)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})


@router.get(
    "/{household_id}/members",
    response_model=list[MemberOut],
    summary="家庭成员 / members of a household",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_members(household_id: uuid.UUID, ctx: ReaderCtx) -> list[MemberOut]:
    household = await load_household(ctx, household_id)
    return [
        service.member_out(ctx, m, reveal=True)
        for m in await repository.members_of(ctx.session, household.id)
    ]


@router.post(
    "/{household_id}/members",
    status_code=201,
    response_model=MemberOut,
    summary="登记家庭成员 / add a member",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 422),
)
async def add_member(household_id: uuid.UUID, body: MemberCreate, ctx: WriterCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    member = await service.add_member(ctx, await load_household(ctx, household_id), body)
    out = service.member_out(ctx, member, reveal=False)
    return await ctx.respond(out, status_code=201, headers={"ETag": etag_for(out.version)})


@router.patch(
    "/{household_id}/members/{member_id}",
    response_model=MemberOut,
    summary="修改家庭成员（需 If-Match）/ update a member",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def update_member(
    household_id: uuid.UUID, member_id: uuid.UUID, body: MemberUpdate, ctx: WriterCtx
) -> JSONResponse:
    household = await load_household(ctx, household_id)
    member = await repository.member(ctx.session, household.id, member_id)
    if member is None:
        raise NotFound("成员不存在", "member not found")
    member = await service.update_member(ctx, member, body)
    out = service.member_out(ctx, member, reveal=False)
    return await ctx.respond(out, headers={"ETag": etag_for(out.version)})
