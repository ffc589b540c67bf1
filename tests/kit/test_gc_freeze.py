"""A component's start-up objects are kept out of the collector's full passes while it runs.

Walking them took 150-160 ms of CPU per full collection inside whichever request triggered it
(issue 16); ``shared.component`` freezes them once started and thaws them at shutdown.
"""

from __future__ import annotations

import gc

from services.assets.app import create_app
from tests.conftest import Infra, serve_app, service_settings
from xianjie.components import ALL
from xianjie.devstack import free_port


def _tracked(obj: object) -> bool:
    """Whether the collector's generations hold ``obj`` (the frozen ones are in none of them)."""
    return any(o is obj for o in gc.get_objects())


async def test_start_up_objects_are_frozen_while_the_app_runs_and_thawed_after(migrated: Infra) -> None:
    ports = {c.name: free_port() for c in ALL}
    # No NATS for this extra component: it must not compete with the session stack's for events.
    quiet = Infra(database_url=migrated.database_url, nats_url=f"nats://127.0.0.1:{free_port()}", nats=None)
    app = create_app(service_settings("assets", quiet, ports))
    routes = app.router.routes
    assert _tracked(routes)  # before start-up: an ordinary object the collector walks
    server, task = await serve_app(app, ports["assets"])
    try:
        assert gc.get_freeze_count() > 0
        assert not _tracked(routes)
        # Built at start-up too (the lifespan opens the component before freezing).
        assert not _tracked(app.state.component)
    finally:
        server.should_exit = True
        await task
    assert gc.get_freeze_count() == 0
    assert _tracked(routes)
