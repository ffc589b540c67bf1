"""帮扶项目资产 — the assets service."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from services.assets.distributions import endpoints as distributions
from services.assets.distributions.events import PUBLISHED as DISTRIBUTION_EVENTS
from services.assets.idle import endpoints as idle
from services.assets.idle.events import PUBLISHED as IDLE_EVENTS
from services.assets.ledger import endpoints as ledger
from services.assets.models import kit
from services.assets.operations import endpoints as operations
from services.assets.registry import endpoints as registry
from services.assets.registry.events import PROJECT_ACCEPTED
from services.assets.registry.events import PUBLISHED as ASSET_EVENTS
from services.assets.registry.projects import PROJECTS, SOURCE
from services.assets.registry.service import on_project_accepted
from services.assets.reports import endpoints as reports
from services.assets.scheduled import TASKS
from services.assets.settings import AssetsSettings
from services.assets.value import endpoints as value
from services.assets.value.events import PUBLISHED as VALUE_EVENTS
from shared.component import create_component_app
from shared.events.consumer import Handler
from shared.events.envelope import ConsumedEvent
from shared.projections import Projection

PUBLISHED = [*ASSET_EVENTS, *DISTRIBUTION_EVENTS, *IDLE_EVENTS, *VALUE_EVENTS]
CONSUMES: dict[ConsumedEvent[Any], Handler] = {PROJECT_ACCEPTED: on_project_accepted}
# funds' accepted projects, so an asset's source_project_id is checked and its card shows the
# project's money. The handler also opens the project's assets, keyed by (project, asset_ref):
# replaying the stream into an emptied projection opens nothing again.
PROJECTIONS = [Projection(name="projects", source=SOURCE, tables=(PROJECTS,), events=(PROJECT_ACCEPTED,))]


def create_app(settings: AssetsSettings | None = None) -> FastAPI:
    return create_component_app(
        name="assets",
        title="帮扶项目资产 Assets",
        description="帮扶项目资产登记、确权、管护与收益分配 / the ledger of assets formed by assistance.",
        settings=settings or AssetsSettings(),
        tables=kit,
        routers=[
            registry.router,
            operations.router,
            distributions.router,
            idle.router,
            reports.router,
            ledger.router,
            value.router,
        ],
        published=PUBLISHED,
        consumes=CONSUMES,
        tasks=TASKS,
    )
