from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundsAssessmentCreate")


@_attrs_define
class FundsAssessmentCreate:
    """
    Attributes:
        year (int):
        month (int): 节点月份（默认 7、10、12 月）
    """

    year: int
    month: int

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        month = self.month

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "year": year,
                "month": month,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        month = d.pop("month")

        funds_assessment_create = cls(
            year=year,
            month=month,
        )

        return funds_assessment_create
