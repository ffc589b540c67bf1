"""稳岗就业 — the employment service."""

from __future__ import annotations

from fastapi import FastAPI

from services.employment.models import Base, kit
from services.employment.settings import EmploymentSettings
from services.employment.workers import endpoints as workers
from services.employment.workers.events import PUBLISHED as WORKER_EVENTS
from shared.component import create_component_app

PUBLISHED = [*WORKER_EVENTS]


def create_app(settings: EmploymentSettings | None = None) -> FastAPI:
    return create_component_app(
        name="employment",
        title="稳岗就业 Employment",
        description="脱贫劳动力务工就业台账、失业预警 / workers of at-risk households and their jobs.",
        settings=settings or EmploymentSettings(),
        metadata=Base.metadata,
        tables=kit,
        routers=[workers.router],
        published=PUBLISHED,
    )
