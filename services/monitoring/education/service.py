"""义务教育有保障 (seed §一(二)): 控辍保学 cases for children of compulsory-school age.

Opening a case marks the child ``out_of_school`` (what screening's dropout line reads); closing it
with the child back at school marks them ``compulsory`` again. One unclosed case per child, also in
the database. The age bound is the screening's (settings ``school_age_min`` / ``school_age_max``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from services.monitoring.dates import age_on
from services.monitoring.education.events import DROPOUT_OPENED, DropoutOpened
from services.monitoring.education.repository import open_dropouts
from services.monitoring.education.schemas import ClosureIn, DropoutIn, FollowUpIn
from services.monitoring.households import repository as households
from services.monitoring.models import DropoutCase, DropoutOutcome, DropoutStatus, Household, Schooling
from services.monitoring.settings import MonitoringSettings
from shared.context import RequestContext
from shared.errors import InvalidTransition, NotFound, ValidationFailed
from shared.reports import Report


def _not_future(field: str, day: date) -> None:
    if day > date.today():
        raise ValidationFailed(field, "日期不能晚于今天", "the date is in the future")


async def open_case(ctx: RequestContext, household: Household, data: DropoutIn) -> DropoutCase:
    _not_future("body.opened_on", data.opened_on)
    member = await households.member(ctx.session, household.id, data.member_id)
    if member is None or member.left_on is not None:
        raise NotFound("该户没有此在册成员", "no such active member in the household")
    settings = ctx.settings_as(MonitoringSettings)
    age = age_on(member.birth_date, data.opened_on)
    if not settings.school_age_min <= age <= settings.school_age_max:
        raise ValidationFailed(
            "body.member_id",
            f"控辍保学对象须为义务教育适龄（{settings.school_age_min}–{settings.school_age_max} 岁），"
            f"该成员 {age} 岁",
            "the member is not of compulsory-school age",
        )
    case = DropoutCase(
        household_id=household.id,
        member_id=member.id,
        town_code=household.town_code,
        village_code=household.village_code,
        opened_on=data.opened_on,
        reason=data.reason,
        status=DropoutStatus.OPEN,
    )
    ctx.session.add(case)
    member.schooling = Schooling.OUT_OF_SCHOOL
    await ctx.session.flush()
    await ctx.audit("open", "dropout_case", case.id, data.model_dump())
    await ctx.publish(
        DROPOUT_OPENED,
        case.id,
        DropoutOpened(
            case_id=case.id,
            household_id=household.id,
            member_id=member.id,
            town_code=household.town_code,
            village_code=household.village_code,
            opened_on=data.opened_on,
        ),
    )
    return case


async def follow_up(ctx: RequestContext, case: DropoutCase, data: FollowUpIn) -> DropoutCase:
    ctx.require_if_match(case.version)
    if case.status is DropoutStatus.CLOSED:
        raise InvalidTransition("已销案的控辍保学案不能再跟进", "the case is closed")
    _not_future("body.followed_on", data.followed_on)
    if data.followed_on < case.opened_on:
        raise ValidationFailed("body.followed_on", "跟进日期不能早于立案日期", "followed before opened")
    case.status = DropoutStatus.FOLLOWING
    case.follow_ups += 1
    case.last_followed_on = max(data.followed_on, case.last_followed_on or data.followed_on)
    case.last_follow_up = data.note
    await ctx.session.flush()
    await ctx.audit("follow_up", "dropout_case", case.id, data.model_dump())
    return case


async def close(ctx: RequestContext, case: DropoutCase, data: ClosureIn) -> DropoutCase:
    ctx.require_if_match(case.version)
    if case.status is not DropoutStatus.FOLLOWING:
        # A case is closed after the child has been followed up at least once (劝返), never unseen.
        raise InvalidTransition("须先劝返跟进，方可销案", "only a followed case can be closed")
    _not_future("body.closed_on", data.closed_on)
    if data.closed_on < case.opened_on:
        raise ValidationFailed("body.closed_on", "销案日期不能早于立案日期", "closed before opened")
    case.status = DropoutStatus.CLOSED
    case.outcome = data.outcome
    case.closed_on = data.closed_on
    member = await households.member(ctx.session, case.household_id, case.member_id)
    if member is not None and data.outcome is DropoutOutcome.RETURNED:
        member.schooling = Schooling.COMPULSORY
    elif member is not None and data.outcome is DropoutOutcome.OVER_AGE:
        member.schooling = Schooling.NOT_APPLICABLE
    elif member is not None:
        member.schooling = Schooling.COMPULSORY  # 送教上门 / special school: still schooled
    await ctx.session.flush()
    await ctx.audit("close", "dropout_case", case.id, data.model_dump())
    return case


async def dropouts_report(ctx: RequestContext, *, as_of: date, town_code: str | None) -> Report:
    """ "义务教育阶段辍学人数为零": the unclosed cases at the date are the exceptions."""
    prefix = ctx.principal.division_prefix
    if town_code:
        prefix = town_code if prefix is None or town_code.startswith(prefix) else "-"
    rows: list[dict[str, Any]] = await open_dropouts(ctx.session, as_of=as_of, prefix=prefix)
    labels = {s.value: s.label for s in DropoutStatus}
    for row in rows:
        row["household_id"] = str(row["household_id"])
        row["status"] = labels[row["status"]]
    return Report.of(
        "dropouts",
        f"控辍保学：义务教育阶段未销案辍学学生（应为零，截至 {as_of.isoformat()}）",
        [
            ("town_code", "乡镇代码"),
            ("village_code", "村代码"),
            ("household_id", "农户编号"),
            ("head_name", "户主"),
            ("member_name", "学生"),
            ("opened_on", "立案日期"),
            ("status", "状态"),
            ("follow_ups", "跟进次数"),
            ("last_followed_on", "最近跟进"),
        ],
        rows,
    )
