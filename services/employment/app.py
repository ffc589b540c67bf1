"""稳岗就业 — the employment service."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from services.employment import references
from services.employment.craftsmen import endpoints as craftsmen
from services.employment.craftsmen.events import PUBLISHED as CRAFTSMAN_EVENTS
from services.employment.floor import endpoints as floor
from services.employment.floor.events import PUBLISHED as FLOOR_EVENTS
from services.employment.households import repository as households
from services.employment.households.events import HOUSEHOLD_CHANGED, MEMBER_CHANGED
from services.employment.households.service import on_household_changed, on_member_changed
from services.employment.job_support import endpoints as job_support
from services.employment.job_support.events import HOUSEHOLD_INCLUDED
from services.employment.job_support.service import on_household_included
from services.employment.models import kit
from services.employment.national import endpoints as national
from services.employment.posts import endpoints as posts
from services.employment.scheduled import TASKS
from services.employment.settings import EmploymentSettings
from services.employment.spells import endpoints as spells
from services.employment.subsidies import endpoints as subsidies
from services.employment.subsidies.events import PUBLISHED as SUBSIDY_EVENTS
from services.employment.wages import endpoints as wages
from services.employment.workers import endpoints as workers
from services.employment.workers.events import PUBLISHED as WORKER_EVENTS
from shared.component import create_component_app
from shared.events.consumer import Handler
from shared.events.envelope import ConsumedEvent
from shared.projections import Projection

PUBLISHED = [*WORKER_EVENTS, *FLOOR_EVENTS, *SUBSIDY_EVENTS, *CRAFTSMAN_EVENTS]
CONSUMES: dict[ConsumedEvent[Any], Handler] = {
    HOUSEHOLD_INCLUDED: on_household_included,
    HOUSEHOLD_CHANGED: on_household_changed,
    MEMBER_CHANGED: on_member_changed,
}
# monitoring's households and members, so a worker's household_id and member_id are checked. The
# household handler also keeps the floor's history of who is a 脱贫户 (household_identities, not
# part of the projection): it moves only for a version newer than any it recorded, so replaying the
# stream into the emptied projection leaves the count as it was.
PROJECTIONS = [
    Projection(
        name="households",
        source=references.SOURCE,
        tables=(households.HOUSEHOLDS, households.MEMBERS),
        events=(HOUSEHOLD_CHANGED, MEMBER_CHANGED),
    )
]


def create_app(settings: EmploymentSettings | None = None) -> FastAPI:
    return create_component_app(
        name="employment",
        title="稳岗就业 Employment",
        description="脱贫劳动力务工就业、就业规模底线、失业预警、奖补与公益性岗位 / workers, the floor.",
        settings=settings or EmploymentSettings(),
        tables=kit,
        routers=[
            workers.router,
            spells.router,
            floor.router,
            subsidies.router,
            posts.router,
            job_support.router,
            wages.router,
            craftsmen.router,
            national.router,
        ],
        published=PUBLISHED,
        consumes=CONSUMES,
        tasks=TASKS,
    )
