from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_water_site_status import MonitoringWaterSiteStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringSiteProgressIn")


@_attrs_define
class MonitoringSiteProgressIn:
    """
    Attributes:
        status (MonitoringWaterSiteStatus): planned=未开工；under_construction=在建；completed=已完工
        completed_on (datetime.date | None | Unset): 完工日期（状态为已完工时必填）
    """

    status: MonitoringWaterSiteStatus
    completed_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        completed_on: None | str | Unset
        if isinstance(self.completed_on, Unset):
            completed_on = UNSET
        elif isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if completed_on is not UNSET:
            field_dict["completed_on"] = completed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = MonitoringWaterSiteStatus(d.pop("status"))

        def _parse_completed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)

                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        completed_on = _parse_completed_on(d.pop("completed_on", UNSET))

        monitoring_site_progress_in = cls(
            status=status,
            completed_on=completed_on,
        )

        return monitoring_site_progress_in
