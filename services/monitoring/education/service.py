"""义务教育有保障 (seed §一(二)): 控辍保学 cases for children of compulsory-school age.

Opening a case marks the child ``out_of_school`` (what screening's dropout line reads); closing it
with the child back at school marks them ``compulsory`` again. One unclosed case per child, also in
the database. The age bound is the screening's (settings ``school_age_min`` / ``school_age_max``).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from services.monitoring.dates import age_on
from services.monitoring.education import repository
from services.monitoring.education.events import (
    DROPOUT_OPENED,
    VOCATIONAL_GRADUATED,
    DropoutOpened,
    VocationalGraduated,
)
from services.monitoring.education.schemas import (
    AidIn,
    ClosureIn,
    DropoutIn,
    FollowUpIn,
    VocationalEndIn,
    VocationalIn,
)
from services.monitoring.households import repository as households
from services.monitoring.models import (
    DropoutCase,
    DropoutOutcome,
    DropoutStatus,
    Household,
    HouseholdKind,
    HouseholdStatus,
    Member,
    Schooling,
    StudentAid,
    Term,
    VocationalStatus,
    VocationalStudent,
)
from services.monitoring.settings import MonitoringSettings
from shared import clock
from shared.context import RequestContext
from shared.errors import InvalidTransition, NotFound, ValidationFailed
from shared.reports import Report


def _not_future(field: str, day: date) -> None:
    if day > clock.today():
        raise ValidationFailed(field, "日期不能晚于今天", "the date is in the future")


async def open_case(
    ctx: RequestContext, household: Household, data: DropoutIn, *, origin_ref: str | None = None
) -> DropoutCase:
    _not_future("body.opened_on", data.opened_on)
    member = await _active_member(ctx, household, data.member_id)
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
        origin_ref=origin_ref,
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


def current_term(today: date) -> tuple[int, Term]:
    """The term a date falls in: spring until August, autumn from September (the school calendar)."""
    return today.year, (Term.AUTUMN if today.month >= 9 else Term.SPRING)


def eligible(household: Household) -> bool:
    """脱贫户 and monitored households: their students are owed aid, their 中职 students 雨露计划."""
    return household.kind is HouseholdKind.LIFTED_OUT or household.status in (
        HouseholdStatus.INCLUDED,
        HouseholdStatus.SAFETY_NET,
    )


async def _active_member(ctx: RequestContext, household: Household, member_id: uuid.UUID) -> Member:
    member = await households.member(ctx.session, household.id, member_id)
    if member is None or member.left_on is not None:
        raise NotFound("该户没有此在册成员", "no such active member in the household")
    return member


async def grant_aid(
    ctx: RequestContext, household: Household, data: AidIn, *, origin_ref: str | None = None
) -> StudentAid:
    _not_future("body.granted_on", data.granted_on)
    member = await _active_member(ctx, household, data.member_id)
    aid = StudentAid(
        household_id=household.id,
        member_id=member.id,
        town_code=household.town_code,
        village_code=household.village_code,
        origin_ref=origin_ref,
        **data.model_dump(exclude={"member_id"}),
    )
    ctx.session.add(aid)
    await ctx.session.flush()
    await ctx.audit("create", "student_aid", aid.id, data.model_dump())
    return aid


async def enrol(ctx: RequestContext, household: Household, data: VocationalIn) -> VocationalStudent:
    if not eligible(household):
        raise ValidationFailed(
            "body.member_id",
            "雨露计划仅面向脱贫户和监测对象家庭的学生",
            "only students of eligible households",
        )
    _not_future("body.enrolled_on", data.enrolled_on)
    member = await _active_member(ctx, household, data.member_id)
    student = VocationalStudent(
        household_id=household.id,
        member_id=member.id,
        town_code=household.town_code,
        village_code=household.village_code,
        school=data.school,
        major=data.major,
        enrolled_on=data.enrolled_on,
        status=VocationalStatus.ENROLLED,
    )
    ctx.session.add(student)
    await ctx.session.flush()
    await ctx.audit("create", "vocational_student", student.id, data.model_dump())
    return student


async def end_studies(
    ctx: RequestContext, student: VocationalStudent, data: VocationalEndIn
) -> VocationalStudent:
    ctx.require_if_match(student.version)
    if student.status is not VocationalStatus.ENROLLED:
        raise InvalidTransition("该学生已毕业或退学", "the student is no longer enrolled")
    if data.status is VocationalStatus.ENROLLED:
        raise ValidationFailed("body.status", "请选择毕业或中途退学", "graduated or left")
    if (data.status is VocationalStatus.GRADUATED) != (data.next_step is not None):
        raise ValidationFailed(
            "body.next_step", "毕业须填写毕业去向，退学不填", "a graduate's next step, only"
        )
    _not_future("body.ended_on", data.ended_on)
    if data.ended_on < student.enrolled_on:
        raise ValidationFailed("body.ended_on", "毕业或退学日期不能早于入学日期", "ended before enrolled")
    student.status = data.status
    student.ended_on = data.ended_on
    student.next_step = data.next_step
    student.next_step_note = data.next_step_note
    await ctx.session.flush()
    await ctx.audit("end", "vocational_student", student.id, data.model_dump())
    if data.next_step is not None:
        await ctx.publish(
            VOCATIONAL_GRADUATED,
            student.id,
            VocationalGraduated(
                student_id=student.id,
                household_id=student.household_id,
                member_id=student.member_id,
                town_code=student.town_code,
                village_code=student.village_code,
                graduated_on=data.ended_on,
                next_step=data.next_step.value,
            ),
        )
    return student


def _prefix(ctx: RequestContext, town_code: str | None) -> str | None:
    prefix = ctx.principal.division_prefix
    if town_code:
        prefix = town_code if prefix is None or town_code.startswith(prefix) else "-"
    return prefix


def _term_label(year: int, term: Term) -> str:
    return f"{year}年{term.label}"


async def per_town_report(ctx: RequestContext, *, year: int, term: Term, town_code: str | None) -> Report:
    """义务教育有保障 per town: students of eligible households, how many aided this term, open dropouts."""
    rows: list[dict[str, Any]] = await repository.per_town(
        ctx.session, year=year, term=term.value, prefix=_prefix(ctx, town_code)
    )
    for row in rows:
        row["town_name"] = ctx.component.divisions.name(str(row["town_code"])) or ""
        row["met"] = "是" if row["dropouts"] == 0 and row["unaided"] == 0 else "否"
    return Report.of(
        "education",
        f"教育保障：辍学为零、困难学生应助尽助（{_term_label(year, term)}）",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("students", "脱贫户和监测对象家庭在校生"),
            ("aided", "本学期已资助"),
            ("unaided", "未资助"),
            ("dropouts", "未销案辍学"),
            ("met", "是否达标"),
        ],
        rows,
    )


async def exceptions_report(ctx: RequestContext, *, year: int, term: Term, town_code: str | None) -> Report:
    """The exceptions to "dropouts = 0 and every eligible student aided": each open dropout case and
    each eligible student without aid this term."""
    rows: list[dict[str, Any]] = await repository.exceptions(
        ctx.session, year=year, term=term.value, prefix=_prefix(ctx, town_code)
    )
    problems = {"dropout": "辍学未销案", "unaided": "本学期未获资助"}
    for row in rows:
        row["household_id"] = str(row["household_id"])
        row["problem"] = problems[row["problem"]]
    return Report.of(
        "education-exceptions",
        f"教育保障例外清单（{_term_label(year, term)}）",
        [
            ("town_code", "乡镇代码"),
            ("village_code", "村代码"),
            ("problem", "问题"),
            ("household_id", "农户编号"),
            ("head_name", "户主"),
            ("member_name", "学生"),
            ("opened_on", "辍学立案日期"),
        ],
        rows,
    )
