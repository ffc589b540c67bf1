"""Demo accounts, one per role, all with the password the launcher generated for this data folder."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select

from gateway.auth.passwords import hash_password
from gateway.models import ServiceClient, User, kit
from gateway.users.events import USER_CHANGED, user_changed
from shared.auth import Role
from shared.db import Database
from shared.events.outbox import Outbox


class DemoAccount(NamedTuple):
    username: str
    role: Role
    role_label: str
    division_code: str | None
    description: str


class _Person(NamedTuple):
    username: str
    display_name: str
    role: Role
    division_code: str | None
    department: str | None
    description: str


DEMO_PEOPLE = [
    _Person("admin", "区级管理员（演示）", Role.DISTRICT_ADMIN, None, None, "全区数据与账号管理"),
    _Person("dept_hrss", "人社局干部（演示）", Role.DEPARTMENT_OFFICER, None, "人社局", "行业部门：人社局"),
    _Person("town_kejing", "克井镇干部（演示）", Role.TOWN_OFFICIAL, "419001100", None, "克井镇"),
    _Person(
        "village_beidahe", "北大河村干部（演示）", Role.VILLAGE_CADRE, "419001100201", None, "克井镇北大河村"
    ),
    _Person("helper_wang", "帮扶责任人王（演示）", Role.HELPER, None, None, "所联系农户"),
    _Person("auditor", "审计人员（演示）", Role.AUDITOR, None, None, "只读全部数据，读取留痕"),
]
DEMO_CLIENT_ID = "integrator_hrss"
DEMO_CLIENT_DEPARTMENT = "人社局"


async def ensure_demo_accounts(db: Database, password: str) -> list[DemoAccount]:
    """Create whichever demo accounts are missing; existing ones (and their passwords) stay as they are."""
    async with db.transaction() as session:
        existing = set(
            await session.scalars(
                select(User.username).where(User.username.in_([p.username for p in DEMO_PEOPLE]))
            )
        )
        created = [
            User(
                username=person.username,
                display_name=person.display_name,
                role=person.role,
                division_code=person.division_code,
                department=person.department,
                password_hash=await hash_password(password),
                active=True,
            )
            for person in DEMO_PEOPLE
            if person.username not in existing
        ]
        session.add_all(created)
        await session.flush()
        # Announced like accounts made through the API, so services know them (e.g. helpers).
        await Outbox(kit).add_many(session, USER_CHANGED, [(str(u.id), user_changed(u)) for u in created])
        client = await session.scalar(
            select(ServiceClient.id).where(ServiceClient.client_id == DEMO_CLIENT_ID)
        )
        if client is None:
            session.add(
                ServiceClient(
                    client_id=DEMO_CLIENT_ID,
                    display_name="人社局业务系统（演示）",
                    department=DEMO_CLIENT_DEPARTMENT,
                    secret_hash=await hash_password(password),
                    active=True,
                )
            )
    accounts = [
        DemoAccount(p.username, p.role, p.role.label, p.division_code, p.description) for p in DEMO_PEOPLE
    ]
    accounts.append(
        DemoAccount(
            DEMO_CLIENT_ID,
            Role.INTEGRATOR,
            Role.INTEGRATOR.label,
            None,
            "部门系统账号：client_credentials，密钥同演示密码",
        )
    )
    return accounts
