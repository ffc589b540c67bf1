from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from shared.settings import ServiceSettings

PROXIED_SERVICES = ("monitoring", "employment", "funds", "assets")


class GatewaySettings(ServiceSettings):
    """网关 — settings (env: XIANJIE_GATEWAY_* then XIANJIE_*)."""

    component: ClassVar[str] = "gateway"
    port: int = 8000
    # The gateway streams bodies through; each service enforces its own limit (bulk imports are large).
    max_body_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)

    # Where the services listen (XIANJIE_GATEWAY_MONITORING_URL or XIANJIE_MONITORING_URL, ...).
    monitoring_url: str = "http://127.0.0.1:8001"
    employment_url: str = "http://127.0.0.1:8002"
    funds_url: str = "http://127.0.0.1:8003"
    assets_url: str = "http://127.0.0.1:8004"

    access_token_ttl_seconds: int = Field(default=900, ge=30)
    refresh_token_ttl_seconds: int = Field(default=7 * 86400, ge=60)
    proxy_timeout_seconds: float = Field(default=30, gt=0)
    proxy_connect_timeout_seconds: float = Field(default=2, gt=0)
    # Per username + client IP, in the memory of one process (limits' syntax: "10/minute").
    login_rate_limit: str = "10/minute"
    # Merged OpenAPI/AsyncAPI: how long a service's document is reused, and how long we wait for it.
    docs_cache_seconds: float = Field(default=30, ge=0)
    docs_fetch_timeout_seconds: float = Field(default=2, gt=0)

    # --- integrators (issue 14) ---
    # Browser origins allowed to call the API (CORS), e.g. ["https://app.example.gov.cn"]; empty:
    # no cross-origin browser access (practice: an allow-list, never "*", since tokens are sent).
    cors_allow_origins: list[str] = Field(default_factory=list)

    def service_urls(self) -> dict[str, str]:
        return {name: str(getattr(self, f"{name}_url")).rstrip("/") for name in PROXIED_SERVICES}
