from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringIncomeIn")


@_attrs_define
class MonitoringIncomeIn:
    """
    Attributes:
        wages (int | str): 工资性收入
        business (int | str): 生产经营性收入
        property_ (int | str): 财产性收入
        transfers (int | str): 转移性收入
        business_costs (int | str): 生产经营性支出
        rigid_expenses (int | str | Unset): 大额刚性支出（医疗、教育等） Default: '0.00'.
    """

    wages: int | str
    business: int | str
    property_: int | str
    transfers: int | str
    business_costs: int | str
    rigid_expenses: int | str | Unset = "0.00"

    def to_dict(self) -> dict[str, Any]:
        wages: int | str
        wages = self.wages

        business: int | str
        business = self.business

        property_: int | str
        property_ = self.property_

        transfers: int | str
        transfers = self.transfers

        business_costs: int | str
        business_costs = self.business_costs

        rigid_expenses: int | str | Unset
        if isinstance(self.rigid_expenses, Unset):
            rigid_expenses = UNSET
        else:
            rigid_expenses = self.rigid_expenses

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "wages": wages,
                "business": business,
                "property": property_,
                "transfers": transfers,
                "business_costs": business_costs,
            }
        )
        if rigid_expenses is not UNSET:
            field_dict["rigid_expenses"] = rigid_expenses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_wages(data: object) -> int | str:
            return cast(int | str, data)

        wages = _parse_wages(d.pop("wages"))

        def _parse_business(data: object) -> int | str:
            return cast(int | str, data)

        business = _parse_business(d.pop("business"))

        def _parse_property_(data: object) -> int | str:
            return cast(int | str, data)

        property_ = _parse_property_(d.pop("property"))

        def _parse_transfers(data: object) -> int | str:
            return cast(int | str, data)

        transfers = _parse_transfers(d.pop("transfers"))

        def _parse_business_costs(data: object) -> int | str:
            return cast(int | str, data)

        business_costs = _parse_business_costs(d.pop("business_costs"))

        def _parse_rigid_expenses(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        rigid_expenses = _parse_rigid_expenses(d.pop("rigid_expenses", UNSET))

        monitoring_income_in = cls(
            wages=wages,
            business=business,
            property_=property_,
            transfers=transfers,
            business_costs=business_costs,
            rigid_expenses=rigid_expenses,
        )

        return monitoring_income_in
