"""户籍与成员变动: who joins or leaves a household, and households that split, merge or end.

Every change is dated (``effective_on``: not in the future, not before the household was formed or
the member joined), has a reason and is kept as an append-only row of ``household_changes``
(who, when). Nothing is deleted: a member who leaves keeps their row with ``left_on`` (then not
counted), a cancelled household keeps its record with ``cancelled_on``. The household's declared
size (``member_count``) follows each change. Each change announces ``member.changed`` /
``household.changed`` so other services' projections follow (a departed member ``active: false``
with ``left_on``; a cancelled household with ``cancelled_on``).

Splits and merges move the member rows (the person keeps their id, so employment's workers and
micro-credit's borrowers follow them); the history row says from where to where.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from services.monitoring.access import load_household
from services.monitoring.alerts.events import ALERT_RAISED, AlertRaised
from services.monitoring.changes import repository
from services.monitoring.changes.schemas import (
    ArrivalIn,
    CancellationCause,
    CancellationIn,
    ChangeOut,
    ChangeResult,
    DepartureIn,
    MergeIn,
    SplitIn,
)
from services.monitoring.households.events import (
    HOUSEHOLD_REGISTERED,
    HouseholdChanged,
    HouseholdRegistered,
    MemberChanged,
    household_changed,
    member_changed,
)
from services.monitoring.households.identity import require_fit
from services.monitoring.households.schemas import HouseholdOut
from services.monitoring.households.service import announce, announce_member, member_out, protect_id_number
from services.monitoring.households.standing import require_not_cancelled
from services.monitoring.models import (
    Alert,
    AlertSource,
    ChangeKind,
    Household,
    HouseholdChange,
    HouseholdKind,
    HouseholdStatus,
    Member,
    Relation,
    RiskCause,
)
from shared import clock
from shared.context import RequestContext
from shared.errors import AppError, NotFound, ValidationFailed

# A household (being) monitored: its people's risk must not get lost when they split off or merge
# into another household, so the other household gets an alert to verify.
UNDER_WATCH = (
    HouseholdStatus.VERIFYING,
    HouseholdStatus.VILLAGE_REVIEW,
    HouseholdStatus.PUBLIC_NOTICE,
    HouseholdStatus.TOWN_REVIEW,
    HouseholdStatus.DISTRICT_APPROVAL,
    HouseholdStatus.INCLUDED,
)
# Which identity a merged household keeps: 脱贫人口 stay 脱贫人口 (the identity belongs to the people).
IDENTITY_RANK = {HouseholdKind.ORDINARY: 0, HouseholdKind.LOW_INCOME: 1, HouseholdKind.LIFTED_OUT: 2}


class MemberAlreadyLeft(AppError):
    status, code = 409, "member_already_left"
    title_zh, title_en = "该成员已离户", "The member has already left the household"


class LastMember(AppError):
    status, code = 409, "last_member"
    title_zh, title_en = (
        "该户仅剩此一名在册成员，请办理注销",
        "The last member cannot leave; cancel the household",
    )


def check_date(effective_on: date, not_before: date, what: str, today: date | None = None) -> None:
    """A change happens on a day that has come, and not before what it changes existed."""
    if effective_on > (today or clock.today()):
        raise ValidationFailed("body.effective_on", "变动日期不能晚于今天", "the date is in the future")
    if effective_on < not_before:
        raise ValidationFailed(
            "body.effective_on",
            f"变动日期不能早于{what}（{not_before.isoformat()}）",
            f"the date is before {not_before.isoformat()}",
        )


def merged_identity(source: HouseholdKind, target: HouseholdKind) -> HouseholdKind:
    """The identity of a household another one merged into: the stronger of the two."""
    return source if IDENTITY_RANK[source] > IDENTITY_RANK[target] else target


def successor(
    leaving: Sequence[Member], staying: Sequence[Member], named: uuid.UUID | None, field_name: str
) -> Member | None:
    """The member who heads the household once ``leaving`` are gone: named when the head leaves."""
    head_leaves = any(m.relation is Relation.HEAD for m in leaving)
    if named is None:
        if head_leaves:
            raise ValidationFailed(field_name, "户主离户，须指定接任户主", "the head leaves: name a new head")
        return None
    if not head_leaves:
        raise ValidationFailed(field_name, "户主未离户，无需指定接任户主", "the head stays")
    chosen = next((m for m in staying if m.id == named), None)
    if chosen is None:
        raise ValidationFailed(field_name, "接任户主须为留在本户的在册成员", "not a member who stays")
    return chosen


def make_head(household: Household, member: Member) -> None:
    member.relation = Relation.HEAD
    household.head_name = member.name


@dataclass
class ChangeSet:
    """The history rows one request writes, all on one date with one reason."""

    ctx: RequestContext
    effective_on: date
    reason: str
    rows: list[tuple[HouseholdChange, str | None]] = field(default_factory=list)

    def record(
        self,
        household: Household,
        kind: ChangeKind,
        *,
        member: Member | None = None,
        other: Household | None = None,
    ) -> None:
        change = HouseholdChange(
            household_id=household.id,
            member_id=member.id if member else None,
            kind=kind,
            effective_on=self.effective_on,
            reason=self.reason,
            other_household_id=other.id if other else None,
            actor=self.ctx.principal.subject,
            actor_role=self.ctx.principal.role.value,
        )
        self.ctx.session.add(change)
        self.rows.append((change, member.name if member else None))

    def result(
        self, household: Household, *, other: Household | None = None, member: Member | None = None
    ) -> ChangeResult:
        """The answer, once flushed (ids, versions and times are the database's)."""
        return ChangeResult(
            household=HouseholdOut.model_validate(household),
            changes=[change_out(change, name) for change, name in self.rows],
            other_household=HouseholdOut.model_validate(other) if other else None,
            member=member_out(self.ctx, member, reveal=False) if member else None,
        )


def change_out(change: HouseholdChange, member_name: str | None) -> ChangeOut:
    return ChangeOut(
        id=change.id,
        household_id=change.household_id,
        member_id=change.member_id,
        member_name=member_name,
        kind=change.kind,
        effective_on=change.effective_on,
        reason=change.reason,
        other_household_id=change.other_household_id,
        actor=change.actor,
        actor_role=change.actor_role,
        at=change.at,
    )


async def _announce_all(
    ctx: RequestContext,
    members: Mapping[uuid.UUID, tuple[Member, MemberChanged | None]],
    households: Sequence[tuple[Household, HouseholdChanged | None]],
) -> None:
    for member, before in members.values():
        await announce_member(ctx, member, before)
    for household, before_household in households:
        await announce(ctx, household, before_household)


async def _alert_to_verify(
    ctx: RequestContext, household: Household, reason: str, origin: str, causes: Sequence[RiskCause]
) -> None:
    """A system alert for a household that received people of a (being) monitored household."""
    alert = Alert(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        source=AlertSource.SYSTEM,
        reason=reason,
        risk_causes=list(causes),
        origin_ref=origin,
    )
    ctx.session.add(alert)
    await ctx.session.flush()
    await ctx.publish(
        ALERT_RAISED,
        alert.id,
        AlertRaised(
            alert_id=alert.id,
            household_id=household.id,
            town_code=household.town_code,
            village_code=household.village_code,
            source=alert.source.value,
        ),
    )


async def _close(
    ctx: RequestContext, changes: ChangeSet, household: Household, other: Household | None = None
) -> int:
    """Cancel the household on the change's date; its pending alerts are dismissed (nobody is left
    there to verify). Returns how many were dismissed."""
    household.cancelled_on = changes.effective_on
    dismissed = await repository.dismiss_pending_alerts(ctx.session, household.id)
    changes.record(household, ChangeKind.CANCELLATION, other=other)
    return dismissed


# --- member changes --------------------------------------------------------------------------


async def depart(ctx: RequestContext, household: Household, data: DepartureIn) -> ChangeResult:
    """死亡 / 迁出 / 婚出: the member leaves on ``effective_on`` and is no longer counted from that day."""
    ctx.require_if_match(household.version)
    require_not_cancelled(household)
    member = await repository.member_of(ctx.session, household.id, data.member_id)
    if member is None:
        raise NotFound("成员不存在", "member not found")
    if member.left_on is not None:
        raise MemberAlreadyLeft(
            f"{member.name}已于 {member.left_on.isoformat()} 离户", "the member has already left"
        )
    check_date(data.effective_on, max(household.formed_on, member.joined_on), "立户或其入户日期")
    staying = [m for m in await repository.active_members(ctx.session, household.id) if m.id != member.id]
    if not staying:
        raise LastMember(
            "该户仅此一名在册成员：户内还有他人的，请先登记成员；全户死亡或迁出的，请办理注销",
            "register the other members first, or cancel the household",
        )
    head = successor([member], staying, data.new_head_member_id, "body.new_head_member_id")
    before_household, before_member = household_changed(household), member_changed(member)
    member.left_on = data.effective_on
    household.member_count = max(household.member_count - 1, len(staying))
    if head is not None:
        make_head(household, head)
    changes = ChangeSet(ctx, data.effective_on, data.reason)
    changes.record(household, ChangeKind(data.kind.value), member=member)
    await ctx.session.flush()
    await ctx.audit(
        "depart",
        "member",
        member.id,
        {
            "household_id": str(household.id),
            "kind": data.kind.value,
            "effective_on": data.effective_on.isoformat(),
            "new_head_member_id": str(head.id) if head else None,
        },
    )
    await _announce_all(ctx, {member.id: (member, before_member)}, [(household, before_household)])
    return changes.result(household)


async def arrive(ctx: RequestContext, household: Household, data: ArrivalIn) -> ChangeResult:
    """出生 / 迁入 / 婚入: a new member from ``effective_on``, the ID number kept as every member's."""
    ctx.require_if_match(household.version)
    require_not_cancelled(household)
    if data.member.relation is Relation.HEAD:
        raise ValidationFailed(
            "body.member.relation", "新入户成员不能登记为户主（户主变更随原户主离户办理）", "not as head"
        )
    protected = await protect_id_number(ctx, data.member.id_number, "body.member.id_number")
    check_date(data.effective_on, max(household.formed_on, protected["birth_date"]), "立户日期或其出生日期")
    before_household = household_changed(household)
    member = Member(
        id=uuid.uuid4(),
        household_id=household.id,
        **data.member.model_dump(exclude={"id_number"}),
        **protected,
        joined_on=data.effective_on,
    )
    ctx.session.add(member)
    household.member_count += 1
    await ctx.session.flush()  # the member exists before the history names it
    changes = ChangeSet(ctx, data.effective_on, data.reason)
    changes.record(household, ChangeKind(data.kind.value), member=member)
    await ctx.session.flush()
    await ctx.audit(
        "arrive",
        "member",
        member.id,
        {
            "household_id": str(household.id),
            "kind": data.kind.value,
            "effective_on": data.effective_on.isoformat(),
        },
    )
    await _announce_all(ctx, {member.id: (member, None)}, [(household, before_household)])
    return changes.result(household, member=member)


# --- household changes -----------------------------------------------------------------------


async def cancel(ctx: RequestContext, household: Household, data: CancellationIn) -> ChangeResult:
    """注销: the household died out or moved away as a whole; its remaining members leave that day.

    The monitoring status stays what it was on that day (the record of where the household stood;
    no review found its risk eliminated), but a cancelled household is out of every list, count
    and report, takes no more workflow steps, and its pending alerts are dismissed.
    """
    ctx.require_if_match(household.version)
    require_not_cancelled(household)
    staying = await repository.active_members(ctx.session, household.id)
    check_date(
        data.effective_on, max([household.formed_on, *(m.joined_on for m in staying)]), "立户或成员入户日期"
    )
    kind = ChangeKind.DEATH if data.cause is CancellationCause.DIED_OUT else ChangeKind.MOVE_OUT
    before_household = household_changed(household)
    members = {m.id: (m, member_changed(m)) for m in staying}
    changes = ChangeSet(ctx, data.effective_on, data.reason)
    for member in staying:
        member.left_on = data.effective_on
        changes.record(household, kind, member=member)
    dismissed = await _close(ctx, changes, household)
    await ctx.session.flush()
    await ctx.audit(
        "cancel",
        "household",
        household.id,
        {
            "cause": data.cause.value,
            "effective_on": data.effective_on.isoformat(),
            "members_left": len(staying),
            "alerts_dismissed": dismissed,
            "status": household.status.value,
        },
    )
    await _announce_all(ctx, members, [(household, before_household)])
    return changes.result(household)


async def split(ctx: RequestContext, household: Household, data: SplitIn) -> ChangeResult:
    """分户: some members form a new household, in the same village or another in the caller's
    territory. It keeps the identity (脱贫户 belongs to its people) and the responsible helper; it
    starts not monitored, and if the old household is (being) monitored an alert asks to verify it."""
    ctx.require_if_match(household.version)
    require_not_cancelled(household)
    village = data.village_code or household.village_code
    if village != household.village_code:
        ctx.component.divisions.require_village(village, field="body.village_code")
        ctx.principal.require_may_write_in(village)
    active = {m.id: m for m in await repository.active_members(ctx.session, household.id)}
    moving_ids = list(dict.fromkeys(data.member_ids))
    if any(i not in active for i in moving_ids):
        raise ValidationFailed(
            "body.member_ids", "分出的须为本户在册成员", "not active members of the household"
        )
    moving = [active[i] for i in moving_ids]
    staying = [m for i, m in active.items() if i not in moving_ids]
    if not staying:
        raise ValidationFailed(
            "body.member_ids", "原户须至少留下一名在册成员；全户并入他户请办理合户", "nobody would stay"
        )
    if data.head_member_id not in moving_ids:
        raise ValidationFailed("body.head_member_id", "新户户主须为分出的成员之一", "not a moving member")
    remaining_head = successor(
        moving, staying, data.remaining_head_member_id, "body.remaining_head_member_id"
    )
    check_date(
        data.effective_on, max([household.formed_on, *(m.joined_on for m in moving)]), "立户或成员入户日期"
    )
    watch = household.status in UNDER_WATCH or await repository.has_pending_alert(ctx.session, household.id)
    head = active[data.head_member_id]
    new = Household(
        id=uuid.uuid4(),
        town_code=village[:9],
        village_code=village,
        head_name=head.name,
        address=household.address if data.address is None else data.address,
        kind=household.kind,
        member_count=len(moving),
        helper_user_id=household.helper_user_id,
        housing_safe=household.housing_safe,
        water_safe=household.water_safe,
        formed_on=data.effective_on,
    )
    ctx.session.add(new)
    await ctx.session.flush()
    before_household = household_changed(household)
    members = {m.id: (m, member_changed(m)) for m in moving}
    changes = ChangeSet(ctx, data.effective_on, data.reason)
    for member in moving:
        member.household_id = new.id
        if member.relation is Relation.HEAD:
            member.relation = Relation.OTHER  # one head per household: the one named
        changes.record(household, ChangeKind.SPLIT, member=member, other=new)
    make_head(new, head)
    if remaining_head is not None:
        make_head(household, remaining_head)
    household.member_count = max(household.member_count - len(moving), len(staying))
    await ctx.session.flush()
    if watch:
        await _alert_to_verify(
            ctx,
            new,
            f"由{household.head_name}户分户而来（原户：{household.status.label}），需核实是否纳入监测",
            f"split:{new.id}",
            household.risk_causes,
        )
    await ctx.audit(
        "split",
        "household",
        household.id,
        {
            "new_household_id": str(new.id),
            "village_code": village,
            "members": len(moving),
            "effective_on": data.effective_on.isoformat(),
        },
    )
    await ctx.publish(
        HOUSEHOLD_REGISTERED,
        new.id,
        HouseholdRegistered(
            household_id=new.id, town_code=new.town_code, village_code=new.village_code, kind=new.kind.value
        ),
    )
    await _announce_all(ctx, members, [(household, before_household), (new, None)])
    return changes.result(household, other=new)


async def merge(ctx: RequestContext, source: Household, data: MergeIn) -> ChangeResult:
    """合户: every active member of ``source`` joins the other household; ``source`` is cancelled.

    The merged household keeps the stronger identity (a 脱贫户's people stay 脱贫人口) — if its
    monitoring category no longer fits, the merge is refused. Pending alerts of ``source`` are
    dismissed with it; if ``source`` was (being) monitored and the other is not, the other gets an
    alert to verify, so the people's risk is looked at where they now live.
    """
    target = await load_household(ctx, data.into_household_id)
    if target.id == source.id:
        raise ValidationFailed("body.into_household_id", "不能并入本户", "cannot merge into itself")
    await repository.lock_households(ctx.session, [source.id, target.id])
    ctx.require_if_match(source.version)
    require_not_cancelled(source)
    require_not_cancelled(target, what="并入的农户")
    moving = await repository.active_members(ctx.session, source.id)
    check_date(
        data.effective_on,
        max([source.formed_on, target.formed_on, *(m.joined_on for m in moving)]),
        "两户立户或成员入户日期",
    )
    identity = merged_identity(source.kind, target.kind)
    if identity is not target.kind:
        require_fit(identity, target.subtype, "body.into_household_id")
    watch = source.status in UNDER_WATCH or await repository.has_pending_alert(ctx.session, source.id)
    target_watched = target.status in UNDER_WATCH or await repository.has_pending_alert(
        ctx.session, target.id
    )
    befores = [(source, household_changed(source)), (target, household_changed(target))]
    members = {m.id: (m, member_changed(m)) for m in moving}
    changes = ChangeSet(ctx, data.effective_on, data.reason)
    for member in moving:
        member.household_id = target.id
        if member.relation is Relation.HEAD:
            member.relation = Relation.OTHER  # the household they join has its head
        changes.record(source, ChangeKind.MERGE, member=member, other=target)
    target.kind = identity
    target.member_count += source.member_count
    if target.helper_user_id is None:
        target.helper_user_id = source.helper_user_id
    dismissed = await _close(ctx, changes, source, other=target)
    await ctx.session.flush()
    if watch and not target_watched:
        await _alert_to_verify(
            ctx,
            target,
            f"{source.head_name}户并入本户（原户：{source.status.label}），需核实是否纳入监测",
            f"merge:{source.id}",
            source.risk_causes,
        )
    await ctx.audit(
        "merge",
        "household",
        source.id,
        {
            "into_household_id": str(target.id),
            "members": len(moving),
            "alerts_dismissed": dismissed,
            "status": source.status.value,
            "effective_on": data.effective_on.isoformat(),
        },
    )
    await _announce_all(ctx, members, befores)
    return changes.result(source, other=target)


async def history(ctx: RequestContext, household: Household) -> list[ChangeOut]:
    return [change_out(change, name) for change, name in await repository.history(ctx.session, household.id)]
