from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
    """

    id: UUID
    loan_id: UUID
    amount: str
    repaid_on: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        loan_id = str(self.loan_id)

        amount = self.amount

        repaid_on = self.repaid_on.isoformat()

        created_at = self.created_at.isoformat()

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        loan_id = UUID(d.pop("loan_id"))

        amount = d.pop("amount")

        repaid_on = datetime.date.fromisoformat(d.pop("repaid_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        funds_repayment_out = cls(
            id=id,
            loan_id=loan_id,
            amount=amount,
            repaid_on=repaid_on,
            created_at=created_at,
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
