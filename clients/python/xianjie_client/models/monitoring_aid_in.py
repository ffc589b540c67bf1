from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.monitoring_aid_kind import MonitoringAidKind
from ..models.monitoring_term import MonitoringTerm

T = TypeVar("T", bound="MonitoringAidIn")


@_attrs_define
class MonitoringAidIn:
    """
    Attributes:
        member_id (UUID):
        kind (MonitoringAidKind): 教育资助 kinds a student from a 脱贫户 or monitored household receives (学生资助政策).
        amount (int | str): 资助金额（元）
        school_year (int): 学期所在年份
        term (MonitoringTerm): spring=春季学期；autumn=秋季学期
        granted_on (datetime.date): 发放日期
    """

    member_id: UUID
    kind: MonitoringAidKind
    amount: int | str
    school_year: int
    term: MonitoringTerm
    granted_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        kind = self.kind.value

        amount: int | str
        amount = self.amount

        school_year = self.school_year

        term = self.term.value

        granted_on = self.granted_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "kind": kind,
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
        member_id = UUID(d.pop("member_id"))

        kind = MonitoringAidKind(d.pop("kind"))

        def _parse_amount(data: object) -> int | str:
            return cast(int | str, data)

        amount = _parse_amount(d.pop("amount"))

        school_year = d.pop("school_year")

        term = MonitoringTerm(d.pop("term"))

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))

        monitoring_aid_in = cls(
            member_id=member_id,
            kind=kind,
            amount=amount,
            school_year=school_year,
            term=term,
            granted_on=granted_on,
        )

        return monitoring_aid_in
