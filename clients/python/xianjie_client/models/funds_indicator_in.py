from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funds_indicator_kind import FundsIndicatorKind

T = TypeVar("T", bound="FundsIndicatorIn")


@_attrs_define
class FundsIndicatorIn:
    """
    Attributes:
        kind (FundsIndicatorKind): output=产出指标；benefit=效益指标；satisfaction=满意度指标
        name (str):
        unit (str):
        target (int | str): 目标值
    """

    kind: FundsIndicatorKind
    name: str
    unit: str
    target: int | str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        unit = self.unit

        target: int | str
        target = self.target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
                "unit": unit,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = FundsIndicatorKind(d.pop("kind"))

        name = d.pop("name")

        unit = d.pop("unit")

        def _parse_target(data: object) -> int | str:
            return cast(int | str, data)

        target = _parse_target(d.pop("target"))

        funds_indicator_in = cls(
            kind=kind,
            name=name,
            unit=unit,
            target=target,
        )

        return funds_indicator_in
