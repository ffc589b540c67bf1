from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundsRepaymentCreate")


@_attrs_define
class FundsRepaymentCreate:
    """
    Attributes:
        amount (int | str): 金额（元），最多两位小数的字符串 / yuan as a decimal string
        repaid_on (datetime.date):
    """

    amount: int | str
    repaid_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        amount: int | str
        amount = self.amount

        repaid_on = self.repaid_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "repaid_on": repaid_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        repaid_on = datetime.date.fromisoformat(d.pop("repaid_on"))

        funds_repayment_create = cls(
            amount=amount,
            repaid_on=repaid_on,
        )

        return funds_repayment_create
