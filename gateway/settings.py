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
    # How long the gateway waits for a service's answer (between bytes), per service
    # (XIANJIE_GATEWAY_PROXY_SERVICE_TIMEOUTS='{"funds": 60}'); the others wait proxy_timeout_seconds.
    proxy_timeout_seconds: float = Field(default=30, gt=0)
    proxy_service_timeouts: dict[str, float] = Field(default_factory=dict)
    # Uploads (a body over 1 MiB: ledger, national files, the employment monthly file) wait this
    # long instead, when it is longer: the service answers only once every row is checked and
    # written, ~30 s for the 200,000 rows a ledger file may hold (issue 16's import figures). A
    # timeout here would tell an official the import failed while it goes on to commit.
    proxy_upload_timeout_seconds: float = Field(default=300, gt=0)
    # A service on the same network accepts a connection in milliseconds; one that does not is down.
    proxy_connect_timeout_seconds: float = Field(default=1, gt=0)
    # Circuit breaker per service: after this many consecutive timeouts or connection failures its
    # calls are answered 503 at once for reset seconds, then one probe call at a time goes through.
    proxy_breaker_failures: int = Field(default=3, ge=1)
    proxy_breaker_reset_seconds: float = Field(default=5, gt=0)
    # Per username + client IP (limits' syntax: "10/minute"), counted in XIANJIE_RATE_LIMIT_STORAGE.
    login_rate_limit: str = "10/minute"
    # Merged OpenAPI/AsyncAPI: how long a service's document is reused, and how long we wait for it.
    docs_cache_seconds: float = Field(default=30, ge=0)
    docs_fetch_timeout_seconds: float = Field(default=2, gt=0)

    # --- webhooks (issue 14: departments without NATS) ---
    # SSRF guard: a webhook URL's host must be one of these host names or lie in one of these
    # networks (CIDR), checked at registration and again on each delivery against the resolved
    # addresses. Empty: no webhook may be registered (practice: name the departments' intranet).
    webhook_allowed_hosts: list[str] = Field(default_factory=list)
    # Which event types each department's system may subscribe to (department as accounts name it;
    # fnmatch patterns). Practice: each department hears of what its duty acts on (domain §1/§5).
    webhook_department_events: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "人社局": [
                "cn.xianjie.employment.*",
                "cn.xianjie.monitoring.household.included.v*",
                "cn.xianjie.monitoring.alert.raised.v*",
            ],
            "民政局": [
                "cn.xianjie.monitoring.household.*",
                "cn.xianjie.monitoring.measure.delivered.v*",
                "cn.xianjie.monitoring.alert.raised.v*",
            ],
            "医保局": ["cn.xianjie.monitoring.household.*", "cn.xianjie.monitoring.alert.raised.v*"],
            "教育局": ["cn.xianjie.monitoring.household.*", "cn.xianjie.monitoring.alert.raised.v*"],
            "卫健委": ["cn.xianjie.monitoring.household.*", "cn.xianjie.monitoring.alert.raised.v*"],
            "住建局": ["cn.xianjie.monitoring.household.*", "cn.xianjie.monitoring.alert.raised.v*"],
            "农业农村局": ["cn.xianjie.*"],
            "财政局": ["cn.xianjie.funds.*", "cn.xianjie.assets.*"],
        }
    )
    # Retries (practice, as webhook senders do): attempt n waits base·2^(n-1) (at most the cap),
    # and after max attempts the delivery is marked failed (a replay puts it back).
    webhook_max_attempts: int = Field(default=8, ge=1, le=50)
    webhook_retry_base_seconds: float = Field(default=30, gt=0)
    webhook_retry_cap_seconds: float = Field(default=3600, gt=0)
    webhook_timeout_seconds: float = Field(default=10, gt=0)
    # How often the dispatcher looks for due deliveries when nothing woke it.
    webhook_poll_seconds: float = Field(default=1, gt=0)
    webhook_batch_size: int = Field(default=50, ge=1, le=1000)
    # Delivered rows are kept this long (what a replay from a time can reach).
    webhook_retention_days: int = Field(default=14, ge=1)
    # --- integrators (issue 14) ---
    # Browser origins allowed to call the API (CORS), e.g. ["https://app.example.gov.cn"]; empty:
    # no cross-origin browser access (practice: an allow-list, never "*", since tokens are sent).
    cors_allow_origins: list[str] = Field(default_factory=list)

    def service_urls(self) -> dict[str, str]:
        return {name: str(getattr(self, f"{name}_url")).rstrip("/") for name in PROXIED_SERVICES}
