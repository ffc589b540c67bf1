from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path, Query
from fastapi.responses import JSONResponse, Response

from services.monitoring.access import ForceKeeperCtx, ForceReaderCtx, PurchaseRecorderCtx, ReportReaderCtx
from services.monitoring.forces import reports, repository, service
from services.monitoring.forces.schemas import (
    AssignmentIn,
    AssignmentOut,
    AssignmentPatch,
    MemberDeparture,
    PurchaseIn,
    PurchaseOut,
    SocialForceIn,
    SocialForceOut,
    SocialForcePatch,
    TeamIn,
    TeamMemberIn,
    TeamMemberOut,
    TeamOut,
    TeamPatch,
    TrainingIn,
    TrainingOut,
    VillageDesignation,
    VillageOut,
)
from services.monitoring.models import (
    CadreTraining,
    ConsumptionPurchase,
    ForceVillage,
    SocialForce,
    SupportAssignment,
    SupportKind,
    WorkTeam,
)
from shared import clock
from shared.context import RequestContext, etag_for
from shared.errors import problem_responses
from shared.pagination import Cursor, Limit, Page, UpdatedSince, keyset_page
from shared.reports import REPORT_RESPONSES, Report, ReportFormat, report_response
from shared.routing import KitRouter
from shared.schemas import IsoDate, TownCode, VillageCode

router = KitRouter(prefix="/v1/forces", tags=["forces 帮扶力量"])
WRITE = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)
CREATE = problem_responses(400, 401, 403, 404, 409, 422, 503)
LIST = problem_responses(401, 403, 422)
OnDay = Annotated[IsoDate | None, Query(description="只列该日在任的")]
AsOf = Annotated[IsoDate | None, Query(description="统计日期（默认今天）")]
Year = Annotated[int | None, Query(ge=2000, le=2100, description="年度（默认今年）")]
Town = Annotated[TownCode | None, Query()]


async def _respond(
    ctx: RequestContext, out: VillageOut | AssignmentOut | TeamOut | SocialForceOut, status: int = 200
) -> JSONResponse:
    return await ctx.respond(out, status_code=status, headers={"ETag": etag_for(out.version)})


def _village_out(ctx: RequestContext, village: ForceVillage) -> VillageOut:
    out = VillageOut.model_validate(village)
    out.village_name = ctx.component.divisions.name(village.village_code)
    return out


@router.put(
    "/villages/{village_code}",
    response_model=VillageOut,
    summary="认定或修改脱贫村（已有记录需 If-Match）/ mark a village as 脱贫村 or not",
    responses=WRITE,
)
async def designate_village(
    village_code: Annotated[str, Path(pattern=r"^\d{12}$")], body: VillageDesignation, ctx: ForceKeeperCtx
) -> JSONResponse:
    village = await service.designate_village(ctx, village_code, body)
    return await _respond(ctx, _village_out(ctx, village))


@router.get(
    "/villages",
    response_model=Page[VillageOut],
    summary="村的脱贫村标识 / villages and their 脱贫村 flag",
    responses=LIST,
)
async def list_villages(
    ctx: ForceReaderCtx,
    lifted_out_village: Annotated[bool | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[VillageOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.villages(ctx.principal, lifted_out_village, updated_since),
        (ForceVillage.updated_at, ForceVillage.village_code),
        cursor=cursor,
        limit=limit,
    )
    return Page[VillageOut](items=[_village_out(ctx, r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/assignments",
    status_code=201,
    response_model=AssignmentOut,
    summary="登记领导包抓、部门包扶或企业帮建（含任期）/ assign a leader, department or enterprise",
    responses=CREATE,
)
async def assign(body: AssignmentIn, ctx: ForceKeeperCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    assignment = await service.assign(ctx, body)
    return await _respond(ctx, AssignmentOut.model_validate(assignment), 201)


@router.get(
    "/assignments", response_model=Page[AssignmentOut], summary="帮扶责任 / assignments", responses=LIST
)
async def list_assignments(
    ctx: ForceReaderCtx,
    kind: Annotated[SupportKind | None, Query()] = None,
    village_code: Annotated[VillageCode | None, Query()] = None,
    on: OnDay = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[AssignmentOut]:
    query = repository.assignments(
        ctx.principal, kind=kind, village_code=village_code, day=on, updated_since=updated_since
    )
    rows, next_cursor = await keyset_page(
        ctx.session, query, (SupportAssignment.updated_at, SupportAssignment.id), cursor=cursor, limit=limit
    )
    return Page[AssignmentOut](items=[AssignmentOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.patch(
    "/assignments/{assignment_id}",
    response_model=AssignmentOut,
    summary="修改帮扶责任或结束任期（需 If-Match）/ amend or end an assignment",
    responses=WRITE,
)
async def amend_assignment(
    assignment_id: uuid.UUID, body: AssignmentPatch, ctx: ForceKeeperCtx
) -> JSONResponse:
    assignment = await service.amend_assignment(ctx, assignment_id, body)
    return await _respond(ctx, AssignmentOut.model_validate(assignment))


async def _team_out(ctx: RequestContext, team: WorkTeam) -> TeamOut:
    out = TeamOut.model_validate(team)
    out.members = [
        TeamMemberOut.model_validate(m) for m in await repository.members_of(ctx.session, [team.id])
    ]
    return out


@router.post(
    "/teams",
    status_code=201,
    response_model=TeamOut,
    summary="选派驻村工作队（第一书记、队员、派出单位、任期；轮换指明被接替的工作队）/ send a work team",
    responses=CREATE,
)
async def form_team(body: TeamIn, ctx: ForceKeeperCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    team, _ = await service.form_team(ctx, body)
    return await _respond(ctx, await _team_out(ctx, team), 201)


@router.get(
    "/teams",
    response_model=Page[TeamOut],
    summary="驻村工作队（含历任）/ work teams, past ones included",
    responses=LIST,
)
async def list_teams(
    ctx: ForceReaderCtx,
    village_code: Annotated[VillageCode | None, Query()] = None,
    on: OnDay = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[TeamOut]:
    query = repository.teams(ctx.principal, village_code=village_code, day=on, updated_since=updated_since)
    rows, next_cursor = await keyset_page(
        ctx.session, query, (WorkTeam.updated_at, WorkTeam.id), cursor=cursor, limit=limit
    )
    members = await repository.members_of(ctx.session, [r.id for r in rows])
    items = []
    for row in rows:
        out = TeamOut.model_validate(row)
        out.members = [TeamMemberOut.model_validate(m) for m in members if m.team_id == row.id]
        items.append(out)
    return Page[TeamOut](items=items, next_cursor=next_cursor)


@router.get(
    "/teams/{team_id}",
    response_model=TeamOut,
    summary="驻村工作队 / a work team",
    responses=problem_responses(401, 403, 404),
)
async def get_team(team_id: uuid.UUID, ctx: ForceReaderCtx) -> JSONResponse:
    return await _respond(ctx, await _team_out(ctx, await service.load_team(ctx, team_id)))


@router.patch(
    "/teams/{team_id}",
    response_model=TeamOut,
    summary="修改派出单位或任期（需 If-Match）/ amend a team",
    responses=WRITE,
)
async def amend_team(team_id: uuid.UUID, body: TeamPatch, ctx: ForceKeeperCtx) -> JSONResponse:
    team = await service.amend_team(ctx, team_id, body)
    return await _respond(ctx, await _team_out(ctx, team))


@router.post(
    "/teams/{team_id}/members",
    status_code=201,
    response_model=TeamMemberOut,
    summary="队员入队或第一书记接任（需工作队的 If-Match）/ a member joins the team",
    responses=WRITE,
)
async def join_team(team_id: uuid.UUID, body: TeamMemberIn, ctx: ForceKeeperCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    member = await service.join_team(ctx, team_id, body)
    return await ctx.respond(TeamMemberOut.model_validate(member), status_code=201)


@router.post(
    "/teams/{team_id}/members/{member_id}/departure",
    response_model=TeamMemberOut,
    summary="队员离队（需工作队的 If-Match；记录保留）/ a member leaves the team",
    responses=WRITE,
)
async def leave_team(
    team_id: uuid.UUID, member_id: uuid.UUID, body: MemberDeparture, ctx: ForceKeeperCtx
) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    member = await service.leave_team(ctx, team_id, member_id, body)
    return await ctx.respond(TeamMemberOut.model_validate(member))


@router.post(
    "/trainings",
    status_code=201,
    response_model=TrainingOut,
    summary="驻村干部培训 / a cadre's training",
    responses=CREATE,
)
async def record_training(body: TrainingIn, ctx: ForceKeeperCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    training = await service.record_training(ctx, body)
    return await ctx.respond(TrainingOut.model_validate(training), status_code=201)


@router.get(
    "/trainings", response_model=Page[TrainingOut], summary="驻村干部培训 / trainings", responses=LIST
)
async def list_trainings(
    ctx: ForceReaderCtx,
    team_id: Annotated[uuid.UUID | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[TrainingOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.trainings(ctx.principal, team_id, updated_since),
        (CadreTraining.updated_at, CadreTraining.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[TrainingOut](items=[TrainingOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.post(
    "/social-forces",
    status_code=201,
    response_model=SocialForceOut,
    summary="万企兴万村企业、社会组织、科技特派员、产业顾问组结对村 / link a social force to a village",
    responses=CREATE,
)
async def link_social_force(body: SocialForceIn, ctx: ForceKeeperCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    force = await service.link_social_force(ctx, body)
    return await _respond(ctx, SocialForceOut.model_validate(force), 201)


@router.get(
    "/social-forces",
    response_model=Page[SocialForceOut],
    summary="社会帮扶力量 / social forces",
    responses=LIST,
)
async def list_social_forces(
    ctx: ForceReaderCtx,
    village_code: Annotated[VillageCode | None, Query()] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[SocialForceOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.social_forces(ctx.principal, village_code, updated_since),
        (SocialForce.updated_at, SocialForce.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[SocialForceOut](
        items=[SocialForceOut.model_validate(r) for r in rows], next_cursor=next_cursor
    )


@router.patch(
    "/social-forces/{force_id}",
    response_model=SocialForceOut,
    summary="修改帮扶内容或结束结对（需 If-Match）/ amend a social force",
    responses=WRITE,
)
async def amend_social_force(
    force_id: uuid.UUID, body: SocialForcePatch, ctx: ForceKeeperCtx
) -> JSONResponse:
    force = await service.amend_social_force(ctx, force_id, body)
    return await _respond(ctx, SocialForceOut.model_validate(force))


@router.post(
    "/purchases",
    status_code=201,
    response_model=PurchaseOut,
    summary="登记消费帮扶（单位采购帮扶产品）/ record a purchase of assistance products",
    responses=CREATE,
)
async def record_purchase(body: PurchaseIn, ctx: PurchaseRecorderCtx) -> JSONResponse:
    if (replay := await ctx.idempotent_replay(body)) is not None:
        return replay
    purchase = await service.record_purchase(ctx, body)
    return await ctx.respond(PurchaseOut.model_validate(purchase), status_code=201)


@router.get(
    "/purchases", response_model=Page[PurchaseOut], summary="消费帮扶采购 / purchases", responses=LIST
)
async def list_purchases(
    ctx: ForceReaderCtx,
    purchasing_unit: Annotated[str | None, Query(max_length=100)] = None,
    updated_since: UpdatedSince = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> Page[PurchaseOut]:
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.purchases(ctx.principal, purchasing_unit, updated_since),
        (ConsumptionPurchase.updated_at, ConsumptionPurchase.id),
        cursor=cursor,
        limit=limit,
    )
    return Page[PurchaseOut](items=[PurchaseOut.model_validate(r) for r in rows], next_cursor=next_cursor)


@router.get(
    "/reports/coverage",
    response_model=Report,
    summary="脱贫村帮扶力量与帮扶责任人覆盖（某日）/ coverage of every 脱贫村 on a date",
    responses=REPORT_RESPONSES,
)
async def coverage_report(
    ctx: ReportReaderCtx, as_of: AsOf = None, town_code: Town = None, format: ReportFormat = "json"
) -> Response:
    return report_response(await reports.coverage(ctx, as_of or clock.today(), town_code), format)


@router.get(
    "/reports/gaps",
    response_model=Report,
    summary="脱贫村帮扶力量缺位清单（某日）/ the gaps on a date",
    responses=REPORT_RESPONSES,
)
async def gaps_report(
    ctx: ReportReaderCtx, as_of: AsOf = None, town_code: Town = None, format: ReportFormat = "json"
) -> Response:
    return report_response(await reports.gaps(ctx, as_of or clock.today(), town_code), format)


@router.get(
    "/reports/team-activity",
    response_model=Report,
    summary="驻村工作队工作情况（昼访夜谈、培训）/ per-team activity in a year",
    responses=REPORT_RESPONSES,
)
async def team_activity_report(
    ctx: ReportReaderCtx, year: Year = None, town_code: Town = None, format: ReportFormat = "json"
) -> Response:
    return report_response(await reports.team_activity(ctx, year or clock.today().year, town_code), format)


@router.get(
    "/reports/consumption",
    response_model=Report,
    summary="消费帮扶按采购单位汇总（年度）/ purchases per unit in a year",
    responses=REPORT_RESPONSES,
)
async def consumption_report(
    ctx: ReportReaderCtx, year: Year = None, town_code: Town = None, format: ReportFormat = "json"
) -> Response:
    return report_response(await reports.consumption(ctx, year or clock.today().year, town_code), format)
