from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.assets_schedule_year import AssetsScheduleYear


T = TypeVar("T", bound="AssetsDepreciationSchedule")


@_attrs_define
class AssetsDepreciationSchedule:
    """
    Attributes:
        asset_id (UUID):
        method (str): 年限平均法
        original_value (str):
        useful_life_years (int):
        residual_rate (str):
        years (list[AssetsScheduleYear]):
    """

    asset_id: UUID
    method: str
    original_value: str
    useful_life_years: int
    residual_rate: str
    years: list[AssetsScheduleYear]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_id = str(self.asset_id)

        method = self.method

        original_value = self.original_value

        useful_life_years = self.useful_life_years

        residual_rate = self.residual_rate

        years = []
        for years_item_data in self.years:
            years_item = years_item_data.to_dict()
            years.append(years_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "asset_id": asset_id,
                "method": method,
                "original_value": original_value,
                "useful_life_years": useful_life_years,
                "residual_rate": residual_rate,
                "years": years,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assets_schedule_year import AssetsScheduleYear  # noqa: PLC0415

        d = dict(src_dict)
        asset_id = UUID(d.pop("asset_id"))

        method = d.pop("method")

        original_value = d.pop("original_value")

        useful_life_years = d.pop("useful_life_years")

        residual_rate = d.pop("residual_rate")

        years = []
        _years = d.pop("years")
        for years_item_data in _years:
            years_item = AssetsScheduleYear.from_dict(years_item_data)

            years.append(years_item)

        assets_depreciation_schedule = cls(
            asset_id=asset_id,
            method=method,
            original_value=original_value,
            useful_life_years=useful_life_years,
            residual_rate=residual_rate,
            years=years,
        )

        assets_depreciation_schedule.additional_properties = d
        return assets_depreciation_schedule

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
