from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringExpenseOut")


@_attrs_define
class MonitoringExpenseOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        member_id (UUID):
        settled_on (datetime.date):
        total (str):
        basic_insurance_paid (str):
        serious_illness_paid (str):
        medical_assistance_paid (str):
        out_of_pocket (str): 个人自付 = 总费用 − 三重保障支付
        out_of_pocket_share (str): 个人自付占总费用比例（0–1）
        created_at (datetime.datetime):
    """

    id: UUID
    household_id: UUID
    member_id: UUID
    settled_on: datetime.date
    total: str
    basic_insurance_paid: str
    serious_illness_paid: str
    medical_assistance_paid: str
    out_of_pocket: str
    out_of_pocket_share: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        member_id = str(self.member_id)

        settled_on = self.settled_on.isoformat()

        total = self.total

        basic_insurance_paid = self.basic_insurance_paid

        serious_illness_paid = self.serious_illness_paid

        medical_assistance_paid = self.medical_assistance_paid

        out_of_pocket = self.out_of_pocket

        out_of_pocket_share = self.out_of_pocket_share

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "member_id": member_id,
                "settled_on": settled_on,
                "total": total,
                "basic_insurance_paid": basic_insurance_paid,
                "serious_illness_paid": serious_illness_paid,
                "medical_assistance_paid": medical_assistance_paid,
                "out_of_pocket": out_of_pocket,
                "out_of_pocket_share": out_of_pocket_share,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        member_id = UUID(d.pop("member_id"))

        settled_on = datetime.date.fromisoformat(d.pop("settled_on"))

        total = d.pop("total")

        basic_insurance_paid = d.pop("basic_insurance_paid")

        serious_illness_paid = d.pop("serious_illness_paid")

        medical_assistance_paid = d.pop("medical_assistance_paid")

        out_of_pocket = d.pop("out_of_pocket")

        out_of_pocket_share = d.pop("out_of_pocket_share")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        monitoring_expense_out = cls(
            id=id,
            household_id=household_id,
            member_id=member_id,
            settled_on=settled_on,
            total=total,
            basic_insurance_paid=basic_insurance_paid,
            serious_illness_paid=serious_illness_paid,
            medical_assistance_paid=medical_assistance_paid,
            out_of_pocket=out_of_pocket,
            out_of_pocket_share=out_of_pocket_share,
            created_at=created_at,
        )

        monitoring_expense_out.additional_properties = d
        return monitoring_expense_out

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
