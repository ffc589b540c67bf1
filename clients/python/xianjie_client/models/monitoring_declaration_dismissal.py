from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringDeclarationDismissal")


@_attrs_define
class MonitoringDeclarationDismissal:
    """
    Attributes:
        reason (str): 核实排除的理由（如查无此人、重复申报）
    """

    reason: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        monitoring_declaration_dismissal = cls(
            reason=reason,
        )

        return monitoring_declaration_dismissal
