"""衔接资金和项目管理 — the funds service."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from services.funds.announcements import endpoints as announcements
from services.funds.checkpoints import endpoints as checkpoints
from services.funds.checkpoints.events import PUBLISHED as CHECKPOINT_EVENTS
from services.funds.corrections import endpoints as corrections
from services.funds.corrections.events import PUBLISHED as CORRECTION_EVENTS
from services.funds.industries import endpoints as industries
from services.funds.industries.events import PUBLISHED as INDUSTRY_EVENTS
from services.funds.insurance import endpoints as insurance
from services.funds.ledger import endpoints as ledger
from services.funds.ledger.events import PUBLISHED as LEDGER_EVENTS
from services.funds.microcredit import endpoints as microcredit
from services.funds.microcredit.borrowers import HOUSEHOLDS, MEMBERS, on_household_changed, on_member_changed
from services.funds.microcredit.events import HOUSEHOLD_CHANGED, MEMBER_CHANGED
from services.funds.models import kit
from services.funds.projects import endpoints as projects
from services.funds.projects.events import ASSET_REGISTERED
from services.funds.projects.events import PUBLISHED as PROJECT_EVENTS
from services.funds.projects.service import on_asset_registered
from services.funds.reports import endpoints as reports
from services.funds.settings import FundsSettings
from services.funds.sites import endpoints as sites
from services.funds.stability import endpoints as stability
from shared.component import create_component_app
from shared.events.consumer import Handler
from shared.events.envelope import ConsumedEvent
from shared.projections import Projection

PUBLISHED = [*PROJECT_EVENTS, *LEDGER_EVENTS, *CHECKPOINT_EVENTS, *CORRECTION_EVENTS, *INDUSTRY_EVENTS]
CONSUMES: dict[ConsumedEvent[Any], Handler] = {
    ASSET_REGISTERED: on_asset_registered,
    HOUSEHOLD_CHANGED: on_household_changed,
    MEMBER_CHANGED: on_member_changed,
}
# monitoring's households and members, so a loan's household_id and member_id are checked and
# 应贷尽贷 coverage counts the households that may borrow. The handlers write only these tables.
PROJECTIONS = [
    Projection(
        name="households",
        source="monitoring",
        tables=(HOUSEHOLDS, MEMBERS),
        events=(HOUSEHOLD_CHANGED, MEMBER_CHANGED),
    )
]


def create_app(settings: FundsSettings | None = None) -> FastAPI:
    return create_component_app(
        name="funds",
        title="衔接资金和项目管理 Funds",
        description="衔接资金、项目库、小额信贷 / linking funds, the project library, micro-credit.",
        settings=settings or FundsSettings(),
        tables=kit,
        routers=[
            projects.router,
            announcements.router,
            announcements.public_router,
            ledger.router,
            checkpoints.router,
            microcredit.router,
            reports.router,
            corrections.router,
            industries.router,
            sites.router,
            stability.router,
            insurance.router,
        ],
        published=PUBLISHED,
        consumes=CONSUMES,
    )
