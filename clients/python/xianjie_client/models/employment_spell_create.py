from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.employment_channel import EmploymentChannel
from ..models.employment_work_place import EmploymentWorkPlace
from ..types import UNSET, Unset

T = TypeVar("T", bound="EmploymentSpellCreate")


@_attrs_define
class EmploymentSpellCreate:
    """A new job. If an open main spell began earlier, it ends the day before (a job change).

    Attributes:
        employer (str): 就业单位
        place (EmploymentWorkPlace): in_county=县内；in_province=省内县外；out_of_province=省外
        started_on (datetime.date): 开始日期
        sector (None | str | Unset): 行业
        channel (EmploymentChannel | None | Unset): 就业渠道
        monthly_wage (int | None | str | Unset): 月工资（元）
        ended_on (datetime.date | None | Unset): 结束日期（最后工作日）；在岗则为空
        is_main (bool | Unset): 主要就业（计入就业规模）；兼职为 false Default: True.
    """

    employer: str
    place: EmploymentWorkPlace
    started_on: datetime.date
    sector: None | str | Unset = UNSET
    channel: EmploymentChannel | None | Unset = UNSET
    monthly_wage: int | None | str | Unset = UNSET
    ended_on: datetime.date | None | Unset = UNSET
    is_main: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        employer = self.employer

        place = self.place.value

        started_on = self.started_on.isoformat()

        sector: None | str | Unset
        if isinstance(self.sector, Unset):
            sector = UNSET
        else:
            sector = self.sector

        channel: None | str | Unset
        if isinstance(self.channel, Unset):
            channel = UNSET
        elif isinstance(self.channel, EmploymentChannel):
            channel = self.channel.value
        else:
            channel = self.channel

        monthly_wage: int | None | str | Unset
        if isinstance(self.monthly_wage, Unset):
            monthly_wage = UNSET
        else:
            monthly_wage = self.monthly_wage

        ended_on: None | str | Unset
        if isinstance(self.ended_on, Unset):
            ended_on = UNSET
        elif isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        is_main = self.is_main

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "employer": employer,
                "place": place,
                "started_on": started_on,
            }
        )
        if sector is not UNSET:
            field_dict["sector"] = sector
        if channel is not UNSET:
            field_dict["channel"] = channel
        if monthly_wage is not UNSET:
            field_dict["monthly_wage"] = monthly_wage
        if ended_on is not UNSET:
            field_dict["ended_on"] = ended_on
        if is_main is not UNSET:
            field_dict["is_main"] = is_main

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        employer = d.pop("employer")

        place = EmploymentWorkPlace(d.pop("place"))

        started_on = datetime.date.fromisoformat(d.pop("started_on"))

        def _parse_sector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sector = _parse_sector(d.pop("sector", UNSET))

        def _parse_channel(data: object) -> EmploymentChannel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                channel_type_0 = EmploymentChannel(data)

                return channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentChannel | None | Unset, data)

        channel = _parse_channel(d.pop("channel", UNSET))

        def _parse_monthly_wage(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        monthly_wage = _parse_monthly_wage(d.pop("monthly_wage", UNSET))

        def _parse_ended_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ended_on = _parse_ended_on(d.pop("ended_on", UNSET))

        is_main = d.pop("is_main", UNSET)

        employment_spell_create = cls(
            employer=employer,
            place=place,
            started_on=started_on,
            sector=sector,
            channel=channel,
            monthly_wage=monthly_wage,
            ended_on=ended_on,
            is_main=is_main,
        )

        return employment_spell_create
