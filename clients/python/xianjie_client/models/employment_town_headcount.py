from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EmploymentTownHeadcount")


@_attrs_define
class EmploymentTownHeadcount:
    """
    Attributes:
        town_code (str):
        town_name (None | str):
        posts (int):
        baseline (int): 当年 1 月 1 日在岗人数（稳定基数）
        holders (int): 统计日在岗人数
        change_percent (float | None): 相对基数的变化（%）
        stable (bool):
    """

    town_code: str
    town_name: None | str
    posts: int
    baseline: int
    holders: int
    change_percent: float | None
    stable: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        town_code = self.town_code

        town_name: None | str
        town_name = self.town_name

        posts = self.posts

        baseline = self.baseline

        holders = self.holders

        change_percent: float | None
        change_percent = self.change_percent

        stable = self.stable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "town_code": town_code,
                "town_name": town_name,
                "posts": posts,
                "baseline": baseline,
                "holders": holders,
                "change_percent": change_percent,
                "stable": stable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        town_code = d.pop("town_code")

        def _parse_town_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        town_name = _parse_town_name(d.pop("town_name"))

        posts = d.pop("posts")

        baseline = d.pop("baseline")

        holders = d.pop("holders")

        def _parse_change_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        change_percent = _parse_change_percent(d.pop("change_percent"))

        stable = d.pop("stable")

        employment_town_headcount = cls(
            town_code=town_code,
            town_name=town_name,
            posts=posts,
            baseline=baseline,
            holders=holders,
            change_percent=change_percent,
            stable=stable,
        )

        employment_town_headcount.additional_properties = d
        return employment_town_headcount

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
