from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringExpenseRecord")


@_attrs_define
class MonitoringExpenseRecord:
    """
    Attributes:
        record_id (str): 部门系统中的记录编号（批内唯一）
        id_number (str): 身份证号，用于匹配农户成员
        kind (Literal['medical_expense']):
        settled_on (datetime.date):
        total (int | str): 金额（元），最多两位小数的字符串 / yuan as a decimal string
        basic_insurance_paid (int | str): 金额（元），最多两位小数的字符串 / yuan as a decimal string
        serious_illness_paid (int | str): 金额（元），最多两位小数的字符串 / yuan as a decimal string
        medical_assistance_paid (int | str): 金额（元），最多两位小数的字符串 / yuan as a decimal string
    """

    record_id: str
    id_number: str
    kind: Literal["medical_expense"]
    settled_on: datetime.date
    total: int | str
    basic_insurance_paid: int | str
    serious_illness_paid: int | str
    medical_assistance_paid: int | str

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        id_number = self.id_number

        kind = self.kind

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
                "record_id": record_id,
                "id_number": id_number,
                "kind": kind,
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
        record_id = d.pop("record_id")

        id_number = d.pop("id_number")

        kind = cast(Literal["medical_expense"], d.pop("kind"))
        if kind != "medical_expense":
            raise ValueError(f"kind must match const 'medical_expense', got '{kind}'")

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

        monitoring_expense_record = cls(
            record_id=record_id,
            id_number=id_number,
            kind=kind,
            settled_on=settled_on,
            total=total,
            basic_insurance_paid=basic_insurance_paid,
            serious_illness_paid=serious_illness_paid,
            medical_assistance_paid=medical_assistance_paid,
        )

        return monitoring_expense_record
