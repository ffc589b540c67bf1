from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.funds_indicator_in import FundsIndicatorIn


T = TypeVar("T", bound="FundsTargetsSet")


@_attrs_define
class FundsTargetsSet:
    """
    Attributes:
        indicators (list[FundsIndicatorIn]):
    """

    indicators: list[FundsIndicatorIn]

    def to_dict(self) -> dict[str, Any]:
        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "indicators": indicators,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funds_indicator_in import FundsIndicatorIn  # noqa: PLC0415

        d = dict(src_dict)
        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in _indicators:
            indicators_item = FundsIndicatorIn.from_dict(indicators_item_data)

            indicators.append(indicators_item)

        funds_targets_set = cls(
            indicators=indicators,
        )

        return funds_targets_set
