from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monitoring_measure_out import MonitoringMeasureOut


T = TypeVar("T", bound="MonitoringPlanOut")


@_attrs_define
class MonitoringPlanOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        town_code (str):
        village_code (str):
        year (int):
        goal (str):
        measures (list[MonitoringMeasureOut]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    household_id: UUID
    town_code: str
    village_code: str
    year: int
    goal: str
    measures: list[MonitoringMeasureOut]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        town_code = self.town_code

        village_code = self.village_code

        year = self.year

        goal = self.goal

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "town_code": town_code,
                "village_code": village_code,
                "year": year,
                "goal": goal,
                "measures": measures,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_measure_out import MonitoringMeasureOut  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        year = d.pop("year")

        goal = d.pop("goal")

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = MonitoringMeasureOut.from_dict(measures_item_data)

            measures.append(measures_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        monitoring_plan_out = cls(
            id=id,
            household_id=household_id,
            town_code=town_code,
            village_code=village_code,
            year=year,
            goal=goal,
            measures=measures,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        monitoring_plan_out.additional_properties = d
        return monitoring_plan_out

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
