"""The merged OpenAPI and AsyncAPI documents, and the merge rules on their own."""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
from openapi_spec_validator import validate

from gateway.docs.service import merge_asyncapi, merge_openapi
from tests.conftest import SERVICE_NAMES


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for v in node.values() for r in refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in refs(v)]
    return []


def resolve(document: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = document
    for part in ref[2:].split("/"):
        assert isinstance(node, dict) and part in node, f"dangling $ref {ref}"
        node = node[part]
    return node


async def test_merged_openapi_has_every_service(api: httpx.AsyncClient) -> None:
    resp = await api.get("/openapi.json")
    assert resp.status_code == 200
    document = resp.json()
    validate(document)  # OpenAPI 3.1, as generators read it
    assert document["openapi"].startswith("3.1")
    assert document["info"]["x-unavailable"] == []

    paths = document["paths"]
    for service in SERVICE_NAMES:
        assert any(p.startswith(f"/api/{service}/v1/") for p in paths), service
        assert f"/api/{service}/healthz" not in paths  # not routed through the gateway
    assert {"/auth/token", "/auth/me", "/admin/users", "/.well-known/jwks.json"} <= set(paths)
    assert "/api/monitoring/v1/households" in paths

    for ref in refs(document):
        resolve(document, ref)
    schemas = document["components"]["schemas"]
    assert "monitoring__HouseholdOut" in schemas and "HouseholdOut" not in schemas
    assert "Problem" in schemas and not any(name.endswith("__Problem") for name in schemas)

    operations = [
        op
        for item in paths.values()
        for method, op in item.items()
        if isinstance(op, dict) and "responses" in op
    ]
    ids = Counter(op["operationId"] for op in operations)
    assert ids and all(n == 1 for n in ids.values())
    household_tags = paths["/api/monitoring/v1/households"]["get"]["tags"]
    assert household_tags and all(t.startswith("monitoring.") for t in household_tags)


async def test_swagger_ui_points_at_the_merged_document(api: httpx.AsyncClient) -> None:
    resp = await api.get("/docs")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    assert "/openapi.json" in resp.text


async def test_merged_asyncapi(api: httpx.AsyncClient) -> None:
    resp = await api.get("/asyncapi.json")
    assert resp.status_code == 200
    document = resp.json()
    assert document["asyncapi"] == "3.0.0" and document["info"]["x-unavailable"] == []
    addresses = {c["address"] for c in document["channels"].values()}
    assert any(a.startswith("xianjie.monitoring.") for a in addresses)
    assert any(a.startswith("xianjie.employment.") for a in addresses)
    for ref in refs(document):
        resolve(document, ref)
    schemas = document["components"]["schemas"]
    assert "CloudEvent" in schemas and not any(n.endswith("__CloudEvent") for n in schemas)
    assert all("__" in n for n in schemas if n != "CloudEvent")


def _doc(schema_title: str) -> dict[str, Any]:
    item_ref = {"$ref": "#/components/schemas/Item"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "x", "version": "1"},
        "paths": {
            "/v1/items": {
                "get": {
                    "operationId": "list_items",
                    "tags": ["items"],
                    "responses": {
                        "200": {"description": "ok", "content": {"application/json": {"schema": item_ref}}}
                    },
                }
            },
            "/healthz": {"get": {"operationId": "healthz", "responses": {"200": {"description": "ok"}}}},
        },
        "components": {
            "schemas": {
                "Item": {
                    "title": schema_title,
                    "type": "object",
                    "properties": {"problem": {"$ref": "#/components/schemas/Problem"}},
                },
                "Problem": {"type": "object"},
            }
        },
    }


def test_merge_renames_colliding_components_and_rewrites_refs() -> None:
    own = {
        "openapi": "3.1.0",
        "info": {"title": "gw", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Problem": {"type": "object"}}},
    }
    merged = merge_openapi(own, {"a": _doc("A"), "b": _doc("B"), "c": None}, title="t", description="d")
    schemas = merged["components"]["schemas"]
    assert schemas["a__Item"]["title"] == "A" and schemas["b__Item"]["title"] == "B"
    assert set(schemas) == {"Problem", "a__Item", "b__Item"}
    assert schemas["a__Item"]["properties"]["problem"] == {"$ref": "#/components/schemas/Problem"}
    get_b = merged["paths"]["/api/b/v1/items"]["get"]
    assert get_b["operationId"] == "b_list_items" and get_b["tags"] == ["b.items"]
    assert get_b["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/b__Item"
    }
    assert "/api/a/healthz" not in merged["paths"] and merged["info"]["x-unavailable"] == ["c"]
    validate(merged)


def test_merge_keeps_a_shared_name_only_when_identical() -> None:
    own = {
        "openapi": "3.1.0",
        "info": {"title": "gw", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Problem": {"type": "object", "title": "gateway"}}},
    }
    merged = merge_openapi(own, {"a": _doc("A")}, title="t", description="d")
    # a's Problem differs from the gateway's: it keeps its own name rather than overwrite.
    assert merged["components"]["schemas"]["Problem"]["title"] == "gateway"
    assert "a__Problem" in merged["components"]["schemas"]


def test_asyncapi_merge_without_servers_leaves_nothing_dangling() -> None:
    fragment = {
        "asyncapi": "3.0.0",
        "channels": {
            "c1": {"address": "xianjie.a.x.y", "messages": {"m1": {"$ref": "#/components/messages/m1"}}}
        },
        "operations": {
            "publish_c1": {
                "action": "send",
                "channel": {"$ref": "#/channels/c1"},
                "messages": [{"$ref": "#/channels/c1/messages/m1"}],
            }
        },
        "components": {
            "schemas": {"CloudEvent": {"type": "object"}, "Payload": {"type": "object"}},
            "messages": {
                "m1": {
                    "payload": {
                        "allOf": [
                            {"$ref": "#/components/schemas/CloudEvent"},
                            {"$ref": "#/components/schemas/Payload"},
                        ]
                    }
                }
            },
        },
    }
    merged = merge_asyncapi({"a": fragment}, title="t", nats_url="nats://user:pw@10.0.0.1:4222")
    assert set(merged["components"]["schemas"]) == {"CloudEvent", "a__Payload"}
    assert set(merged["components"]["messages"]) == {"a__m1"}
    assert merged["servers"]["nats"]["host"] == "10.0.0.1:4222"  # credentials are never published
    for ref in refs(merged):
        resolve(merged, ref)
