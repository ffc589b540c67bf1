from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_health import MonitoringHealth
from ..models.monitoring_labour_capacity import MonitoringLabourCapacity
from ..models.monitoring_relation import MonitoringRelation
from ..models.monitoring_schooling import MonitoringSchooling

T = TypeVar("T", bound="MonitoringMemberOut")


@_attrs_define
class MonitoringMemberOut:
    """
    Attributes:
        id (UUID):
        household_id (UUID):
        name (str):
        id_number (str): 完整号码仅对区级管理员和本辖区镇村干部显示，其他角色为脱敏号码
        id_number_masked (bool):
        birth_date (datetime.date | None): 仅在显示完整身份证号时给出
        age (int):
        relation (MonitoringRelation): head=户主；spouse=配偶；child=子女；parent=父母；grandchild=孙子女；other=其他
        health (MonitoringHealth): healthy=健康；chronic=长期慢性病；serious_illness=大病；disabled=残疾
        labour (MonitoringLabourCapacity): ordinary=普通劳动力；skilled=技能劳动力；weak=弱劳动力或半劳动力；lost=丧失劳动力；none=无劳动力
        schooling (MonitoringSchooling):
            not_applicable=非在校生；preschool=学前教育；compulsory=义务教育在校；high_school=高中/中职在校；higher=高等教育在校；out_of_school=失学辍学
        medical_insured (bool):
        joined_on (datetime.date): 入户日期（登记、出生、迁入、婚入）
        left_on (datetime.date | None): 离户日期（死亡、迁出、婚出）；为空即在册
        version (int):
        updated_at (datetime.datetime):
        relation_label (str): relation 的中文名称
        health_label (str): health 的中文名称
        labour_label (str): labour 的中文名称
        schooling_label (str): schooling 的中文名称
    """

    id: UUID
    household_id: UUID
    name: str
    id_number: str
    id_number_masked: bool
    birth_date: datetime.date | None
    age: int
    relation: MonitoringRelation
    health: MonitoringHealth
    labour: MonitoringLabourCapacity
    schooling: MonitoringSchooling
    medical_insured: bool
    joined_on: datetime.date
    left_on: datetime.date | None
    version: int
    updated_at: datetime.datetime
    relation_label: str
    health_label: str
    labour_label: str
    schooling_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        household_id = str(self.household_id)

        name = self.name

        id_number = self.id_number

        id_number_masked = self.id_number_masked

        birth_date: None | str
        if isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        age = self.age

        relation = self.relation.value

        health = self.health.value

        labour = self.labour.value

        schooling = self.schooling.value

        medical_insured = self.medical_insured

        joined_on = self.joined_on.isoformat()

        left_on: None | str
        if isinstance(self.left_on, datetime.date):
            left_on = self.left_on.isoformat()
        else:
            left_on = self.left_on

        version = self.version

        updated_at = self.updated_at.isoformat()

        relation_label = self.relation_label

        health_label = self.health_label

        labour_label = self.labour_label

        schooling_label = self.schooling_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "name": name,
                "id_number": id_number,
                "id_number_masked": id_number_masked,
                "birth_date": birth_date,
                "age": age,
                "relation": relation,
                "health": health,
                "labour": labour,
                "schooling": schooling,
                "medical_insured": medical_insured,
                "joined_on": joined_on,
                "left_on": left_on,
                "version": version,
                "updated_at": updated_at,
                "relation_label": relation_label,
                "health_label": health_label,
                "labour_label": labour_label,
                "schooling_label": schooling_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        household_id = UUID(d.pop("household_id"))

        name = d.pop("name")

        id_number = d.pop("id_number")

        id_number_masked = d.pop("id_number_masked")

        def _parse_birth_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        birth_date = _parse_birth_date(d.pop("birth_date"))

        age = d.pop("age")

        relation = MonitoringRelation(d.pop("relation"))

        health = MonitoringHealth(d.pop("health"))

        labour = MonitoringLabourCapacity(d.pop("labour"))

        schooling = MonitoringSchooling(d.pop("schooling"))

        medical_insured = d.pop("medical_insured")

        joined_on = datetime.date.fromisoformat(d.pop("joined_on"))

        def _parse_left_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_on_type_0 = datetime.date.fromisoformat(data)

                return left_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        left_on = _parse_left_on(d.pop("left_on"))

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        relation_label = d.pop("relation_label")

        health_label = d.pop("health_label")

        labour_label = d.pop("labour_label")

        schooling_label = d.pop("schooling_label")

        monitoring_member_out = cls(
            id=id,
            household_id=household_id,
            name=name,
            id_number=id_number,
            id_number_masked=id_number_masked,
            birth_date=birth_date,
            age=age,
            relation=relation,
            health=health,
            labour=labour,
            schooling=schooling,
            medical_insured=medical_insured,
            joined_on=joined_on,
            left_on=left_on,
            version=version,
            updated_at=updated_at,
            relation_label=relation_label,
            health_label=health_label,
            labour_label=labour_label,
            schooling_label=schooling_label,
        )

        monitoring_member_out.additional_properties = d
        return monitoring_member_out

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
