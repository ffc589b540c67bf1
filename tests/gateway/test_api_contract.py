"""Issue 14: the API documents an integrator relies on — committed and current, short stable
operationIds, OAuth2 sign-in, offline docs pages, CORS, problem answers that name the caller's
path, 405 with Allow, and event schemas the gateway serves."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import jsonschema
import pytest
from pydantic import BaseModel, ValidationError

from gateway.docs.committed import ASYNCAPI_PATH, OPENAPI_PATH, build_documents, render
from shared.events.envelope import EventPayload, EventSpec
from shared.schemas import InputModel, IsoDate, Money, NonNegativeMoney, PositiveMoney
from tests.conftest import Stack
from tests.gateway.conftest import extra_gateway
from tests.helpers import auth, new_id

HOUSEHOLDS = "/api/monitoring/v1/households"


def operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        op
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "responses" in op
    ]


def walk(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node] + [d for v in node.values() for d in walk(v)]
    if isinstance(node, list):
        return [d for v in node for d in walk(v)]
    return []


@pytest.fixture(scope="module")
def documents() -> tuple[dict[str, Any], dict[str, Any]]:
    return build_documents()


def test_committed_documents_are_current(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    openapi, asyncapi = documents
    # `make api-docs` (xianjie api-docs) rewrites them; a change of the code without it fails here.
    assert OPENAPI_PATH.read_text(encoding="utf-8") == render(openapi), "run `make api-docs`"
    assert ASYNCAPI_PATH.read_text(encoding="utf-8") == render(asyncapi), "run `make api-docs`"


def test_operation_ids_are_the_endpoint_names(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    openapi, _ = documents
    ids = [op["operationId"] for op in operations(openapi)]
    assert len(ids) == len(set(ids))
    assert {"list_households", "create_household", "take_step", "token", "list_projects"} <= set(ids)
    # Not FastAPI's default ("list_households_v1_households_get"): the function's name only.
    assert not [i for i in ids if "_v1_" in i or "_api_" in i]
    # Two services with a function of one name: both prefixed, neither left bare.
    assert {"monitoring_replay", "funds_replay"} <= set(ids) and "replay" not in ids


def test_document_is_generator_friendly(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    openapi, _ = documents
    assert openapi["info"]["title"].isascii()
    schemas = openapi["components"]["schemas"]
    titles = [s["title"] for s in schemas.values() if "title" in s]
    assert len(titles) == len(set(titles)), "two schemas of one title become one class"
    assert schemas["monitoring__HouseholdOut"]["title"] == "monitoring__HouseholdOut"
    mappings = [
        d["discriminator"]["mapping"] for d in walk(openapi) if "mapping" in d.get("discriminator", {})
    ]
    assert mappings, "the lifecycle actions are a discriminated union"
    for mapping in mappings:
        for ref in mapping.values():
            assert ref.removeprefix("#/components/schemas/") in schemas, ref
    assert all(t["name"].isascii() and " " not in t["name"] for t in openapi["tags"])

    schemes = openapi["components"]["securitySchemes"]
    flows = schemes["OAuth2"]["flows"]
    assert flows["password"]["tokenUrl"] == flows["clientCredentials"]["tokenUrl"] == "/auth/token"
    assert "HTTPBearer" not in schemes
    households = openapi["paths"][HOUSEHOLDS]
    assert households["get"]["security"] == [{"OAuth2": []}]
    money = schemas["funds__AllocationCreate"]["properties"]["amount"]["anyOf"][0]
    assert money["type"] == "string" and money["pattern"]


def test_if_match_is_declared_where_it_is_checked(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    openapi, _ = documents
    step = openapi["paths"][f"{HOUSEHOLDS}/{{household_id}}/transitions"]["post"]
    assert {"name": "If-Match", "in": "header", "required": True}.items() <= next(
        p for p in step["parameters"] if p["name"] == "If-Match"
    ).items()
    upsert = openapi["paths"]["/api/monitoring/v1/monitoring-lines/{year}"]["put"]
    assert next(p for p in upsert["parameters"] if p["name"] == "If-Match")["required"] is False
    assert {"200", "201"} <= set(upsert["responses"])
    for op in operations(openapi):
        if "422" in op["responses"]:
            assert set(op["responses"]["422"]["content"]) == {"application/problem+json"}


def test_asyncapi_messages_are_open_and_exemplified(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    _, asyncapi = documents
    schemas = asyncapi["components"]["schemas"]
    assert schemas["CloudEvent"]["required"][0] == "specversion"
    # Consumers must tolerate added fields: no published schema forbids them.
    assert not [d for d in walk(schemas) if d.get("additionalProperties") is False]
    messages = asyncapi["components"]["messages"]
    assert len(messages) >= 20
    for key, message in messages.items():
        example = message["examples"][0]["payload"]
        assert example["type"] == message["name"], key
        assert example["dataschema"].endswith(f"/schemas/events/{message['name']}.json")
        payload_ref = message["payload"]["allOf"][1]["properties"]["data"]["$ref"]
        # The payload's references point into the document's components: validate within it.
        jsonschema.validate(example["data"], {"$ref": payload_ref, "components": asyncapi["components"]})


def test_money_accepts_exactly_what_the_schema_says() -> None:
    class Body(InputModel):
        amount: PositiveMoney
        paid: NonNegativeMoney = Decimal(0)
        change: Money = Decimal(0)
        on: IsoDate | None = None

    assert Body(amount="0.01").amount == Decimal("0.01")  # the smallest positive amount
    assert Body(amount=8600).amount == Decimal(8600)
    assert Body(amount="99999999999999.99").amount == Decimal("99999999999999.99")
    assert Body(amount="1", change="-0.01").change == Decimal("-0.01")
    for refused in ("0.00", "0", "1.234", "1e3", " 1", "100000000000000", 1.5, 10**14):
        with pytest.raises(ValidationError):
            Body(amount=refused)
    with pytest.raises(ValidationError):
        Body(amount="1", paid="-0.01")
    with pytest.raises(ValidationError):
        Body(amount="1", on=0)  # would be 1970-01-01 otherwise
    assert str(Body(amount="1", on="2026-03-02").on) == "2026-03-02"


def test_events_name_their_schema_url() -> None:
    class Ping(EventPayload):
        n: int

    spec = EventSpec("monitoring", "ping", "sent", Ping)
    envelope = spec.envelope("s", Ping(n=1))
    assert envelope.dataschema == f"http://127.0.0.1:8000/schemas/events/{spec.type}.json"
    assert "specversion" in type(envelope).model_json_schema()["required"]
    assert isinstance(envelope, BaseModel)


async def test_docs_pages_use_local_assets(api: httpx.AsyncClient) -> None:
    for page, asset in (("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")):
        resp = await api.get(page)
        assert resp.status_code == 200, page
        assert f"/docs-assets/{asset}" in resp.text
        assert "cdn" not in resp.text.lower() and "googleapis" not in resp.text
        served = await api.get(f"/docs-assets/{asset}")
        assert served.status_code == 200 and len(served.content) > 100_000
    redirect = await api.get("/docs/oauth2-redirect")
    assert redirect.status_code == 200 and "oauth2" in redirect.text.lower()


async def test_event_schemas_are_served(api: httpx.AsyncClient) -> None:
    kind = "cn.xianjie.monitoring.household.registered.v1"
    resp = await api.get(f"/schemas/events/{kind}.json")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("application/schema+json")
    schema = resp.json()
    assert schema["$id"].endswith(f"/schemas/events/{kind}.json") and "household_id" in schema["properties"]
    asyncapi = (await api.get("/asyncapi.json")).json()
    example = next(m for m in asyncapi["components"]["messages"].values() if m["name"] == kind)
    jsonschema.validate(example["examples"][0]["payload"]["data"], schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"household_id": 7}, schema)
    missing = await api.get("/schemas/events/cn.xianjie.monitoring.nothing.v1.json")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"


async def test_problem_names_the_callers_path_and_405_names_every_method(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    path = f"{HOUSEHOLDS}/{new_id()}"
    missing = await api.get(path, headers=auth(tokens["admin"]))
    assert missing.status_code == 404 and missing.json()["instance"] == path

    options = await api.options(HOUSEHOLDS, headers=auth(tokens["admin"]))
    assert options.status_code == 405 and options.headers["allow"] == "GET, HEAD, POST"
    # "department-batches" is not an alert id: the path names the batch resource, which only takes POST.
    batches = await api.get("/api/monitoring/v1/alerts/department-batches", headers=auth(tokens["admin"]))
    assert batches.status_code == 405 and batches.headers["allow"] == "POST"
    not_an_id = await api.get("/api/monitoring/v1/alerts/not-an-id", headers=auth(tokens["admin"]))
    assert not_an_id.status_code == 422


async def test_cors_only_for_listed_origins(stack: Stack, api: httpx.AsyncClient) -> None:
    preflight = {"Origin": "https://app.example.cn", "Access-Control-Request-Method": "POST"}
    # Default: no origin listed, no cross-origin access.
    refused = await api.options(HOUSEHOLDS, headers=preflight)
    assert "access-control-allow-origin" not in refused.headers
    async with (
        extra_gateway(stack, cors_allow_origins=["https://app.example.cn"]) as url,
        httpx.AsyncClient(base_url=url, timeout=15) as client,
    ):
        answered = await client.options(
            HOUSEHOLDS, headers={**preflight, "Access-Control-Request-Headers": "authorization,if-match"}
        )
        assert answered.status_code == 200, answered.text
        assert answered.headers["access-control-allow-origin"] == "https://app.example.cn"
        assert "POST" in answered.headers["access-control-allow-methods"]
        assert "if-match" in answered.headers["access-control-allow-headers"].lower()
        other = await client.options(HOUSEHOLDS, headers={**preflight, "Origin": "https://evil.example"})
        assert other.status_code == 400 and "access-control-allow-origin" not in other.headers
        token = await client.post("/auth/token", data={}, headers={"Origin": "https://app.example.cn"})
        assert token.headers["access-control-allow-origin"] == "https://app.example.cn"
        assert "x-request-id" in token.headers["access-control-expose-headers"].lower()


def test_committed_openapi_is_json() -> None:
    assert json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))["openapi"].startswith("3.1")


def test_creates_link_to_what_their_id_opens(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    """Create a household → read, change, its members, by the id in the answer (OpenAPI links, which
    generated clients and schemathesis's stateful phase follow); each link names a real operation."""
    openapi, _ = documents
    created = openapi["paths"]["/api/monitoring/v1/households"]["post"]["responses"]["201"]
    links = created["links"]
    assert links["get_household"] == {
        "operationId": "get_household",
        "parameters": {"household_id": "$response.body#/id"},
        "description": links["get_household"]["description"],
    }
    assert {"update_household", "list_members", "add_member"} <= set(links)
    known = {op["operationId"] for op in operations(openapi)}
    every = [
        link
        for op in operations(openapi)
        for r in op["responses"].values()
        for link in r.get("links", {}).values()
    ]
    assert len(every) > 20 and all(link["operationId"] in known for link in every)
