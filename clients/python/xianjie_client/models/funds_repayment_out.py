from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FundsRepaymentOut")


@_attrs_define
class FundsRepaymentOut:
    """
    Attributes:
        id (UUID):
        loan_id (UUID):
        amount (str):
        repaid_on (datetime.date):
        created_at (datetime.datetime):
        corrects_id (None | Unset | UUID): 冲正分录：所冲正的原还款
        reversed_ (str | Unset): 已被冲正的金额 Default: '0.00'.
    """

    id: UUID
    loan_id: UUID
    amount: str
    repaid_on: datetime.date
    created_at: datetime.datetime
    corrects_id: None | Unset | UUID = UNSET
    reversed_: str | Unset = "0.00"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        loan_id = str(self.loan_id)

        amount = self.amount

        repaid_on = self.repaid_on.isoformat()

        created_at = self.created_at.isoformat()

        corrects_id: None | str | Unset
        if isinstance(self.corrects_id, Unset):
            corrects_id = UNSET
        elif isinstance(self.corrects_id, UUID):
            corrects_id = str(self.corrects_id)
        else:
            corrects_id = self.corrects_id

        reversed_ = self.reversed_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "loan_id": loan_id,
                "amount": amount,
                "repaid_on": repaid_on,
                "created_at": created_at,
            }
        )
        if corrects_id is not UNSET:
            field_dict["corrects_id"] = corrects_id
        if reversed_ is not UNSET:
            field_dict["reversed"] = reversed_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        loan_id = UUID(d.pop("loan_id"))

        amount = d.pop("amount")

        repaid_on = datetime.date.fromisoformat(d.pop("repaid_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_corrects_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                corrects_id_type_0 = UUID(data)

                return corrects_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        corrects_id = _parse_corrects_id(d.pop("corrects_id", UNSET))

        reversed_ = d.pop("reversed", UNSET)

        funds_repayment_out = cls(
            id=id,
            loan_id=loan_id,
            amount=amount,
            repaid_on=repaid_on,
            created_at=created_at,
            corrects_id=corrects_id,
            reversed_=reversed_,
        )

        funds_repayment_out.additional_properties = d
        return funds_repayment_out

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
