from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringVillageDesignation")


@_attrs_define
class MonitoringVillageDesignation:
    """
    Attributes:
        lifted_out_village (bool): 是否脱贫村
        since (datetime.date): 自何日起（认定日期）
    """

    lifted_out_village: bool
    since: datetime.date

    def to_dict(self) -> dict[str, Any]:
        lifted_out_village = self.lifted_out_village

        since = self.since.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lifted_out_village": lifted_out_village,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lifted_out_village = d.pop("lifted_out_village")

        since = datetime.date.fromisoformat(d.pop("since"))

        monitoring_village_designation = cls(
            lifted_out_village=lifted_out_village,
            since=since,
        )

        return monitoring_village_designation
