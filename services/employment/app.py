"""稳岗就业 — the employment service."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import structlog
from fastapi import FastAPI

from services.employment.floor import endpoints as floor
from services.employment.floor import service as floor_service
from services.employment.floor.events import PUBLISHED as FLOOR_EVENTS
from services.employment.job_support import endpoints as job_support
from services.employment.job_support.events import HOUSEHOLD_INCLUDED
from services.employment.job_support.service import on_household_included
from services.employment.models import kit
from services.employment.posts import endpoints as posts
from services.employment.settings import EmploymentSettings
from services.employment.spells import endpoints as spells
from services.employment.subsidies import endpoints as subsidies
from services.employment.workers import endpoints as workers
from services.employment.workers.events import PUBLISHED as WORKER_EVENTS
from shared.component import Component, create_component_app
from shared.events.consumer import Handler
from shared.events.envelope import ConsumedEvent, EventPayload, EventSpec

log = structlog.get_logger("xianjie.employment")

PUBLISHED = [*WORKER_EVENTS, *FLOOR_EVENTS]
CONSUMES: dict[ConsumedEvent[Any], Handler] = {HOUSEHOLD_INCLUDED: on_household_included}


def create_app(settings: EmploymentSettings | None = None) -> FastAPI:
    settings = settings or EmploymentSettings()
    tasks: list[asyncio.Task[None]] = []

    async def recheck_floor(component: Component) -> None:
        """The count at 'today' also moves at midnight (a last working day passes), not only on writes."""
        while True:
            await asyncio.sleep(settings.floor_check_interval_seconds)
            try:
                async with component.db.transaction() as session:

                    async def publish(spec: EventSpec, subject: object, payload: EventPayload) -> None:
                        await component.outbox.add(session, spec, str(subject), payload)

                    await floor_service.evaluate(session, publish, settings)
            except Exception as exc:
                log.warning("floor_check_failed", error=str(exc) or type(exc).__name__)

    async def start(component: Component) -> None:
        tasks.append(asyncio.create_task(recheck_floor(component), name="employment-floor-check"))

    async def stop(component: Component) -> None:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    return create_component_app(
        name="employment",
        title="稳岗就业 Employment",
        description="脱贫劳动力务工就业、就业规模底线、失业预警、奖补与公益性岗位 / workers, the floor.",
        settings=settings,
        tables=kit,
        routers=[
            workers.router,
            spells.router,
            floor.router,
            subsidies.router,
            posts.router,
            job_support.router,
        ],
        published=PUBLISHED,
        consumes=CONSUMES,
        on_startup=start,
        on_shutdown=stop,
    )
