from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringWithdrawalIn")


@_attrs_define
class MonitoringWithdrawalIn:
    """
    Attributes:
        reason (str): 撤回原因（留痕）
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

        monitoring_withdrawal_in = cls(
            reason=reason,
        )

        return monitoring_withdrawal_in
