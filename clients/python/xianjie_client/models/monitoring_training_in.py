from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringTrainingIn")


@_attrs_define
class MonitoringTrainingIn:
    """
    Attributes:
        team_id (UUID):
        member_id (UUID):
        topic (str):
        organiser (str): 举办单位
        held_on (datetime.date):
        hours (float | str): 学时
    """

    team_id: UUID
    member_id: UUID
    topic: str
    organiser: str
    held_on: datetime.date
    hours: float | str

    def to_dict(self) -> dict[str, Any]:
        team_id = str(self.team_id)

        member_id = str(self.member_id)

        topic = self.topic

        organiser = self.organiser

        held_on = self.held_on.isoformat()

        hours: float | str
        hours = self.hours

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "team_id": team_id,
                "member_id": member_id,
                "topic": topic,
                "organiser": organiser,
                "held_on": held_on,
                "hours": hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_id = UUID(d.pop("team_id"))

        member_id = UUID(d.pop("member_id"))

        topic = d.pop("topic")

        organiser = d.pop("organiser")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        def _parse_hours(data: object) -> float | str:
            return cast(float | str, data)

        hours = _parse_hours(d.pop("hours"))

        monitoring_training_in = cls(
            team_id=team_id,
            member_id=member_id,
            topic=topic,
            organiser=organiser,
            held_on=held_on,
            hours=hours,
        )

        return monitoring_training_in
