from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsTownProgress")


@_attrs_define
class FundsTownProgress:
    """
    Attributes:
        allocated (str): 安排资金
        paid (str): 截至节点已支付
        progress (None | str): 支出进度（已支付 ÷ 安排，四位小数）
        behind (bool): 低于节点目标
        town_code (str):
        town_name (None | str):
        projects (int):
        projects_behind (int):
    """

    allocated: str
    paid: str
    progress: None | str
    behind: bool
    town_code: str
    town_name: None | str
    projects: int
    projects_behind: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allocated = self.allocated

        paid = self.paid

        progress: None | str
        progress = self.progress

        behind = self.behind

        town_code = self.town_code

        town_name: None | str
        town_name = self.town_name

        projects = self.projects

        projects_behind = self.projects_behind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allocated": allocated,
                "paid": paid,
                "progress": progress,
                "behind": behind,
                "town_code": town_code,
                "town_name": town_name,
                "projects": projects,
                "projects_behind": projects_behind,
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

        town_code = d.pop("town_code")

        def _parse_town_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        town_name = _parse_town_name(d.pop("town_name"))

        projects = d.pop("projects")

        projects_behind = d.pop("projects_behind")

        funds_town_progress = cls(
            allocated=allocated,
            paid=paid,
            progress=progress,
            behind=behind,
            town_code=town_code,
            town_name=town_name,
            projects=projects,
            projects_behind=projects_behind,
        )

        funds_town_progress.additional_properties = d
        return funds_town_progress

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
