from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="EmploymentAllowanceCreate")


@_attrs_define
class EmploymentAllowanceCreate:
    """
    Attributes:
        holding_id (UUID): 在岗记录编号（领取人）
        month (str): 补贴月份（YYYY-MM）
        amount (int | str): 发放金额（元），不超过岗位月补贴
        paid_on (datetime.date): 发放日期
    """

    holding_id: UUID
    month: str
    amount: int | str
    paid_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        holding_id = str(self.holding_id)

        month = self.month

        amount: int | str
        amount = self.amount

        paid_on = self.paid_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "holding_id": holding_id,
                "month": month,
                "amount": amount,
                "paid_on": paid_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        holding_id = UUID(d.pop("holding_id"))

        month = d.pop("month")

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        employment_allowance_create = cls(
            holding_id=holding_id,
            month=month,
            amount=amount,
            paid_on=paid_on,
        )

        return employment_allowance_create
