from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundsActualIn")


@_attrs_define
class FundsActualIn:
    """
    Attributes:
        indicator_id (UUID):
        actual (int | str): 金额（元），最多两位小数的字符串 / yuan as a decimal string
    """

    indicator_id: UUID
    actual: int | str

    def to_dict(self) -> dict[str, Any]:
        indicator_id = str(self.indicator_id)

        actual: int | str
        actual = self.actual

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "indicator_id": indicator_id,
                "actual": actual,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        indicator_id = UUID(d.pop("indicator_id"))

        def _parse_actual(data: object) -> int | str:
            return cast(int | str, data)

        actual = _parse_actual(d.pop("actual"))

        funds_actual_in = cls(
            indicator_id=indicator_id,
            actual=actual,
        )

        return funds_actual_in
