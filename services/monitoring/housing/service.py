"""住房安全保障 (seed §一(二)): appraisals by date, 危房改造 cases, and the household's flag.

The latest appraisal decides: ``Household.housing_safe`` is whether it is A/B, so screening's
"住房不安全" line follows the appraisals. A C/D appraisal that is the latest opens a renovation case
(one unfinished case per household, also in the database); the case is completed by the works and
closed only by a safe re-appraisal on or after the completion date; a dangerous re-appraisal after
completion sends it back to 改造中 (open).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from services.monitoring.housing import repository
from services.monitoring.housing.events import DANGEROUS_HOUSE_FOUND, DangerousHouseFound
from services.monitoring.housing.schemas import AppraisalIn, CompletionIn
from services.monitoring.models import Household, HousingAppraisal, RenovationCase, RenovationStatus
from services.monitoring.water.repository import latest_check
from shared import clock
from shared.context import RequestContext
from shared.errors import AppError, InvalidTransition, ValidationFailed
from shared.reports import Report


class RenovationNotCompleted(AppError):
    status, code, title_zh, title_en = (
        409,
        "renovation_not_completed",
        "危房改造尚未竣工，不能以复评销号",
        "The renovation is not completed; a re-appraisal cannot close it",
    )


async def record_appraisal(
    ctx: RequestContext, household: Household, data: AppraisalIn, *, origin_ref: str | None = None
) -> tuple[HousingAppraisal, RenovationCase | None]:
    """Record one appraisal (``household`` locked by the caller) and apply it if it is the latest."""
    if data.appraised_on > clock.today():
        raise ValidationFailed("body.appraised_on", "鉴定日期不能晚于今天", "appraised_on is in the future")
    previous = await repository.latest_appraisal(ctx.session, household.id)
    case = await repository.unfinished_case(ctx.session, household.id)
    appraisal = HousingAppraisal(
        household_id=household.id,
        town_code=household.town_code,
        village_code=household.village_code,
        appraised_on=data.appraised_on,
        grade=data.grade,
        appraiser=data.appraiser,
        recorded_by=ctx.principal.subject,
        origin_ref=origin_ref,
    )
    is_latest = previous is None or data.appraised_on > previous.appraised_on
    dangerous = data.grade.value in ("c", "d")
    # A safe re-appraisal closes a completed renovation; before completion it contradicts the case.
    if (
        is_latest
        and not dangerous
        and case is not None
        and (
            case.status is RenovationStatus.OPEN
            or (case.completed_on is not None and data.appraised_on < case.completed_on)
        )
    ):
        raise RenovationNotCompleted()
    ctx.session.add(appraisal)
    await ctx.session.flush()
    await ctx.session.refresh(appraisal, ["dangerous"])
    await ctx.audit("create", "housing_appraisal", appraisal.id, data.model_dump())
    if not is_latest:
        return appraisal, case
    household.housing_safe = not dangerous
    if dangerous and case is not None and case.status is RenovationStatus.COMPLETED:
        # Still dangerous after the works: the renovation is not done, the case runs again.
        case.status = RenovationStatus.OPEN
        case.completed_on = None
        await ctx.audit("reopen", "renovation_case", case.id, {"appraisal_id": appraisal.id})
    elif dangerous and case is None:
        case = RenovationCase(
            household_id=household.id,
            town_code=household.town_code,
            village_code=household.village_code,
            opening_appraisal_id=appraisal.id,
            opened_on=data.appraised_on,
            status=RenovationStatus.OPEN,
        )
        ctx.session.add(case)
        await ctx.session.flush()
        await ctx.audit("open", "renovation_case", case.id, {"appraisal_id": appraisal.id})
        await ctx.publish(
            DANGEROUS_HOUSE_FOUND,
            household.id,
            DangerousHouseFound(
                household_id=household.id,
                town_code=household.town_code,
                village_code=household.village_code,
                appraisal_id=appraisal.id,
                renovation_case_id=case.id,
                grade=data.grade.value,
                appraised_on=data.appraised_on,
            ),
        )
    elif not dangerous and case is not None:
        case.status = RenovationStatus.CLOSED
        case.closing_appraisal_id = appraisal.id
        case.closed_on = data.appraised_on
        await ctx.audit("close", "renovation_case", case.id, {"appraisal_id": appraisal.id})
    await ctx.session.flush()
    return appraisal, case


async def complete(ctx: RequestContext, case: RenovationCase, data: CompletionIn) -> RenovationCase:
    ctx.require_if_match(case.version)
    if case.status is not RenovationStatus.OPEN:
        raise InvalidTransition("只有改造中的危房改造可登记竣工", "only an open renovation can be completed")
    if data.completed_on < case.opened_on or data.completed_on > clock.today():
        raise ValidationFailed(
            "body.completed_on", "竣工日期须在立案之后且不晚于今天", "completed_on out of range"
        )
    case.status = RenovationStatus.COMPLETED
    case.completed_on = data.completed_on
    await ctx.session.flush()
    await ctx.audit("complete", "renovation_case", case.id, data.model_dump())
    return case


async def dangerous_houses_report(ctx: RequestContext, *, as_of: date, town_code: str | None) -> Report:
    """ "住房安全有保障": no one lives in a dangerous house; the rows are the exceptions."""
    prefix = ctx.principal.division_prefix
    if town_code and (prefix is None or town_code.startswith(prefix)):
        prefix = town_code
    elif town_code:
        prefix = "-"  # a town outside the caller's territory: nothing, as if it had no households
    rows: list[dict[str, Any]] = await repository.dangerous_houses(ctx.session, as_of=as_of, prefix=prefix)
    labels = {s.value: s.label for s in RenovationStatus}
    for row in rows:
        row["household_id"] = str(row["household_id"])
        row["grade"] = row["grade"].upper()
        row["case_status"] = labels.get(row["case_status"] or "", "未立案")
    return Report.of(
        "dangerous-houses",
        f"住房安全保障：居住危房农户（应为零，截至 {as_of.isoformat()}）",
        [
            ("town_code", "乡镇代码"),
            ("village_code", "村代码"),
            ("household_id", "农户编号"),
            ("head_name", "户主"),
            ("grade", "最近鉴定等级"),
            ("appraised_on", "鉴定日期"),
            ("case_status", "危房改造状态"),
            ("completed_on", "竣工日期"),
        ],
        rows,
    )


async def require_flags_follow_records(
    ctx: RequestContext, household: Household, changes: dict[str, Any]
) -> None:
    """A household edit may not contradict its records: once appraised (or checked), ``housing_safe``
    (``water_safe``) is the latest appraisal's (check's) finding and changes only with a new one."""
    if changes.get("housing_safe") is not None:
        appraisal = await repository.latest_appraisal(ctx.session, household.id)
        if appraisal is not None and changes["housing_safe"] == appraisal.dangerous:
            raise ValidationFailed(
                "body.housing_safe",
                "住房是否安全以最近一次住房安全性鉴定为准，请登记新的鉴定",
                "housing_safe follows the latest appraisal",
            )
    if changes.get("water_safe") is not None:
        check = await latest_check(ctx.session, household.id)
        if check is not None and changes["water_safe"] != check.safe:
            raise ValidationFailed(
                "body.water_safe",
                "饮水是否安全以最近一次饮水安全核查为准，请登记新的核查",
                "water_safe follows the latest water check",
            )
