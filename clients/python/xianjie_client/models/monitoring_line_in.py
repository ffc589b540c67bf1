from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringLineIn")


@_attrs_define
class MonitoringLineIn:
    """
    Attributes:
        amount (int | str): 监测线（元/人·年）
    """

    amount: int | str

    def to_dict(self) -> dict[str, Any]:
        amount: int | str
        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        monitoring_line_in = cls(
            amount=amount,
        )

        return monitoring_line_in
