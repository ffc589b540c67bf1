from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.employment_parked_event_envelope import EmploymentParkedEventEnvelope


T = TypeVar("T", bound="EmploymentParkedEvent")


@_attrs_define
class EmploymentParkedEvent:
    """
    Attributes:
        id (int):
        event_id (str):
        consumer (str):
        event_type (str):
        nats_subject (str):
        error (str):
        deliveries (int):
        parked_at (datetime.datetime):
        replayed_at (datetime.datetime | None):
        envelope (EmploymentParkedEventEnvelope):
    """

    id: int
    event_id: str
    consumer: str
    event_type: str
    nats_subject: str
    error: str
    deliveries: int
    parked_at: datetime.datetime
    replayed_at: datetime.datetime | None
    envelope: EmploymentParkedEventEnvelope
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        event_id = self.event_id

        consumer = self.consumer

        event_type = self.event_type

        nats_subject = self.nats_subject

        error = self.error

        deliveries = self.deliveries

        parked_at = self.parked_at.isoformat()

        replayed_at: None | str
        if isinstance(self.replayed_at, datetime.datetime):
            replayed_at = self.replayed_at.isoformat()
        else:
            replayed_at = self.replayed_at

        envelope = self.envelope.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "event_id": event_id,
                "consumer": consumer,
                "event_type": event_type,
                "nats_subject": nats_subject,
                "error": error,
                "deliveries": deliveries,
                "parked_at": parked_at,
                "replayed_at": replayed_at,
                "envelope": envelope,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employment_parked_event_envelope import EmploymentParkedEventEnvelope  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        event_id = d.pop("event_id")

        consumer = d.pop("consumer")

        event_type = d.pop("event_type")

        nats_subject = d.pop("nats_subject")

        error = d.pop("error")

        deliveries = d.pop("deliveries")

        parked_at = datetime.datetime.fromisoformat(d.pop("parked_at"))

        def _parse_replayed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replayed_at_type_0 = datetime.datetime.fromisoformat(data)

                return replayed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        replayed_at = _parse_replayed_at(d.pop("replayed_at"))

        envelope = EmploymentParkedEventEnvelope.from_dict(d.pop("envelope"))

        employment_parked_event = cls(
            id=id,
            event_id=event_id,
            consumer=consumer,
            event_type=event_type,
            nats_subject=nats_subject,
            error=error,
            deliveries=deliveries,
            parked_at=parked_at,
            replayed_at=replayed_at,
            envelope=envelope,
        )

        employment_parked_event.additional_properties = d
        return employment_parked_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
