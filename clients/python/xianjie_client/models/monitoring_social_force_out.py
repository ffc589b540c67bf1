from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_social_force_kind import MonitoringSocialForceKind

T = TypeVar("T", bound="MonitoringSocialForceOut")


@_attrs_define
class MonitoringSocialForceOut:
    """
    Attributes:
        id (UUID):
        kind (MonitoringSocialForceKind):
            enterprise=万企兴万村民营企业；social_organisation=社会组织；tech_commissioner=科技特派员；industry_adviser=产业顾问组
        name (str):
        town_code (str):
        village_code (str):
        user_id (None | str):
        contribution (str):
        valid_from (datetime.date):
        valid_to (datetime.date | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
    """

    id: UUID
    kind: MonitoringSocialForceKind
    name: str
    town_code: str
    village_code: str
    user_id: None | str
    contribution: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        name = self.name

        town_code = self.town_code

        village_code = self.village_code

        user_id: None | str
        user_id = self.user_id

        contribution = self.contribution

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "name": name,
                "town_code": town_code,
                "village_code": village_code,
                "user_id": user_id,
                "contribution": contribution,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = MonitoringSocialForceKind(d.pop("kind"))

        name = d.pop("name")

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))

        contribution = d.pop("contribution")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        def _parse_valid_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_to = _parse_valid_to(d.pop("valid_to"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        monitoring_social_force_out = cls(
            id=id,
            kind=kind,
            name=name,
            town_code=town_code,
            village_code=village_code,
            user_id=user_id,
            contribution=contribution,
            valid_from=valid_from,
            valid_to=valid_to,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
        )

        monitoring_social_force_out.additional_properties = d
        return monitoring_social_force_out

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
