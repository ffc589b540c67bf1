from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_risk_cause import MonitoringRiskCause

T = TypeVar("T", bound="MonitoringDepartmentRecord")


@_attrs_define
class MonitoringDepartmentRecord:
    """
    Attributes:
        record_id (str): 部门系统中的记录编号（批内唯一）
        id_number (str): 身份证号，用于匹配农户
        risk_cause (MonitoringRiskCause): illness=因病；disability=因残；schooling=因学；disaster=因灾；accident=因意外事故；business_fail
            ure=因产业失败；unstable_work=因务工就业不稳；lack_of_labour=缺劳动力；housing=住房安全；drinking_water=饮水安全；medical_insurance=基本医疗保险未参保
            ；other=其他
        reason (str):
    """

    record_id: str
    id_number: str
    risk_cause: MonitoringRiskCause
    reason: str

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        id_number = self.id_number

        risk_cause = self.risk_cause.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "record_id": record_id,
                "id_number": id_number,
                "risk_cause": risk_cause,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_id = d.pop("record_id")

        id_number = d.pop("id_number")

        risk_cause = MonitoringRiskCause(d.pop("risk_cause"))

        reason = d.pop("reason")

        monitoring_department_record = cls(
            record_id=record_id,
            id_number=id_number,
            risk_cause=risk_cause,
            reason=reason,
        )

        return monitoring_department_record
