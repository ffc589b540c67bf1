"""Who may read and write funds data, and the territorial rules every area of the service shares.

- district_admin: everything; the only one who registers funds, allocates, takes the entry-review,
  plan and approval steps, records the provincial elevated review, accepts and assesses checkpoints.
- town_official: reads its town's projects (and their allocations, payments, loans) and all funds;
  proposes in its town; implements its projects (start, complete, evaluate, pay, announce) and
  records loans and repayments there.
- village_cadre: reads its village's projects and the town-wide ones of its town, and its
  village's loans; proposes in its village.
- department_officer: proposes anywhere (项目由村、镇、部门申报) and reads all projects and funds;
  amends only what its department proposed (a rule on the record: projects/service.py).
- integrator (departmental finance systems) and auditor: read the project library and the funds;
  auditors also read loans. Neither writes (403).
- helper: no access — the project library is not household work.

Roles are checked in the endpoint's signature through the aliases below; what depends on the
record (its place, the department that proposed it, the step asked for) is checked where the
record is loaded.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from services.funds.models import Project
from services.funds.projects import repository as projects
from shared.auth import Role
from shared.context import RequestContext, requires
from shared.errors import NotFound

# Those who propose projects: every writer of the project library.
WRITERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL, Role.VILLAGE_CADRE, Role.DEPARTMENT_OFFICER)
READERS = (*WRITERS, Role.AUDITOR, Role.INTEGRATOR)
# Those who carry projects out in a town, and record micro-credit there.
IMPLEMENTERS = (Role.DISTRICT_ADMIN, Role.TOWN_OFFICIAL)
DISTRICT = (Role.DISTRICT_ADMIN,)
# Loans name households: neither departments nor their systems see them.
LOAN_READERS = (*IMPLEMENTERS, Role.VILLAGE_CADRE, Role.AUDITOR)

ReaderCtx = Annotated[RequestContext, requires(READERS)]
WriterCtx = Annotated[RequestContext, requires(WRITERS, write=True)]
ImplementerCtx = Annotated[RequestContext, requires(IMPLEMENTERS, write=True)]
DistrictCtx = Annotated[RequestContext, requires(DISTRICT, write=True)]
LoanReaderCtx = Annotated[RequestContext, requires(LOAN_READERS)]


def location(project: Project) -> str:
    """The division a project is written in: its village, or its town for a town-wide project."""
    return project.village_code or project.town_code


async def visible_project(ctx: RequestContext, project_id: uuid.UUID, *, for_update: bool = False) -> Project:
    """The project if the caller may see it; outside their territory it does not exist (404)."""
    project = await projects.get(ctx.session, ctx.principal, project_id, for_update=for_update)
    if project is None:
        raise NotFound()
    return project
