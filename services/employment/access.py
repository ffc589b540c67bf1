"""Who may read and write employment data (every area of the service applies the same rule).

- district_admin: everything; town_official / village_cadre: only inside their division code
  (another town's record is "not found"; writing one there is refused with 403).
- integrator: the HR department's system (人社局, configurable as ``hr_departments``) pushes
  employment data district-wide, so it reads and writes like a district user; other departments'
  systems get 403.
- department_officer and auditor: read everything; auditor writes are refused (403).
- helper: no access — this service does not know which households a helper is assigned to (that
  lives in monitoring), so it cannot scope them.
"""

from __future__ import annotations

from services.employment.settings import EmploymentSettings
from shared.auth import Role
from shared.context import RequestContext
from shared.errors import Forbidden

WRITERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE, Role.INTEGRATOR)
READERS = (*WRITERS, Role.DEPARTMENT_OFFICER, Role.AUDITOR)


def settings_of(ctx: RequestContext) -> EmploymentSettings:
    settings = ctx.component.settings
    return settings if isinstance(settings, EmploymentSettings) else EmploymentSettings()


def _require_hr_system(ctx: RequestContext) -> None:
    principal = ctx.principal
    if principal.role is Role.INTEGRATOR and principal.department not in settings_of(ctx).hr_departments:
        raise Forbidden("仅人社部门系统可访问务工数据", "only the HR department's system may access workers")


def require_reader(ctx: RequestContext) -> None:
    ctx.principal.require_role(*READERS)
    _require_hr_system(ctx)


def require_writer(ctx: RequestContext) -> None:
    ctx.principal.require_write()
    ctx.principal.require_role(*WRITERS)
    _require_hr_system(ctx)


def require_district_writer(ctx: RequestContext) -> None:
    """District-wide settings of the service (e.g. a re-check of the floor): district accounts only."""
    ctx.principal.require_write()
    ctx.principal.require_role(Role.DISTRICT_ADMIN, Role.INTEGRATOR)
    _require_hr_system(ctx)
