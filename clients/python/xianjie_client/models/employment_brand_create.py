from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmploymentBrandCreate")


@_attrs_define
class EmploymentBrandCreate:
    """
    Attributes:
        name (str): 劳务品牌名称
        trade (str): 工种或行业
    """

    name: str
    trade: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        trade = self.trade

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "trade": trade,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        trade = d.pop("trade")

        employment_brand_create = cls(
            name=name,
            trade=trade,
        )

        return employment_brand_create
