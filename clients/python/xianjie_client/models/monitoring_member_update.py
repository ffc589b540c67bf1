from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.monitoring_health import MonitoringHealth
from ..models.monitoring_labour_capacity import MonitoringLabourCapacity
from ..models.monitoring_relation import MonitoringRelation
from ..models.monitoring_schooling import MonitoringSchooling
from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringMemberUpdate")


@_attrs_define
class MonitoringMemberUpdate:
    """
    Attributes:
        name (None | str | Unset):
        id_number (None | str | Unset):
        relation (MonitoringRelation | None | Unset):
        health (MonitoringHealth | None | Unset):
        labour (MonitoringLabourCapacity | None | Unset):
        schooling (MonitoringSchooling | None | Unset):
        medical_insured (bool | None | Unset):
    """

    name: None | str | Unset = UNSET
    id_number: None | str | Unset = UNSET
    relation: MonitoringRelation | None | Unset = UNSET
    health: MonitoringHealth | None | Unset = UNSET
    labour: MonitoringLabourCapacity | None | Unset = UNSET
    schooling: MonitoringSchooling | None | Unset = UNSET
    medical_insured: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        relation: None | str | Unset
        if isinstance(self.relation, Unset):
            relation = UNSET
        elif isinstance(self.relation, MonitoringRelation):
            relation = self.relation.value
        else:
            relation = self.relation

        health: None | str | Unset
        if isinstance(self.health, Unset):
            health = UNSET
        elif isinstance(self.health, MonitoringHealth):
            health = self.health.value
        else:
            health = self.health

        labour: None | str | Unset
        if isinstance(self.labour, Unset):
            labour = UNSET
        elif isinstance(self.labour, MonitoringLabourCapacity):
            labour = self.labour.value
        else:
            labour = self.labour

        schooling: None | str | Unset
        if isinstance(self.schooling, Unset):
            schooling = UNSET
        elif isinstance(self.schooling, MonitoringSchooling):
            schooling = self.schooling.value
        else:
            schooling = self.schooling

        medical_insured: bool | None | Unset
        if isinstance(self.medical_insured, Unset):
            medical_insured = UNSET
        else:
            medical_insured = self.medical_insured

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if id_number is not UNSET:
            field_dict["id_number"] = id_number
        if relation is not UNSET:
            field_dict["relation"] = relation
        if health is not UNSET:
            field_dict["health"] = health
        if labour is not UNSET:
            field_dict["labour"] = labour
        if schooling is not UNSET:
            field_dict["schooling"] = schooling
        if medical_insured is not UNSET:
            field_dict["medical_insured"] = medical_insured

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_relation(data: object) -> MonitoringRelation | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                relation_type_0 = MonitoringRelation(data)

                return relation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringRelation | None | Unset, data)

        relation = _parse_relation(d.pop("relation", UNSET))

        def _parse_health(data: object) -> MonitoringHealth | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                health_type_0 = MonitoringHealth(data)

                return health_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringHealth | None | Unset, data)

        health = _parse_health(d.pop("health", UNSET))

        def _parse_labour(data: object) -> MonitoringLabourCapacity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                labour_type_0 = MonitoringLabourCapacity(data)

                return labour_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringLabourCapacity | None | Unset, data)

        labour = _parse_labour(d.pop("labour", UNSET))

        def _parse_schooling(data: object) -> MonitoringSchooling | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                schooling_type_0 = MonitoringSchooling(data)

                return schooling_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MonitoringSchooling | None | Unset, data)

        schooling = _parse_schooling(d.pop("schooling", UNSET))

        def _parse_medical_insured(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        medical_insured = _parse_medical_insured(d.pop("medical_insured", UNSET))

        monitoring_member_update = cls(
            name=name,
            id_number=id_number,
            relation=relation,
            health=health,
            labour=labour,
            schooling=schooling,
            medical_insured=medical_insured,
        )

        return monitoring_member_update
