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


class CloudEvent(BaseModel):
    model_config = ConfigDict(extra="allow")

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
            dataschema=f"urn:xianjie:schema:{self.type}",
            data=payload.model_dump(mode="json"),
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
