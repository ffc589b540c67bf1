from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funds_project_category import FundsProjectCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsProjectUpdate")


@_attrs_define
class FundsProjectUpdate:
    """
    Attributes:
        name (None | str | Unset):
        category (FundsProjectCategory | None | Unset):
        year (int | None | Unset):
        planned_amount (int | None | str | Unset):
    """

    name: None | str | Unset = UNSET
    category: FundsProjectCategory | None | Unset = UNSET
    year: int | None | Unset = UNSET
    planned_amount: int | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, FundsProjectCategory):
            category = self.category.value
        else:
            category = self.category

        year: int | None | Unset
        if isinstance(self.year, Unset):
            year = UNSET
        else:
            year = self.year

        planned_amount: int | None | str | Unset
        if isinstance(self.planned_amount, Unset):
            planned_amount = UNSET
        else:
            planned_amount = self.planned_amount

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if category is not UNSET:
            field_dict["category"] = category
        if year is not UNSET:
            field_dict["year"] = year
        if planned_amount is not UNSET:
            field_dict["planned_amount"] = planned_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_category(data: object) -> FundsProjectCategory | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = FundsProjectCategory(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FundsProjectCategory | None | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        year = _parse_year(d.pop("year", UNSET))

        def _parse_planned_amount(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        planned_amount = _parse_planned_amount(d.pop("planned_amount", UNSET))

        funds_project_update = cls(
            name=name,
            category=category,
            year=year,
            planned_amount=planned_amount,
        )

        return funds_project_update
