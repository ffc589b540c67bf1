from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringIncomeOut")


@_attrs_define
class MonitoringIncomeOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        year (int):
        wages (str):
        business (str):
        property_ (str):
        transfers (str):
        business_costs (str):
        rigid_expenses (str):
        net_income (str): 家庭纯收入 = 四项收入 − 生产经营性支出
        per_capita_net_income (str): 人均纯收入 = 纯收入 ÷ 家庭人口数
        monitoring_line (None | str): 当年监测线（未设定时为空）
        below_line (bool | None):
        version (int):
        updated_at (datetime.datetime):
    """

    id: UUID
    household_id: UUID
    year: int
    wages: str
    business: str
    property_: str
    transfers: str
    business_costs: str
    rigid_expenses: str
    net_income: str
    per_capita_net_income: str
    monitoring_line: None | str
    below_line: bool | None
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        year = self.year

        wages = self.wages

        business = self.business

        property_ = self.property_

        transfers = self.transfers

        business_costs = self.business_costs

        rigid_expenses = self.rigid_expenses

        net_income = self.net_income

        per_capita_net_income = self.per_capita_net_income

        monitoring_line: None | str
        monitoring_line = self.monitoring_line

        below_line: bool | None
        below_line = self.below_line

        version = self.version

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "year": year,
                "wages": wages,
                "business": business,
                "property": property_,
                "transfers": transfers,
                "business_costs": business_costs,
                "rigid_expenses": rigid_expenses,
                "net_income": net_income,
                "per_capita_net_income": per_capita_net_income,
                "monitoring_line": monitoring_line,
                "below_line": below_line,
                "version": version,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        year = d.pop("year")

        wages = d.pop("wages")

        business = d.pop("business")

        property_ = d.pop("property")

        transfers = d.pop("transfers")

        business_costs = d.pop("business_costs")

        rigid_expenses = d.pop("rigid_expenses")

        net_income = d.pop("net_income")

        per_capita_net_income = d.pop("per_capita_net_income")

        def _parse_monitoring_line(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        monitoring_line = _parse_monitoring_line(d.pop("monitoring_line"))

        def _parse_below_line(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        below_line = _parse_below_line(d.pop("below_line"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        monitoring_income_out = cls(
            id=id,
            household_id=household_id,
            year=year,
            wages=wages,
            business=business,
            property_=property_,
            transfers=transfers,
            business_costs=business_costs,
            rigid_expenses=rigid_expenses,
            net_income=net_income,
            per_capita_net_income=per_capita_net_income,
            monitoring_line=monitoring_line,
            below_line=below_line,
            version=version,
            updated_at=updated_at,
        )

        monitoring_income_out.additional_properties = d
        return monitoring_income_out

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
