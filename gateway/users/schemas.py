from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import Field, computed_field

from shared.auth import Role
from shared.schemas import InputModel, OutputModel

Username = Annotated[
    str,
    Field(
        min_length=2,
        max_length=50,
        pattern=r"^[A-Za-z0-9_.\-]+$",
        examples=["town_kejing"],
        description="登录名（不区分大小写）/ sign-in name, case-insensitive",
    ),
]
DivisionCode = Annotated[
    str,
    Field(
        pattern=r"^\d{9}(\d{3})?$",
        examples=["419001100"],
        description="辖区：镇（街道）干部填 9 位乡镇代码，村干部填 12 位村代码；其他角色为空",
    ),
]
Password = Annotated[
    str, Field(min_length=8, max_length=200, description="至少 8 位 / at least 8 characters")
]
ClientId = Annotated[
    str, Field(min_length=2, max_length=50, pattern=r"^[a-z0-9_.\-]+$", examples=["integrator_hrss"])
]


class UserCreate(InputModel):
    username: Username
    display_name: str = Field(min_length=1, max_length=100)
    password: Password
    role: Role
    division_code: DivisionCode | None = None
    department: str | None = Field(default=None, min_length=1, max_length=100, description="所属部门")


class UserUpdate(InputModel):
    display_name: str | None = Field(default=None, min_length=1, max_length=100)
    role: Role | None = None
    division_code: DivisionCode | None = None
    department: str | None = Field(default=None, min_length=1, max_length=100)
    active: bool | None = None
    password: Password | None = None


class UserOut(OutputModel):
    id: uuid.UUID
    username: str
    display_name: str
    role: Role
    division_code: str | None
    department: str | None
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime

    @computed_field  # type: ignore[prop-decorator]
    @property
    def role_label(self) -> str:
        return self.role.label


class ClientCreate(InputModel):
    client_id: ClientId
    display_name: str = Field(min_length=1, max_length=100)
    department: str | None = Field(default=None, min_length=1, max_length=100)


class ClientOut(OutputModel):
    client_id: str
    display_name: str
    department: str | None
    active: bool
    created_at: datetime


class ClientCreated(ClientOut):
    client_secret: str = Field(description="只显示这一次，请妥善保存 / shown once only")
