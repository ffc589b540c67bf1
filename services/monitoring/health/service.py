"""基本医疗有保障 (seed §一(二)): insurance per member and year with the 分类资助参保 subsidy, and
large medical expenses with what 基本医保, 大病保险 and 医疗救助 paid.

``Member.medical_insured`` is the latest recorded year's status (screening's "未参保" line reads it).
Screening also reads the expenses: a household whose out-of-pocket spending in the year reaches
``medical_out_of_pocket_income_share`` of its net income is at risk 因病 (alerts.repository).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from services.monitoring.health import repository
from services.monitoring.health.events import INSURANCE_GAP_FOUND, InsuranceGapFound
from services.monitoring.health.schemas import ExpenseIn, ExpenseOut, InsuranceIn
from services.monitoring.households import repository as households
from services.monitoring.models import Household, InsuranceSubsidy, MedicalExpense, Member, MemberInsurance
from shared import clock
from shared.context import RequestContext
from shared.errors import NotFound, ValidationFailed
from shared.reports import Report


async def active_member(ctx: RequestContext, household: Household, member_id: Any) -> Member:
    member = await households.member(ctx.session, household.id, member_id)
    if member is None or member.left_on is not None:
        raise NotFound("该户没有此在册成员", "no such active member in the household")
    return member


def _check_subsidy(data: InsuranceIn) -> None:
    if (data.subsidy is InsuranceSubsidy.NONE) != (data.subsidy_amount == 0):
        raise ValidationFailed(
            "body.subsidy_amount", "享受资助须填资助金额，未享受资助金额为 0", "an amount goes with a subsidy"
        )
    if not data.insured and data.subsidy is not InsuranceSubsidy.NONE:
        raise ValidationFailed("body.subsidy", "未参保不能享受参保资助", "no subsidy without insurance")


async def record_insurance(
    ctx: RequestContext,
    household: Household,
    member: Member,
    year: int,
    data: InsuranceIn,
    *,
    origin_ref: str | None = None,
    replace_without_if_match: bool = False,
) -> tuple[MemberInsurance, bool]:
    """Create or replace the member's year; the latest year sets ``medical_insured``."""
    _check_subsidy(data)
    record = await repository.insurance(ctx.session, member.id, year)
    created = record is None
    if record is None:
        record = MemberInsurance(
            household_id=household.id,
            member_id=member.id,
            town_code=household.town_code,
            village_code=household.village_code,
            year=year,
            origin_ref=origin_ref,
            **data.model_dump(),
        )
        ctx.session.add(record)
    else:
        if not replace_without_if_match:
            ctx.require_if_match(record.version)
        for name, value in data.model_dump().items():
            setattr(record, name, value)
    await ctx.session.flush()
    changes = {"year": year, **data.model_dump()}
    await ctx.audit("create" if created else "update", "member_insurance", record.id, changes)
    latest = await repository.latest_insured_year(ctx.session, member.id)
    if latest == year:
        was_insured = member.medical_insured
        member.medical_insured = data.insured
        await ctx.session.flush()
        if was_insured and not data.insured:
            await ctx.publish(
                INSURANCE_GAP_FOUND,
                member.id,
                InsuranceGapFound(
                    household_id=household.id,
                    member_id=member.id,
                    town_code=household.town_code,
                    village_code=household.village_code,
                    year=year,
                ),
            )
    return record, created


def expense_out(expense: MedicalExpense) -> ExpenseOut:
    share = (expense.out_of_pocket / expense.total).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    fields = {
        name: getattr(expense, name) for name in ExpenseOut.model_fields if name != "out_of_pocket_share"
    }
    return ExpenseOut.model_validate({**fields, "out_of_pocket_share": share})


async def record_expense(
    ctx: RequestContext, household: Household, data: ExpenseIn, *, origin_ref: str | None = None
) -> MedicalExpense:
    if data.settled_on > clock.today():
        raise ValidationFailed("body.settled_on", "结算日期不能晚于今天", "settled_on is in the future")
    if data.basic_insurance_paid + data.serious_illness_paid + data.medical_assistance_paid > data.total:
        raise ValidationFailed(
            "body.total", "三重保障支付合计不能超过医疗总费用", "the three layers paid more than the total"
        )
    member = await active_member(ctx, household, data.member_id)
    expense = MedicalExpense(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        recorded_by=ctx.principal.subject,
        origin_ref=origin_ref,
        **data.model_dump(exclude={"member_id"}),
        member_id=member.id,
    )
    ctx.session.add(expense)
    await ctx.session.flush()
    await ctx.session.refresh(expense, ["out_of_pocket"])
    await ctx.audit("create", "medical_expense", expense.id, data.model_dump())
    return expense


async def per_town_report(ctx: RequestContext, *, year: int, town_code: str | None) -> Report:
    prefix = ctx.principal.division_prefix
    if town_code:
        prefix = town_code if prefix is None or town_code.startswith(prefix) else "-"
    rows: list[dict[str, Any]] = await repository.per_town(ctx.session, year=year, prefix=prefix)
    for row in rows:
        row["town_name"] = ctx.component.divisions.name(str(row["town_code"])) or ""
        total = Decimal(row["total"])
        row["out_of_pocket_share"] = (
            "—"
            if total == 0
            else f"{(Decimal(row['out_of_pocket']) * 100 / total).quantize(Decimal('0.1'))}%"
        )
    return Report.of(
        "health",
        f"基本医疗保障分镇报表（{year}年）",
        [
            ("town_code", "乡镇代码"),
            ("town_name", "乡镇"),
            ("people", "脱贫户和监测对象人口"),
            ("insured", "已参保"),
            ("uninsured", "未参保或未登记"),
            ("subsidised", "享受分类资助"),
            ("subsidy_amount", "资助金额"),
            ("expenses", "大额医疗费用笔数"),
            ("total", "医疗总费用"),
            ("basic", "基本医保支付"),
            ("serious", "大病保险支付"),
            ("assistance", "医疗救助支付"),
            ("out_of_pocket", "个人自付"),
            ("out_of_pocket_share", "自付比例"),
        ],
        rows,
    )


async def require_insured_follows_records(
    ctx: RequestContext, member: Member, changes: dict[str, Any]
) -> None:
    """Once a year is recorded, ``medical_insured`` is the latest year's status: an edit saying
    otherwise is refused (record the year instead)."""
    if changes.get("medical_insured") is None:
        return
    latest = await repository.latest_insured_year(ctx.session, member.id)
    if latest is None:
        return
    record = await repository.insurance(ctx.session, member.id, latest)
    if record is not None and record.insured != changes["medical_insured"]:
        raise ValidationFailed(
            "body.medical_insured",
            f"是否参保以 {latest} 年参保登记为准，请登记或更正年度参保",
            "medical_insured follows the latest insurance year",
        )
