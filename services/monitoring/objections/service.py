"""公示异议 as records: lodged during a public notice (识别纳入 or 风险消除), handled with a finding.

An objection found upheld sends the case back — inclusion to verification, elimination to the
household check — through the workflow's ``object`` / ``object_elimination`` step (the only way
those steps are taken); one dismissed leaves the notice running. The notice cannot close while an
objection of the household is open (``workflow.service._close_notice``: 409 ``open_objection``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from services.monitoring.models import (
    EliminationStage,
    Household,
    HouseholdStatus,
    NoticeProcedure,
    Objection,
    ObjectionStatus,
)
from services.monitoring.objections import repository
from services.monitoring.objections.schemas import Finding, FindingIn, ObjectionIn
from services.monitoring.workflow import service as workflow
from services.monitoring.workflow.schemas import Action, TransitionIn
from shared import clock
from shared.context import RequestContext
from shared.errors import Conflict, NotFound, ValidationFailed

# The place of each procedure's public notice, and the step an upheld objection takes from it.
NOTICES = {
    NoticeProcedure.INCLUSION: (workflow.Place(HouseholdStatus.PUBLIC_NOTICE), Action.OBJECT),
    NoticeProcedure.ELIMINATION: (
        workflow.Place(HouseholdStatus.INCLUDED, EliminationStage.PUBLIC_NOTICE),
        Action.OBJECT_ELIMINATION,
    ),
}


class NoPublicNotice(Conflict):
    code = "no_public_notice"
    title_zh, title_en = "农户当前不在公示期", "The household is not under public notice"


class ObjectionClosed(Conflict):
    code = "objection_closed"
    title_zh, title_en = "该异议已处理", "The objection has already been handled"


def running_notice(household: Household) -> NoticeProcedure | None:
    place = workflow.place_of(household)
    return next((p for p, (notice, _) in NOTICES.items() if notice == place), None)


async def lodge(ctx: RequestContext, household: Household, data: ObjectionIn) -> Objection:
    """Record an objection to the notice now running (the household is locked: a notice closing
    at the same moment waits, and then sees it open)."""
    procedure = running_notice(household)
    if procedure is None or household.notice_posted_on is None:
        raise NoPublicNotice(
            f"农户当前状态为「{workflow.place_of(household).label}」，不在公示期，不能登记公示异议",
            "no public notice is running",
        )
    today = clock.today()
    lodged_on = data.lodged_on or today
    if not household.notice_posted_on <= lodged_on <= today:
        raise ValidationFailed(
            "body.lodged_on",
            f"异议提出日期须在公示张贴（{household.notice_posted_on.isoformat()}）之后、不晚于今天",
            "lodged_on must lie between the notice and today",
        )
    objection = Objection(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        procedure=procedure,
        notice_posted_on=household.notice_posted_on,
        objector_name=data.objector_name,
        content=data.content,
        lodged_on=lodged_on,
        recorded_by=ctx.principal.subject,
        recorded_by_role=ctx.principal.role.value,
    )
    ctx.session.add(objection)
    await ctx.session.flush()
    # The objector's name stays in the record, not in the audit trail.
    await ctx.audit(
        "lodge",
        "objection",
        objection.id,
        {"household_id": household.id, "procedure": procedure.value, "anonymous": data.objector_name is None},
    )
    return objection


async def handle(
    ctx: RequestContext, household: Household, objection_id: uuid.UUID, data: FindingIn
) -> Objection:
    """Record the finding, closing the objection; upheld sends the case back if its notice still runs."""
    objection = await repository.get_for_update(ctx.session, household.id, objection_id)
    if objection is None:
        raise NotFound("异议不存在或不在您的数据范围内", "objection not found")
    ctx.require_if_match(objection.version)
    if objection.status is not ObjectionStatus.OPEN:
        raise ObjectionClosed(f"该异议已于 {objection.handled_at:%Y-%m-%d} 处理：{objection.status.label}")
    upheld = data.finding is Finding.UPHELD
    objection.status = ObjectionStatus.UPHELD if upheld else ObjectionStatus.DISMISSED
    objection.finding = data.note
    objection.handled_by = ctx.principal.subject
    objection.handled_by_role = ctx.principal.role.value
    objection.handled_at = datetime.now(UTC)
    await ctx.session.flush()
    await ctx.audit(
        "handle", "objection", objection.id, {"household_id": household.id, "finding": objection.status.value}
    )
    notice, send_back = NOTICES[objection.procedure]
    still_running = (
        workflow.place_of(household) == notice and household.notice_posted_on == objection.notice_posted_on
    )
    if upheld and still_running:
        ctx.principal.require_role(*workflow.STEPS[send_back].roles_for(notice))
        await workflow.take(
            ctx, household, TransitionIn(action=send_back, reason=f"公示异议成立：{data.note}")
        )
    return objection
