from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmploymentWageCreate")


@_attrs_define
class EmploymentWageCreate:
    """
    Attributes:
        month (str): 起始月份（YYYY-MM），该月起按此工资
        monthly_wage (int | str): 月工资（元）
    """

    month: str
    monthly_wage: int | str

    def to_dict(self) -> dict[str, Any]:
        month = self.month

        monthly_wage: int | str
        monthly_wage = self.monthly_wage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "month": month,
                "monthly_wage": monthly_wage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        month = d.pop("month")

        def _parse_monthly_wage(data: object) -> int | str:
            return cast(int | str, data)

        monthly_wage = _parse_monthly_wage(d.pop("monthly_wage"))

        employment_wage_create = cls(
            month=month,
            monthly_wage=monthly_wage,
        )

        return employment_wage_create
