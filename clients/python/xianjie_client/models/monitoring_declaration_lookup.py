from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringDeclarationLookup")


@_attrs_define
class MonitoringDeclarationLookup:
    """
    Attributes:
        tracking_code (str): 查询码（不区分大小写，可含连字符）
        phone (str): 申报时填写的手机号
    """

    tracking_code: str
    phone: str

    def to_dict(self) -> dict[str, Any]:
        tracking_code = self.tracking_code

        phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "tracking_code": tracking_code,
                "phone": phone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tracking_code = d.pop("tracking_code")

        phone = d.pop("phone")

        monitoring_declaration_lookup = cls(
            tracking_code=tracking_code,
            phone=phone,
        )

        return monitoring_declaration_lookup
