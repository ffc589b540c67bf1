from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.monitoring_health import MonitoringHealth
from ..models.monitoring_labour_capacity import MonitoringLabourCapacity
from ..models.monitoring_relation import MonitoringRelation
from ..models.monitoring_schooling import MonitoringSchooling
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringMemberCreate")


@_attrs_define
class MonitoringMemberCreate:
    """
    Attributes:
        name (str): 姓名
        id_number (str): 身份证号（18 位，含校验位）
        relation (MonitoringRelation): head=户主；spouse=配偶；child=子女；parent=父母；grandchild=孙子女；other=其他
        labour (MonitoringLabourCapacity): ordinary=普通劳动力；skilled=技能劳动力；weak=弱劳动力或半劳动力；lost=丧失劳动力；none=无劳动力
        health (MonitoringHealth | Unset): healthy=健康；chronic=长期慢性病；serious_illness=大病；disabled=残疾
        schooling (MonitoringSchooling | Unset):
            not_applicable=非在校生；preschool=学前教育；compulsory=义务教育在校；high_school=高中/中职在校；higher=高等教育在校；out_of_school=失学辍学
        medical_insured (bool | Unset): 参加基本医疗保险 Default: True.
    """

    name: str
    id_number: str
    relation: MonitoringRelation
    labour: MonitoringLabourCapacity
    health: MonitoringHealth | Unset = UNSET
    schooling: MonitoringSchooling | Unset = UNSET
    medical_insured: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id_number = self.id_number

        relation = self.relation.value

        labour = self.labour.value

        health: str | Unset = UNSET
        if not isinstance(self.health, Unset):
            health = self.health.value

        schooling: str | Unset = UNSET
        if not isinstance(self.schooling, Unset):
            schooling = self.schooling.value

        medical_insured = self.medical_insured

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "id_number": id_number,
                "relation": relation,
                "labour": labour,
            }
        )
        if health is not UNSET:
            field_dict["health"] = health
        if schooling is not UNSET:
            field_dict["schooling"] = schooling
        if medical_insured is not UNSET:
            field_dict["medical_insured"] = medical_insured

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        id_number = d.pop("id_number")

        relation = MonitoringRelation(d.pop("relation"))

        labour = MonitoringLabourCapacity(d.pop("labour"))

        _health = d.pop("health", UNSET)
        health: MonitoringHealth | Unset
        if isinstance(_health, Unset):
            health = UNSET
        else:
            health = MonitoringHealth(_health)

        _schooling = d.pop("schooling", UNSET)
        schooling: MonitoringSchooling | Unset
        if isinstance(_schooling, Unset):
            schooling = UNSET
        else:
            schooling = MonitoringSchooling(_schooling)

        medical_insured = d.pop("medical_insured", UNSET)

        monitoring_member_create = cls(
            name=name,
            id_number=id_number,
            relation=relation,
            labour=labour,
            health=health,
            schooling=schooling,
            medical_insured=medical_insured,
        )

        return monitoring_member_create
