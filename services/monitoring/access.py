"""Who may read and write monitoring data (every area of the service applies the same rule).

- district_admin: everything; the only one to set monitoring lines, add policies and approve
  inclusion (区级审批).
- town_official / village_cadre: only inside their division code (another town's household is
  "not found"; registering one there is refused with 403).
- helper: only the households assigned to them (and their own visits); records self-declarations,
  visits and plans for them.
- department_officer: reads households, plans and reports; sees the alerts of their department.
- auditor: reads everything (every read on record); writes are refused (403).
- integrator: a department's system pushes alert batches, and nothing else.

The caller's role is declared in each endpoint's signature with one of the ``*Ctx`` aliases below.
What depends on the record stays with the code that loads it: territorial scope
(:func:`load_household`, scoped queries) and, in the workflow's step table, which roles may take
which step from which status.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from services.monitoring.departments import department_of
from services.monitoring.households import repository as households
from services.monitoring.households.id_numbers import IdNumberVault, vault_for
from services.monitoring.models import Household
from services.monitoring.settings import MonitoringSettings
from shared.auth import Principal, Role
from shared.context import RequestContext, requires
from shared.errors import Forbidden, NotFound
from shared.settings import ServiceSettings
from shared.work import settings_as

# The district and the town/village cadres keep the household records of their territory.
WRITERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE)
READERS = (*WRITERS, Role.DEPARTMENT_OFFICER, Role.HELPER, Role.AUDITOR)
# Those who meet the household in person: they record self-declarations, visits and plans.
FIELD_WORKERS = (*WRITERS, Role.HELPER)
VISIT_READERS = (*FIELD_WORKERS, Role.AUDITOR)
# Reports count households across a territory: helpers see too few of them to read one.
REPORT_READERS = (*WRITERS, Role.DEPARTMENT_OFFICER, Role.AUDITOR)
SCREENERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)
DISTRICT = (Role.DISTRICT_ADMIN,)
DEPARTMENT_SYSTEMS = (Role.INTEGRATOR,)


def sending_department(principal: Principal) -> str:
    """The department a system account pushes for (from its token); an account without one is refused."""
    if not principal.department:
        raise Forbidden("集成账号未绑定部门", "the integrator account has no department")
    return principal.department


def _bound_to_a_department(principal: Principal, _: ServiceSettings) -> None:
    sending_department(principal)


ReaderCtx = Annotated[RequestContext, requires(READERS)]
# Also the workflow endpoint: WRITERS is the union of the roles of every step; which of them may
# take a given step depends on the step and the household's status (workflow.service.STEPS).
WriterCtx = Annotated[RequestContext, requires(WRITERS, write=True)]
FieldWorkerCtx = Annotated[RequestContext, requires(FIELD_WORKERS, write=True)]
VisitReaderCtx = Annotated[RequestContext, requires(VISIT_READERS)]
ReportReaderCtx = Annotated[RequestContext, requires(REPORT_READERS)]
ScreenerCtx = Annotated[RequestContext, requires(SCREENERS, write=True)]
DistrictWriterCtx = Annotated[RequestContext, requires(DISTRICT, write=True)]
DepartmentSystemCtx = Annotated[
    RequestContext, requires(DEPARTMENT_SYSTEMS, write=True, check=_bound_to_a_department)
]


async def load_household(
    ctx: RequestContext, household_id: uuid.UUID, *, for_update: bool = False
) -> Household:
    """The household if the caller may see it; anyone else is told it does not exist (404).

    ``for_update`` locks it for the transaction, so workflow steps on one household run one at a time.
    """
    if for_update:
        household = await households.get_for_update(ctx.session, ctx.principal, household_id)
    else:
        household = await households.get(ctx.session, ctx.principal, household_id)
    if household is None:
        raise NotFound("农户不存在或不在您的数据范围内", "household not found")
    return household


def vault(ctx: RequestContext) -> IdNumberVault:
    """The keyed hash and cipher of ID numbers: households keep them, imports and batches match on them."""
    return vault_for(ctx.settings_as(MonitoringSettings).id_number_key)


# 农户自主申报: the village's inbox belongs to its cadres (village, town, district); auditors read it.
DECLARATION_READERS = (*WRITERS, Role.AUDITOR)
DeclarationReaderCtx = Annotated[RequestContext, requires(DECLARATION_READERS)]
# The applicant's phone and ID number in full: the cadres who call back and register the household.
DeclarationContactCtx = Annotated[RequestContext, requires(WRITERS)]
# --- identification time limit and long-running cases ---
# The route of a household monitored two years or more is the town's decision (or the district's).
ROUTE_DECIDERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)
# The pending list is the cadres' own work (district, towns, villages) and the auditor's to read;
# helpers and department officers are not shown a territory's open alerts.
PENDING_READERS = (*WRITERS, Role.AUDITOR)
RouteDeciderCtx = Annotated[RequestContext, requires(ROUTE_DECIDERS, write=True)]
PendingReaderCtx = Annotated[RequestContext, requires(PENDING_READERS)]
# --- assistance plans: delivery (落实) ---
# 低保 and 特困供养 are civil affairs' (民政) to grant, so their delivery is recorded by its officers
# and its system; other measures by the field workers of the household. Which of the two a measure
# needs depends on its policy: the assistance service decides per measure (``require_may_deliver``).
CIVIL_AFFAIRS = (Role.DEPARTMENT_OFFICER, Role.INTEGRATOR)
DELIVERY_RECORDERS = (*FIELD_WORKERS, *CIVIL_AFFAIRS)


def is_civil_affairs(principal: Principal, settings: ServiceSettings) -> bool:
    departments = settings_as(settings, MonitoringSettings).civil_affairs_departments
    return principal.role in CIVIL_AFFAIRS and principal.department in departments


def civil_affairs_only(principal: Principal, settings: ServiceSettings) -> None:
    """Of the departments (officers and systems), only civil affairs (民政) records delivery."""
    if principal.role in CIVIL_AFFAIRS and not is_civil_affairs(principal, settings):
        raise Forbidden("仅民政部门可登记低保、特困供养的落实", "only civil affairs records this delivery")


DeliveryCtx = Annotated[RequestContext, requires(DELIVERY_RECORDERS, write=True, check=civil_affairs_only)]
CivilAffairsSystemCtx = Annotated[
    RequestContext, requires(DEPARTMENT_SYSTEMS, write=True, check=civil_affairs_only)
]
# --- department field matrix (issue 14) ---
# Department officers and departments' systems read the people in monitoring through the department
# view, which answers only their department's fields (``departments.FIELDS``).
DEPARTMENT_READERS = (Role.DEPARTMENT_OFFICER, Role.INTEGRATOR)


def _has_department_fields(principal: Principal, settings: ServiceSettings) -> None:
    department_of(principal, settings)


DepartmentReaderCtx = Annotated[RequestContext, requires(DEPARTMENT_READERS, check=_has_department_fields)]
# --- national system exchange (issue 14) ---
# The workbook carries full ID numbers: those who keep the household records of their territory.
NationalExchangeCtx = Annotated[RequestContext, requires(WRITERS)]
# --- assistance forces (帮扶力量) and relocation follow-up (易地搬迁后续扶持) ---
# Who answers for a village and the work teams are arranged by the district (组织部, 农办) and the
# towns that manage the teams day to day; village cadres, departments and auditors read them.
FORCE_KEEPERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)
FORCE_READERS = (*WRITERS, Role.DEPARTMENT_OFFICER, Role.AUDITOR)
# 消费帮扶: units record their own purchases (a department officer for their department, from the
# token); the district and towns record any unit's.
PURCHASE_RECORDERS = (*FORCE_KEEPERS, Role.DEPARTMENT_OFFICER)
ForceKeeperCtx = Annotated[RequestContext, requires(FORCE_KEEPERS, write=True)]
ForceReaderCtx = Annotated[RequestContext, requires(FORCE_READERS)]
PurchaseRecorderCtx = Annotated[RequestContext, requires(PURCHASE_RECORDERS, write=True)]
