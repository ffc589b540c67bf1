"""衔接资金和项目管理 — the funds service."""

from __future__ import annotations

from fastapi import FastAPI

from services.funds.models import Base, kit
from services.funds.projects import endpoints as projects
from services.funds.projects.events import PUBLISHED as PROJECT_EVENTS
from services.funds.settings import FundsSettings
from shared.component import create_component_app

PUBLISHED = [*PROJECT_EVENTS]


def create_app(settings: FundsSettings | None = None) -> FastAPI:
    return create_component_app(
        name="funds",
        title="衔接资金和项目管理 Funds",
        description="衔接资金、项目库、小额信贷 / linking funds, the project library, micro-credit.",
        settings=settings or FundsSettings(),
        metadata=Base.metadata,
        tables=kit,
        routers=[projects.router],
        published=PUBLISHED,
    )
