from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_change_kind import MonitoringChangeKind

T = TypeVar("T", bound="MonitoringChangeOut")


@_attrs_define
class MonitoringChangeOut:
    """
    Attributes:
        id (int):
        household_id (UUID): 发生变动的农户（分户、合户时为成员迁出的农户）
        member_id (None | UUID):
        member_name (None | str):
        kind (MonitoringChangeKind): 户籍与成员变动: what happened to a household or one of its members.
        effective_on (datetime.date):
        reason (str):
        other_household_id (None | UUID): 分户、合户的另一户
        actor (str):
        actor_role (str):
        at (datetime.datetime):
        kind_label (str): kind 的中文名称
    """

    id: int
    household_id: UUID
    member_id: None | UUID
    member_name: None | str
    kind: MonitoringChangeKind
    effective_on: datetime.date
    reason: str
    other_household_id: None | UUID
    actor: str
    actor_role: str
    at: datetime.datetime
    kind_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        household_id = str(self.household_id)

        member_id: None | str
        if isinstance(self.member_id, UUID):
            member_id = str(self.member_id)
        else:
            member_id = self.member_id

        member_name: None | str
        member_name = self.member_name

        kind = self.kind.value

        effective_on = self.effective_on.isoformat()

        reason = self.reason

        other_household_id: None | str
        if isinstance(self.other_household_id, UUID):
            other_household_id = str(self.other_household_id)
        else:
            other_household_id = self.other_household_id

        actor = self.actor

        actor_role = self.actor_role

        at = self.at.isoformat()

        kind_label = self.kind_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "household_id": household_id,
                "member_id": member_id,
                "member_name": member_name,
                "kind": kind,
                "effective_on": effective_on,
                "reason": reason,
                "other_household_id": other_household_id,
                "actor": actor,
                "actor_role": actor_role,
                "at": at,
                "kind_label": kind_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        household_id = UUID(d.pop("household_id"))

        def _parse_member_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_id_type_0 = UUID(data)

                return member_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        member_id = _parse_member_id(d.pop("member_id"))

        def _parse_member_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        member_name = _parse_member_name(d.pop("member_name"))

        kind = MonitoringChangeKind(d.pop("kind"))

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))

        reason = d.pop("reason")

        def _parse_other_household_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                other_household_id_type_0 = UUID(data)

                return other_household_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        other_household_id = _parse_other_household_id(d.pop("other_household_id"))

        actor = d.pop("actor")

        actor_role = d.pop("actor_role")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        kind_label = d.pop("kind_label")

        monitoring_change_out = cls(
            id=id,
            household_id=household_id,
            member_id=member_id,
            member_name=member_name,
            kind=kind,
            effective_on=effective_on,
            reason=reason,
            other_household_id=other_household_id,
            actor=actor,
            actor_role=actor_role,
            at=at,
            kind_label=kind_label,
        )

        monitoring_change_out.additional_properties = d
        return monitoring_change_out

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
