from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
        corrects_id (None | Unset | UUID): 冲正分录：所冲正的原支付
        reversed_ (str | Unset): 已被冲正的金额 Default: '0.00'.
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
    corrects_id: None | Unset | UUID = UNSET
    reversed_: str | Unset = "0.00"
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
        if corrects_id is not UNSET:
            field_dict["corrects_id"] = corrects_id
        if reversed_ is not UNSET:
            field_dict["reversed"] = reversed_

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
            corrects_id=corrects_id,
            reversed_=reversed_,
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
