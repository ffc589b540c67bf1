"""What a department may read: the one table of fields per department (issue 14).

Departmental systems and officers read monitored people through ``GET /v1/department-view/members``;
each department gets exactly the fields its duty needs, nothing more (domain §6: department
officers see their department's data). The table is the only place this is decided: the service
builds each answer from it and audits which fields went out.

Duties *(practice, from the departments' roles in 防返贫监测 and the seed §一(一) 部门筛查预警)*:
- 医保 (medical insurance): who of the 脱贫/monitored people is insured, to pay their premiums and
  check major-illness insurance and medical assistance (三保障: 基本医疗有保障);
- 民政 (civil affairs): 低保/特困 candidates — monitored households without labour or below the line;
- 教育 (education): school-age children and their schooling (控辍保学);
- 卫健 (health): illness and disability of monitored people (家庭医生签约, 大病专项救治);
- 住建 (housing): households whose house is unsafe (危房改造);
- 人社 (human resources): working-age people and their labour capacity (稳岗就业).
Every department matches people in its own system by ID number, so each gets it in full.
"""

from __future__ import annotations

from services.monitoring.settings import MonitoringSettings
from shared.auth import Principal
from shared.errors import Forbidden
from shared.labels import LabelledEnum
from shared.settings import ServiceSettings
from shared.work import settings_as


class Department(LabelledEnum):
    MEDICAL_INSURANCE = "medical_insurance", "医保"
    CIVIL_AFFAIRS = "civil_affairs", "民政"
    EDUCATION = "education", "教育"
    HEALTH = "health", "卫健"
    HOUSING = "housing", "住建"
    HUMAN_RESOURCES = "human_resources", "人社"


class ViewField(LabelledEnum):
    """A field of a monitored person as departments may read it (with its label for the answer)."""

    NAME = "name", "姓名"
    ID_NUMBER = "id_number", "身份证号（完整）"
    BIRTH_DATE = "birth_date", "出生日期"
    RELATION = "relation", "与户主关系"
    HOUSEHOLD_STATUS = "household_status", "监测状态"
    SUBTYPE = "subtype", "监测对象类型"
    LIFTED_OUT = "lifted_out", "脱贫户"
    HEALTH = "health", "健康状况"
    LABOUR = "labour", "劳动能力"
    SCHOOLING = "schooling", "在校情况"
    MEDICAL_INSURED = "medical_insured", "参加基本医疗保险"
    HOUSING_SAFE = "housing_safe", "住房安全"
    RISK_CAUSES = "risk_causes", "风险类型"
    PER_CAPITA_NET_INCOME = "per_capita_net_income", "最近年度人均纯收入"
    SAFETY_NET_CANDIDATE = "safety_net_candidate", "低保/特困候选"


# Every answer carries these: which record, which household, where (scope and follow-up).
IDENTIFIERS = ("member_id", "household_id", "town_code", "village_code")

F = ViewField
FIELDS: dict[Department, frozenset[ViewField]] = {
    Department.MEDICAL_INSURANCE: frozenset(
        {F.NAME, F.ID_NUMBER, F.HOUSEHOLD_STATUS, F.SUBTYPE, F.LIFTED_OUT, F.HEALTH, F.MEDICAL_INSURED}
    ),
    Department.CIVIL_AFFAIRS: frozenset(
        {
            F.NAME,
            F.ID_NUMBER,
            F.RELATION,
            F.HOUSEHOLD_STATUS,
            F.SUBTYPE,
            F.LIFTED_OUT,
            F.HEALTH,
            F.LABOUR,
            F.RISK_CAUSES,
            F.PER_CAPITA_NET_INCOME,
            F.SAFETY_NET_CANDIDATE,
        }
    ),
    Department.EDUCATION: frozenset(
        {F.NAME, F.ID_NUMBER, F.BIRTH_DATE, F.HOUSEHOLD_STATUS, F.LIFTED_OUT, F.SCHOOLING}
    ),
    Department.HEALTH: frozenset(
        {F.NAME, F.ID_NUMBER, F.BIRTH_DATE, F.HOUSEHOLD_STATUS, F.LIFTED_OUT, F.HEALTH, F.MEDICAL_INSURED}
    ),
    Department.HOUSING: frozenset({F.NAME, F.ID_NUMBER, F.RELATION, F.HOUSEHOLD_STATUS, F.HOUSING_SAFE}),
    Department.HUMAN_RESOURCES: frozenset(
        {F.NAME, F.ID_NUMBER, F.BIRTH_DATE, F.HOUSEHOLD_STATUS, F.LIFTED_OUT, F.LABOUR}
    ),
}


def department_of(principal: Principal, settings: ServiceSettings) -> Department:
    """The caller's department, from its account's department name (``department_duties``); an
    account of no department in the table has nothing to read here (403)."""
    duties = settings_as(settings, MonitoringSettings).department_duties
    duty = duties.get(principal.department or "")
    if duty is None or duty not in Department._value2member_map_:
        raise Forbidden(
            f"部门「{principal.department or '未绑定'}」没有可读字段（department_duties）",
            "this account's department has no fields to read",
        )
    return Department(duty)
