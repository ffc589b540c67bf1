from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundsPaymentCreate")


@_attrs_define
class FundsPaymentCreate:
    """
    Attributes:
        allocation_id (UUID):
        amount (int | str): 支付金额（元）
        paid_on (datetime.date):
        voucher (str): 支付凭证号
    """

    allocation_id: UUID
    amount: int | str
    paid_on: datetime.date
    voucher: str

    def to_dict(self) -> dict[str, Any]:
        allocation_id = str(self.allocation_id)

        amount: int | str
        amount = self.amount

        paid_on = self.paid_on.isoformat()

        voucher = self.voucher

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "allocation_id": allocation_id,
                "amount": amount,
                "paid_on": paid_on,
                "voucher": voucher,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allocation_id = UUID(d.pop("allocation_id"))

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        voucher = d.pop("voucher")

        funds_payment_create = cls(
            allocation_id=allocation_id,
            amount=amount,
            paid_on=paid_on,
            voucher=voucher,
        )

        return funds_payment_create
