"""乡村工匠 and 劳务品牌 (seed §二(四): 积极申报第三批省级乡村工匠名师，择优推荐国家级乡村工匠名师，
培育一批特色劳务品牌).

A worker is registered once as a craftsman with a craft. A craftsman without a title may be
nominated for provincial master in the current batch (``provincial_master_batch``); only a
provincial master may be recommended for national master (择优推荐: chosen from those already
recognised). One open or recognised nomination per craftsman and tier; the decision (recorded by
the district once the province or the ministry announces it) is 已认定 or 未通过, and a
recognition raises the craftsman's title and is announced.
"""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError

from services.employment.access import visible_worker
from services.employment.craftsmen import repository
from services.employment.craftsmen.events import CRAFTSMAN_RECOGNISED, CraftsmanRecognised
from services.employment.craftsmen.schemas import (
    BrandCreate,
    BrandWorkerCreate,
    CraftsmanCreate,
    NominationCreate,
    NominationDecision,
)
from services.employment.models import (
    CraftLevel,
    Craftsman,
    CraftsmanNomination,
    LabourBrand,
    LabourBrandWorker,
    NominationStatus,
    NominationTier,
)
from services.employment.settings import EmploymentSettings
from shared import clock
from shared.context import RequestContext
from shared.errors import Conflict, InvalidTransition, NotFound, ValidationFailed

# The title a craftsman must hold to be nominated for a tier, and the one recognition brings.
REQUIRED_LEVEL = {
    NominationTier.PROVINCIAL: CraftLevel.CRAFTSMAN,
    NominationTier.NATIONAL: CraftLevel.PROVINCIAL_MASTER,
}
RECOGNISED_LEVEL = {
    NominationTier.PROVINCIAL: CraftLevel.PROVINCIAL_MASTER,
    NominationTier.NATIONAL: CraftLevel.NATIONAL_MASTER,
}


class AlreadyCraftsman(Conflict):
    code = "craftsman_exists"
    title_zh, title_en = "该务工人员已登记为乡村工匠", "Worker already registered as craftsman"


class NominationExists(Conflict):
    code = "nomination_exists"
    title_zh, title_en = "已有在审或已认定的同级申报", "A live nomination for this tier exists"


class NotNominable(Conflict):
    code = "not_nominable"
    title_zh, title_en = "不符合申报（推荐）条件", "Craftsman may not be nominated for this tier"


class BrandExists(Conflict):
    code = "brand_exists"
    title_zh, title_en = "劳务品牌名称已存在", "Labour brand name taken"


class AlreadyInBrand(Conflict):
    code = "already_in_brand"
    title_zh, title_en = "该务工人员已在此劳务品牌中", "Worker already employed under this brand"


async def register(ctx: RequestContext, data: CraftsmanCreate) -> Craftsman:
    worker = await visible_worker(ctx, data.worker_id, for_update=True)
    ctx.principal.require_may_write_in(worker.village_code)
    craft = data.craft.strip()
    if not craft:
        raise ValidationFailed("craft", "请填写技艺", "craft is blank")
    craftsman = Craftsman(
        worker_id=worker.id,
        town_code=worker.town_code,
        village_code=worker.village_code,
        craft=craft,
        level=CraftLevel.CRAFTSMAN,
    )
    ctx.session.add(craftsman)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:
        raise AlreadyCraftsman("该务工人员已登记为乡村工匠", "worker already a craftsman") from exc
    await ctx.audit("register", "craftsman", craftsman.id, {"worker_id": worker.id, "craft": craft})
    return craftsman


async def visible_craftsman(ctx: RequestContext, craftsman_id: uuid.UUID) -> Craftsman:
    found = await repository.craftsman(ctx.session, ctx.principal, craftsman_id)
    if found is None:
        raise NotFound("乡村工匠不存在或不在您的数据范围内", "craftsman not found")
    return found


async def nominate(ctx: RequestContext, craftsman: Craftsman, data: NominationCreate) -> CraftsmanNomination:
    ctx.principal.require_may_write_in(craftsman.village_code)
    if data.nominated_on > clock.today():
        raise ValidationFailed("nominated_on", "申报日期不能晚于今天", "nominated_on is in the future")
    if await repository.live_nomination(ctx.session, craftsman.id, data.tier) is not None:
        raise NominationExists("该工匠已有在审或已认定的同级申报", "live nomination exists")
    if craftsman.level is not REQUIRED_LEVEL[data.tier]:
        raise NotNominable(
            "省级名师仅从未获认定的乡村工匠中申报；国家级名师仅从省级名师中择优推荐",
            "provincial from craftsmen, national from provincial masters",
        )
    batch = ctx.settings_as(EmploymentSettings).provincial_master_batch
    nomination = CraftsmanNomination(
        craftsman_id=craftsman.id,
        town_code=craftsman.town_code,
        village_code=craftsman.village_code,
        tier=data.tier,
        batch=batch if data.tier is NominationTier.PROVINCIAL else None,
        nominated_on=data.nominated_on,
        status=NominationStatus.NOMINATED,
        note=data.note,
    )
    ctx.session.add(nomination)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:  # a concurrent nomination for the same tier
        raise NominationExists("该工匠已有在审或已认定的同级申报") from exc
    await ctx.audit("nominate", "craftsman", craftsman.id, data.model_dump())
    return nomination


async def decide(
    ctx: RequestContext, nomination: CraftsmanNomination, data: NominationDecision
) -> CraftsmanNomination:
    ctx.require_if_match(nomination.version)
    if data.status is NominationStatus.NOMINATED:
        raise ValidationFailed(
            "status", "认定结果须为 已认定 或 未通过", "status must be recognised or rejected"
        )
    if nomination.status is not NominationStatus.NOMINATED:
        raise InvalidTransition("该申报已有结果", "nomination already decided")
    if data.decided_on > clock.today() or data.decided_on < nomination.nominated_on:
        raise ValidationFailed("decided_on", "认定日期须在申报日期与今天之间", "decided_on out of range")
    nomination.status = data.status
    nomination.decided_on = data.decided_on
    if data.note:
        nomination.note = data.note
    craftsman = await visible_craftsman(ctx, nomination.craftsman_id)
    if nomination.status is NominationStatus.RECOGNISED:
        craftsman.level = RECOGNISED_LEVEL[nomination.tier]
    await ctx.session.flush()
    await ctx.audit("decide", "craftsman_nomination", nomination.id, data.model_dump())
    if nomination.status is NominationStatus.RECOGNISED:
        await ctx.publish(
            CRAFTSMAN_RECOGNISED,
            craftsman.id,
            CraftsmanRecognised(
                craftsman_id=craftsman.id,
                worker_id=craftsman.worker_id,
                town_code=craftsman.town_code,
                village_code=craftsman.village_code,
                level=craftsman.level.value,
                batch=nomination.batch,
                recognised_on=data.decided_on,
            ),
        )
    return nomination


async def create_brand(ctx: RequestContext, data: BrandCreate) -> LabourBrand:
    brand = LabourBrand(name=data.name.strip(), trade=data.trade.strip())
    if not brand.name:
        raise ValidationFailed("name", "请填写品牌名称", "name is blank")
    ctx.session.add(brand)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:
        raise BrandExists("劳务品牌名称已存在", "brand name taken") from exc
    await ctx.audit("create", "labour_brand", brand.id, data.model_dump())
    return brand


async def employ(ctx: RequestContext, brand: LabourBrand, data: BrandWorkerCreate) -> LabourBrandWorker:
    worker = await visible_worker(ctx, data.worker_id)
    ctx.principal.require_may_write_in(worker.village_code)
    if data.joined_on > clock.today():
        raise ValidationFailed("joined_on", "加入日期不能晚于今天", "joined_on is in the future")
    member = LabourBrandWorker(
        brand_id=brand.id,
        worker_id=worker.id,
        town_code=worker.town_code,
        village_code=worker.village_code,
        joined_on=data.joined_on,
    )
    ctx.session.add(member)
    try:
        await ctx.session.flush()
    except IntegrityError as exc:
        raise AlreadyInBrand("该务工人员已在此劳务品牌中", "already in brand") from exc
    await ctx.audit("employ", "labour_brand", brand.id, data.model_dump())
    return member
