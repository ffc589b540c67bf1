from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_aid_kind import MonitoringAidKind
from ..models.monitoring_term import MonitoringTerm

T = TypeVar("T", bound="MonitoringAidOut")


@_attrs_define
class MonitoringAidOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        member_id (UUID):
        kind (MonitoringAidKind): 教育资助 kinds a student from a 脱贫户 or monitored household receives (学生资助政策).
        amount (str):
        school_year (int):
        term (MonitoringTerm): spring=春季学期；autumn=秋季学期
        granted_on (datetime.date):
        created_at (datetime.datetime):
        kind_label (str): kind 的中文名称
        term_label (str): term 的中文名称
    """

    id: UUID
    household_id: UUID
    member_id: UUID
    kind: MonitoringAidKind
    amount: str
    school_year: int
    term: MonitoringTerm
    granted_on: datetime.date
    created_at: datetime.datetime
    kind_label: str
    term_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        member_id = str(self.member_id)

        kind = self.kind.value

        amount = self.amount

        school_year = self.school_year

        term = self.term.value

        granted_on = self.granted_on.isoformat()

        created_at = self.created_at.isoformat()

        kind_label = self.kind_label

        term_label = self.term_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "member_id": member_id,
                "kind": kind,
                "amount": amount,
                "school_year": school_year,
                "term": term,
                "granted_on": granted_on,
                "created_at": created_at,
                "kind_label": kind_label,
                "term_label": term_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        member_id = UUID(d.pop("member_id"))

        kind = MonitoringAidKind(d.pop("kind"))

        amount = d.pop("amount")

        school_year = d.pop("school_year")

        term = MonitoringTerm(d.pop("term"))

        granted_on = datetime.date.fromisoformat(d.pop("granted_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        kind_label = d.pop("kind_label")

        term_label = d.pop("term_label")

        monitoring_aid_out = cls(
            id=id,
            household_id=household_id,
            member_id=member_id,
            kind=kind,
            amount=amount,
            school_year=school_year,
            term=term,
            granted_on=granted_on,
            created_at=created_at,
            kind_label=kind_label,
            term_label=term_label,
        )

        monitoring_aid_out.additional_properties = d
        return monitoring_aid_out

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
