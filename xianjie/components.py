"""The suite's components: where each app lives, its default port and its migrations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    port: int
    app_factory: str  # "module:function" for uvicorn --factory
    migrations: Path

    @property
    def schema(self) -> str:
        return self.name


SERVICES = [
    ComponentInfo(
        "monitoring", 8001, "services.monitoring.app:create_app", ROOT / "services/monitoring/migrations"
    ),
    ComponentInfo(
        "employment", 8002, "services.employment.app:create_app", ROOT / "services/employment/migrations"
    ),
    ComponentInfo("funds", 8003, "services.funds.app:create_app", ROOT / "services/funds/migrations"),
    ComponentInfo("assets", 8004, "services.assets.app:create_app", ROOT / "services/assets/migrations"),
]
GATEWAY = ComponentInfo("gateway", 8000, "gateway.app:create_app", ROOT / "gateway/migrations")
ALL = [GATEWAY, *SERVICES]


def by_name(name: str) -> ComponentInfo:
    for component in ALL:
        if component.name == name:
            return component
    raise KeyError(name)
