"""source_project_id names a record of funds (issue 10, case 3): a write naming it is checked
against assets' projection of funds' accepted projects — unknown and out-of-scope answer alike,
and the asset lies where the project does; the card shows a project's money only in scope; the
projection is order-tolerant and rebuilds from funds' stream to the same rows without opening any
asset again. Synthetic funds events on the real NATS, as funds publishes them."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import nats
from sqlalchemy import text

from services.assets.app import PROJECTIONS
from services.funds.projects.events import PROJECT_ACCEPTED
from shared.events.envelope import stream_name
from shared.projections import Projection, rebuild
from shared.runtime import Component
from tests.assets.factories import (
    ASSETS,
    accepted_line,
    asset_body,
    create_asset,
    known_project,
    project_accepted,
    projected,
    publish,
)
from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, WANGWU, WANGWU_VILLAGE, auth, eventually, new_id, problem

NOTHING_WRITTEN = {"assets": 0, "lifecycle_steps": 0, "audit_log": 0, "outbox": 0}


async def written(stack: Stack) -> dict[str, int]:
    """Rows of the ledger, its history, the audit log and the outbox."""
    async with stack.db("assets").engine.connect() as conn:
        return {
            table: int(await conn.scalar(text(f"SELECT count(*) FROM assets.{table}")) or 0)
            for table in NOTHING_WRITTEN
        }


async def register(api: httpx.AsyncClient, token: str, **overrides: Any) -> httpx.Response:
    return await api.post(ASSETS, json=asset_body(**overrides), headers=auth(token))


async def card(api: httpx.AsyncClient, token: str, asset_id: str) -> dict[str, Any]:
    resp = await api.get(f"{ASSETS}/{asset_id}/card", headers=auth(token))
    assert resp.status_code == 200, resp.text
    return dict(resp.json())


# -- writes naming a project ----------------------------------------------------------------------


async def test_a_town_official_naming_another_towns_project_is_refused_like_a_made_up_id(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # The id of 王屋镇's accepted project is on funds' public listing; 克井镇 names it for its own asset.
    wangwu = await known_project(stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    foreign = await register(api, tokens["town_kejing"], source_project_id=wangwu)
    made_up = await register(api, tokens["town_kejing"], source_project_id=new_id())

    assert foreign.status_code == 422 and foreign.json()["code"] == "unknown_reference", foreign.text
    assert problem(foreign) == problem(made_up)
    assert [e["field"] for e in foreign.json()["errors"]] == ["source_project_id"]
    assert wangwu not in foreign.text and WANGWU not in foreign.text
    # No asset, so no asset.registered for funds to link to 王屋镇's project either.
    assert await written(stack) == NOTHING_WRITTEN


async def test_a_village_cadre_naming_a_neighbouring_village_or_town_wide_project_is_refused_like_a_made_up_id(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    neighbour = await known_project(stack, village_code=KEJING_OTHER_VILLAGE)
    town_wide = await known_project(stack, village_code=None)
    cadre = tokens["village_beidahe"]
    made_up = problem(await register(api, cadre, source_project_id=new_id()))
    for project_id in (neighbour, town_wide):
        resp = await register(api, cadre, source_project_id=project_id)
        assert resp.status_code == 422 and problem(resp) == made_up, resp.text
    assert await written(stack) == NOTHING_WRITTEN


async def test_a_project_in_scope_must_agree_with_the_assets_town_and_village(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    wangwu = await known_project(stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    beidahe = await known_project(stack)
    other_town = await register(api, tokens["admin"], source_project_id=wangwu)
    other_village = await register(
        api, tokens["town_kejing"], source_project_id=beidahe, village_code=KEJING_OTHER_VILLAGE
    )
    for resp, field in ((other_town, "town_code"), (other_village, "village_code")):
        assert resp.status_code == 422 and resp.json()["code"] == "validation_failed", resp.text
        assert [e["field"] for e in resp.json()["errors"]] == [field]
    assert await written(stack) == NOTHING_WRITTEN


async def test_a_town_wide_project_may_be_named_for_an_asset_in_any_village_of_its_town(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    town_wide = await known_project(stack, village_code=None)
    resp = await register(
        api, tokens["town_kejing"], source_project_id=town_wide, village_code=KEJING_OTHER_VILLAGE
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["source_project_id"] == town_wide


async def test_a_project_accepted_but_not_yet_applied_gets_a_retryable_answer(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    consumer = stack.apps["assets"].state.component.consumer_of("funds")
    project_id = new_id()
    await consumer.stop()  # funds' event waits in the stream, as behind a slow consumer
    try:
        await publish(stack.infra.nats_url, project_accepted(project_id, []))
        for named in (project_id, new_id()):
            pending = await register(api, tokens["town_kejing"], source_project_id=named)
            assert pending.status_code == 503 and pending.json()["code"] == "reference_pending", pending.text
            assert pending.headers["retry-after"] == "2"
        assert await written(stack) == NOTHING_WRITTEN
    finally:
        consumer.start()
    await projected(stack, project_id)
    assert (await register(api, tokens["town_kejing"], source_project_id=project_id)).status_code == 201


async def test_a_correction_cannot_name_another_project(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    asset = await create_asset(api, tokens["town_kejing"])
    resp = await api.patch(
        f"{ASSETS}/{asset['id']}",
        json={"source_project_id": new_id()},
        headers=auth(tokens["town_kejing"], **{"If-Match": '"1"'}),
    )
    assert resp.status_code == 422 and resp.json()["code"] == "validation_failed"
    assert [e["field"] for e in resp.json()["errors"]] == ["body.source_project_id"]


# -- the card -------------------------------------------------------------------------------------


async def test_the_card_shows_a_neighbouring_villages_project_to_the_town_not_to_the_village(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # funds lets a project of one village form an asset in another village of the town.
    await known_project(stack, [accepted_line("1")], village_code=KEJING_OTHER_VILLAGE)
    [asset] = (await api.get(ASSETS, headers=auth(tokens["admin"]))).json()["items"]

    village = await card(api, tokens["village_beidahe"], asset["id"])
    assert village["source_project"] is None and "300000.00" not in str(village)
    town = await card(api, tokens["town_kejing"], asset["id"])
    assert town["source_project"]["total_investment"] == "300000.00"
    assert town["source_project"]["fund_shares"][0]["amount"] == "300000.00"


async def test_the_card_shows_a_village_cadre_the_town_wide_project_its_asset_came_from(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project_id = await known_project(stack, [accepted_line("1")], village_code=None)
    [asset] = (await api.get(ASSETS, headers=auth(tokens["admin"]))).json()["items"]
    shown = (await card(api, tokens["village_beidahe"], asset["id"]))["source_project"]
    assert shown["project_id"] == project_id and shown["village_code"] is None


async def test_the_card_of_an_asset_linked_to_another_towns_project_hides_that_project(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    wangwu = await known_project(stack, town_code=WANGWU, village_code=WANGWU_VILLAGE)
    asset = await create_asset(api, tokens["town_kejing"])
    async with stack.db("assets").engine.begin() as conn:  # linked before references were checked
        await conn.execute(
            text("UPDATE assets.assets SET source_project_id = :p WHERE id = :id"),
            {"p": wangwu, "id": asset["id"]},
        )
    assert (await card(api, tokens["town_kejing"], asset["id"]))["source_project"] is None
    assert (await card(api, tokens["admin"], asset["id"]))["source_project"]["town_code"] == WANGWU


# -- the projection -------------------------------------------------------------------------------


async def test_an_earlier_announcement_arriving_late_does_not_replace_a_later_one(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    project_id = new_id()
    later = project_accepted(project_id, [accepted_line("1")], total_investment="320000.00")
    earlier = project_accepted(project_id, [accepted_line("1"), accepted_line("2")])
    earlier.time = later.time - timedelta(hours=1)
    await publish(stack.infra.nats_url, later)
    await projected(stack, project_id)
    await publish(stack.infra.nats_url, earlier)

    async def both_open() -> list[dict[str, Any]] | None:
        items = (await api.get(ASSETS, headers=auth(tokens["admin"]))).json()["items"]
        return items if len(items) == 2 else None

    # The late event still opens the line it adds; the project stays as last announced.
    [asset, _] = await eventually(both_open, timeout=30)
    shown = (await card(api, tokens["admin"], asset["id"]))["source_project"]
    assert shown["total_investment"] == "320000.00"


async def snapshot(stack: Stack) -> dict[str, Any]:
    async with stack.db("assets").engine.connect() as conn:
        projects = (
            await conn.execute(text("SELECT * FROM assets.source_projects ORDER BY project_id"))
        ).all()
        assets = (await conn.execute(text("SELECT * FROM assets.assets ORDER BY id"))).all()
    return {"project_rows": projects, "asset_rows": assets, **await written(stack)}


async def rebuilt(component: Component, projection: Projection) -> int:
    """``rebuild``, tried again when nats-py's fetch ends with a bare TimeoutError that
    ``shared.projections.rebuild`` does not catch yet (only nats.errors.TimeoutError): a rebuild
    starts from empty tables, so a second run is the same rebuild."""
    for _ in range(2):
        with contextlib.suppress(TimeoutError):
            return await rebuild(component, projection)
    return await rebuild(component, projection)


async def test_rebuilding_the_projection_gives_the_same_rows_and_opens_no_asset_again(
    stack: Stack,
) -> None:
    # Only this test's announcements in funds' stream: earlier tests' projects are gone from our
    # (emptied) tables and would come back on a replay. Nobody else reads this subject.
    nc = await nats.connect(stack.infra.nats_url)
    try:
        await nc.jetstream().purge_stream(stream_name("funds"), subject=PROJECT_ACCEPTED.nats_subject)
    finally:
        await nc.close()
    first = await known_project(stack, [accepted_line("1"), accepted_line("2")])
    wangwu_line = accepted_line("1", town_code=WANGWU, village_code=WANGWU_VILLAGE)
    await known_project(stack, [wangwu_line], town_code=WANGWU, village_code=None)
    reannounced = project_accepted(first, [accepted_line("1")], total_investment="320000.00")
    reannounced.time = datetime.now(UTC) + timedelta(seconds=1)
    await publish(stack.infra.nats_url, reannounced)

    async def updated() -> bool:
        async with stack.db("assets").engine.connect() as conn:
            query = "SELECT count(*) FROM assets.source_projects WHERE total_investment = 320000"
            return bool(await conn.scalar(text(query)))

    await eventually(updated, timeout=30)
    live = await snapshot(stack)
    assert len(live["project_rows"]) == 2 and len(live["asset_rows"]) == 3

    component = stack.apps["assets"].state.component
    [projection] = PROJECTIONS
    assert await rebuilt(component, projection) == 3
    assert await snapshot(stack) == live
