from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

T = TypeVar("T", bound="UserOut")


@_attrs_define
class UserOut:
    """
    Attributes:
        id (UUID):
        username (str):
        display_name (str):
        role (Role): district_admin=区级管理员；department_officer=行业部门干部；town_official=镇（街道）干部；village_cadre=村干部；helper=帮扶责任人
            ；auditor=审计人员；integrator=部门系统（集成账号）
        division_code (None | str):
        department (None | str):
        active (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        role_label (str):
    """

    id: UUID
    username: str
    display_name: str
    role: Role
    division_code: None | str
    department: None | str
    active: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    role_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        username = self.username

        display_name = self.display_name

        role = self.role.value

        division_code: None | str
        division_code = self.division_code

        department: None | str
        department = self.department

        active = self.active

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        role_label = self.role_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "display_name": display_name,
                "role": role,
                "division_code": division_code,
                "department": department,
                "active": active,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "role_label": role_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        username = d.pop("username")

        display_name = d.pop("display_name")

        role = Role(d.pop("role"))

        def _parse_division_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        division_code = _parse_division_code(d.pop("division_code"))

        def _parse_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department = _parse_department(d.pop("department"))

        active = d.pop("active")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        role_label = d.pop("role_label")

        user_out = cls(
            id=id,
            username=username,
            display_name=display_name,
            role=role,
            division_code=division_code,
            department=department,
            active=active,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            role_label=role_label,
        )

        user_out.additional_properties = d
        return user_out

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
