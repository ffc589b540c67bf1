from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """
    Attributes:
        username (str): 登录名（不区分大小写）/ sign-in name, case-insensitive
        display_name (str):
        password (str): 至少 8 位 / at least 8 characters
        role (Role): district_admin=区级管理员；department_officer=行业部门干部；town_official=镇（街道）干部；village_cadre=村干部；helper=帮扶责任人
            ；auditor=审计人员；integrator=部门系统（集成账号）
        division_code (None | str | Unset):
        department (None | str | Unset): 所属部门
    """

    username: str
    display_name: str
    password: str
    role: Role
    division_code: None | str | Unset = UNSET
    department: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        display_name = self.display_name

        password = self.password

        role = self.role.value

        division_code: None | str | Unset
        if isinstance(self.division_code, Unset):
            division_code = UNSET
        else:
            division_code = self.division_code

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "display_name": display_name,
                "password": password,
                "role": role,
            }
        )
        if division_code is not UNSET:
            field_dict["division_code"] = division_code
        if department is not UNSET:
            field_dict["department"] = department

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        display_name = d.pop("display_name")

        password = d.pop("password")

        role = Role(d.pop("role"))

        def _parse_division_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        division_code = _parse_division_code(d.pop("division_code", UNSET))

        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))

        user_create = cls(
            username=username,
            display_name=display_name,
            password=password,
            role=role,
            division_code=division_code,
            department=department,
        )

        return user_create
