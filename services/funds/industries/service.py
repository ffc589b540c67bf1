"""Industry support register (seed §四(十一)): assistance industries per town and village with their
四个一批 class, the businesses that run them, the households they carry along (联农带农), town
乡村振兴产业园, and early-warning flags.

Writers are those who implement projects (district, and town officials in their town); a link names
a household by monitoring's id, checked against funds' projection of monitoring's households as a
loan's is (it exists, lies in the caller's territory, is not cancelled). A flag — a business failing,
one link broken — announces ``industry_link.at_risk`` once per household concerned; monitoring
turns each into one risk alert (因产业失败), idempotently.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, distinct, func, select, update

from services.funds.industries.events import INDUSTRY_LINK_AT_RISK, IndustryLinkAtRisk
from services.funds.industries.schemas import (
    BusinessCreate,
    FlagCreate,
    IndustryCreate,
    LinkCreate,
    ParkCreate,
)
from services.funds.microcredit.borrowers import SOURCE
from services.funds.models import (
    AssistanceIndustry,
    IndustryBusiness,
    IndustryFlag,
    IndustryFlagKind,
    IndustryLink,
    IndustryPark,
    ProjectedHousehold,
)
from shared.auth import Principal
from shared.context import RequestContext
from shared.db import in_territory
from shared.errors import InvalidTransition, NotFound, ValidationFailed
from shared.reports import Report


class LinkEnded(InvalidTransition):
    code = "link_ended"
    title_zh, title_en = "该联农带农关系已中断", "The link has ended already"


def industry_place() -> Any:
    return func.coalesce(AssistanceIndustry.village_code, AssistanceIndustry.town_code)


def scoped_industries(principal: Principal) -> Select[AssistanceIndustry]:
    return select(AssistanceIndustry).where(in_territory(principal, industry_place()))


def scoped_links(principal: Principal) -> Select[IndustryLink]:
    return select(IndustryLink).where(in_territory(principal, IndustryLink.village_code))


def parks(principal: Principal) -> Select[IndustryPark]:
    return select(IndustryPark).where(in_territory(principal, IndustryPark.town_code))


async def create_park(ctx: RequestContext, data: ParkCreate) -> IndustryPark:
    ctx.principal.require_may_write_in(data.town_code)
    park = IndustryPark(**data.model_dump())
    ctx.session.add(park)
    await ctx.session.flush()
    await ctx.audit("create", "industry_park", park.id, data.model_dump())
    return park


async def create_industry(ctx: RequestContext, data: IndustryCreate) -> AssistanceIndustry:
    if data.village_code is not None and not data.village_code.startswith(data.town_code):
        raise ValidationFailed("village_code", "村不属于该乡镇", "the village is not in the town")
    ctx.principal.require_may_write_in(data.village_code or data.town_code)
    if data.park_id is not None:
        park = await ctx.session.get(IndustryPark, data.park_id)
        if park is None or park.town_code != data.town_code:
            raise ValidationFailed("park_id", "产业园不存在或不在该乡镇", "no such park in the town")
    industry = AssistanceIndustry(**data.model_dump())
    ctx.session.add(industry)
    await ctx.session.flush()
    await ctx.audit("create", "assistance_industry", industry.id, data.model_dump())
    return industry


async def visible_industry(ctx: RequestContext, industry_id: uuid.UUID) -> AssistanceIndustry:
    found = await ctx.session.scalar(
        scoped_industries(ctx.principal).where(AssistanceIndustry.id == industry_id)
    )
    if found is None:
        raise NotFound()
    return found


async def visible_business(
    ctx: RequestContext, business_id: uuid.UUID
) -> tuple[IndustryBusiness, AssistanceIndustry]:
    row = (
        await ctx.session.execute(
            select(IndustryBusiness, AssistanceIndustry)
            .join(AssistanceIndustry, AssistanceIndustry.id == IndustryBusiness.industry_id)
            .where(IndustryBusiness.id == business_id, in_territory(ctx.principal, industry_place()))
        )
    ).one_or_none()
    if row is None:
        raise NotFound()
    return row[0], row[1]


def _writes_in(ctx: RequestContext, industry: AssistanceIndustry) -> None:
    ctx.principal.require_may_write_in(industry.village_code or industry.town_code)


async def create_business(
    ctx: RequestContext, industry_id: uuid.UUID, data: BusinessCreate
) -> IndustryBusiness:
    industry = await visible_industry(ctx, industry_id)
    _writes_in(ctx, industry)
    business = IndustryBusiness(industry_id=industry.id, **data.model_dump())
    ctx.session.add(business)
    await ctx.session.flush()
    await ctx.audit("create", "industry_business", business.id, data.model_dump())
    return business


async def create_link(ctx: RequestContext, business_id: uuid.UUID, data: LinkCreate) -> IndustryLink:
    business, industry = await visible_business(ctx, business_id)
    _writes_in(ctx, industry)
    household = await ctx.require_reference(
        await ctx.session.get(ProjectedHousehold, data.household_id),
        place=lambda h: h.village_code,
        field="household_id",
        source=SOURCE,
    )
    if household.cancelled_on is not None:
        raise ValidationFailed("household_id", "该户已注销", "the household was cancelled")
    link = IndustryLink(
        business_id=business.id,
        town_code=household.town_code,
        village_code=household.village_code,
        **data.model_dump(),
    )
    ctx.session.add(link)
    await ctx.session.flush()
    await ctx.audit("create", "industry_link", link.id, data.model_dump())
    return link


async def raise_flag(ctx: RequestContext, data: FlagCreate) -> IndustryFlag:
    """Record the flag and announce each household concerned once (the event is its alert)."""
    if data.kind is IndustryFlagKind.LINK_BROKEN:
        if data.link_id is None:
            raise ValidationFailed("link_id", "联农带农中断须指明关系", "link_id is required")
        link = await ctx.session.scalar(scoped_links(ctx.principal).where(IndustryLink.id == data.link_id))
        if link is None:
            raise NotFound()
        business, industry = await visible_business(ctx, link.business_id)
        _writes_in(ctx, industry)
        if data.observed_on < link.since:
            raise ValidationFailed("observed_on", "中断日期不能早于关系开始日期", "before the link began")
        ended = await ctx.session.scalar(
            update(IndustryLink)
            .where(IndustryLink.id == link.id, IndustryLink.ended_on.is_(None))
            .values(ended_on=data.observed_on, updated_at=func.now())
            .returning(IndustryLink.id)
            .execution_options(synchronize_session=False)
        )
        if ended is None:
            raise LinkEnded()
        concerned = [link]
    else:
        if data.business_id is None:
            raise ValidationFailed("business_id", "经营困难须指明经营主体", "business_id is required")
        business, industry = await visible_business(ctx, data.business_id)
        _writes_in(ctx, industry)
        await ctx.session.execute(
            update(IndustryBusiness)
            .where(IndustryBusiness.id == business.id)
            .values(
                failing_since=func.coalesce(IndustryBusiness.failing_since, data.observed_on),
                updated_at=func.now(),
            )
            .execution_options(synchronize_session=False)
        )
        # One per household: a household gaining in two ways from the business has one risk.
        links = await ctx.session.scalars(
            select(IndustryLink)
            .where(IndustryLink.business_id == business.id, IndustryLink.ended_on.is_(None))
            .order_by(IndustryLink.household_id, IndustryLink.id)
        )
        concerned = list({link.household_id: link for link in reversed(list(links))}.values())
    flag = IndustryFlag(
        kind=data.kind,
        business_id=business.id,
        link_id=data.link_id if data.kind is IndustryFlagKind.LINK_BROKEN else None,
        observed_on=data.observed_on,
        note=data.note,
        households_alerted=len(concerned),
        raised_by=ctx.principal.username,
    )
    ctx.session.add(flag)
    await ctx.session.flush()
    await ctx.audit("create", "industry_flag", flag.id, data.model_dump())
    for link in concerned:
        await ctx.publish(
            INDUSTRY_LINK_AT_RISK,
            link.household_id,
            IndustryLinkAtRisk(
                flag_id=flag.id,
                link_id=link.id,
                household_id=link.household_id,
                town_code=link.town_code,
                village_code=link.village_code,
                kind=data.kind,
                industry_name=industry.name,
                business_name=business.name,
                observed_on=data.observed_on,
            ),
        )
    return flag


REPORT_COLUMNS = [
    ("town_code", "乡镇代码"),
    ("industry_class", "四个一批"),
    ("industries", "帮扶产业（个）"),
    ("in_parks", "其中入园（个）"),
    ("businesses", "经营主体（个）"),
    ("failing", "其中经营困难（个）"),
    ("households", "联农带农农户（户）"),
    ("broken_links", "已中断联农带农关系（条）"),
]


async def report(ctx: RequestContext, year: int | None) -> Report:
    """Per town and 四个一批 class: industries, businesses (failing), households carried along."""
    industries = scoped_industries(ctx.principal)
    if year is not None:
        industries = industries.where(AssistanceIndustry.year == year)
    ind = industries.subquery()
    query = (
        select(
            ind.c.town_code,
            ind.c.industry_class,
            func.count(distinct(ind.c.id)).label("industries"),
            func.count(distinct(ind.c.id)).filter(ind.c.park_id.is_not(None)).label("in_parks"),
            func.count(distinct(IndustryBusiness.id)).label("businesses"),
            func.count(distinct(IndustryBusiness.id))
            .filter(IndustryBusiness.failing_since.is_not(None))
            .label("failing"),
            func.count(distinct(IndustryLink.household_id))
            .filter(IndustryLink.ended_on.is_(None))
            .label("households"),
            func.count(distinct(IndustryLink.id))
            .filter(IndustryLink.ended_on.is_not(None))
            .label("broken_links"),
        )
        .select_from(ind)
        .outerjoin(IndustryBusiness, IndustryBusiness.industry_id == ind.c.id)
        .outerjoin(IndustryLink, IndustryLink.business_id == IndustryBusiness.id)
        .group_by(ind.c.town_code, ind.c.industry_class)
        .order_by(ind.c.town_code, ind.c.industry_class)
    )
    rows = [
        {**row._asdict(), "industry_class": row.industry_class.label}
        for row in (await ctx.session.execute(query)).all()
    ]
    title = f"{year}年帮扶产业四个一批与联农带农" if year else "帮扶产业四个一批与联农带农"
    return Report.of("industries", title, REPORT_COLUMNS, rows)
