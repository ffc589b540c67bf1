from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringExpenseIn")


@_attrs_define
class MonitoringExpenseIn:
    """
    Attributes:
        member_id (UUID):
        settled_on (datetime.date): 结算日期
        total (int | str): 医疗总费用
        basic_insurance_paid (int | str): 基本医保支付
        serious_illness_paid (int | str): 大病保险支付
        medical_assistance_paid (int | str): 医疗救助支付
    """

    member_id: UUID
    settled_on: datetime.date
    total: int | str
    basic_insurance_paid: int | str
    serious_illness_paid: int | str
    medical_assistance_paid: int | str

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        settled_on = self.settled_on.isoformat()

        total: int | str
        total = self.total

        basic_insurance_paid: int | str
        basic_insurance_paid = self.basic_insurance_paid

        serious_illness_paid: int | str
        serious_illness_paid = self.serious_illness_paid

        medical_assistance_paid: int | str
        medical_assistance_paid = self.medical_assistance_paid

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "settled_on": settled_on,
                "total": total,
                "basic_insurance_paid": basic_insurance_paid,
                "serious_illness_paid": serious_illness_paid,
                "medical_assistance_paid": medical_assistance_paid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        settled_on = datetime.date.fromisoformat(d.pop("settled_on"))

        def _parse_total(data: object) -> int | str:
            return cast(int | str, data)

        total = _parse_total(d.pop("total"))

        def _parse_basic_insurance_paid(data: object) -> int | str:
            return cast(int | str, data)

        basic_insurance_paid = _parse_basic_insurance_paid(d.pop("basic_insurance_paid"))

        def _parse_serious_illness_paid(data: object) -> int | str:
            return cast(int | str, data)

        serious_illness_paid = _parse_serious_illness_paid(d.pop("serious_illness_paid"))

        def _parse_medical_assistance_paid(data: object) -> int | str:
            return cast(int | str, data)

        medical_assistance_paid = _parse_medical_assistance_paid(d.pop("medical_assistance_paid"))

        monitoring_expense_in = cls(
            member_id=member_id,
            settled_on=settled_on,
            total=total,
            basic_insurance_paid=basic_insurance_paid,
            serious_illness_paid=serious_illness_paid,
            medical_assistance_paid=medical_assistance_paid,
        )

        return monitoring_expense_in
