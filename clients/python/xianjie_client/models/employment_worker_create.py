from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.employment_channel import EmploymentChannel
from ..models.employment_work_place import EmploymentWorkPlace
from ..models.employment_worker_status import EmploymentWorkerStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="EmploymentWorkerCreate")


@_attrs_define
class EmploymentWorkerCreate:
    """
    Attributes:
        household_id (UUID): 监测服务中的农户编号
        member_id (UUID): 监测服务中的家庭成员编号
        town_code (str): 乡镇（街道）代码
        village_code (str): 村（社区）代码
        status (EmploymentWorkerStatus): employed=务工就业；unemployed=未就业
        employer (None | str | Unset): 就业单位
        place (EmploymentWorkPlace | None | Unset): 务工地点：县内 / 省内县外 / 省外
        monthly_wage (int | None | str | Unset): 月工资（元）
        employed_since (datetime.date | None | Unset): 本次就业开始日期（默认今天）
        sector (None | str | Unset): 行业
        channel (EmploymentChannel | None | Unset): 就业渠道
        skills (list[str] | Unset): 技能（如 电工、焊工、厨师）
    """

    household_id: UUID
    member_id: UUID
    town_code: str
    village_code: str
    status: EmploymentWorkerStatus
    employer: None | str | Unset = UNSET
    place: EmploymentWorkPlace | None | Unset = UNSET
    monthly_wage: int | None | str | Unset = UNSET
    employed_since: datetime.date | None | Unset = UNSET
    sector: None | str | Unset = UNSET
    channel: EmploymentChannel | None | Unset = UNSET
    skills: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        member_id = str(self.member_id)

        town_code = self.town_code

        village_code = self.village_code

        status = self.status.value

        employer: None | str | Unset
        if isinstance(self.employer, Unset):
            employer = UNSET
        else:
            employer = self.employer

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        elif isinstance(self.place, EmploymentWorkPlace):
            place = self.place.value
        else:
            place = self.place

        monthly_wage: int | None | str | Unset
        if isinstance(self.monthly_wage, Unset):
            monthly_wage = UNSET
        else:
            monthly_wage = self.monthly_wage

        employed_since: None | str | Unset
        if isinstance(self.employed_since, Unset):
            employed_since = UNSET
        elif isinstance(self.employed_since, datetime.date):
            employed_since = self.employed_since.isoformat()
        else:
            employed_since = self.employed_since

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

        skills: list[str] | Unset = UNSET
        if not isinstance(self.skills, Unset):
            skills = self.skills

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "household_id": household_id,
                "member_id": member_id,
                "town_code": town_code,
                "village_code": village_code,
                "status": status,
            }
        )
        if employer is not UNSET:
            field_dict["employer"] = employer
        if place is not UNSET:
            field_dict["place"] = place
        if monthly_wage is not UNSET:
            field_dict["monthly_wage"] = monthly_wage
        if employed_since is not UNSET:
            field_dict["employed_since"] = employed_since
        if sector is not UNSET:
            field_dict["sector"] = sector
        if channel is not UNSET:
            field_dict["channel"] = channel
        if skills is not UNSET:
            field_dict["skills"] = skills

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        member_id = UUID(d.pop("member_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        status = EmploymentWorkerStatus(d.pop("status"))

        def _parse_employer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        employer = _parse_employer(d.pop("employer", UNSET))

        def _parse_place(data: object) -> EmploymentWorkPlace | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                place_type_0 = EmploymentWorkPlace(data)

                return place_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentWorkPlace | None | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        def _parse_monthly_wage(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        monthly_wage = _parse_monthly_wage(d.pop("monthly_wage", UNSET))

        def _parse_employed_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employed_since_type_0 = datetime.date.fromisoformat(data)

                return employed_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        employed_since = _parse_employed_since(d.pop("employed_since", UNSET))

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

        skills = cast(list[str], d.pop("skills", UNSET))

        employment_worker_create = cls(
            household_id=household_id,
            member_id=member_id,
            town_code=town_code,
            village_code=village_code,
            status=status,
            employer=employer,
            place=place,
            monthly_wage=monthly_wage,
            employed_since=employed_since,
            sector=sector,
            channel=channel,
            skills=skills,
        )

        return employment_worker_create
