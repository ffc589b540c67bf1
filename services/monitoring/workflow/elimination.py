"""风险消除条件: whether a monitored household's risk may be marked eliminated — plain rules, no I/O.

Risk elimination is earned, not clicked (2021 国家 关于健全防止返贫动态监测和帮扶机制的指导意见: 对收入
持续稳定、"两不愁三保障"及饮水安全持续巩固、返贫致贫风险已经稳定消除的，按程序标注风险消除; seed
§一(一): 对符合风险消除条件的…有序标注风险消除; 需要兜底保障的…标注"兜底保障户"). Each condition is
answered met or unmet with a Chinese explanation, so the console can show the cadre what is missing.
The numbers are settings (``MonitoringSettings.elimination_*``, ``school_age_*``, ``working_age_*``).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from services.monitoring.dates import age_on
from services.monitoring.models import Household, LabourCapacity, RiskCause, Schooling
from services.monitoring.settings import MonitoringSettings
from shared.labels import LabelledEnum

CENT = Decimal("0.01")
# A member who can work at all: the weak (弱劳动力或半劳动力) can still earn some of the household's living.
CAN_WORK = (LabourCapacity.ORDINARY, LabourCapacity.SKILLED, LabourCapacity.WEAK)


class Condition(LabelledEnum):
    INCOME_ABOVE_LINE = "income_above_line", "收入持续稳定超过监测线"
    HOUSING_SAFE = "housing_safe", "住房安全有保障"
    DRINKING_WATER_SAFE = "drinking_water_safe", "饮水安全有保障"
    SCHOOLING_SECURED = "schooling_secured", "义务教育有保障"
    MEDICAL_INSURANCE_SECURED = "medical_insurance_secured", "基本医疗保险全员参保"
    RISK_CAUSES_RESOLVED = "risk_causes_resolved", "各项风险均已消除"
    MEASURE_DELIVERED = "measure_delivered", "帮扶措施已落实"
    MONITORED_LONG_ENOUGH = "monitored_long_enough", "监测帮扶时间已满"
    NOT_LIVING_ON_TRANSFERS = "not_living_on_transfers", "不属于无劳动能力且依靠转移性收入生活"


@dataclass(frozen=True)
class ActiveMember:
    """A member still in the household (``left_on`` unset)."""

    name: str
    birth_date: date
    labour: LabourCapacity
    schooling: Schooling
    medical_insured: bool


@dataclass(frozen=True)
class YearIncome:
    year: int
    net_income: Decimal
    transfers: Decimal


@dataclass(frozen=True)
class Facts:
    """What the conditions are judged on, as the database holds it on ``today``."""

    household: Household
    members: Sequence[ActiveMember]
    incomes: Sequence[YearIncome]  # every recorded year, any order
    lines: dict[int, Decimal]  # monitoring line per year
    resolved: frozenset[RiskCause]  # causes resolved in the current case
    delivered_measures: int  # measures delivered in the current case, by today
    today: date


@dataclass(frozen=True)
class Verdict:
    condition: Condition
    met: bool
    explanation: str


@dataclass(frozen=True)
class Assessment:
    verdicts: list[Verdict]

    @property
    def eligible(self) -> bool:
        return all(v.met for v in self.verdicts)

    @property
    def unmet(self) -> list[Verdict]:
        return [v for v in self.verdicts if not v.met]

    @property
    def safety_net_route(self) -> bool:
        """Without labour and living on transfers: the household goes the 兜底 route instead."""
        return any(v.condition is Condition.NOT_LIVING_ON_TRANSFERS and not v.met for v in self.verdicts)


def per_capita(net_income: Decimal, member_count: int) -> Decimal:
    """As incomes report it: net ÷ declared household size, half-up to the fen."""
    return (net_income / member_count).quantize(CENT, rounding=ROUND_HALF_UP)


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day where it has none (31 Aug + 6 → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _yuan(amount: Decimal) -> str:
    return f"{amount:.2f} 元"


def income_above_line(facts: Facts, settings: MonitoringSettings) -> Verdict:
    """Above the line (strictly) in the latest recorded year and the ones before it, consecutively;
    a missing income year or line is unmet."""
    years = settings.elimination_income_years
    if not facts.incomes:
        return Verdict(Condition.INCOME_ABOVE_LINE, False, "未录入年度收入，无法判断收入是否稳定超过监测线")
    by_year = {i.year: i for i in facts.incomes}
    latest = max(by_year)
    problems: list[str] = []
    passed: list[str] = []
    for year in range(latest - years + 1, latest + 1):
        income, line = by_year.get(year), facts.lines.get(year)
        if income is None:
            problems.append(f"{year} 年未录入收入")
        elif line is None:
            problems.append(f"{year} 年未设定监测线")
        else:
            head = per_capita(income.net_income, facts.household.member_count)
            if head > line:
                passed.append(f"{year} 年人均纯收入 {_yuan(head)} 高于监测线 {_yuan(line)}")
            else:
                problems.append(f"{year} 年人均纯收入 {_yuan(head)} 未超过监测线 {_yuan(line)}")
    span = f"须最近连续 {years} 个收入年度（至 {latest} 年）人均纯收入均高于当年监测线"
    if problems:
        return Verdict(Condition.INCOME_ABOVE_LINE, False, f"{span}：" + "；".join(problems))
    return Verdict(Condition.INCOME_ABOVE_LINE, True, "；".join(passed))


def housing_safe(facts: Facts) -> Verdict:
    if facts.household.housing_safe:
        return Verdict(Condition.HOUSING_SAFE, True, "住房安全")
    return Verdict(Condition.HOUSING_SAFE, False, "住房不安全（危房），须先解决住房安全")


def drinking_water_safe(facts: Facts) -> Verdict:
    if facts.household.water_safe:
        return Verdict(Condition.DRINKING_WATER_SAFE, True, "饮水安全")
    return Verdict(Condition.DRINKING_WATER_SAFE, False, "饮水不安全，须先解决饮水安全")


def schooling_secured(facts: Facts, settings: MonitoringSettings) -> Verdict:
    lo, hi = settings.school_age_min, settings.school_age_max
    out = [
        m.name
        for m in facts.members
        if lo <= age_on(m.birth_date, facts.today) <= hi and m.schooling is Schooling.OUT_OF_SCHOOL
    ]
    if out:
        return Verdict(
            Condition.SCHOOLING_SECURED, False, f"义务教育阶段（{lo}–{hi} 岁）成员失学辍学：{'、'.join(out)}"
        )
    return Verdict(Condition.SCHOOLING_SECURED, True, f"无 {lo}–{hi} 岁失学辍学成员")


def medical_insurance_secured(facts: Facts) -> Verdict:
    uninsured = [m.name for m in facts.members if not m.medical_insured]
    if uninsured:
        return Verdict(
            Condition.MEDICAL_INSURANCE_SECURED, False, f"未参加基本医疗保险的成员：{'、'.join(uninsured)}"
        )
    return Verdict(Condition.MEDICAL_INSURANCE_SECURED, True, "在户成员均已参加基本医疗保险")


def risk_causes_resolved(facts: Facts) -> Verdict:
    open_causes = [c for c in facts.household.risk_causes if c not in facts.resolved]
    if open_causes:
        names = "、".join(c.label for c in open_causes)
        return Verdict(Condition.RISK_CAUSES_RESOLVED, False, f"尚未登记消除的风险：{names}")
    return Verdict(Condition.RISK_CAUSES_RESOLVED, True, "纳入时登记的各项风险均已登记消除")


def measure_delivered(facts: Facts) -> Verdict:
    if facts.delivered_measures:
        return Verdict(
            Condition.MEASURE_DELIVERED, True, f"纳入以来已落实帮扶措施 {facts.delivered_measures} 项"
        )
    return Verdict(Condition.MEASURE_DELIVERED, False, "纳入以来尚无已落实的帮扶措施（仅有计划不算落实）")


def monitored_long_enough(facts: Facts, settings: MonitoringSettings) -> Verdict:
    months = settings.elimination_min_months_monitored
    included_on = facts.household.included_on
    if included_on is None:
        return Verdict(Condition.MONITORED_LONG_ENOUGH, False, "尚未纳入监测")
    due = months_after(included_on, months)
    if facts.today >= due:
        return Verdict(
            Condition.MONITORED_LONG_ENOUGH, True, f"{included_on.isoformat()} 纳入监测，已满 {months} 个月"
        )
    return Verdict(
        Condition.MONITORED_LONG_ENOUGH,
        False,
        f"{included_on.isoformat()} 纳入监测，须满 {months} 个月（{due.isoformat()} 起）方可消除风险",
    )


def _lives_on_transfers(facts: Facts, settings: MonitoringSettings) -> str | None:
    """Why the latest year's income depends on transfers, or None if it does not (or cannot be
    told: without an income or a line the income condition already refuses elimination, and the
    household is not pointed to 兜底 on no evidence)."""
    if not facts.incomes:
        return None
    latest = max(facts.incomes, key=lambda i: i.year)
    line = facts.lines.get(latest.year)
    if line is None:
        return None
    without = per_capita(latest.net_income - latest.transfers, facts.household.member_count)
    if without <= line:
        return f"{latest.year} 年扣除转移性收入后人均 {_yuan(without)}，未超过监测线 {_yuan(line)}"
    share = settings.elimination_transfer_share
    if latest.net_income <= 0 or latest.transfers / latest.net_income > share:
        return f"{latest.year} 年转移性收入占纯收入超过 {share:.0%}"
    return None


def not_living_on_transfers(facts: Facts, settings: MonitoringSettings) -> Verdict:
    """A household whose members cannot work and whose income is transfers is not "eliminated":
    once 低保 or 特困供养 is fully in place it is marked 兜底保障户 (seed §一(一))."""
    lo, hi = settings.working_age_min, settings.working_age_max
    workers = [
        m for m in facts.members if lo <= age_on(m.birth_date, facts.today) <= hi and m.labour in CAN_WORK
    ]
    if workers:
        return Verdict(
            Condition.NOT_LIVING_ON_TRANSFERS, True, f"有 {len(workers)} 名 {lo}–{hi} 岁有劳动能力的成员"
        )
    why = _lives_on_transfers(facts, settings)
    if why is None:
        return Verdict(
            Condition.NOT_LIVING_ON_TRANSFERS,
            True,
            f"无 {lo}–{hi} 岁有劳动能力的成员，但收入不依靠转移性收入（或尚无收入记录，见收入条件）",
        )
    return Verdict(
        Condition.NOT_LIVING_ON_TRANSFERS,
        False,
        f"无 {lo}–{hi} 岁有劳动能力的成员，且{why}：不予标注风险消除，应落实低保或特困供养等兜底保障后"
        "标注兜底保障户（mark_safety_net）",
    )


def assess(facts: Facts, settings: MonitoringSettings) -> Assessment:
    return Assessment(
        [
            income_above_line(facts, settings),
            housing_safe(facts),
            drinking_water_safe(facts),
            schooling_secured(facts, settings),
            medical_insurance_secured(facts),
            risk_causes_resolved(facts),
            measure_delivered(facts),
            monitored_long_enough(facts, settings),
            not_living_on_transfers(facts, settings),
        ]
    )
