from __future__ import annotations

from typing import ClassVar

from shared.settings import ServiceSettings


class MonitoringSettings(ServiceSettings):
    """防返贫监测帮扶 — settings (env: XIANJIE_MONITORING_* then XIANJIE_*)."""

    component: ClassVar[str] = "monitoring"
    port: int = 8001
