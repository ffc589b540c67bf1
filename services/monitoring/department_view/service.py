"""The department view: each department reads exactly the fields of its row in the table."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from services.monitoring.access import vault
from services.monitoring.department_view import repository
from services.monitoring.departments import FIELDS, ViewField, department_of
from services.monitoring.incomes.repository import line_amounts
from services.monitoring.incomes.service import per_capita
from services.monitoring.models import Household, HouseholdKind, HouseholdStatus, Income, Member
from shared.context import RequestContext
from shared.pagination import keyset_page


def safety_net_candidate(
    household: Household, has_able_bodied: bool, income: Income | None, lines: dict[int, Decimal]
) -> bool:
    """低保/特困候选 (seed §一(一): 兜底 for those without labour; practice: or below the line):
    a household in monitoring whose members include no able-bodied one, or whose latest
    per-capita net income is under that year's line."""
    if household.status is not HouseholdStatus.INCLUDED:
        return False
    if not has_able_bodied:
        return True
    if income is None or income.year not in lines:
        return False
    return per_capita(income.net_income, household.member_count) < lines[income.year]


def _values(
    ctx: RequestContext,
    member: Member,
    household: Household,
    income: Income | None,
    candidate: bool,
) -> dict[ViewField, dict[str, Any]]:
    """Every field a department may be given, each as the keys it puts in the answer (lazily
    decrypted ID numbers: only computed when the department has the field)."""
    return {
        ViewField.NAME: {"name": member.name},
        ViewField.BIRTH_DATE: {"birth_date": member.birth_date.isoformat()},
        ViewField.RELATION: {"relation": member.relation.value, "relation_label": member.relation.label},
        ViewField.HOUSEHOLD_STATUS: {
            "household_status": household.status.value,
            "household_status_label": household.status.label,
        },
        ViewField.SUBTYPE: {
            "subtype": household.subtype.value if household.subtype else None,
            "subtype_label": household.subtype.label if household.subtype else None,
        },
        ViewField.LIFTED_OUT: {"lifted_out": household.kind is HouseholdKind.LIFTED_OUT},
        ViewField.HEALTH: {"health": member.health.value, "health_label": member.health.label},
        ViewField.LABOUR: {"labour": member.labour.value, "labour_label": member.labour.label},
        ViewField.SCHOOLING: {"schooling": member.schooling.value, "schooling_label": member.schooling.label},
        ViewField.MEDICAL_INSURED: {"medical_insured": member.medical_insured},
        ViewField.HOUSING_SAFE: {"housing_safe": household.housing_safe},
        ViewField.RISK_CAUSES: {
            "risk_causes": [c.value for c in household.risk_causes],
            "risk_causes_labels": [c.label for c in household.risk_causes],
        },
        ViewField.PER_CAPITA_NET_INCOME: {
            "income_year": income.year if income else None,
            "per_capita_net_income": (
                f"{per_capita(income.net_income, household.member_count):.2f}" if income else None
            ),
        },
        ViewField.SAFETY_NET_CANDIDATE: {"safety_net_candidate": candidate},
    }


async def members(
    ctx: RequestContext,
    *,
    division_code: str | None,
    updated_since: datetime | None,
    cursor: str | None,
    limit: int,
) -> dict[str, Any]:
    department = department_of(ctx.principal, ctx.component.settings)
    allowed = FIELDS[department]
    rows, next_cursor = await keyset_page(
        ctx.session,
        repository.people(division_code, updated_since),
        (Member.updated_at, Member.id),
        cursor=cursor,
        limit=limit,
    )
    household_ids = {m.household_id for m in rows}
    households = await repository.households(ctx.session, household_ids)
    incomes = await repository.latest_incomes(ctx.session, household_ids)
    able = await repository.able_bodied_households(ctx.session, household_ids)
    lines = await line_amounts(ctx.session)
    items = []
    for member in rows:
        household = households[member.household_id]
        income = incomes.get(household.id)
        values = _values(
            ctx,
            member,
            household,
            income,
            safety_net_candidate(household, household.id in able, income, lines),
        )
        item: dict[str, Any] = {
            "member_id": str(member.id),
            "household_id": str(household.id),
            "town_code": household.town_code,
            "village_code": household.village_code,
        }
        for field in sorted(allowed):
            if field is ViewField.ID_NUMBER:
                item["id_number"] = vault(ctx).open(member.id_number_cipher)
            else:
                item.update(values[field])
        items.append(item)
    # Every read is on record: who (the audit row's actor), which department, which fields, how many.
    await ctx.audit(
        "read",
        "department_view",
        None,
        {
            "department": department.value,
            "fields": sorted(f.value for f in allowed),
            "members": len(items),
            "division_code": division_code,
        },
    )
    return {
        "department": department.value,
        "department_label": department.label,
        "fields": sorted(f.value for f in allowed),
        "items": items,
        "next_cursor": next_cursor,
    }
