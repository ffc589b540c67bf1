from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringTrainingOut")


@_attrs_define
class MonitoringTrainingOut:
    """
    Attributes:
        id (UUID):
        team_id (UUID):
        member_id (UUID):
        village_code (str):
        topic (str):
        organiser (str):
        held_on (datetime.date):
        hours (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    team_id: UUID
    member_id: UUID
    village_code: str
    topic: str
    organiser: str
    held_on: datetime.date
    hours: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        team_id = str(self.team_id)

        member_id = str(self.member_id)

        village_code = self.village_code

        topic = self.topic

        organiser = self.organiser

        held_on = self.held_on.isoformat()

        hours = self.hours

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "team_id": team_id,
                "member_id": member_id,
                "village_code": village_code,
                "topic": topic,
                "organiser": organiser,
                "held_on": held_on,
                "hours": hours,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        team_id = UUID(d.pop("team_id"))

        member_id = UUID(d.pop("member_id"))

        village_code = d.pop("village_code")

        topic = d.pop("topic")

        organiser = d.pop("organiser")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        hours = d.pop("hours")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        monitoring_training_out = cls(
            id=id,
            team_id=team_id,
            member_id=member_id,
            village_code=village_code,
            topic=topic,
            organiser=organiser,
            held_on=held_on,
            hours=hours,
            created_at=created_at,
            updated_at=updated_at,
        )

        monitoring_training_out.additional_properties = d
        return monitoring_training_out

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
