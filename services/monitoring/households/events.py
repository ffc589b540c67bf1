"""What monitoring announces about households and members (ids and codes only).

``household.changed`` and ``member.changed`` are the contract other services project (employment's
floor, micro-credit, the reference checks of domain §5): each carries the record as it is after the
change with the row's version, and is written in the same transaction as every change of one of
its fields — one row at a time (:func:`household_changed`) or set-based (the ``*_ROWS`` column
lists, for ``Outbox.add_from_query``).
"""

from __future__ import annotations

import uuid
from datetime import date

from pydantic import Field

from services.monitoring.models import Household, HouseholdKind, Member
from shared.events.envelope import EventPayload, EventSpec


class HouseholdRegistered(EventPayload):
    household_id: uuid.UUID
    town_code: str
    village_code: str
    kind: str


class HouseholdChanged(EventPayload):
    household_id: uuid.UUID
    town_code: str = Field(description="乡镇代码（9 位）")
    village_code: str = Field(description="村代码（12 位）")
    lifted_out: bool = Field(description="脱贫户身份；纳入监测（脱贫不稳定户）后仍为 true")
    status: str = Field(
        description="HouseholdStatus：not_monitored, verifying, village_review, public_notice, "
        "town_review, district_approval, included（监测对象）, risk_eliminated, safety_net"
    )
    subtype: str | None = Field(description="监测对象类型：unstable / marginal / sudden_hardship")
    version: int = Field(description="农户记录的版本，同一农户严格递增")
    cancelled_on: date | None = Field(
        default=None, description="注销日期（全户消亡、迁出或并入他户）；此后不再计数、不再享受政策"
    )


class MemberChanged(EventPayload):
    member_id: uuid.UUID
    household_id: uuid.UUID
    labour: str = Field(description="LabourCapacity：ordinary, skilled, weak, lost, none")
    active: bool = Field(description="仍是该户成员（死亡、迁出、婚出后为 false）")
    version: int = Field(description="成员记录的版本，同一成员严格递增")
    left_on: date | None = Field(default=None, description="离户日期（死亡、迁出、婚出）；当日起不再计数")
    match_hash: str | None = Field(
        default=None,
        description="身份证号匹配散列：规范化身份证号的 HMAC-SHA256（十六进制，"
        "密钥 XIANJIE_ID_NUMBER_MATCH_KEY），供就业服务按身份证号匹配国家系统务工数据而不保存号码；"
        "补算前登记的成员为空",
    )


HOUSEHOLD_REGISTERED = EventSpec(
    service="monitoring",
    aggregate="household",
    name="registered",
    payload=HouseholdRegistered,
    summary="农户已登记 / a household was registered",
)
HOUSEHOLD_CHANGED = EventSpec(
    service="monitoring",
    aggregate="household",
    name="changed",
    payload=HouseholdChanged,
    summary="农户已登记或变更（身份、监测状态与类型、所在地）/ a household as it is after a change",
)
MEMBER_CHANGED = EventSpec(
    service="monitoring",
    aggregate="member",
    name="changed",
    payload=MemberChanged,
    summary="家庭成员已登记或变更（劳动能力、是否在户）/ a member as it is after a change",
)

PUBLISHED = [HOUSEHOLD_REGISTERED, HOUSEHOLD_CHANGED, MEMBER_CHANGED]


def household_changed(household: Household) -> HouseholdChanged:
    return HouseholdChanged(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        lifted_out=household.kind is HouseholdKind.LIFTED_OUT,
        status=household.status.value,
        subtype=household.subtype.value if household.subtype else None,
        version=household.version,
        cancelled_on=household.cancelled_on,
    )


def member_changed(member: Member) -> MemberChanged:
    return MemberChanged(
        member_id=member.id,
        household_id=member.household_id,
        labour=member.labour.value,
        active=member.left_on is None,
        version=member.version,
        left_on=member.left_on,
        match_hash=member.id_number_match_hash,
    )


# The same payloads as SQL select lists over ``monitoring.households h`` / ``monitoring.members m``.
HOUSEHOLD_CHANGED_ROWS = """
    h.id AS subject, h.id AS household_id, h.town_code, h.village_code,
    h.kind = 'lifted_out' AS lifted_out, h.status::text AS status, h.subtype::text AS subtype, h.version,
    h.cancelled_on
"""
MEMBER_CHANGED_ROWS = """
    m.id AS subject, m.id AS member_id, m.household_id, m.labour::text AS labour,
    m.left_on IS NULL AS active, m.version, m.left_on, m.id_number_match_hash AS match_hash
"""
