from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.employment_floor_series_place_labels import EmploymentFloorSeriesPlaceLabels
    from ..models.employment_month_point import EmploymentMonthPoint


T = TypeVar("T", bound="EmploymentFloorSeries")


@_attrs_define
class EmploymentFloorSeries:
    """Dashboard-ready monthly trend (看板): one point per month, floor lines included.

    Attributes:
        town_code (None | str):
        floor (int):
        warning_line (int): 预警线 = 底线 + 预警区间
        place_labels (EmploymentFloorSeriesPlaceLabels):
        points (list[EmploymentMonthPoint]):
    """

    town_code: None | str
    floor: int
    warning_line: int
    place_labels: EmploymentFloorSeriesPlaceLabels
    points: list[EmploymentMonthPoint]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        town_code: None | str
        town_code = self.town_code

        floor = self.floor

        warning_line = self.warning_line

        place_labels = self.place_labels.to_dict()

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "town_code": town_code,
                "floor": floor,
                "warning_line": warning_line,
                "place_labels": place_labels,
                "points": points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employment_floor_series_place_labels import EmploymentFloorSeriesPlaceLabels  # noqa: PLC0415
        from ..models.employment_month_point import EmploymentMonthPoint  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_town_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        town_code = _parse_town_code(d.pop("town_code"))

        floor = d.pop("floor")

        warning_line = d.pop("warning_line")

        place_labels = EmploymentFloorSeriesPlaceLabels.from_dict(d.pop("place_labels"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = EmploymentMonthPoint.from_dict(points_item_data)

            points.append(points_item)

        employment_floor_series = cls(
            town_code=town_code,
            floor=floor,
            warning_line=warning_line,
            place_labels=place_labels,
            points=points,
        )

        employment_floor_series.additional_properties = d
        return employment_floor_series

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
