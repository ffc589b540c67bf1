from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.monitoring_water_site_status import MonitoringWaterSiteStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringWaterSiteIn")


@_attrs_define
class MonitoringWaterSiteIn:
    """
    Attributes:
        code (str): 点位编号（区级清单中的编号，唯一）
        name (str): 点位名称
        works (str): 所属供水工程
        town_code (str): 乡镇（街道）代码
        village_code (str): 村（社区）代码
        year (int): 项目年度
        status (MonitoringWaterSiteStatus | Unset): planned=未开工；under_construction=在建；completed=已完工
        completed_on (datetime.date | None | Unset): 完工日期（已完工时必填）
        funds_project_id (None | Unset | UUID): 资金项目编号（本镇已批复的项目）
        demo (bool | Unset): 演示数据 Default: False.
    """

    code: str
    name: str
    works: str
    town_code: str
    village_code: str
    year: int
    status: MonitoringWaterSiteStatus | Unset = UNSET
    completed_on: datetime.date | None | Unset = UNSET
    funds_project_id: None | Unset | UUID = UNSET
    demo: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        works = self.works

        town_code = self.town_code

        village_code = self.village_code

        year = self.year

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        completed_on: None | str | Unset
        if isinstance(self.completed_on, Unset):
            completed_on = UNSET
        elif isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        funds_project_id: None | str | Unset
        if isinstance(self.funds_project_id, Unset):
            funds_project_id = UNSET
        elif isinstance(self.funds_project_id, UUID):
            funds_project_id = str(self.funds_project_id)
        else:
            funds_project_id = self.funds_project_id

        demo = self.demo

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "works": works,
                "town_code": town_code,
                "village_code": village_code,
                "year": year,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on
        if funds_project_id is not UNSET:
            field_dict["funds_project_id"] = funds_project_id
        if demo is not UNSET:
            field_dict["demo"] = demo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        works = d.pop("works")

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        year = d.pop("year")

        _status = d.pop("status", UNSET)
        status: MonitoringWaterSiteStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = MonitoringWaterSiteStatus(_status)

        def _parse_completed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        completed_on = _parse_completed_on(d.pop("completed_on", UNSET))

        def _parse_funds_project_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                funds_project_id_type_0 = UUID(data)

                return funds_project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        funds_project_id = _parse_funds_project_id(d.pop("funds_project_id", UNSET))

        demo = d.pop("demo", UNSET)

        monitoring_water_site_in = cls(
            code=code,
            name=name,
            works=works,
            town_code=town_code,
            village_code=village_code,
            year=year,
            status=status,
            completed_on=completed_on,
            funds_project_id=funds_project_id,
            demo=demo,
        )

        return monitoring_water_site_in
