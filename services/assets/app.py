"""帮扶项目资产 — the assets service."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import structlog
from fastapi import FastAPI

from services.assets.distributions import endpoints as distributions
from services.assets.distributions.events import PUBLISHED as DISTRIBUTION_EVENTS
from services.assets.idle import endpoints as idle
from services.assets.idle import service as idle_service
from services.assets.idle.events import PUBLISHED as IDLE_EVENTS
from services.assets.models import kit
from services.assets.operations import endpoints as operations
from services.assets.registry import endpoints as registry
from services.assets.registry.events import PROJECT_ACCEPTED
from services.assets.registry.events import PUBLISHED as ASSET_EVENTS
from services.assets.registry.service import on_project_accepted
from services.assets.reports import endpoints as reports
from services.assets.settings import AssetsSettings
from shared.component import Component, create_component_app
from shared.events.consumer import Handler
from shared.events.envelope import ConsumedEvent

log = structlog.get_logger("xianjie.assets")

PUBLISHED = [*ASSET_EVENTS, *DISTRIBUTION_EVENTS, *IDLE_EVENTS]
CONSUMES: dict[ConsumedEvent[Any], Handler] = {PROJECT_ACCEPTED: on_project_accepted}
IDLE_SCREENING_TASK = "assets-idle-screening"


async def screen_periodically(component: Component, interval_seconds: float) -> None:
    """Every interval, the whole district's idle screening (one replica at a time, by advisory lock)."""
    while True:
        await asyncio.sleep(interval_seconds)
        try:
            await idle_service.screen_district(component)
        except Exception as exc:
            log.warning("idle_screening_failed", error=str(exc) or type(exc).__name__)


def create_app(settings: AssetsSettings | None = None) -> FastAPI:
    settings = settings or AssetsSettings()
    tasks: list[asyncio.Task[None]] = []

    async def start(component: Component) -> None:
        if settings.idle_screening_interval_seconds > 0:
            task = screen_periodically(component, settings.idle_screening_interval_seconds)
            tasks.append(asyncio.create_task(task, name=IDLE_SCREENING_TASK))

    async def stop(component: Component) -> None:
        while tasks:
            task = tasks.pop()
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return create_component_app(
        name="assets",
        title="帮扶项目资产 Assets",
        description="帮扶项目资产登记、确权、管护与收益分配 / the ledger of assets formed by assistance.",
        settings=settings,
        tables=kit,
        routers=[registry.router, operations.router, distributions.router, idle.router, reports.router],
        published=PUBLISHED,
        consumes=CONSUMES,
        on_startup=start,
        on_shutdown=stop,
    )
