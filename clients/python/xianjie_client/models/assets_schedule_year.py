from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssetsScheduleYear")


@_attrs_define
class AssetsScheduleYear:
    """
    Attributes:
        year (int):
        months (int): 当年计提月数
        depreciation (str):
        accumulated (str): 累计折旧
        book_value (str): 年末账面价值
    """

    year: int
    months: int
    depreciation: str
    accumulated: str
    book_value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        months = self.months

        depreciation = self.depreciation

        accumulated = self.accumulated

        book_value = self.book_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "months": months,
                "depreciation": depreciation,
                "accumulated": accumulated,
                "book_value": book_value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        months = d.pop("months")

        depreciation = d.pop("depreciation")

        accumulated = d.pop("accumulated")

        book_value = d.pop("book_value")

        assets_schedule_year = cls(
            year=year,
            months=months,
            depreciation=depreciation,
            accumulated=accumulated,
            book_value=book_value,
        )

        assets_schedule_year.additional_properties = d
        return assets_schedule_year

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
