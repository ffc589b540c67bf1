"""防返贫监测帮扶 — the monitoring service."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from services.monitoring.accounts.events import USER_CHANGED
from services.monitoring.accounts.service import PROJECTED_USERS, on_user_changed
from services.monitoring.alerts import endpoints as alerts
from services.monitoring.alerts.events import INDUSTRY_LINK_AT_RISK, WORKER_UNEMPLOYED
from services.monitoring.alerts.events import PUBLISHED as ALERT_EVENTS
from services.monitoring.alerts.service import on_industry_link_at_risk, on_worker_unemployed
from services.monitoring.assistance import endpoints as assistance
from services.monitoring.assistance.events import PUBLISHED as ASSISTANCE_EVENTS
from services.monitoring.changes import endpoints as changes
from services.monitoring.declarations import endpoints as declarations
from services.monitoring.declarations.events import PUBLISHED as DECLARATION_EVENTS
from services.monitoring.department_view import endpoints as department_view
from services.monitoring.education import endpoints as education
from services.monitoring.education.events import PUBLISHED as EDUCATION_EVENTS
from services.monitoring.employment_records.events import WORKER_REGISTERED
from services.monitoring.employment_records.service import EMPLOYMENT_RECORDS, on_worker_registered
from services.monitoring.evidence import endpoints as evidence
from services.monitoring.forces import endpoints as forces
from services.monitoring.forces.events import PUBLISHED as FORCES_EVENTS
from services.monitoring.guarantees import endpoints as guarantees
from services.monitoring.health import endpoints as health
from services.monitoring.health.events import PUBLISHED as HEALTH_EVENTS
from services.monitoring.households import endpoints as households
from services.monitoring.households.events import PUBLISHED as HOUSEHOLD_EVENTS
from services.monitoring.housing import endpoints as housing
from services.monitoring.housing.events import PUBLISHED as HOUSING_EVENTS
from services.monitoring.incomes import endpoints as incomes
from services.monitoring.models import kit
from services.monitoring.national import endpoints as national
from services.monitoring.objections import endpoints as objections
from services.monitoring.relocation import endpoints as relocation
from services.monitoring.reports import endpoints as reports
from services.monitoring.scheduled import TASKS
from services.monitoring.settings import MonitoringSettings
from services.monitoring.water import endpoints as water
from services.monitoring.water.events import PROJECT_APPROVED
from services.monitoring.water.events import PUBLISHED as WATER_EVENTS
from services.monitoring.water.service import PROJECTED_FUNDS_PROJECTS, on_project_approved
from services.monitoring.workflow import endpoints as workflow
from services.monitoring.workflow.events import PUBLISHED as WORKFLOW_EVENTS
from services.monitoring.worklists import endpoints as worklists
from services.monitoring.worklists.events import PUBLISHED as WORKLIST_EVENTS
from shared.component import create_component_app
from shared.events.consumer import Handler
from shared.events.envelope import ConsumedEvent
from shared.projections import Projection

PUBLISHED = [
    *HOUSEHOLD_EVENTS,
    *WORKFLOW_EVENTS,
    *ALERT_EVENTS,
    *DECLARATION_EVENTS,
    *WORKLIST_EVENTS,
    *ASSISTANCE_EVENTS,
    *FORCES_EVENTS,
    *HOUSING_EVENTS,
    *WATER_EVENTS,
    *EDUCATION_EVENTS,
    *HEALTH_EVENTS,
]
CONSUMES: dict[ConsumedEvent[Any], Handler] = {
    WORKER_UNEMPLOYED: on_worker_unemployed,
    WORKER_REGISTERED: on_worker_registered,
    USER_CHANGED: on_user_changed,
    INDUSTRY_LINK_AT_RISK: on_industry_link_at_risk,
    PROJECT_APPROVED: on_project_approved,
}
# Other components' records this service relies on, rebuildable with
# ``xianjie projections rebuild monitoring``: the gateway's accounts (a responsible helper must be
# a real, active helper) and employment's worker registrations (data-quality rule 6).
PROJECTIONS = [
    Projection(name="users", source="gateway", tables=(PROJECTED_USERS,), events=(USER_CHANGED,)),
    Projection(
        name="employment_records",
        source="employment",
        tables=(EMPLOYMENT_RECORDS,),
        events=(WORKER_REGISTERED,),
    ),
    # funds' approved projects: a water site's funds project must be one of its town (ADR 0005).
    Projection(
        name="funds_projects",
        source="funds",
        tables=(PROJECTED_FUNDS_PROJECTS,),
        events=(PROJECT_APPROVED,),
    ),
]


def create_app(settings: MonitoringSettings | None = None) -> FastAPI:
    return create_component_app(
        name="monitoring",
        title="防返贫监测帮扶 Monitoring",
        description="监测对象识别、预警、帮扶与风险消除 / households at risk, alerts, assistance.",
        settings=settings or MonitoringSettings(),
        tables=kit,
        routers=[
            households.router,
            incomes.router,
            alerts.router,
            workflow.router,
            assistance.router,
            reports.router,
            declarations.public_router,
            declarations.router,
            worklists.router,
            changes.router,
            evidence.router,
            objections.router,
            department_view.router,
            national.router,
            forces.router,
            relocation.router,
            housing.router,
            water.router,
            education.router,
            health.router,
            guarantees.router,
        ],
        published=PUBLISHED,
        consumes=CONSUMES,
        tasks=TASKS,
    )
