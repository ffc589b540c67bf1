from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_risk_cause import MonitoringRiskCause

T = TypeVar("T", bound="MonitoringRiskResolutionIn")


@_attrs_define
class MonitoringRiskResolutionIn:
    """
    Attributes:
        cause (MonitoringRiskCause): illness=因病；disability=因残；schooling=因学；disaster=因灾；accident=因意外事故；business_failure=因
            产业失败；unstable_work=因务工就业不稳；lack_of_labour=缺劳动力；housing=住房安全；drinking_water=饮水安全；medical_insurance=基本医疗保险未参保；othe
            r=其他
        resolved_on (datetime.date): 消除日期（纳入监测之后，不晚于今天）
        how (str): 如何消除（措施、依据）
    """

    cause: MonitoringRiskCause
    resolved_on: datetime.date
    how: str

    def to_dict(self) -> dict[str, Any]:
        cause = self.cause.value

        resolved_on = self.resolved_on.isoformat()

        how = self.how

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cause": cause,
                "resolved_on": resolved_on,
                "how": how,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cause = MonitoringRiskCause(d.pop("cause"))

        resolved_on = datetime.date.fromisoformat(d.pop("resolved_on"))

        how = d.pop("how")

        monitoring_risk_resolution_in = cls(
            cause=cause,
            resolved_on=resolved_on,
            how=how,
        )

        return monitoring_risk_resolution_in
