from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringDeliveryIn")


@_attrs_define
class MonitoringDeliveryIn:
    """
    Attributes:
        delivered_on (datetime.date): 落实日期：不早于措施开始日期，不晚于今天
        note (str): 落实情况
    """

    delivered_on: datetime.date
    note: str

    def to_dict(self) -> dict[str, Any]:
        delivered_on = self.delivered_on.isoformat()

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "delivered_on": delivered_on,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))

        note = d.pop("note")

        monitoring_delivery_in = cls(
            delivered_on=delivered_on,
            note=note,
        )

        return monitoring_delivery_in
