from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringPolicyExplained")


@_attrs_define
class MonitoringPolicyExplained:
    """明白纸: one policy of the toolbox explained during the visit.

    Attributes:
        policy_code (str): 帮扶政策工具箱中的政策编码
        already_known (bool): 讲解前农户是否已知晓该政策（知晓率的分子）
    """

    policy_code: str
    already_known: bool

    def to_dict(self) -> dict[str, Any]:
        policy_code = self.policy_code

        already_known = self.already_known

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "policy_code": policy_code,
                "already_known": already_known,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        policy_code = d.pop("policy_code")

        already_known = d.pop("already_known")

        monitoring_policy_explained = cls(
            policy_code=policy_code,
            already_known=already_known,
        )

        return monitoring_policy_explained
