from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_water_site_status import MonitoringWaterSiteStatus

T = TypeVar("T", bound="MonitoringWaterSiteOut")


@_attrs_define
class MonitoringWaterSiteOut:
    """
    Attributes:
        id (UUID):
        code (str):
        name (str):
        works (str):
        town_code (str):
        village_code (str):
        year (int):
        status (MonitoringWaterSiteStatus): planned=未开工；under_construction=在建；completed=已完工
        completed_on (datetime.date | None):
        funds_project_id (None | UUID):
        demo (bool):
        version (int):
        updated_at (datetime.datetime):
        status_label (str): status 的中文名称
    """

    id: UUID
    code: str
    name: str
    works: str
    town_code: str
    village_code: str
    year: int
    status: MonitoringWaterSiteStatus
    completed_on: datetime.date | None
    funds_project_id: None | UUID
    demo: bool
    version: int
    updated_at: datetime.datetime
    status_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        works = self.works

        town_code = self.town_code

        village_code = self.village_code

        year = self.year

        status = self.status.value

        completed_on: None | str
        if isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        funds_project_id: None | str
        if isinstance(self.funds_project_id, UUID):
            funds_project_id = str(self.funds_project_id)
        else:
            funds_project_id = self.funds_project_id

        demo = self.demo

        version = self.version

        updated_at = self.updated_at.isoformat()

        status_label = self.status_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "works": works,
                "town_code": town_code,
                "village_code": village_code,
                "year": year,
                "status": status,
                "completed_on": completed_on,
                "funds_project_id": funds_project_id,
                "demo": demo,
                "version": version,
                "updated_at": updated_at,
                "status_label": status_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        name = d.pop("name")

        works = d.pop("works")

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        year = d.pop("year")

        status = MonitoringWaterSiteStatus(d.pop("status"))

        def _parse_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_on = _parse_completed_on(d.pop("completed_on"))

        def _parse_funds_project_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                funds_project_id_type_0 = UUID(data)

                return funds_project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        funds_project_id = _parse_funds_project_id(d.pop("funds_project_id"))

        demo = d.pop("demo")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        status_label = d.pop("status_label")

        monitoring_water_site_out = cls(
            id=id,
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
            version=version,
            updated_at=updated_at,
            status_label=status_label,
        )

        monitoring_water_site_out.additional_properties = d
        return monitoring_water_site_out

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
