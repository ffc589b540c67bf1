"""Monitoring's households and members as micro-credit sees them: the reference projection, and the
rules for naming a borrower (domain §5: an id that names another service's record is a claim).

A loan names a household and a member of it by monitoring's ids. Anyone who once saw an id can
type it, so it proves nothing: a loan is recorded only if the projection holds both, they lie in
the caller's territory, the member still belongs to that household (and has not left it), the
household is not cancelled (注销), the loan's village is the household's, and the household may
borrow (脱贫户, or a household monitored now — domain §3) as the kind the loan states. Unknown and
out-of-territory ids answer alike; everything after that concerns records the caller may see, so
it may say what is wrong.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from services.funds.microcredit import repository
from services.funds.microcredit.events import HOUSEHOLD_CHANGED, MEMBER_CHANGED
from services.funds.microcredit.repository import ProjectedBorrower
from services.funds.microcredit.schemas import LoanCreate
from services.funds.models import MONITORED, BorrowerKind, ProjectedHousehold, ProjectedMember
from shared.context import RequestContext
from shared.errors import AppError, ValidationFailed
from shared.events.consumer import EventContext
from shared.projections import apply_newer

SOURCE = "monitoring"
HOUSEHOLDS = cast(Table, ProjectedHousehold.__table__)
MEMBERS = cast(Table, ProjectedMember.__table__)


class NotEligible(AppError):
    status, code = 422, "not_eligible"
    title_zh, title_en = "该户不属于小额信贷支持对象", "The household is not eligible for micro-credit"

    def __init__(self) -> None:
        super().__init__(
            "小额信贷仅支持脱贫户和已纳入监测的监测对象户",
            "micro-credit is for households lifted out of poverty and monitored households",
        )


def kinds_of(household: ProjectedHousehold) -> set[BorrowerKind]:
    """As what the household may borrow: as 脱贫人口 if it is a 脱贫户, as 监测对象 while monitored
    (a 脱贫不稳定户 is both)."""
    kinds = set()
    if household.lifted_out:
        kinds.add(BorrowerKind.LIFTED_OUT)
    if household.status == MONITORED:
        kinds.add(BorrowerKind.MONITORED)
    return kinds


def disagreement(
    household: ProjectedHousehold, borrower: ProjectedBorrower, data: LoanCreate
) -> AppError | None:
    """Why the loan cannot be recorded for this (visible) household and member, if it cannot."""
    if household.cancelled_on is not None:
        return ValidationFailed(
            "household_id",
            f"该户已于 {household.cancelled_on.isoformat()} 注销，不再是小额信贷支持对象",
            "the household was cancelled",
        )
    if borrower.member.household_id != household.id:
        return ValidationFailed("member_id", "借款人不是该户成员", "the member is not of that household")
    if not borrower.member.active:
        return ValidationFailed("member_id", "借款人已迁出或已故", "the member has left the household")
    if data.village_code != household.village_code:
        return ValidationFailed("village_code", "须与借款农户所在村一致", "not the household's village")
    kinds = kinds_of(household)
    if not kinds:
        return NotEligible()
    if data.borrower_kind not in kinds:
        label = "、".join(k.label for k in BorrowerKind if k in kinds)
        return ValidationFailed("borrower_kind", f"该户应登记为{label}", "not the household's kind")
    return None


async def require_borrower(ctx: RequestContext, data: LoanCreate) -> None:
    """Refuse a loan whose household or member the caller may not name, or that disagrees with
    them, before anything is written."""
    household = await ctx.require_reference(
        await ctx.session.get(ProjectedHousehold, data.household_id),
        place=lambda h: h.village_code,
        field="household_id",
        source=SOURCE,
    )
    borrower = await ctx.require_reference(
        await repository.borrower(ctx.session, data.member_id),
        place=lambda b: b.village_code,
        field="member_id",
        source=SOURCE,
    )
    if (problem := disagreement(household, borrower, data)) is not None:
        raise problem


# -- the projection: idempotent and order-tolerant (apply_newer), writing only its own tables ---


async def on_household_changed(ctx: EventContext) -> None:
    household = ctx.read(HOUSEHOLD_CHANGED)
    row = household.model_dump(exclude={"household_id"})
    await apply_newer(
        ctx.session, HOUSEHOLDS, {"id": household.household_id, **row, "updated_at": ctx.event.time}
    )


async def on_member_changed(ctx: EventContext) -> None:
    member = ctx.read(MEMBER_CHANGED)
    row = member.model_dump(exclude={"member_id"})
    await apply_newer(ctx.session, MEMBERS, {"id": member.member_id, **row, "updated_at": ctx.event.time})
