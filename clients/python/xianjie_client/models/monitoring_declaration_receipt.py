from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringDeclarationReceipt")


@_attrs_define
class MonitoringDeclarationReceipt:
    """What the applicant gets back: the code to quote, and nothing about the household.

    Attributes:
        tracking_code (str): 查询码：凭查询码和手机号查询办理进度
        next_step (str):
    """

    tracking_code: str
    next_step: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tracking_code = self.tracking_code

        next_step = self.next_step

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tracking_code": tracking_code,
                "next_step": next_step,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tracking_code = d.pop("tracking_code")

        next_step = d.pop("next_step")

        monitoring_declaration_receipt = cls(
            tracking_code=tracking_code,
            next_step=next_step,
        )

        monitoring_declaration_receipt.additional_properties = d
        return monitoring_declaration_receipt

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
