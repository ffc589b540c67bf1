"""CloudEvents 1.0 (JSON structured mode) and the naming rules of our subjects and streams.

``type``  = ``cn.xianjie.<service>.<aggregate>.<event>.v<N>``
``source`` = ``/xianjie/<service>``; NATS subject = ``xianjie.<service>.<aggregate>.<event>``;
one stream per service, ``XIANJIE_<SERVICE>``, holding ``xianjie.<service>.>``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

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


@dataclass(frozen=True)
class EventSpec:
    """One kind of event a service publishes; the single source for type, subject and schema."""

    service: str
    aggregate: str
    name: str
    payload: type[EventPayload]
    version: int = 1
    summary: str = ""

    @property
    def type(self) -> str:
        return f"cn.xianjie.{self.service}.{self.aggregate}.{self.name}.v{self.version}"

    @property
    def nats_subject(self) -> str:
        return f"xianjie.{self.service}.{self.aggregate}.{self.name}"

    @property
    def source(self) -> str:
        return f"/xianjie/{self.service}"

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
