"""易地搬迁后续扶持 (seed §三(七)): resettlement sites, the households relocated to them (site and
move date, one per household) and the follow-up measures of each site."""

from __future__ import annotations

import uuid
from datetime import date

from services.monitoring.access import load_household
from services.monitoring.models import HouseholdRelocation, RelocationMeasure, ResettlementSite
from services.monitoring.relocation import repository
from services.monitoring.relocation.schemas import (
    RelocationIn,
    SiteIn,
    SiteMeasureIn,
    SiteMeasurePatch,
    SitePatch,
)
from shared import clock
from shared.context import RequestContext
from shared.errors import Conflict, NotFound, ValidationFailed


class AlreadyRelocated(Conflict):
    code = "household_already_relocated"
    title_zh, title_en = "该户已登记搬迁安置", "Household already relocated"


async def load_site(ctx: RequestContext, site_id: uuid.UUID, *, for_update: bool = False) -> ResettlementSite:
    site = await ctx.session.get(ResettlementSite, site_id, with_for_update=for_update)
    if site is None or not ctx.principal.covers(site.village_code):
        raise NotFound("安置点不存在或不在您的数据范围内", "resettlement site not found")
    return site


async def open_site(ctx: RequestContext, data: SiteIn) -> ResettlementSite:
    ctx.component.divisions.require_village(data.village_code, field="body.village_code")
    ctx.principal.require_may_write_in(data.village_code)
    site = ResettlementSite(town_code=data.village_code[:9], **data.model_dump())
    ctx.session.add(site)
    await ctx.session.flush()
    await ctx.audit("create", "resettlement_site", site.id, data.model_dump(mode="json"))
    return site


async def amend_site(ctx: RequestContext, site_id: uuid.UUID, data: SitePatch) -> ResettlementSite:
    site = await load_site(ctx, site_id, for_update=True)
    ctx.require_if_match(site.version)
    if data.name is not None:
        site.name = data.name
    if data.planned_households is not None:
        site.planned_households = data.planned_households
    await ctx.session.flush()
    await ctx.audit("update", "resettlement_site", site.id, data.model_dump(mode="json", exclude_unset=True))
    return site


async def relocate(ctx: RequestContext, site_id: uuid.UUID, data: RelocationIn) -> HouseholdRelocation:
    """A household moved to the site: both must lie in the caller's territory (404 otherwise); a
    household is relocated once (409 ``household_already_relocated``: the record is its attribute)."""
    site = await load_site(ctx, site_id)
    household = await load_household(ctx, data.household_id, for_update=True)
    if data.moved_on > clock.today():
        raise ValidationFailed("body.moved_on", "搬迁日期不能晚于今天", "move in the future")
    # No lower bound from ``formed_on``: most moves (2016–2020) predate the household's record here.
    existing = await ctx.session.get(HouseholdRelocation, household.id)
    if existing is not None:
        raise AlreadyRelocated(site_id=str(existing.site_id))
    relocation = HouseholdRelocation(
        household_id=household.id, site_id=site.id, moved_on=data.moved_on, recorded_by=ctx.principal.subject
    )
    ctx.session.add(relocation)
    await ctx.session.flush()
    await ctx.audit(
        "relocate", "household", household.id, {"site_id": str(site.id), "moved_on": str(data.moved_on)}
    )
    return relocation


async def _reached(
    ctx: RequestContext, site: ResettlementSite, household_ids: list[uuid.UUID]
) -> list[uuid.UUID]:
    wanted = list(dict.fromkeys(household_ids))
    here = await repository.relocated_to(ctx.session, site.id, wanted)
    for index, household_id in enumerate(household_ids):
        if household_id not in here:
            raise ValidationFailed(
                f"body.household_ids.{index}", "该户未安置在本安置点", "household not relocated to this site"
            )
    return wanted


def _term(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise ValidationFailed("body.ends_on", "结束日期早于开始日期", "ends before it starts")


async def add_measure(ctx: RequestContext, site_id: uuid.UUID, data: SiteMeasureIn) -> RelocationMeasure:
    site = await load_site(ctx, site_id)
    ctx.principal.require_may_write_in(site.village_code)
    _term(data.starts_on, data.ends_on)
    measure = RelocationMeasure(
        site_id=site.id,
        kind=data.kind,
        title=data.title,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        household_ids=await _reached(ctx, site, data.household_ids),
    )
    ctx.session.add(measure)
    await ctx.session.flush()
    await ctx.audit("create", "relocation_measure", measure.id, data.model_dump(mode="json"))
    return measure


async def amend_measure(
    ctx: RequestContext, site_id: uuid.UUID, measure_id: uuid.UUID, data: SiteMeasurePatch
) -> RelocationMeasure:
    site = await load_site(ctx, site_id)
    measure = await ctx.session.get(RelocationMeasure, measure_id, with_for_update=True)
    if measure is None or measure.site_id != site.id:
        raise NotFound("后续扶持措施不存在", "measure not found")
    ctx.require_if_match(measure.version)
    changes = data.model_dump(mode="json", exclude_unset=True)
    if "ends_on" in changes:
        _term(measure.starts_on, data.ends_on)
        measure.ends_on = data.ends_on
    if data.household_ids is not None:
        measure.household_ids = await _reached(ctx, site, data.household_ids)
    await ctx.session.flush()
    await ctx.audit("update", "relocation_measure", measure.id, changes)
    return measure
