from __future__ import annotations

from typing import ClassVar

from shared.settings import ServiceSettings


class AssetsSettings(ServiceSettings):
    """帮扶项目资产 — settings (env: XIANJIE_ASSETS_* then XIANJIE_*)."""

    component: ClassVar[str] = "assets"
    port: int = 8004
