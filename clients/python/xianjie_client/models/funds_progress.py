from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsProgress")


@_attrs_define
class FundsProgress:
    """
    Attributes:
        allocated (str): 安排资金
        paid (str): 截至节点已支付
        progress (None | str): 支出进度（已支付 ÷ 安排，四位小数）
        behind (bool): 低于节点目标
    """

    allocated: str
    paid: str
    progress: None | str
    behind: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allocated = self.allocated

        paid = self.paid

        progress: None | str
        progress = self.progress

        behind = self.behind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allocated": allocated,
                "paid": paid,
                "progress": progress,
                "behind": behind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allocated = d.pop("allocated")

        paid = d.pop("paid")

        def _parse_progress(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        progress = _parse_progress(d.pop("progress"))

        behind = d.pop("behind")

        funds_progress = cls(
            allocated=allocated,
            paid=paid,
            progress=progress,
            behind=behind,
        )

        funds_progress.additional_properties = d
        return funds_progress

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
