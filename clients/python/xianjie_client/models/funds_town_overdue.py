from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsTownOverdue")


@_attrs_define
class FundsTownOverdue:
    """
    Attributes:
        town_code (str):
        town_name (None | str):
        loans (int):
        outstanding (str): 贷款余额
        overdue_loans (int):
        overdue_balance (str): 逾期余额
        overdue_ratio (None | str): 逾期率 = 逾期余额 ÷ 贷款余额
        over_bound (bool):
    """

    town_code: str
    town_name: None | str
    loans: int
    outstanding: str
    overdue_loans: int
    overdue_balance: str
    overdue_ratio: None | str
    over_bound: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        town_code = self.town_code

        town_name: None | str
        town_name = self.town_name

        loans = self.loans

        outstanding = self.outstanding

        overdue_loans = self.overdue_loans

        overdue_balance = self.overdue_balance

        overdue_ratio: None | str
        overdue_ratio = self.overdue_ratio

        over_bound = self.over_bound

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "town_code": town_code,
                "town_name": town_name,
                "loans": loans,
                "outstanding": outstanding,
                "overdue_loans": overdue_loans,
                "overdue_balance": overdue_balance,
                "overdue_ratio": overdue_ratio,
                "over_bound": over_bound,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        town_code = d.pop("town_code")

        def _parse_town_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        town_name = _parse_town_name(d.pop("town_name"))

        loans = d.pop("loans")

        outstanding = d.pop("outstanding")

        overdue_loans = d.pop("overdue_loans")

        overdue_balance = d.pop("overdue_balance")

        def _parse_overdue_ratio(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        overdue_ratio = _parse_overdue_ratio(d.pop("overdue_ratio"))

        over_bound = d.pop("over_bound")

        funds_town_overdue = cls(
            town_code=town_code,
            town_name=town_name,
            loans=loans,
            outstanding=outstanding,
            overdue_loans=overdue_loans,
            overdue_balance=overdue_balance,
            overdue_ratio=overdue_ratio,
            over_bound=over_bound,
        )

        funds_town_overdue.additional_properties = d
        return funds_town_overdue

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
