from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.funds_actual_in import FundsActualIn


T = TypeVar("T", bound="FundsEvaluationCreate")


@_attrs_define
class FundsEvaluationCreate:
    """
    Attributes:
        evaluated_on (datetime.date):
        conclusion (str): 绩效评价结论
        actuals (list[FundsActualIn]):
    """

    evaluated_on: datetime.date
    conclusion: str
    actuals: list[FundsActualIn]

    def to_dict(self) -> dict[str, Any]:
        evaluated_on = self.evaluated_on.isoformat()

        conclusion = self.conclusion

        actuals = []
        for actuals_item_data in self.actuals:
            actuals_item = actuals_item_data.to_dict()
            actuals.append(actuals_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "evaluated_on": evaluated_on,
                "conclusion": conclusion,
                "actuals": actuals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funds_actual_in import FundsActualIn  # noqa: PLC0415

        d = dict(src_dict)
        evaluated_on = datetime.date.fromisoformat(d.pop("evaluated_on"))

        conclusion = d.pop("conclusion")

        actuals = []
        _actuals = d.pop("actuals")
        for actuals_item_data in _actuals:
            actuals_item = FundsActualIn.from_dict(actuals_item_data)

            actuals.append(actuals_item)

        funds_evaluation_create = cls(
            evaluated_on=evaluated_on,
            conclusion=conclusion,
            actuals=actuals,
        )

        return funds_evaluation_create
