"""Typed settings shared by every process of the suite.

Every value comes from the environment with the ``XIANJIE_`` prefix. A service may override any
value for itself alone with ``XIANJIE_<SERVICE>_<NAME>`` (e.g. ``XIANJIE_FUNDS_DATABASE_URL``),
which is how an operator points one service at its own database server.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import ClassVar

from pydantic import Field, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from shared.id_number_match import DEV_ID_NUMBER_MATCH_KEY


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class SuiteSettings(BaseSettings):
    """Values every process needs the same way."""

    model_config = SettingsConfigDict(env_prefix="XIANJIE_", extra="ignore")

    # The component whose overrides (XIANJIE_<COMPONENT>_*) apply; set by each subclass.
    component: ClassVar[str] = ""
    # Components without events (the gateway) run in production without a NATS URL.
    needs_nats: ClassVar[bool] = True
    # Components that keep uploaded files (shared.objectstore) must name their store in production.
    needs_object_store: ClassVar[bool] = False
    # Components that compute the shared ID-number match hash (monitoring, employment) need a real key.
    needs_id_number_match: ClassVar[bool] = False

    environment: Environment = Environment.DEVELOPMENT
    # postgresql+asyncpg://user:pass@host:5432/db — the embedded server is used when empty.
    database_url: str = ""
    nats_url: str = ""
    data_dir: Path = Path(".data")
    log_level: str = "INFO"
    log_json: bool = True
    # OpenTelemetry traces (shared.tracing) exported over OTLP/HTTP to this collector, e.g.
    # http://otel-collector:4318; empty: no tracing (nothing is instrumented, nothing sent).
    otel_endpoint: str = ""

    # Auth: services verify gateway-issued tokens against its JWKS.
    jwks_url: str = "http://127.0.0.1:8000/.well-known/jwks.json"
    token_issuer: str = "xianjie-gateway"  # noqa: S105 - a name, not a secret
    token_audience: str = "xianjie"  # noqa: S105 - a name, not a secret

    # HTTP hygiene.
    max_body_bytes: int = Field(default=1_048_576, ge=1024)

    # Events.
    outbox_poll_seconds: float = Field(default=0.5, gt=0)
    outbox_batch_size: int = Field(default=200, ge=1)
    outbox_retention_days: int = Field(default=14, ge=1)
    outbox_max_attempts: int = Field(default=50, ge=1)
    consumer_max_deliver: int = Field(default=5, ge=1)
    consumer_ack_wait_seconds: float = Field(default=30, gt=0)
    stream_duplicate_window_seconds: float = Field(default=120, gt=0)
    # Copies of each stream in a JetStream cluster: 1 for one server (embedded, compose), 3 in
    # production (deploy/k8s/nats.yaml); declaring with another count would cut a stream back.
    stream_replicas: int = Field(default=1, ge=1, le=5)
    # How long each service's stream keeps events (0 = for ever). Projections are rebuilt by
    # replaying the owner's stream, so shortening it means rebuilding from the owner's API instead.
    stream_max_age_days: int = Field(default=0, ge=0)
    # Account changes replayed at start so that tokens issued before them stay refused; must be at
    # least the gateway's access-token lifetime.
    token_revocation_lookback_seconds: float = Field(default=3600, gt=0)
    # Reference data: villages come from an administrator's CSV; the demo file is the default.
    villages_file: Path | None = None

    # Rate limits (shared.ratelimit: sign-in, public listings). memory:// counts in each process;
    # with replicas, a Redis URL (redis://host:6379/0) makes them share one count.
    rate_limit_storage: str = Field(default="memory://", repr=False)
    rate_limit_key_prefix: str = "xianjie"

    # Uploaded files (shared.objectstore). Empty: a folder under data_dir (``<data_dir>/objects``);
    # ``file:///path``: that folder (one host, a persistent volume); ``http(s)://host:port``: an
    # S3-compatible server (MinIO, SeaweedFS, Ceph, a cloud's), with the bucket and keys below.
    object_store_url: str = ""
    object_store_bucket: str = "xianjie"
    object_store_region: str = "us-east-1"
    object_store_access_key: str = Field(default="", repr=False)
    object_store_secret_key: str = Field(default="", repr=False)

    # --- integrators (issue 14) ---
    # The gateway's address as departments reach it: events name their payload schema there
    # (``dataschema`` = <public_url>/schemas/events/<type>.json). Practice: CloudEvents 1.0 dataschema.
    public_url: str = "http://127.0.0.1:8000"

    # --- national-system work data (issue 13) ---
    # Keys the ID-number match hash monitoring and employment share (shared.id_number_match) so the
    # national system's work file, keyed by ID number, matches employment's members without employment
    # keeping numbers. Not monitoring's id_number_key (that one encrypts). Practice; refused in production
    # while it is the development default.
    id_number_match_key: str = Field(default=DEV_ID_NUMBER_MATCH_KEY, min_length=16, repr=False)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings]
        if cls.component:
            sources.append(EnvSettingsSource(settings_cls, env_prefix=f"XIANJIE_{cls.component.upper()}_"))
        sources += [env_settings, dotenv_settings, file_secret_settings]
        return tuple(sources)

    @model_validator(mode="after")
    def _production_needs_real_servers(self) -> SuiteSettings:
        if self.environment is Environment.PRODUCTION:
            required = ("database_url", "nats_url") if self.needs_nats else ("database_url",)
            missing = [n for n in required if not getattr(self, n)]
            if missing:
                raise ValueError(f"production needs {', '.join(missing)} (no embedded servers)")
        return self

    @model_validator(mode="after")
    def _real_match_key_in_production(self) -> SuiteSettings:
        if (
            self.environment is Environment.PRODUCTION
            and self.needs_id_number_match
            and (
                self.id_number_match_key == DEV_ID_NUMBER_MATCH_KEY
                or self.id_number_match_key.upper().startswith("REPLACE-ME")
            )
        ):
            raise ValueError("XIANJIE_ID_NUMBER_MATCH_KEY must be a real secret in production")
        return self

    @model_validator(mode="after")
    def _object_store_named_in_production(self) -> SuiteSettings:
        url = self.object_store_url.strip()
        if url and not url.startswith(("file:///", "http://", "https://")):
            raise ValueError("object_store_url must be empty, file:///path or http(s)://host[:port]")
        if self.environment is Environment.PRODUCTION and self.needs_object_store:
            # The default folder is the process's own data dir: inside a container it goes with the
            # container and replicas do not share it, so production names its store on purpose.
            if not url:
                raise ValueError("production needs object_store_url (file:///path or an S3 endpoint)")
            if url.startswith("http") and (
                not self.object_store_access_key
                or self.object_store_secret_key.upper().startswith("REPLACE-ME")
                or not self.object_store_secret_key
            ):
                raise ValueError("production needs real object store credentials for an S3 endpoint")
        return self


class ServiceSettings(SuiteSettings):
    """Settings of one HTTP component (a service or the gateway)."""

    host: str = "127.0.0.1"
    port: int = 0
    # The refused rows of a ledger import (shared.import_refusals): kept this long for download,
    # then purged by a periodic task (0 or less: the task is off).
    import_refusals_keep_days: int = Field(default=7, ge=1, le=90)
    import_refusals_purge_interval_seconds: float = 3600.0
