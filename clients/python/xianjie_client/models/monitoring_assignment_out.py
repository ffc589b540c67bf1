from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_support_kind import MonitoringSupportKind

T = TypeVar("T", bound="MonitoringAssignmentOut")


@_attrs_define
class MonitoringAssignmentOut:
    """
    Attributes:
        id (UUID):
        kind (MonitoringSupportKind): Who answers for a village (seed §三(九): 示范区领导包抓、部门包扶、企业帮建).
        town_code (str):
        village_code (str):
        responsible (str):
        user_id (None | str):
        valid_from (datetime.date):
        valid_to (datetime.date | None):
        note (str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        kind_label (str): kind 的中文名称
    """

    id: UUID
    kind: MonitoringSupportKind
    town_code: str
    village_code: str
    responsible: str
    user_id: None | str
    valid_from: datetime.date
    valid_to: datetime.date | None
    note: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        town_code = self.town_code

        village_code = self.village_code

        responsible = self.responsible

        user_id: None | str
        user_id = self.user_id

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        note = self.note

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
                "town_code": town_code,
                "village_code": village_code,
                "responsible": responsible,
                "user_id": user_id,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "note": note,
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

        kind = MonitoringSupportKind(d.pop("kind"))

        town_code = d.pop("town_code")

        village_code = d.pop("village_code")

        responsible = d.pop("responsible")

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))

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

        note = d.pop("note")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        kind_label = d.pop("kind_label")

        monitoring_assignment_out = cls(
            id=id,
            kind=kind,
            town_code=town_code,
            village_code=village_code,
            responsible=responsible,
            user_id=user_id,
            valid_from=valid_from,
            valid_to=valid_to,
            note=note,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            kind_label=kind_label,
        )

        monitoring_assignment_out.additional_properties = d
        return monitoring_assignment_out

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
