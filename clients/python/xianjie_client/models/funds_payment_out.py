from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundsPaymentOut")


@_attrs_define
class FundsPaymentOut:
    """
    Attributes:
        id (UUID):
        allocation_id (UUID):
        project_id (UUID):
        fund_id (UUID):
        amount (str):
        paid_on (datetime.date):
        voucher (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    allocation_id: UUID
    project_id: UUID
    fund_id: UUID
    amount: str
    paid_on: datetime.date
    voucher: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        allocation_id = str(self.allocation_id)

        project_id = str(self.project_id)

        fund_id = str(self.fund_id)

        amount = self.amount

        paid_on = self.paid_on.isoformat()

        voucher = self.voucher

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "allocation_id": allocation_id,
                "project_id": project_id,
                "fund_id": fund_id,
                "amount": amount,
                "paid_on": paid_on,
                "voucher": voucher,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        allocation_id = UUID(d.pop("allocation_id"))

        project_id = UUID(d.pop("project_id"))

        fund_id = UUID(d.pop("fund_id"))

        amount = d.pop("amount")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        voucher = d.pop("voucher")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        funds_payment_out = cls(
            id=id,
            allocation_id=allocation_id,
            project_id=project_id,
            fund_id=fund_id,
            amount=amount,
            paid_on=paid_on,
            voucher=voucher,
            created_at=created_at,
            updated_at=updated_at,
        )

        funds_payment_out.additional_properties = d
        return funds_payment_out

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
