"""Who may read and write employment data (every area of the service applies the same rule).

- district_admin: everything; town_official / village_cadre: only inside their division code
  (another town's record is "not found"; writing one there is refused with 403).
- integrator: the HR department's system (人社局, configurable as ``hr_departments``) pushes
  employment data district-wide, so it reads and writes like a district user; other departments'
  systems get 403.
- department_officer and auditor: read everything; auditor writes are refused (403).
- helper: no access — this service does not know which households a helper is assigned to (that
  lives in monitoring), so it cannot scope them.

Endpoints declare their caller with the aliases below; what depends on the record (territory)
is checked where the record is loaded (``in_territory``, ``visible_worker``).
"""

from __future__ import annotations

import uuid
from typing import Annotated

from sqlalchemy import select

from services.employment.models import Worker
from services.employment.settings import EmploymentSettings
from shared.auth import Principal, Role
from shared.context import RequestContext, requires
from shared.db import in_territory
from shared.errors import Forbidden, NotFound
from shared.settings import ServiceSettings
from shared.work import settings_as

WRITERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE, Role.INTEGRATOR)
READERS = (*WRITERS, Role.DEPARTMENT_OFFICER, Role.AUDITOR)
# District-wide actions of the service (e.g. a re-check of the floor): district accounts only.
DISTRICT_WRITERS = (Role.DISTRICT_ADMIN, Role.INTEGRATOR)


def hr_systems_only(principal: Principal, settings: ServiceSettings) -> None:
    """Of the departments' systems, only the HR department's may touch worker data."""
    hr_departments = settings_as(settings, EmploymentSettings).hr_departments
    if principal.role is Role.INTEGRATOR and principal.department not in hr_departments:
        raise Forbidden("仅人社部门系统可访问务工数据", "only the HR department's system may access workers")


ReaderCtx = Annotated[RequestContext, requires(READERS, check=hr_systems_only)]
WriterCtx = Annotated[RequestContext, requires(WRITERS, write=True, check=hr_systems_only)]
DistrictWriterCtx = Annotated[RequestContext, requires(DISTRICT_WRITERS, write=True, check=hr_systems_only)]


async def visible_worker(ctx: RequestContext, worker_id: uuid.UUID, *, for_update: bool = False) -> Worker:
    """The worker, if the caller's territory holds it; any other is "not found", not forbidden."""
    query = select(Worker).where(Worker.id == worker_id, in_territory(ctx.principal, Worker.village_code))
    if for_update:
        query = query.with_for_update()
    worker = (await ctx.session.execute(query)).scalar_one_or_none()
    if worker is None:
        raise NotFound("务工人员不存在或不在您的数据范围内", "worker not found")
    return worker
