"""帮扶项目资产 — the assets service."""

from __future__ import annotations

from fastapi import FastAPI

from services.assets.models import Base, kit
from services.assets.registry import endpoints as registry
from services.assets.registry.events import PUBLISHED as ASSET_EVENTS
from services.assets.settings import AssetsSettings
from shared.component import create_component_app

PUBLISHED = [*ASSET_EVENTS]


def create_app(settings: AssetsSettings | None = None) -> FastAPI:
    return create_component_app(
        name="assets",
        title="帮扶项目资产 Assets",
        description="帮扶项目资产登记、确权、管护与收益分配 / the ledger of assets formed by assistance.",
        settings=settings or AssetsSettings(),
        metadata=Base.metadata,
        tables=kit,
        routers=[registry.router],
        published=PUBLISHED,
    )
