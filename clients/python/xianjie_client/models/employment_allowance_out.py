from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EmploymentAllowanceOut")


@_attrs_define
class EmploymentAllowanceOut:
    """
    Attributes:
        id (UUID):
        holding_id (UUID):
        post_id (UUID):
        worker_id (UUID):
        month (datetime.date):
        amount (str):
        paid_on (datetime.date):
        created_at (datetime.datetime):
    """

    id: UUID
    holding_id: UUID
    post_id: UUID
    worker_id: UUID
    month: datetime.date
    amount: str
    paid_on: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        holding_id = str(self.holding_id)

        post_id = str(self.post_id)

        worker_id = str(self.worker_id)

        month = self.month.isoformat()

        amount = self.amount

        paid_on = self.paid_on.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "holding_id": holding_id,
                "post_id": post_id,
                "worker_id": worker_id,
                "month": month,
                "amount": amount,
                "paid_on": paid_on,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        holding_id = UUID(d.pop("holding_id"))

        post_id = UUID(d.pop("post_id"))

        worker_id = UUID(d.pop("worker_id"))

        month = datetime.date.fromisoformat(d.pop("month"))

        amount = d.pop("amount")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        employment_allowance_out = cls(
            id=id,
            holding_id=holding_id,
            post_id=post_id,
            worker_id=worker_id,
            month=month,
            amount=amount,
            paid_on=paid_on,
            created_at=created_at,
        )

        employment_allowance_out.additional_properties = d
        return employment_allowance_out

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
