from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_dropout_outcome import MonitoringDropoutOutcome

T = TypeVar("T", bound="MonitoringClosureIn")


@_attrs_define
class MonitoringClosureIn:
    """
    Attributes:
        closed_on (datetime.date):
        outcome (MonitoringDropoutOutcome): returned=已劝返复学；special_education=送教上门或特殊教育安置；over_age=已超出义务教育年龄
    """

    closed_on: datetime.date
    outcome: MonitoringDropoutOutcome

    def to_dict(self) -> dict[str, Any]:
        closed_on = self.closed_on.isoformat()

        outcome = self.outcome.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "closed_on": closed_on,
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        closed_on = datetime.date.fromisoformat(d.pop("closed_on"))

        outcome = MonitoringDropoutOutcome(d.pop("outcome"))

        monitoring_closure_in = cls(
            closed_on=closed_on,
            outcome=outcome,
        )

        return monitoring_closure_in
