from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsIndustryShare")


@_attrs_define
class FundsIndustryShare:
    """中央衔接资金用于产业的比重（实时）.

    Attributes:
        year (int):
        central_amount (str): 中央衔接资金规模
        industry_allocated (str): 已安排到产业项目
        non_industry_allocated (str): 已安排到非产业项目
        industry_share_of_allocated (None | str): 已安排资金中产业占比
        industry_share_min (str): 产业占比下限
        non_industry_limit (str): 非产业项目可安排上限 = 规模 ×（1 − 下限）
        non_industry_headroom (str): 非产业项目尚可安排
        at_risk (bool):
    """

    year: int
    central_amount: str
    industry_allocated: str
    non_industry_allocated: str
    industry_share_of_allocated: None | str
    industry_share_min: str
    non_industry_limit: str
    non_industry_headroom: str
    at_risk: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        central_amount = self.central_amount

        industry_allocated = self.industry_allocated

        non_industry_allocated = self.non_industry_allocated

        industry_share_of_allocated: None | str
        industry_share_of_allocated = self.industry_share_of_allocated

        industry_share_min = self.industry_share_min

        non_industry_limit = self.non_industry_limit

        non_industry_headroom = self.non_industry_headroom

        at_risk = self.at_risk

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "central_amount": central_amount,
                "industry_allocated": industry_allocated,
                "non_industry_allocated": non_industry_allocated,
                "industry_share_of_allocated": industry_share_of_allocated,
                "industry_share_min": industry_share_min,
                "non_industry_limit": non_industry_limit,
                "non_industry_headroom": non_industry_headroom,
                "at_risk": at_risk,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        central_amount = d.pop("central_amount")

        industry_allocated = d.pop("industry_allocated")

        non_industry_allocated = d.pop("non_industry_allocated")

        def _parse_industry_share_of_allocated(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        industry_share_of_allocated = _parse_industry_share_of_allocated(d.pop("industry_share_of_allocated"))

        industry_share_min = d.pop("industry_share_min")

        non_industry_limit = d.pop("non_industry_limit")

        non_industry_headroom = d.pop("non_industry_headroom")

        at_risk = d.pop("at_risk")

        funds_industry_share = cls(
            year=year,
            central_amount=central_amount,
            industry_allocated=industry_allocated,
            non_industry_allocated=non_industry_allocated,
            industry_share_of_allocated=industry_share_of_allocated,
            industry_share_min=industry_share_min,
            non_industry_limit=non_industry_limit,
            non_industry_headroom=non_industry_headroom,
            at_risk=at_risk,
        )

        funds_industry_share.additional_properties = d
        return funds_industry_share

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
