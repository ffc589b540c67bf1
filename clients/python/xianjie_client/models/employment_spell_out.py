from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employment_channel import EmploymentChannel
from ..models.employment_work_place import EmploymentWorkPlace

T = TypeVar("T", bound="EmploymentSpellOut")


@_attrs_define
class EmploymentSpellOut:
    """
    Attributes:
        id (UUID):
        worker_id (UUID):
        is_main (bool):
        employer (str):
        place (EmploymentWorkPlace): in_county=县内；in_province=省内县外；out_of_province=省外
        sector (None | str):
        channel (EmploymentChannel | None):
        monthly_wage (None | str):
        started_on (datetime.date):
        ended_on (datetime.date | None):
        end_reason (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        place_label (str): place 的中文名称
        channel_label (None | str): channel 的中文名称
    """

    id: UUID
    worker_id: UUID
    is_main: bool
    employer: str
    place: EmploymentWorkPlace
    sector: None | str
    channel: EmploymentChannel | None
    monthly_wage: None | str
    started_on: datetime.date
    ended_on: datetime.date | None
    end_reason: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    place_label: str
    channel_label: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        worker_id = str(self.worker_id)

        is_main = self.is_main

        employer = self.employer

        place = self.place.value

        sector: None | str
        sector = self.sector

        channel: None | str
        if isinstance(self.channel, EmploymentChannel):
            channel = self.channel.value
        else:
            channel = self.channel

        monthly_wage: None | str
        monthly_wage = self.monthly_wage

        started_on = self.started_on.isoformat()

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        end_reason: None | str
        end_reason = self.end_reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        place_label = self.place_label

        channel_label: None | str
        channel_label = self.channel_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "worker_id": worker_id,
                "is_main": is_main,
                "employer": employer,
                "place": place,
                "sector": sector,
                "channel": channel,
                "monthly_wage": monthly_wage,
                "started_on": started_on,
                "ended_on": ended_on,
                "end_reason": end_reason,
                "created_at": created_at,
                "updated_at": updated_at,
                "place_label": place_label,
                "channel_label": channel_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        worker_id = UUID(d.pop("worker_id"))

        is_main = d.pop("is_main")

        employer = d.pop("employer")

        place = EmploymentWorkPlace(d.pop("place"))

        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))

        def _parse_channel(data: object) -> EmploymentChannel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = EmploymentChannel(data)

                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentChannel | None, data)

        channel = _parse_channel(d.pop("channel"))

        def _parse_monthly_wage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        monthly_wage = _parse_monthly_wage(d.pop("monthly_wage"))

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

        def _parse_end_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        place_label = d.pop("place_label")

        def _parse_channel_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        channel_label = _parse_channel_label(d.pop("channel_label"))

        employment_spell_out = cls(
            id=id,
            worker_id=worker_id,
            is_main=is_main,
            employer=employer,
            place=place,
            sector=sector,
            channel=channel,
            monthly_wage=monthly_wage,
            started_on=started_on,
            ended_on=ended_on,
            end_reason=end_reason,
            created_at=created_at,
            updated_at=updated_at,
            place_label=place_label,
            channel_label=channel_label,
        )

        employment_spell_out.additional_properties = d
        return employment_spell_out

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
