"""The kit's route class (shared/routing.py, ADR 0012): an endpoint answered from its plan answers
exactly what FastAPI's own handler answers — values, 422 errors (type, location, message, order),
dependencies' order and exits — and endpoints the plan does not cover keep FastAPI's handler.

Each request is sent twice to the same app: once as it runs (the plan), once with
``app.dependency_overrides`` set to an entry no endpoint uses, which makes every ``KitRoute`` hand
the request to FastAPI's handler. The plan's use is counted, so a comparison of FastAPI's handler
with itself cannot pass for one.

The plan leans on FastAPI internals; the last tests here pin them and fail on an upgrade that
changes them.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated, Any

import httpx
import pytest
from fastapi import Body, Depends, FastAPI, Form, Header, HTTPException, Path, Query, Request
from fastapi import routing as fastapi_routing
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from shared import routing
from shared.errors import install_error_handlers
from shared.routing import KitRoute, KitRouter, plan_for


class Colour(enum.StrEnum):
    RED = "red"
    BLUE = "blue"


class Item(BaseModel):
    id: int
    name: str
    on: date | None = None


class Page(BaseModel):
    items: list[Item]
    next: str | None = None


events: list[str] = []
bearer = HTTPBearer(auto_error=False)


async def caller(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> str:
    if credentials is None:
        raise HTTPException(401, "no token", headers={"WWW-Authenticate": "Bearer"})
    events.append(f"caller {request.method}")
    return credentials.credentials


async def unit_of_work(who: Annotated[str, Depends(caller)]) -> AsyncIterator[dict[str, Any]]:
    events.append("open")
    try:
        yield {"who": who}
    except Exception as exc:
        events.append(f"rollback {type(exc).__name__}")
        raise
    else:
        events.append("commit")


Work = Annotated[dict[str, Any], Depends(unit_of_work, scope="function")]


def sync_dependency() -> str:
    return "sync"


def make_app() -> FastAPI:
    router = KitRouter(prefix="/v1/things/{group}", tags=["things"])

    @router.get("", response_model=Page)
    async def list_things(
        group: Annotated[int, Path(ge=1)],
        work: Work,
        request: Request,
        required: Annotated[int, Query(lt=100)],
        made: Annotated[list[str], Query(default_factory=list)],
        colour: Annotated[Colour | None, Query()] = None,
        q: Annotated[str | None, Query(min_length=2, max_length=5)] = None,
        tag: Annotated[list[str], Query()] = [],  # noqa: B006 - FastAPI's default for a list
        tags: Annotated[list[int] | None, Query()] = None,
        since: Annotated[date | None, Query()] = None,
        aliased: Annotated[int | None, Query(alias="the-number", ge=0)] = None,
        limit: Annotated[int, Query(ge=1, le=50)] = 20,
        fail: bool = False,
    ) -> Response:
        events.append("endpoint")
        if fail:
            raise HTTPException(409, "refused")
        body = {
            "group": group,
            "who": work["who"],
            "colour": colour,
            "q": q,
            "tag": tag,
            "tags": tags,
            "since": str(since),
            "made": made,
            "aliased": aliased,
            "required": required,
            "limit": limit,
            "path": request.url.path,
        }
        return JSONResponse(body)

    @router.get("/model", response_model=Page, status_code=200)
    async def as_model(group: int, work: Work, limit: int = 2) -> Any:
        # Returned as data: FastAPI validates it against the response model and serialises it.
        return {"items": [{"id": i, "name": f"n{i}", "on": "2026-03-02"} for i in range(limit)], "extra": 1}

    @router.get("/plain/{item_id}")
    async def plain(group: int, item_id: uuid.UUID) -> dict[str, Any]:
        return {"group": group, "item_id": item_id}

    @router.delete("/gone", status_code=204)
    async def gone(group: int, work: Work) -> None:
        return None

    @router.post("/items", status_code=201)
    async def create_item(group: int, item: Item, work: Work, dry: bool = False) -> Item:
        events.append("endpoint")
        return item

    @router.put("/pair")
    async def put_pair(group: int, first: Item, second: Annotated[Item, Body(embed=True)]) -> dict[str, Any]:
        return {"first": first.model_dump(mode="json"), "second": second.model_dump(mode="json")}

    @router.post("/form")
    async def with_form(group: int, name: Annotated[str, Form()]) -> dict[str, str]:
        return {"name": name}

    @router.get("/header")
    async def with_header(group: int, x_thing: Annotated[int, Header()]) -> dict[str, int]:
        return {"x": x_thing}

    @router.get("/sync-dep")
    async def with_sync(group: int, value: Annotated[str, Depends(sync_dependency)]) -> dict[str, str]:
        return {"value": value}

    app = FastAPI()
    install_error_handlers(app)
    app.include_router(router)
    # Included with a dependency of its own: the route as included must honour it.
    guarded = KitRouter(prefix="/guarded")

    @guarded.get("/thing")
    async def guarded_thing(work: Work, n: int = 1) -> dict[str, Any]:
        return {"n": n, "who": work["who"]}

    async def deny() -> None:
        raise HTTPException(403, "denied by the inclusion")

    app.include_router(guarded, dependencies=[Depends(deny)])
    return app


def _unused_override() -> None:  # pragma: no cover - never called: its presence is the switch
    pass


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many requests a plan answered (apps made after this fixture count them)."""
    calls: list[int] = []
    real = routing.Plan.handler

    def counting_handler(plan: routing.Plan, standard: Any) -> Any:
        handle = real(plan, standard)

        async def counting(request: Request) -> Response:
            if not request.app.dependency_overrides:
                calls.append(1)
            return await handle(request)

        return counting

    monkeypatch.setattr(routing.Plan, "handler", counting_handler)
    return calls


async def both(app: FastAPI, method: str, url: str, counted: list[int], **kwargs: Any) -> tuple[Any, Any]:
    """The answer through the plan, then through FastAPI's handler, with the events of each."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    answers = []
    for standard in (False, True):
        app.dependency_overrides = {_unused_override: _unused_override} if standard else {}
        events.clear()
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.request(method, url, **kwargs)
        answers.append((response.status_code, _headers(response), response.content, list(events)))
    app.dependency_overrides = {}
    return answers[0], answers[1]


def _headers(response: httpx.Response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k not in {"date", "x-request-id"}}


TOKEN = {"Authorization": "Bearer t-1"}

LIST_CASES = [
    ("/v1/things/3?required=5", 200),
    (
        "/v1/things/3?required=5&colour=red&q=abc&tag=a&tag=b&tags=1&tags=2&since=2026-03-02"
        "&made=x&made=y&the-number=4&limit=50",
        200,
    ),
    ("/v1/things/3?required=5&tag=&q=ab&colour=red&colour=blue", 200),  # blank and repeated values
    ("/v1/things/3", 422),  # a required parameter missing
    (
        "/v1/things/0?required=500&limit=0&colour=green&q=a&tags=x&tags=2&since=yesterday&the-number=-1",
        422,
    ),
    ("/v1/things/x?required=nope&limit=51&q=toolong", 422),
    ("/v1/things/3?required=5&aliased=7", 200),  # the field's name is not its alias: ignored
    ("/v1/things/3?required=5&fail=true", 409),
    ("/v1/things/3?required=5&fail=maybe", 422),
    ("/v1/things/3?required=5&limit=%00", 422),
]


@pytest.mark.parametrize(("url", "status"), LIST_CASES)
async def test_a_planned_list_answers_as_fastapi_does(url: str, status: int, counted: list[int]) -> None:
    app = make_app()
    planned, standard = await both(app, "GET", url, counted, headers=TOKEN)
    assert planned == standard
    assert planned[0] == status, planned[2]
    assert counted, "the plan was not used"


async def test_the_caller_is_refused_before_the_parameters_are_read(counted: list[int]) -> None:
    app = make_app()
    planned, standard = await both(app, "GET", "/v1/things/0?limit=0", counted)
    assert planned == standard
    assert planned[0] == 401
    # A refused caller opens no unit of work; a 422 rolls back one that was opened.
    assert planned[3] == standard[3] == []
    planned, standard = await both(app, "GET", "/v1/things/0?limit=0", counted, headers=TOKEN)
    assert planned[0] == 422
    assert planned[3][0] == "caller GET"
    assert planned[3][1:] == standard[3][1:]


async def test_the_unit_of_work_ends_before_the_answer_and_sees_the_endpoints_error(
    counted: list[int],
) -> None:
    app = make_app()
    planned, standard = await both(app, "GET", "/v1/things/3?required=1", counted, headers=TOKEN)
    assert planned[3] == standard[3] == ["caller GET", "open", "endpoint", "commit"]
    planned, standard = await both(app, "GET", "/v1/things/3?required=1&fail=1", counted, headers=TOKEN)
    assert planned[0] == 409
    assert planned[3] == standard[3] == ["caller GET", "open", "endpoint", "rollback HTTPException"]


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/v1/things/3/model?limit=3"),
        ("GET", "/v1/things/3/model?limit=x"),
        ("GET", "/v1/things/3/plain/0b5cfa9e-4d8e-4a43-a2a5-8b7f0b6b7d11"),
        ("GET", "/v1/things/3/plain/not-a-uuid"),
        ("DELETE", "/v1/things/3/gone"),
    ],
)
async def test_answers_that_are_not_responses_are_serialised_as_fastapi_does(
    method: str, url: str, counted: list[int]
) -> None:
    app = make_app()
    planned, standard = await both(app, method, url, counted, headers=TOKEN)
    assert planned[:3] == standard[:3]
    assert counted


async def test_a_dependency_of_the_inclusion_is_honoured(counted: list[int]) -> None:
    app = make_app()
    planned, standard = await both(app, "GET", "/guarded/thing?n=2", counted, headers=TOKEN)
    assert planned == standard
    assert planned[0] == 403
    assert counted


BODY_CASES = [
    ({"json": {"id": 1, "name": "a", "on": "2026-03-02"}}, 201),
    ({"json": {"id": "x", "name": 5, "extra": 1}}, 422),
    ({"json": [1, 2]}, 422),
    ({"content": b'{"id": 1, "name": "a"', "headers": {"content-type": "application/json"}}, 400),
    ({"content": b'{"id": 1, "name": "a"}', "headers": {"content-type": "text/plain"}}, 422),
    (
        {
            "content": b'{"id": 1, "name": "a"}',
            "headers": {"content-type": "application/vnd.x+json; charset=utf-8"},
        },
        201,
    ),
    ({"content": b'{"id": 1, "name": "a"}'}, 422),  # no content type: strict, not JSON
    ({"content": b""}, 422),
]


@pytest.mark.parametrize(("send", "status"), BODY_CASES)
@pytest.mark.parametrize("query", ["", "?dry=perhaps"])
async def test_a_planned_body_is_read_and_validated_as_fastapi_does(
    send: dict[str, Any], status: int, query: str, counted: list[int]
) -> None:
    app = make_app()
    send = dict(send)
    headers = {**TOKEN, **send.pop("headers", {})}
    planned, standard = await both(
        app, "POST", "/v1/things/3/items" + query, counted, headers=headers, **send
    )
    assert planned == standard
    # Malformed JSON is answered before the parameters are read; other errors come together.
    assert planned[0] == (422 if query and status != 400 else status), planned[2]
    assert counted


async def test_malformed_json_is_answered_before_the_caller_is_checked(counted: list[int]) -> None:
    app = make_app()
    planned, standard = await both(
        app, "POST", "/v1/things/3/items", counted, content=b"{", headers={"content-type": "application/json"}
    )
    assert planned == standard
    assert planned[0] == 400  # the kit's malformed_json
    assert planned[3] == []


@pytest.mark.parametrize(
    "body",
    [
        {"first": {"id": 1, "name": "a"}, "second": {"id": 2, "name": "b"}},
        {"first": {"id": 1}, "second": "x"},
        {"second": {"id": 2, "name": "b"}},
        [],
    ],
)
async def test_several_body_parameters_are_read_as_fastapi_does(body: Any, counted: list[int]) -> None:
    app = make_app()
    planned, standard = await both(app, "PUT", "/v1/things/3/pair", counted, json=body)
    assert planned == standard
    assert counted


def _route(app: FastAPI, path: str) -> Any:
    for context in fastapi_routing.iter_route_contexts(app.router.routes):
        route = context.route
        if isinstance(route, KitRoute) and route.path == path:
            return context._route_context or route
    raise AssertionError(path)


def test_what_the_plan_does_not_cover_keeps_fastapis_handler() -> None:
    app = make_app()
    assert plan_for(_route(app, "/v1/things/{group}")) is not None
    assert plan_for(_route(app, "/v1/things/{group}/model")) is not None
    # A header parameter and a sync dependency (run in a thread): FastAPI's handler.
    assert plan_for(_route(app, "/v1/things/{group}/header")) is None
    assert plan_for(_route(app, "/v1/things/{group}/sync-dep")) is None
    assert plan_for(_route(app, "/v1/things/{group}/form")) is None


async def test_unplanned_endpoints_still_answer(counted: list[int]) -> None:
    app = make_app()
    for url, headers in [
        ("/v1/things/3/header", {"x-thing": "4"}),
        ("/v1/things/3/header", {"x-thing": "four"}),
        ("/v1/things/3/sync-dep", {}),
    ]:
        planned, standard = await both(app, "GET", url, counted, headers=headers)
        assert planned == standard
    for form in ({"name": "x"}, {}):
        planned, standard = await both(app, "POST", "/v1/things/3/form", counted, data=form)
        assert planned == standard
    assert not counted


# --- FastAPI internals the plan relies on: these fail on an upgrade that changes them ---


def test_fastapi_still_builds_one_handler_per_inclusion_with_the_route_as_included() -> None:
    # KitRoute reads the route as included (prefix, the inclusion's dependencies) from this
    # context variable while FastAPI calls get_route_handler for that inclusion.
    assert routing._INCLUDED is fastapi_routing._effective_route_context_var
    assert routing.field_annotation_is_sequence is not None
    app = make_app()
    included = _route(app, "/guarded/thing")
    assert included is not None and included.original_route is not included
    assert next(d.call.__name__ for d in included.dependant.dependencies) == "deny"


def test_fastapi_validates_a_parameter_as_the_plan_does() -> None:
    # The plan calls what request_params_to_args calls: ModelField.validate with the location,
    # and get_missing_field_error for a required parameter that is absent.
    from fastapi.dependencies import utils

    source = (
        utils.request_params_to_args.__code__.co_names
        + utils._validate_value_with_model_field.__code__.co_names
    )
    for name in (
        "_get_multidict_value",
        "_validate_value_with_model_field",
        "get_missing_field_error",
        "validate",
    ):
        assert name in source, name
    fields = _route(make_app(), "/v1/things/{group}").dependant.query_params
    field = next(f for f in fields if f.name == "limit")
    assert field.validate("0", {}, loc=("query", "limit"))[1][0]["loc"] == ("query", "limit")


def test_fastapi_serialises_answers_with_serialize_response() -> None:
    source = fastapi_routing.get_request_handler.__code__.co_consts
    names = {n for c in source if hasattr(c, "co_names") for n in c.co_names}
    assert {"serialize_response", "solve_dependencies", "_build_response_args"} <= names
