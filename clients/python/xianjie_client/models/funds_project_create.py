from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funds_project_category import FundsProjectCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsProjectCreate")


@_attrs_define
class FundsProjectCreate:
    """
    Attributes:
        name (str): 项目名称
        town_code (str): 乡镇（街道）代码
        category (FundsProjectCategory): industry=产业；employment=就业；infrastructure=小型公益性基础设施；relocation=易地搬迁后续扶持；other=其他
        year (int): 项目年度
        planned_amount (int | str): 计划投资（元）
        village_code (None | str | Unset): 实施村（可空：镇级项目）
    """

    name: str
    town_code: str
    category: FundsProjectCategory
    year: int
    planned_amount: int | str
    village_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        town_code = self.town_code

        category = self.category.value

        year = self.year

        planned_amount: int | str
        planned_amount = self.planned_amount

        village_code: None | str | Unset
        if isinstance(self.village_code, Unset):
            village_code = UNSET
        else:
            village_code = self.village_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "town_code": town_code,
                "category": category,
                "year": year,
                "planned_amount": planned_amount,
            }
        )
        if village_code is not UNSET:
            field_dict["village_code"] = village_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        town_code = d.pop("town_code")

        category = FundsProjectCategory(d.pop("category"))

        year = d.pop("year")

        def _parse_planned_amount(data: object) -> int | str:
            return cast(int | str, data)

        planned_amount = _parse_planned_amount(d.pop("planned_amount"))

        def _parse_village_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        village_code = _parse_village_code(d.pop("village_code", UNSET))

        funds_project_create = cls(
            name=name,
            town_code=town_code,
            category=category,
            year=year,
            planned_amount=planned_amount,
            village_code=village_code,
        )

        return funds_project_create
