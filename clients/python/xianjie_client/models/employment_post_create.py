from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmploymentPostCreate")


@_attrs_define
class EmploymentPostCreate:
    """
    Attributes:
        town_code (str): 乡镇（街道）代码
        village_code (str): 村（社区）代码
        title (str): 岗位名称，如 保洁员、护林员、安全巡查员
        monthly_allowance (int | str): 月补贴（元）
    """

    town_code: str
    village_code: str
    title: str
    monthly_allowance: int | str

    def to_dict(self) -> dict[str, Any]:
        town_code = self.town_code

        village_code = self.village_code

        title = self.title

        monthly_allowance: int | str
        monthly_allowance = self.monthly_allowance

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "town_code": town_code,
                "village_code": village_code,
                "title": title,
                "monthly_allowance": monthly_allowance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        title = d.pop("title")

        def _parse_monthly_allowance(data: object) -> int | str:
            return cast(int | str, data)

        monthly_allowance = _parse_monthly_allowance(d.pop("monthly_allowance"))

        employment_post_create = cls(
            town_code=town_code,
            village_code=village_code,
            title=title,
            monthly_allowance=monthly_allowance,
        )

        return employment_post_create
