"""乡村公益性岗位: posts in villages, each held by at most one worker at a time and a worker
holding at most one post (both enforced by partial unique indexes); the headcount is reported
against its level on 1 January (保持乡村公益性岗位规模总体稳定).

Who may hold one (人社部等《关于进一步做好乡村公益性岗位开发管理有关工作的通知》: 优先安置
"就业困难的脱贫人口和防止返贫监测对象"): a member of a 脱贫户 or a monitored household, able to
work (not 丧失劳动力 / 无劳动力), without a main job on the first day, and hard to employ
elsewhere (《就业促进法》第五十二条): weak or half labour (弱劳动力或半劳动力, 身体状况), or no
main job for ``post_hard_to_employ_months`` before the first day (连续失业). Allowances are paid
monthly, once per holding and month, never above the post's monthly allowance.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.exc import IntegrityError

from services.employment.access import visible_worker
from services.employment.models import (
    Post,
    PostAllowancePayment,
    PostHolding,
    ProjectedHousehold,
    ProjectedMember,
    Worker,
)
from services.employment.posts import repository
from services.employment.posts.schemas import AllowanceCreate, HoldingCreate, HoldingEnd, PostCreate
from services.employment.settings import EmploymentSettings
from shared import clock
from shared.context import RequestContext
from shared.errors import Conflict, InvalidTransition, ValidationFailed

# monitoring's LabourCapacity values, as the projection stores them
UNABLE_TO_WORK = ("lost", "none")
WEAK_LABOUR = "weak"
MONITORED = "included"


class NotEligible(Conflict):
    code = "post_not_eligible"
    title_zh, title_en = "不符合公益性岗位安置条件", "Worker not eligible for a public-welfare post"


class AllowancePaid(Conflict):
    code = "allowance_paid"
    title_zh, title_en = "该月岗位补贴已发放", "Allowance already paid for this month"


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day where it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


async def check_eligible(ctx: RequestContext, worker: Worker, started_on: date) -> None:
    household = await ctx.session.get(ProjectedHousehold, worker.household_id)
    member = await ctx.session.get(ProjectedMember, worker.member_id)
    if household is None or member is None or not member.active:
        raise NotEligible("该人员的农户或家庭成员信息不在监测名单中", "household or member not known")
    if not (household.lifted_out or household.status == MONITORED):
        raise NotEligible("仅脱贫人口或防返贫监测对象可安置公益性岗位", "neither lifted out nor monitored")
    if member.labour in UNABLE_TO_WORK:
        raise NotEligible("无劳动能力人员不能安置公益性岗位", "not able to work")
    months = ctx.settings_as(EmploymentSettings).post_hard_to_employ_months
    if await repository.main_job_between(ctx.session, worker.id, started_on, started_on):
        raise NotEligible("该人员上岗日有其他主要就业，不属于就业困难人员", "holds a main job on that day")
    if member.labour != WEAK_LABOUR and await repository.main_job_between(
        ctx.session, worker.id, months_before(started_on, months), started_on
    ):
        raise NotEligible(
            f"就业困难人员须为弱劳动力或半劳动力，或上岗前连续 {months} 个月无主要就业",
            "not hard to employ: had a main job within the period",
        )


class PostTaken(Conflict):
    code = "post_taken"
    title_zh, title_en = (
        "岗位已有在岗人员或该人员已在其他岗位",
        "Post already held, or worker holds another post",
    )


def is_stable(baseline: int, holders: int, tolerance_percent: int) -> bool:
    """Within ± tolerance of the baseline; with no baseline, only no holders is the same level."""
    if not baseline:
        return holders == 0
    return abs(holders - baseline) * 100 <= tolerance_percent * baseline


def change_percent(baseline: int, holders: int) -> float | None:
    return round((holders - baseline) * 100 / baseline, 1) if baseline else None


async def create_post(ctx: RequestContext, data: PostCreate) -> Post:
    ctx.component.divisions.require_town(data.town_code)
    ctx.component.divisions.require_village(data.village_code, data.town_code)
    ctx.principal.require_may_write_in(data.village_code)
    post = Post(**data.model_dump())
    ctx.session.add(post)
    await ctx.session.flush()
    await ctx.audit("create", "post", post.id, data.model_dump())
    return post


async def assign(ctx: RequestContext, post: Post, data: HoldingCreate) -> PostHolding:
    worker = await visible_worker(ctx, data.worker_id)
    if worker.town_code != post.town_code:
        raise ValidationFailed("worker_id", "岗位只能由本镇务工人员担任", "worker lives in another town")
    if data.started_on > clock.today():
        raise ValidationFailed("started_on", "上岗日期不能晚于今天", "started_on is in the future")
    if await repository.open_holding(ctx.session, post.id) or await repository.worker_holds_post(
        ctx.session, worker.id
    ):
        raise PostTaken()
    await check_eligible(ctx, worker, data.started_on)
    holding = PostHolding(
        post_id=post.id, worker_id=worker.id, town_code=post.town_code, started_on=data.started_on
    )
    ctx.session.add(holding)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:  # a concurrent assignment won
        raise PostTaken() from exc
    await ctx.audit("assign", "post", post.id, {"worker_id": worker.id, "started_on": data.started_on})
    return holding


async def release(ctx: RequestContext, post: Post, data: HoldingEnd) -> PostHolding:
    holding = await repository.open_holding(ctx.session, post.id)
    if holding is None:
        raise InvalidTransition("该岗位当前无人在岗", "nobody holds this post")
    if data.ended_on > clock.today() or data.ended_on < holding.started_on:
        raise ValidationFailed("ended_on", "离岗日期须在上岗日期与今天之间", "ended_on out of range")
    holding.ended_on = data.ended_on
    await ctx.session.flush()
    await ctx.audit("release", "post", post.id, {"worker_id": holding.worker_id, "ended_on": data.ended_on})
    return holding


async def pay_allowance(ctx: RequestContext, post: Post, data: AllowanceCreate) -> PostAllowancePayment:
    """One month's allowance to whoever held the post in that month (the holding named)."""
    ctx.principal.require_may_write_in(post.village_code)
    holding = await repository.holding_of(ctx.session, post.id, data.holding_id)
    if holding is None:
        raise ValidationFailed("holding_id", "该岗位没有此在岗记录", "no such holding of this post")
    month = date.fromisoformat(f"{data.month}-01")
    first_month = holding.started_on.replace(day=1)
    last_month = (holding.ended_on or clock.today()).replace(day=1)
    if not first_month <= month <= min(last_month, clock.today().replace(day=1)):
        raise ValidationFailed("month", "补贴月份须在在岗期间内且不晚于本月", "month outside the holding")
    if data.amount > post.monthly_allowance:
        raise ValidationFailed(
            "amount",
            f"补贴金额不能超过岗位月补贴 {post.monthly_allowance:.2f} 元",
            "above the post's allowance",
        )
    if data.paid_on > clock.today() or data.paid_on < month:
        raise ValidationFailed("paid_on", "发放日期须在补贴月份之后且不晚于今天", "paid_on out of range")
    payment = PostAllowancePayment(
        holding_id=holding.id,
        post_id=post.id,
        worker_id=holding.worker_id,
        town_code=post.town_code,
        village_code=post.village_code,
        month=month,
        amount=data.amount,
        paid_on=data.paid_on,
    )
    ctx.session.add(payment)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:  # this month is paid already (or concurrently)
        raise AllowancePaid("该在岗记录此月份的补贴已发放", "allowance already paid") from exc
    await ctx.audit("pay_allowance", "post", post.id, data.model_dump())
    return payment
