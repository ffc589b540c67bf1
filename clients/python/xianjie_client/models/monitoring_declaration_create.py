from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_risk_cause import MonitoringRiskCause
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringDeclarationCreate")


@_attrs_define
class MonitoringDeclarationCreate:
    """农户自主申报 as the applicant (the farmer or a family member) fills it in.

    Attributes:
        village_code (str): 所在村（社区）代码，村务公开栏二维码中已带出
        applicant_name (str): 申报人姓名
        id_number (str): 申报人身份证号（18 位）
        phone (str): 申报人手机号，查询进度时需要
        account (str): 遇到的困难（发生了什么）
        risk_causes (list[MonitoringRiskCause] | Unset): 可选：风险类型
    """

    village_code: str
    applicant_name: str
    id_number: str
    phone: str
    account: str
    risk_causes: list[MonitoringRiskCause] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        village_code = self.village_code

        applicant_name = self.applicant_name

        id_number = self.id_number

        phone = self.phone

        account = self.account

        risk_causes: list[str] | Unset = UNSET
        if not isinstance(self.risk_causes, Unset):
            risk_causes = []
            for risk_causes_item_data in self.risk_causes:
                risk_causes_item = risk_causes_item_data.value
                risk_causes.append(risk_causes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "village_code": village_code,
                "applicant_name": applicant_name,
                "id_number": id_number,
                "phone": phone,
                "account": account,
            }
        )
        if risk_causes is not UNSET:
            field_dict["risk_causes"] = risk_causes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        village_code = d.pop("village_code")

        applicant_name = d.pop("applicant_name")

        id_number = d.pop("id_number")

        phone = d.pop("phone")

        account = d.pop("account")

        _risk_causes = d.pop("risk_causes", UNSET)
        risk_causes: list[MonitoringRiskCause] | Unset = UNSET
        if _risk_causes is not UNSET:
            risk_causes = []
            for risk_causes_item_data in _risk_causes:
                risk_causes_item = MonitoringRiskCause(risk_causes_item_data)

                risk_causes.append(risk_causes_item)

        monitoring_declaration_create = cls(
            village_code=village_code,
            applicant_name=applicant_name,
            id_number=id_number,
            phone=phone,
            account=account,
            risk_causes=risk_causes,
        )

        return monitoring_declaration_create
