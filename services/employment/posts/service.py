"""乡村公益性岗位: posts in villages, each held by at most one worker at a time and a worker
holding at most one post (both enforced by partial unique indexes); the headcount is reported
against its level on 1 January (保持乡村公益性岗位规模总体稳定).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.exc import IntegrityError

from services.employment.access import visible_worker
from services.employment.models import Post, PostHolding
from services.employment.posts import repository
from services.employment.posts.schemas import HoldingCreate, HoldingEnd, PostCreate
from shared.context import RequestContext
from shared.errors import Conflict, InvalidTransition, ValidationFailed


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
    if data.started_on > date.today():
        raise ValidationFailed("started_on", "上岗日期不能晚于今天", "started_on is in the future")
    if await repository.open_holding(ctx.session, post.id) or await repository.worker_holds_post(
        ctx.session, worker.id
    ):
        raise PostTaken()
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
    if data.ended_on > date.today() or data.ended_on < holding.started_on:
        raise ValidationFailed("ended_on", "离岗日期须在上岗日期与今天之间", "ended_on out of range")
    holding.ended_on = data.ended_on
    await ctx.session.flush()
    await ctx.audit("release", "post", post.id, {"worker_id": holding.worker_id, "ended_on": data.ended_on})
    return holding
