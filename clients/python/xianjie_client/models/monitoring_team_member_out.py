from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.monitoring_team_role import MonitoringTeamRole

T = TypeVar("T", bound="MonitoringTeamMemberOut")


@_attrs_define
class MonitoringTeamMemberOut:
    """
    Attributes:
        id (UUID):
        team_id (UUID):
        role (MonitoringTeamRole): first_secretary=第一书记；member=工作队员
        name (str):
        user_id (None | str):
        valid_from (datetime.date):
        valid_to (datetime.date | None):
        role_label (str): role 的中文名称
    """

    id: UUID
    team_id: UUID
    role: MonitoringTeamRole
    name: str
    user_id: None | str
    valid_from: datetime.date
    valid_to: datetime.date | None
    role_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        team_id = str(self.team_id)

        role = self.role.value

        name = self.name

        user_id: None | str
        user_id = self.user_id

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        role_label = self.role_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "team_id": team_id,
                "role": role,
                "name": name,
                "user_id": user_id,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "role_label": role_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        team_id = UUID(d.pop("team_id"))

        role = MonitoringTeamRole(d.pop("role"))

        name = d.pop("name")

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

        role_label = d.pop("role_label")

        monitoring_team_member_out = cls(
            id=id,
            team_id=team_id,
            role=role,
            name=name,
            user_id=user_id,
            valid_from=valid_from,
            valid_to=valid_to,
            role_label=role_label,
        )

        monitoring_team_member_out.additional_properties = d
        return monitoring_team_member_out

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
