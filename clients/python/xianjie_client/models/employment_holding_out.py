from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EmploymentHoldingOut")


@_attrs_define
class EmploymentHoldingOut:
    """
    Attributes:
        id (UUID):
        post_id (UUID):
        worker_id (UUID):
        started_on (datetime.date):
        ended_on (datetime.date | None):
    """

    id: UUID
    post_id: UUID
    worker_id: UUID
    started_on: datetime.date
    ended_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        post_id = str(self.post_id)

        worker_id = str(self.worker_id)

        started_on = self.started_on.isoformat()

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "post_id": post_id,
                "worker_id": worker_id,
                "started_on": started_on,
                "ended_on": ended_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        post_id = UUID(d.pop("post_id"))

        worker_id = UUID(d.pop("worker_id"))

        started_on = datetime.date.fromisoformat(d.pop("started_on"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        employment_holding_out = cls(
            id=id,
            post_id=post_id,
            worker_id=worker_id,
            started_on=started_on,
            ended_on=ended_on,
        )

        employment_holding_out.additional_properties = d
        return employment_holding_out

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
