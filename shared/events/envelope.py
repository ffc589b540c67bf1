"""CloudEvents 1.0 (JSON structured mode) and the naming rules of our subjects and streams.

``type``  = ``cn.xianjie.<service>.<aggregate>.<event>.v<N>``
``source`` = ``/xianjie/<service>``; NATS subject = ``xianjie.<service>.<aggregate>.<event>``;
one stream per service, ``XIANJIE_<SERVICE>``, holding ``xianjie.<service>.>``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from shared.tracing import trace_context


def _require_specversion(schema: dict[str, Any]) -> None:
    # CloudEvents 1.0 requires it; a default would otherwise make it optional in the JSON schema.
    required = schema.setdefault("required", [])
    if "specversion" not in required:
        required.insert(0, "specversion")


class CloudEvent(BaseModel):
    model_config = ConfigDict(extra="allow", json_schema_extra=_require_specversion)

    specversion: Literal["1.0"] = "1.0"
    id: uuid.UUID
    source: str
    type: str
    subject: str | None = None
    time: datetime
    datacontenttype: Literal["application/json"] = "application/json"
    dataschema: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class EventPayload(BaseModel):
    """Base of every published payload: ids and codes only, never personal details."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# Where integrators fetch a payload's JSON schema: the gateway's /schemas/events/<type>.json.
# Set once per process from the ``public_url`` setting (shared.component); events name it in
# ``dataschema`` so a department can validate what it receives.
_schema_base = ["http://127.0.0.1:8000"]


def configure_event_schemas(public_url: str) -> None:
    _schema_base[0] = public_url.rstrip("/")


def dataschema_url(event_type: str) -> str:
    return f"{_schema_base[0]}/schemas/events/{event_type}.json"


def stream_name(service: str) -> str:
    return f"XIANJIE_{service.upper()}"


def stream_subjects(service: str) -> list[str]:
    return [f"xianjie.{service}.>"]


class _EventNaming:
    """Type, subject and source of an event, from the service, aggregate, name and version."""

    service: str
    aggregate: str
    name: str
    version: int

    @property
    def type(self) -> str:
        return f"cn.xianjie.{self.service}.{self.aggregate}.{self.name}.v{self.version}"

    @property
    def nats_subject(self) -> str:
        return f"xianjie.{self.service}.{self.aggregate}.{self.name}"

    @property
    def source(self) -> str:
        return f"/xianjie/{self.service}"


@dataclass(frozen=True)
class EventSpec(_EventNaming):
    """One kind of event a service publishes; the single source for type, subject and schema."""

    service: str
    aggregate: str
    name: str
    payload: type[EventPayload]
    version: int = 1
    summary: str = ""

    def envelope(self, subject: str, payload: EventPayload) -> CloudEvent:
        if not isinstance(payload, self.payload):
            raise TypeError(f"{self.type} carries {self.payload.__name__}, not {type(payload).__name__}")
        return CloudEvent(
            id=uuid.uuid4(),
            source=self.source,
            type=self.type,
            subject=subject,
            time=datetime.now(UTC),
            dataschema=dataschema_url(self.type),
            data=payload.model_dump(mode="json"),
            # The writing request's trace (CloudEvents distributed-tracing extension); none when off.
            **trace_context(),
        )


class EventReading(BaseModel):
    """A consumer's own reading of another service's payload: the fields it uses, nothing else.

    Unknown fields are ignored (producers may add fields within a version); the contract test in
    tests/kit checks each reading against the producer's ``EventSpec``.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)


ReadingT = TypeVar("ReadingT", bound=EventReading)


@dataclass(frozen=True)
class ConsumedEvent(_EventNaming, Generic[ReadingT]):
    """An event of another service that this one reacts to, declared once by the consumer.

    The consumer never imports the producer's package, so it names the event itself; type and
    subject come from the same rules as :class:`EventSpec`, and a test pairs the two.
    """

    service: str
    aggregate: str
    name: str
    payload: type[ReadingT]
    version: int = 1

    def read(self, event: CloudEvent) -> ReadingT:
        return self.payload.model_validate(event.data)
