from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssetsMonthlyCreate")


@_attrs_define
class AssetsMonthlyCreate:
    """
    Attributes:
        month (datetime.date): 月份（该月 1 日，如 2026-05-01）
        revenue (int | str): 当月收益（元）
        generation_kwh (float | None | str | Unset): 当月发电量（光伏电站必填）
        utilisation (float | None | str | Unset): 利用率 0–1（如出租面积占比）
    """

    month: datetime.date
    revenue: int | str
    generation_kwh: float | None | str | Unset = UNSET
    utilisation: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        month = self.month.isoformat()

        revenue: int | str
        revenue = self.revenue

        generation_kwh: float | None | str | Unset
        if isinstance(self.generation_kwh, Unset):
            generation_kwh = UNSET
        else:
            generation_kwh = self.generation_kwh

        utilisation: float | None | str | Unset
        if isinstance(self.utilisation, Unset):
            utilisation = UNSET
        else:
            utilisation = self.utilisation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "month": month,
                "revenue": revenue,
            }
        )
        if generation_kwh is not UNSET:
            field_dict["generation_kwh"] = generation_kwh
        if utilisation is not UNSET:
            field_dict["utilisation"] = utilisation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        month = datetime.date.fromisoformat(d.pop("month"))

        def _parse_revenue(data: object) -> int | str:
            return cast(int | str, data)

        revenue = _parse_revenue(d.pop("revenue"))

        def _parse_generation_kwh(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        generation_kwh = _parse_generation_kwh(d.pop("generation_kwh", UNSET))

        def _parse_utilisation(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        utilisation = _parse_utilisation(d.pop("utilisation", UNSET))

        assets_monthly_create = cls(
            month=month,
            revenue=revenue,
            generation_kwh=generation_kwh,
            utilisation=utilisation,
        )

        return assets_monthly_create
