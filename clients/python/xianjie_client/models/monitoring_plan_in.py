from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.monitoring_measure_in import MonitoringMeasureIn


T = TypeVar("T", bound="MonitoringPlanIn")


@_attrs_define
class MonitoringPlanIn:
    """
    Attributes:
        household_id (UUID):
        year (int):
        goal (str): 帮扶目标
        measures (list[MonitoringMeasureIn]):
    """

    household_id: UUID
    year: int
    goal: str
    measures: list[MonitoringMeasureIn]

    def to_dict(self) -> dict[str, Any]:
        household_id = str(self.household_id)

        year = self.year

        goal = self.goal

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "household_id": household_id,
                "year": year,
                "goal": goal,
                "measures": measures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_measure_in import MonitoringMeasureIn  # noqa: PLC0415

        d = dict(src_dict)
        household_id = UUID(d.pop("household_id"))

        year = d.pop("year")

        goal = d.pop("goal")

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = MonitoringMeasureIn.from_dict(measures_item_data)

            measures.append(measures_item)

        monitoring_plan_in = cls(
            household_id=household_id,
            year=year,
            goal=goal,
            measures=measures,
        )

        return monitoring_plan_in
