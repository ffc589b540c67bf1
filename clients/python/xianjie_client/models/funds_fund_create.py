from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funds_fund_source import FundsFundSource

T = TypeVar("T", bound="FundsFundCreate")


@_attrs_define
class FundsFundCreate:
    """
    Attributes:
        year (int):
        source (FundsFundSource):
            central=中央财政衔接资金；provincial=省级财政衔接资金；district=区级财政衔接资金；central_lottery=中央专项彩票公益金（支持革命老区）
        name (str): 资金名称或文号
        amount (int | str): 资金规模（元）
    """

    year: int
    source: FundsFundSource
    name: str
    amount: int | str

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        source = self.source.value

        name = self.name

        amount: int | str
        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "year": year,
                "source": source,
                "name": name,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        source = FundsFundSource(d.pop("source"))

        name = d.pop("name")

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        funds_fund_create = cls(
            year=year,
            source=source,
            name=name,
            amount=amount,
        )

        return funds_fund_create
