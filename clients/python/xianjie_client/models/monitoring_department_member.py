from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringDepartmentMember")


@_attrs_define
class MonitoringDepartmentMember:
    """A monitored person as one department reads them: only the fields of its row in the table
    (``services/monitoring/departments.py``) are present; the others are absent, not null.

        Attributes:
            member_id (UUID):
            household_id (UUID):
            town_code (str):
            village_code (str):
            name (None | str | Unset):
            id_number (None | str | Unset): 身份证号（完整，供部门系统比对）
            birth_date (datetime.date | None | Unset):
            relation (None | str | Unset):
            relation_label (None | str | Unset):
            household_status (None | str | Unset):
            household_status_label (None | str | Unset):
            subtype (None | str | Unset):
            subtype_label (None | str | Unset):
            lifted_out (bool | None | Unset): 脱贫户身份
            health (None | str | Unset):
            health_label (None | str | Unset):
            labour (None | str | Unset):
            labour_label (None | str | Unset):
            schooling (None | str | Unset):
            schooling_label (None | str | Unset):
            medical_insured (bool | None | Unset):
            housing_safe (bool | None | Unset):
            risk_causes (list[str] | None | Unset):
            risk_causes_labels (list[str] | None | Unset):
            income_year (int | None | Unset):
            per_capita_net_income (None | str | Unset):
            safety_net_candidate (bool | None | Unset): 低保/特困候选：已纳入监测，且无劳动力成员或最近年度人均纯收入低于监测线
    """

    member_id: UUID
    household_id: UUID
    town_code: str
    village_code: str
    name: None | str | Unset = UNSET
    id_number: None | str | Unset = UNSET
    birth_date: datetime.date | None | Unset = UNSET
    relation: None | str | Unset = UNSET
    relation_label: None | str | Unset = UNSET
    household_status: None | str | Unset = UNSET
    household_status_label: None | str | Unset = UNSET
    subtype: None | str | Unset = UNSET
    subtype_label: None | str | Unset = UNSET
    lifted_out: bool | None | Unset = UNSET
    health: None | str | Unset = UNSET
    health_label: None | str | Unset = UNSET
    labour: None | str | Unset = UNSET
    labour_label: None | str | Unset = UNSET
    schooling: None | str | Unset = UNSET
    schooling_label: None | str | Unset = UNSET
    medical_insured: bool | None | Unset = UNSET
    housing_safe: bool | None | Unset = UNSET
    risk_causes: list[str] | None | Unset = UNSET
    risk_causes_labels: list[str] | None | Unset = UNSET
    income_year: int | None | Unset = UNSET
    per_capita_net_income: None | str | Unset = UNSET
    safety_net_candidate: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        household_id = str(self.household_id)

        town_code = self.town_code

        village_code = self.village_code

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        id_number: None | str | Unset
        if isinstance(self.id_number, Unset):
            id_number = UNSET
        else:
            id_number = self.id_number

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        relation: None | str | Unset
        if isinstance(self.relation, Unset):
            relation = UNSET
        else:
            relation = self.relation

        relation_label: None | str | Unset
        if isinstance(self.relation_label, Unset):
            relation_label = UNSET
        else:
            relation_label = self.relation_label

        household_status: None | str | Unset
        if isinstance(self.household_status, Unset):
            household_status = UNSET
        else:
            household_status = self.household_status

        household_status_label: None | str | Unset
        if isinstance(self.household_status_label, Unset):
            household_status_label = UNSET
        else:
            household_status_label = self.household_status_label

        subtype: None | str | Unset
        if isinstance(self.subtype, Unset):
            subtype = UNSET
        else:
            subtype = self.subtype

        subtype_label: None | str | Unset
        if isinstance(self.subtype_label, Unset):
            subtype_label = UNSET
        else:
            subtype_label = self.subtype_label

        lifted_out: bool | None | Unset
        if isinstance(self.lifted_out, Unset):
            lifted_out = UNSET
        else:
            lifted_out = self.lifted_out

        health: None | str | Unset
        if isinstance(self.health, Unset):
            health = UNSET
        else:
            health = self.health

        health_label: None | str | Unset
        if isinstance(self.health_label, Unset):
            health_label = UNSET
        else:
            health_label = self.health_label

        labour: None | str | Unset
        if isinstance(self.labour, Unset):
            labour = UNSET
        else:
            labour = self.labour

        labour_label: None | str | Unset
        if isinstance(self.labour_label, Unset):
            labour_label = UNSET
        else:
            labour_label = self.labour_label

        schooling: None | str | Unset
        if isinstance(self.schooling, Unset):
            schooling = UNSET
        else:
            schooling = self.schooling

        schooling_label: None | str | Unset
        if isinstance(self.schooling_label, Unset):
            schooling_label = UNSET
        else:
            schooling_label = self.schooling_label

        medical_insured: bool | None | Unset
        if isinstance(self.medical_insured, Unset):
            medical_insured = UNSET
        else:
            medical_insured = self.medical_insured

        housing_safe: bool | None | Unset
        if isinstance(self.housing_safe, Unset):
            housing_safe = UNSET
        else:
            housing_safe = self.housing_safe

        risk_causes: list[str] | None | Unset
        if isinstance(self.risk_causes, Unset):
            risk_causes = UNSET
        elif isinstance(self.risk_causes, list):
            risk_causes = self.risk_causes

        else:
            risk_causes = self.risk_causes

        risk_causes_labels: list[str] | None | Unset
        if isinstance(self.risk_causes_labels, Unset):
            risk_causes_labels = UNSET
        elif isinstance(self.risk_causes_labels, list):
            risk_causes_labels = self.risk_causes_labels

        else:
            risk_causes_labels = self.risk_causes_labels

        income_year: int | None | Unset
        if isinstance(self.income_year, Unset):
            income_year = UNSET
        else:
            income_year = self.income_year

        per_capita_net_income: None | str | Unset
        if isinstance(self.per_capita_net_income, Unset):
            per_capita_net_income = UNSET
        else:
            per_capita_net_income = self.per_capita_net_income

        safety_net_candidate: bool | None | Unset
        if isinstance(self.safety_net_candidate, Unset):
            safety_net_candidate = UNSET
        else:
            safety_net_candidate = self.safety_net_candidate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "household_id": household_id,
                "town_code": town_code,
                "village_code": village_code,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if id_number is not UNSET:
            field_dict["id_number"] = id_number
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if relation is not UNSET:
            field_dict["relation"] = relation
        if relation_label is not UNSET:
            field_dict["relation_label"] = relation_label
        if household_status is not UNSET:
            field_dict["household_status"] = household_status
        if household_status_label is not UNSET:
            field_dict["household_status_label"] = household_status_label
        if subtype is not UNSET:
            field_dict["subtype"] = subtype
        if subtype_label is not UNSET:
            field_dict["subtype_label"] = subtype_label
        if lifted_out is not UNSET:
            field_dict["lifted_out"] = lifted_out
        if health is not UNSET:
            field_dict["health"] = health
        if health_label is not UNSET:
            field_dict["health_label"] = health_label
        if labour is not UNSET:
            field_dict["labour"] = labour
        if labour_label is not UNSET:
            field_dict["labour_label"] = labour_label
        if schooling is not UNSET:
            field_dict["schooling"] = schooling
        if schooling_label is not UNSET:
            field_dict["schooling_label"] = schooling_label
        if medical_insured is not UNSET:
            field_dict["medical_insured"] = medical_insured
        if housing_safe is not UNSET:
            field_dict["housing_safe"] = housing_safe
        if risk_causes is not UNSET:
            field_dict["risk_causes"] = risk_causes
        if risk_causes_labels is not UNSET:
            field_dict["risk_causes_labels"] = risk_causes_labels
        if income_year is not UNSET:
            field_dict["income_year"] = income_year
        if per_capita_net_income is not UNSET:
            field_dict["per_capita_net_income"] = per_capita_net_income
        if safety_net_candidate is not UNSET:
            field_dict["safety_net_candidate"] = safety_net_candidate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        household_id = UUID(d.pop("household_id"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_id_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_number = _parse_id_number(d.pop("id_number", UNSET))

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        def _parse_relation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relation = _parse_relation(d.pop("relation", UNSET))

        def _parse_relation_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relation_label = _parse_relation_label(d.pop("relation_label", UNSET))

        def _parse_household_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        household_status = _parse_household_status(d.pop("household_status", UNSET))

        def _parse_household_status_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        household_status_label = _parse_household_status_label(d.pop("household_status_label", UNSET))

        def _parse_subtype(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subtype = _parse_subtype(d.pop("subtype", UNSET))

        def _parse_subtype_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subtype_label = _parse_subtype_label(d.pop("subtype_label", UNSET))

        def _parse_lifted_out(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        lifted_out = _parse_lifted_out(d.pop("lifted_out", UNSET))

        def _parse_health(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        health = _parse_health(d.pop("health", UNSET))

        def _parse_health_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        health_label = _parse_health_label(d.pop("health_label", UNSET))

        def _parse_labour(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        labour = _parse_labour(d.pop("labour", UNSET))

        def _parse_labour_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        labour_label = _parse_labour_label(d.pop("labour_label", UNSET))

        def _parse_schooling(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        schooling = _parse_schooling(d.pop("schooling", UNSET))

        def _parse_schooling_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        schooling_label = _parse_schooling_label(d.pop("schooling_label", UNSET))

        def _parse_medical_insured(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        medical_insured = _parse_medical_insured(d.pop("medical_insured", UNSET))

        def _parse_housing_safe(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        housing_safe = _parse_housing_safe(d.pop("housing_safe", UNSET))

        def _parse_risk_causes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                risk_causes_type_0 = cast(list[str], data)

                return risk_causes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        risk_causes = _parse_risk_causes(d.pop("risk_causes", UNSET))

        def _parse_risk_causes_labels(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                risk_causes_labels_type_0 = cast(list[str], data)

                return risk_causes_labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        risk_causes_labels = _parse_risk_causes_labels(d.pop("risk_causes_labels", UNSET))

        def _parse_income_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        income_year = _parse_income_year(d.pop("income_year", UNSET))

        def _parse_per_capita_net_income(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        per_capita_net_income = _parse_per_capita_net_income(d.pop("per_capita_net_income", UNSET))

        def _parse_safety_net_candidate(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        safety_net_candidate = _parse_safety_net_candidate(d.pop("safety_net_candidate", UNSET))

        monitoring_department_member = cls(
            member_id=member_id,
            household_id=household_id,
            town_code=town_code,
            village_code=village_code,
            name=name,
            id_number=id_number,
            birth_date=birth_date,
            relation=relation,
            relation_label=relation_label,
            household_status=household_status,
            household_status_label=household_status_label,
            subtype=subtype,
            subtype_label=subtype_label,
            lifted_out=lifted_out,
            health=health,
            health_label=health_label,
            labour=labour,
            labour_label=labour_label,
            schooling=schooling,
            schooling_label=schooling_label,
            medical_insured=medical_insured,
            housing_safe=housing_safe,
            risk_causes=risk_causes,
            risk_causes_labels=risk_causes_labels,
            income_year=income_year,
            per_capita_net_income=per_capita_net_income,
            safety_net_candidate=safety_net_candidate,
        )

        return monitoring_department_member
