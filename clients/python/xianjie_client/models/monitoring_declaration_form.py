from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.monitoring_risk_cause_option import MonitoringRiskCauseOption


T = TypeVar("T", bound="MonitoringDeclarationForm")


@_attrs_define
class MonitoringDeclarationForm:
    """What the QR code on a village's notice board opens: the village and how to declare.

    Attributes:
        village_code (str):
        village_name (str):
        town_code (str):
        town_name (str):
        submit_to (str): POST 申报的地址（JSON，无需登录）
        lookup_at (str): POST 查询进度的地址（查询码 + 手机号）
        account_max_length (int):
        risk_causes (list[MonitoringRiskCauseOption]):
        notice (str):
    """

    village_code: str
    village_name: str
    town_code: str
    town_name: str
    submit_to: str
    lookup_at: str
    account_max_length: int
    risk_causes: list[MonitoringRiskCauseOption]
    notice: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        village_code = self.village_code

        village_name = self.village_name

        town_code = self.town_code

        town_name = self.town_name

        submit_to = self.submit_to

        lookup_at = self.lookup_at

        account_max_length = self.account_max_length

        risk_causes = []
        for risk_causes_item_data in self.risk_causes:
            risk_causes_item = risk_causes_item_data.to_dict()
            risk_causes.append(risk_causes_item)

        notice = self.notice

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "village_code": village_code,
                "village_name": village_name,
                "town_code": town_code,
                "town_name": town_name,
                "submit_to": submit_to,
                "lookup_at": lookup_at,
                "account_max_length": account_max_length,
                "risk_causes": risk_causes,
                "notice": notice,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.monitoring_risk_cause_option import MonitoringRiskCauseOption  # noqa: PLC0415

        d = dict(src_dict)
        village_code = d.pop("village_code")

        village_name = d.pop("village_name")

        town_code = d.pop("town_code")

        town_name = d.pop("town_name")

        submit_to = d.pop("submit_to")

        lookup_at = d.pop("lookup_at")

        account_max_length = d.pop("account_max_length")

        risk_causes = []
        _risk_causes = d.pop("risk_causes")
        for risk_causes_item_data in _risk_causes:
            risk_causes_item = MonitoringRiskCauseOption.from_dict(risk_causes_item_data)

            risk_causes.append(risk_causes_item)

        notice = d.pop("notice")

        monitoring_declaration_form = cls(
            village_code=village_code,
            village_name=village_name,
            town_code=town_code,
            town_name=town_name,
            submit_to=submit_to,
            lookup_at=lookup_at,
            account_max_length=account_max_length,
            risk_causes=risk_causes,
            notice=notice,
        )

        monitoring_declaration_form.additional_properties = d
        return monitoring_declaration_form

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
