"""防返贫保险 (seed §四(十三) 完善防返贫保险机制): policies per household, and their coverage of the
households micro-credit also serves (脱贫户 and households monitored now, not cancelled), per town.

A policy names a household by monitoring's id, checked against the projection as a loan's is.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, exists, func, or_, select

from services.funds.insurance.schemas import InsurancePolicyCreate
from services.funds.microcredit.borrowers import SOURCE
from services.funds.models import MONITORED, InsurancePolicy, ProjectedHousehold
from services.funds.ratios import ratio
from shared.auth import Principal
from shared.context import RequestContext
from shared.db import in_territory
from shared.errors import ValidationFailed
from shared.reports import Report


def scoped(principal: Principal) -> Select[InsurancePolicy]:
    return select(InsurancePolicy).where(in_territory(principal, InsurancePolicy.village_code))


async def create(ctx: RequestContext, data: InsurancePolicyCreate) -> InsurancePolicy:
    if data.ends_on <= data.starts_on:
        raise ValidationFailed("ends_on", "保险止期须晚于起期", "ends_on must follow starts_on")
    household = await ctx.require_reference(
        await ctx.session.get(ProjectedHousehold, data.household_id),
        place=lambda h: h.village_code,
        field="household_id",
        source=SOURCE,
    )
    if household.cancelled_on is not None:
        raise ValidationFailed("household_id", "该户已注销", "the household was cancelled")
    policy = InsurancePolicy(
        town_code=household.town_code, village_code=household.village_code, **data.model_dump()
    )
    ctx.session.add(policy)
    await ctx.session.flush()
    await ctx.audit("create", "insurance_policy", policy.id, data.model_dump(exclude={"policy_number"}))
    return policy


COLUMNS = [
    ("town_code", "乡镇代码"),
    ("eligible", "脱贫户和监测户（户）"),
    ("insured", "其中保单有效（户）"),
    ("coverage", "覆盖率"),
]


async def coverage(ctx: RequestContext, as_of: date) -> Report:
    """Per town: eligible households, and those with a policy in force on ``as_of``."""
    in_force = exists().where(
        InsurancePolicy.household_id == ProjectedHousehold.id,
        InsurancePolicy.starts_on <= as_of,
        InsurancePolicy.ends_on >= as_of,
    )
    query = (
        select(
            ProjectedHousehold.town_code,
            func.count().label("eligible"),
            func.count().filter(in_force).label("insured"),
        )
        .where(
            in_territory(ctx.principal, ProjectedHousehold.village_code),
            ProjectedHousehold.cancelled_on.is_(None),
            or_(ProjectedHousehold.lifted_out, ProjectedHousehold.status == MONITORED),
        )
        .group_by(ProjectedHousehold.town_code)
        .order_by(ProjectedHousehold.town_code)
    )
    rows: list[dict[str, Any]] = [
        {**r._asdict(), "coverage": ratio(r.insured, r.eligible)}
        for r in (await ctx.session.execute(query)).all()
    ]
    return Report.of("insurance-coverage", f"防返贫保险覆盖情况（{as_of.isoformat()}）", COLUMNS, rows)
