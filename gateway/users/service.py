"""User administration rules: roles need the right territory, admins cannot lock themselves out."""

from __future__ import annotations

import secrets
from typing import Any

from gateway.auth.passwords import hash_password
from gateway.auth.service import revoke_user_tokens
from gateway.models import ServiceClient, User
from gateway.users import repository
from gateway.users.events import USER_CHANGED, user_changed
from gateway.users.schemas import ClientCreate, UserCreate, UserUpdate
from shared.auth import Role
from shared.context import RequestContext
from shared.divisions import DivisionRegistry
from shared.errors import Conflict, ValidationFailed


def check_assignment(
    divisions: DivisionRegistry, role: Role, division_code: str | None, department: str | None
) -> None:
    if role is Role.INTEGRATOR:
        raise ValidationFailed(
            "role", "部门系统账号请通过 /admin/clients 创建", "integrators are service clients"
        )
    if role is Role.TOWN_OFFICIAL:
        if not division_code:
            raise ValidationFailed(
                "division_code", "镇（街道）干部需要乡镇代码", "a town official needs a town code"
            )
        divisions.require_town(division_code, field="division_code")
    elif role is Role.VILLAGE_CADRE:
        if not division_code:
            raise ValidationFailed(
                "division_code", "村干部需要村（社区）代码", "a village cadre needs a village code"
            )
        divisions.require_village(division_code, field="division_code")
    elif division_code is not None:
        raise ValidationFailed(
            "division_code",
            "只有镇村干部设置辖区代码",
            "only town officials and village cadres have a division",
        )
    if role is Role.DEPARTMENT_OFFICER and not department:
        raise ValidationFailed(
            "department", "行业部门干部需要填写部门", "a department officer needs a department"
        )


async def create_user(ctx: RequestContext, data: UserCreate) -> User:
    check_assignment(ctx.component.divisions, data.role, data.division_code, data.department)
    if await repository.username_taken(ctx.session, data.username):
        raise Conflict(f"用户名 {data.username} 已存在", f"username {data.username} is taken")
    user = User(
        username=data.username.lower(),
        display_name=data.display_name,
        password_hash=await hash_password(data.password),
        role=data.role,
        division_code=data.division_code,
        department=data.department,
        active=True,
    )
    ctx.session.add(user)
    await ctx.session.flush()
    await ctx.audit("create", "user", user.id, data.model_dump(exclude={"password"}))
    await announce(ctx, user)
    return user


async def update_user(ctx: RequestContext, user: User, data: UserUpdate) -> User:
    ctx.require_if_match(user.version)
    changes: dict[str, Any] = data.model_dump(exclude_unset=True)
    for name in ("display_name", "role", "active"):
        if name in changes and changes[name] is None:
            raise ValidationFailed(name, "不能为空", "must not be null")
    new_password = changes.pop("password", None)
    role: Role = changes.get("role", user.role)
    if role not in (Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE) and "division_code" not in changes:
        changes["division_code"] = None  # leaving a territorial role leaves its territory
    division_code = changes.get("division_code", user.division_code)
    department = changes.get("department", user.department)
    check_assignment(ctx.component.divisions, role, division_code, department)
    if str(user.id) == ctx.principal.subject and (changes.get("active") is False or role is not user.role):
        raise Conflict(
            "不能停用自己或更改自己的角色", "you cannot deactivate yourself or change your own role"
        )
    access_changed = (
        role is not user.role or division_code != user.division_code or changes.get("active") is False
    )
    for name, value in changes.items():
        setattr(user, name, value)
    if new_password is not None:
        user.password_hash = await hash_password(new_password)
    if new_password is not None or access_changed:
        # Access tokens run out within minutes; refresh tokens must stop now.
        await revoke_user_tokens(ctx.session, user.id)
    await ctx.session.flush()
    audited = {k: v for k, v in changes.items()}
    if new_password is not None:
        audited["password_changed"] = True
    await ctx.audit("update", "user", user.id, audited)
    await announce(ctx, user)
    return user


async def announce(ctx: RequestContext, user: User) -> None:
    await ctx.publish(USER_CHANGED, user.id, user_changed(user))


async def create_client(ctx: RequestContext, data: ClientCreate) -> tuple[ServiceClient, str]:
    if await repository.client_taken(ctx.session, data.client_id):
        raise Conflict(f"客户端 {data.client_id} 已存在", f"client {data.client_id} exists")
    secret = secrets.token_urlsafe(32)
    client = ServiceClient(
        client_id=data.client_id,
        display_name=data.display_name,
        department=data.department,
        secret_hash=await hash_password(secret),
        active=True,
    )
    ctx.session.add(client)
    await ctx.session.flush()
    await ctx.audit("create", "service_client", client.client_id, data.model_dump())
    return client, secret
