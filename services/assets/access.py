"""Who may read and write the asset ledger, and the territorial rules every area of the service shares.

- district_admin: every asset; screens the whole district (or one town) for idle assets.
- town_official / village_cadre: register, read, correct and move assets, record their upkeep,
  revenue and distributions, and propose what to do with idle ones, inside their division only
  (registering elsewhere: 403; another town's asset: 404). Disposal (处置) and idle screening are
  town or district matters: village cadres do neither.
- department_officer, integrator (departmental systems) and auditor: read everything; writes 403.
- helper: no access — the ledger is not household work.

Roles are checked in the endpoint's signature through the aliases below. What depends on the
record stays where the record is loaded: :func:`visible_asset` and the scoped queries answer 404
outside the caller's territory (so a record they return may be written by any writer), a write
that names a place checks it with ``require_may_write_in``, and which writers may take which
lifecycle step is the step table in ``registry/service.py``.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from sqlalchemy import select

from services.assets.models import Asset
from shared.auth import Role
from shared.context import RequestContext, requires
from shared.db import within_prefix
from shared.errors import NotFound

WRITERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE)
READERS = (*WRITERS, Role.DEPARTMENT_OFFICER, Role.INTEGRATOR, Role.AUDITOR)
DISPOSERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)
SCREENERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)

ReaderCtx = Annotated[RequestContext, requires(READERS)]
# Also the lifecycle endpoint: WRITERS is the union of the roles of every step; which of them may
# take the step asked for depends on the body (registry.service.TRANSITIONS).
WriterCtx = Annotated[RequestContext, requires(WRITERS, write=True)]
ScreenerCtx = Annotated[RequestContext, requires(SCREENERS, write=True)]


async def visible_asset(ctx: RequestContext, asset_id: uuid.UUID, *, for_update: bool = False) -> Asset:
    """The asset if the caller may read it; outside their territory it does not exist (404).

    ``for_update`` locks it for the transaction, so writes to one asset run one at a time.
    """
    query = select(Asset).where(
        Asset.id == asset_id, within_prefix(Asset.village_code, ctx.principal.division_prefix)
    )
    if for_update:
        query = query.with_for_update()
    asset = (await ctx.session.execute(query)).scalar_one_or_none()
    if asset is None:
        raise NotFound("资产不存在或不在您的数据范围内", "asset not found")
    return asset
