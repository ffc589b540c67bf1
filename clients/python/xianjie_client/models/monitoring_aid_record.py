from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_aid_kind import MonitoringAidKind
from ..models.monitoring_term import MonitoringTerm

T = TypeVar("T", bound="MonitoringAidRecord")


@_attrs_define
class MonitoringAidRecord:
    """
    Attributes:
        record_id (str): 部门系统中的记录编号（批内唯一）
        id_number (str): 身份证号，用于匹配农户成员
        kind (Literal['student_aid']):
        aid_kind (MonitoringAidKind): 教育资助 kinds a student from a 脱贫户 or monitored household receives (学生资助政策).
        amount (int | str): 金额（元），最多两位小数的字符串 / yuan as a decimal string
        school_year (int):
        term (MonitoringTerm): spring=春季学期；autumn=秋季学期
        granted_on (datetime.date):
    """

    record_id: str
    id_number: str
    kind: Literal["student_aid"]
    aid_kind: MonitoringAidKind
    amount: int | str
    school_year: int
    term: MonitoringTerm
    granted_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        record_id = self.record_id

        id_number = self.id_number

        kind = self.kind

        aid_kind = self.aid_kind.value

        amount: int | str
        amount = self.amount

        school_year = self.school_year

        term = self.term.value

        granted_on = self.granted_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "record_id": record_id,
                "id_number": id_number,
                "kind": kind,
                "aid_kind": aid_kind,
                "amount": amount,
                "school_year": school_year,
                "term": term,
                "granted_on": granted_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_id = d.pop("record_id")

        id_number = d.pop("id_number")

        kind = cast(Literal["student_aid"], d.pop("kind"))
        if kind != "student_aid":
            raise ValueError(f"kind must match const 'student_aid', got '{kind}'")

        aid_kind = MonitoringAidKind(d.pop("aid_kind"))

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        school_year = d.pop("school_year")

        term = MonitoringTerm(d.pop("term"))

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))

        monitoring_aid_record = cls(
            record_id=record_id,
            id_number=id_number,
            kind=kind,
            aid_kind=aid_kind,
            amount=amount,
            school_year=school_year,
            term=term,
            granted_on=granted_on,
        )

        return monitoring_aid_record
