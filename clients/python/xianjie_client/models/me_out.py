from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

T = TypeVar("T", bound="MeOut")


@_attrs_define
class MeOut:
    """
    Attributes:
        id (str):
        username (str):
        display_name (str):
        role (Role): district_admin=区级管理员；department_officer=行业部门干部；town_official=镇（街道）干部；village_cadre=村干部；helper=帮扶责任人
            ；auditor=审计人员；integrator=部门系统（集成账号）
        role_label (str):
        division_code (None | str):
        division_name (None | str):
        department (None | str):
    """

    id: str
    username: str
    display_name: str
    role: Role
    role_label: str
    division_code: None | str
    division_name: None | str
    department: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        display_name = self.display_name

        role = self.role.value

        role_label = self.role_label

        division_code: None | str
        division_code = self.division_code

        division_name: None | str
        division_name = self.division_name

        department: None | str
        department = self.department

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "display_name": display_name,
                "role": role,
                "role_label": role_label,
                "division_code": division_code,
                "division_name": division_name,
                "department": department,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        display_name = d.pop("display_name")

        role = Role(d.pop("role"))

        role_label = d.pop("role_label")

        def _parse_division_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        division_code = _parse_division_code(d.pop("division_code"))

        def _parse_division_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        division_name = _parse_division_name(d.pop("division_name"))

        def _parse_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department = _parse_department(d.pop("department"))

        me_out = cls(
            id=id,
            username=username,
            display_name=display_name,
            role=role,
            role_label=role_label,
            division_code=division_code,
            division_name=division_name,
            department=department,
        )

        me_out.additional_properties = d
        return me_out

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
