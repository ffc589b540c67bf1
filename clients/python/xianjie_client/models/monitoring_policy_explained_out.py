from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringPolicyExplainedOut")


@_attrs_define
class MonitoringPolicyExplainedOut:
    """
    Attributes:
        policy_code (str):
        policy_name (str):
        already_known (bool):
    """

    policy_code: str
    policy_name: str
    already_known: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        policy_code = self.policy_code

        policy_name = self.policy_name

        already_known = self.already_known

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "policy_code": policy_code,
                "policy_name": policy_name,
                "already_known": already_known,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        policy_code = d.pop("policy_code")

        policy_name = d.pop("policy_name")

        already_known = d.pop("already_known")

        monitoring_policy_explained_out = cls(
            policy_code=policy_code,
            policy_name=policy_name,
            already_known=already_known,
        )

        monitoring_policy_explained_out.additional_properties = d
        return monitoring_policy_explained_out

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
