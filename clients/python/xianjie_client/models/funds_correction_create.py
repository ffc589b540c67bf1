from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.funds_correction_kind import FundsCorrectionKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsCorrectionCreate")


@_attrs_define
class FundsCorrectionCreate:
    """
    Attributes:
        kind (FundsCorrectionKind): payment=资金支付；allocation=资金安排；repayment=小额信贷还款
        target_id (UUID): 要冲正的支付、资金安排或还款记录
        amount (int | str): 冲正金额（元），不超过原记录尚未冲正的部分
        reason (str): 冲正原因
        booked_on (datetime.date | None | Unset): 冲正分录记账日期（支付、还款；默认今天），不早于原记录日期、不晚于今天；决定计入哪个节点
    """

    kind: FundsCorrectionKind
    target_id: UUID
    amount: int | str
    reason: str
    booked_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        target_id = str(self.target_id)

        amount: int | str
        amount = self.amount

        reason = self.reason

        booked_on: None | str | Unset
        if isinstance(self.booked_on, Unset):
            booked_on = UNSET
        elif isinstance(self.booked_on, datetime.date):
            booked_on = self.booked_on.isoformat()
        else:
            booked_on = self.booked_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "target_id": target_id,
                "amount": amount,
                "reason": reason,
            }
        )
        if booked_on is not UNSET:
            field_dict["booked_on"] = booked_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = FundsCorrectionKind(d.pop("kind"))

        target_id = UUID(d.pop("target_id"))

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        reason = d.pop("reason")

        def _parse_booked_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booked_on_type_0 = datetime.date.fromisoformat(data)

                return booked_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        booked_on = _parse_booked_on(d.pop("booked_on", UNSET))

        funds_correction_create = cls(
            kind=kind,
            target_id=target_id,
            amount=amount,
            reason=reason,
            booked_on=booked_on,
        )

        return funds_correction_create
