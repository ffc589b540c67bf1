from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.employment_subsidy_total import EmploymentSubsidyTotal


T = TypeVar("T", bound="EmploymentSubsidyTotals")


@_attrs_define
class EmploymentSubsidyTotals:
    """按乡镇、补贴类型汇总（发放日期所在年度；冲销计入原发放年度）.

    Attributes:
        year (int):
        rows (list[EmploymentSubsidyTotal]):
        amount (str): 合计
    """

    year: int
    rows: list[EmploymentSubsidyTotal]
    amount: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "rows": rows,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employment_subsidy_total import EmploymentSubsidyTotal  # noqa: PLC0415

        d = dict(src_dict)
        year = d.pop("year")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = EmploymentSubsidyTotal.from_dict(rows_item_data)

            rows.append(rows_item)

        amount = d.pop("amount")

        employment_subsidy_totals = cls(
            year=year,
            rows=rows,
            amount=amount,
        )

        employment_subsidy_totals.additional_properties = d
        return employment_subsidy_totals

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
