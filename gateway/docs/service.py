"""One OpenAPI and one AsyncAPI document for the whole suite, merged from the services' own.

Each service's document is fetched when asked for (short timeout, reused for a few seconds); a
service that does not answer is named in ``info.x-unavailable`` and its part is taken from the
committed document (docs/api/openapi.json) if there is one, each operation marked
``x-service-unavailable``. Its paths get the gateway prefix ``/api/<service>``, its component names
the prefix ``<service>__`` (every ``$ref``, discriminator mapping and schema title rewritten), except
the kit's shared problem schemas, which are the same everywhere. operationIds stay the endpoint
function names (``list_households``); one that two components share is prefixed by its component
(``funds_list_projects``) in both, so a generated client never has two methods of one name.
"""

from __future__ import annotations

import asyncio
import copy
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import aiohttp
import structlog

log = structlog.get_logger("xianjie.gateway.docs")

# Identical in every document (they come from the kit or FastAPI itself): kept under one name.
SHARED_OPENAPI_COMPONENTS = frozenset(
    {"Problem", "FieldProblem", "HTTPValidationError", "ValidationError", "HTTPBearer"}
)
SHARED_ASYNCAPI_SCHEMAS = frozenset({"CloudEvent"})
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class DocumentCache:
    """The last good answer of each service's document URL, for ``ttl`` seconds."""

    def __init__(self, ttl: float, timeout: float) -> None:
        self.ttl = ttl
        self.timeout = timeout
        self._entries: dict[str, tuple[float, dict[str, Any]]] = {}

    async def fetch(self, http: aiohttp.ClientSession, url: str) -> dict[str, Any] | None:
        cached = self._entries.get(url)
        if cached is not None and time.monotonic() - cached[0] < self.ttl:
            return cached[1]
        try:
            timeout = aiohttp.ClientTimeout(total=self.timeout)
            async with http.get(url, timeout=timeout, headers={"Accept-Encoding": "identity"}) as resp:
                resp.raise_for_status()
                document = await resp.json(content_type=None)
        except (TimeoutError, aiohttp.ClientError, ValueError) as exc:
            log.warning("document_unavailable", url=url, error=type(exc).__name__)
            return None
        if not isinstance(document, dict):
            return None
        self._entries[url] = (time.monotonic(), document)
        return document

    async def fetch_all(
        self, http: aiohttp.ClientSession, urls: dict[str, str]
    ) -> dict[str, dict[str, Any] | None]:
        results = await asyncio.gather(*(self.fetch(http, url) for url in urls.values()))
        return dict(zip(urls, results, strict=True))


def _rewrite_refs(node: Any, rewrite: Callable[[str], str]) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                out[k] = rewrite(v)
            elif k == "discriminator" and isinstance(v, dict) and isinstance(v.get("mapping"), dict):
                # Generators resolve mapping values as references too (openapi-typescript fails otherwise).
                mapping = {tag: rewrite(ref) for tag, ref in v["mapping"].items()}
                out[k] = {**v, "mapping": mapping}
            else:
                out[k] = _rewrite_refs(v, rewrite)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v, rewrite) for v in node]
    return node


def _renamer(prefix: str, sections: dict[str, Iterable[str]], shared: frozenset[str]) -> Callable[[str], str]:
    """``#/components/<section>/<name>`` → ``<prefix>__<name>`` unless the name is a shared one."""
    names = {(section, name) for section, items in sections.items() for name in items}

    def rewrite(ref: str) -> str:
        parts = ref.split("/")
        known = len(parts) == 4 and parts[:2] == ["#", "components"] and (parts[2], parts[3]) in names
        if known and parts[3] not in shared:
            return f"#/components/{parts[2]}/{prefix}__{parts[3]}"
        return ref

    return rewrite


def _merge_components(
    target: dict[str, Any], service: str, components: dict[str, Any], shared: frozenset[str]
) -> None:
    for section, items in components.items():
        if not isinstance(items, dict):
            continue
        merged = target.setdefault(section, {})
        for name, value in items.items():
            if name in shared and (name not in merged or merged[name] == value):
                merged[name] = value
            else:
                renamed = f"{service}__{name}"
                if section == "schemas" and isinstance(value, dict) and value.get("title") == name:
                    # Generators name classes after titles: two services' "ReportName" would clash.
                    value = {**value, "title": renamed}
                merged[renamed] = value


TOKEN_URL = "/auth/token"  # noqa: S105 - a path, not a secret
# What generators and Swagger UI's Authorize button need to sign in: the token endpoint's two flows.
OAUTH2_SCHEME = {
    "type": "oauth2",
    "description": (
        "网关签发的访问令牌：个人账号用 password，部门系统用 client_credentials；"
        "调用时 `Authorization: Bearer <令牌>`。/ Tokens from POST /auth/token."
    ),
    "flows": {
        "password": {"tokenUrl": TOKEN_URL, "scopes": {}},
        "clientCredentials": {"tokenUrl": TOKEN_URL, "scopes": {}},
    },
}
BEARER_SCHEME = "HTTPBearer"
OAUTH2_SCHEME_NAME = "OAuth2"


def _use_oauth2(document: dict[str, Any]) -> None:
    """The kit declares an HTTP bearer scheme; the merged document says how to get the token."""
    schemes: dict[str, Any] = document.setdefault("components", {}).setdefault("securitySchemes", {})
    schemes.pop(BEARER_SCHEME, None)
    schemes[OAUTH2_SCHEME_NAME] = OAUTH2_SCHEME
    for item in document.get("paths", {}).values():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict) and "security" in operation:
                operation["security"] = [
                    {
                        (OAUTH2_SCHEME_NAME if name == BEARER_SCHEME else name): scopes
                        for name, scopes in r.items()
                    }
                    for r in operation["security"]
                ]


def _operations(paths: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for item in paths.values():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if isinstance(operation, dict):
                yield operation


def _unique_operation_ids(parts: dict[str, dict[str, Any]]) -> None:
    """Keep each component's operationIds; prefix those two components share by the component."""
    owners: dict[str, set[str]] = {}
    for component, paths in parts.items():
        for operation in _operations(paths):
            if "operationId" in operation:
                owners.setdefault(operation["operationId"], set()).add(component)
    for component, paths in parts.items():
        for operation in _operations(paths):
            op_id = operation.get("operationId")
            if op_id is not None and len(owners[op_id]) > 1:
                operation["operationId"] = f"{component}_{op_id}"


def _committed_part(committed: dict[str, Any] | None, service: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A service's paths and components as last committed, each operation marked as unavailable."""
    if not committed:
        return {}, {}
    prefix = f"/api/{service}/"
    paths = {p: copy.deepcopy(item) for p, item in committed.get("paths", {}).items() if p.startswith(prefix)}
    for operation in _operations(paths):
        operation["x-service-unavailable"] = True
        operation["description"] = (
            f"（服务 {service} 当前不可用：此处为已提交的接口文档。"
            f"/ {service} is down: the committed document.）\n\n" + operation.get("description", "")
        )
    components: dict[str, Any] = {}
    for section, items in committed.get("components", {}).items():
        if isinstance(items, dict):
            kept = {n: copy.deepcopy(v) for n, v in items.items() if n.startswith(f"{service}__")}
            if kept:
                components[section] = kept
    return paths, components


def _path_word(path: str, last: bool = False) -> str:
    """ "/api/monitoring/v1/households/{id}" → "monitoring.households"; "/auth/token" → "auth";
    ``last``: the last fixed segment instead ("/api/assets/v1/assets/{id}/lifecycle" → "assets.lifecycle")."""
    parts = [p for p in path.split("/") if p]
    if len(parts) >= 4 and parts[0] == "api" and parts[2] == "v1":
        fixed = [p for p in parts[3:] if not p.startswith("{")]
        return f"{parts[1]}.{(fixed[-1] if last else fixed[0]).replace('-', '_')}"
    return parts[0] if parts else "root"


def _ascii_tags(parts: dict[str, dict[str, Any]], tags: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tag names become ASCII words of their paths (generators make module names of them); the
    bilingual name stays for people as ``x-displayName`` (ReDoc) and in the description."""
    words: dict[str, Counter[str]] = {}
    last_words: dict[str, Counter[str]] = {}
    for paths in parts.values():
        for path, item in paths.items():
            for method in HTTP_METHODS:
                operation = item.get(method)
                if isinstance(operation, dict):
                    for tag in operation.get("tags", []):
                        words.setdefault(tag, Counter())[_path_word(path)] += 1
                        last_words.setdefault(tag, Counter())[_path_word(path, last=True)] += 1
    renamed: dict[str, str] = {}
    for tag, counts in words.items():
        if tag.isascii() and " " not in tag:
            renamed[tag] = tag
            continue
        ascii_name = counts.most_common(1)[0][0]
        if ascii_name in renamed.values():  # two tags under one path word: name it by its own paths
            ascii_name = last_words[tag].most_common(1)[0][0]
        while ascii_name in renamed.values():
            ascii_name += "_"
        renamed[tag] = ascii_name
    for paths in parts.values():
        for operation in _operations(paths):
            operation["tags"] = [renamed.get(tag, tag) for tag in operation.get("tags", [])]
    declared = {t["name"]: t for t in tags}
    result = []
    for tag, name in renamed.items():
        entry = {**declared.get(tag, {}), "name": name}
        if name != tag:
            entry["x-displayName"] = tag
            entry["description"] = f"{tag}. {entry['description']}" if entry.get("description") else tag
        result.append(entry)
    return result


def merge_openapi(
    own: dict[str, Any],
    services: dict[str, dict[str, Any] | None],
    *,
    title: str,
    description: str,
    committed: dict[str, Any] | None = None,
) -> dict[str, Any]:
    merged = copy.deepcopy(own)
    merged["info"] = {**merged.get("info", {}), "title": title, "description": description}
    paths: dict[str, Any] = merged.setdefault("paths", {})
    components: dict[str, Any] = merged.setdefault("components", {})
    tags: list[dict[str, Any]] = list(merged.get("tags", []))
    unavailable = []
    parts: dict[str, dict[str, Any]] = {"gateway": paths}
    for service, document in services.items():
        if document is None:
            unavailable.append(service)
            old_paths, old_components = _committed_part(committed, service)
            parts[service] = old_paths
            for section, items in old_components.items():
                components.setdefault(section, {}).update(items)
            continue
        source_components = document.get("components", {})
        rewrite = _renamer(service, source_components, SHARED_OPENAPI_COMPONENTS)
        document = _rewrite_refs(document, rewrite)
        _merge_components(components, service, document.get("components", {}), SHARED_OPENAPI_COMPONENTS)
        used_tags: list[str] = []
        service_paths: dict[str, Any] = {}
        for path, item in document.get("paths", {}).items():
            if not path.startswith("/v1/"):
                continue  # health, metrics and the like are not routed through the gateway
            for method in HTTP_METHODS:
                operation = item.get(method)
                if not isinstance(operation, dict):
                    continue
                operation["tags"] = [f"{service}: {tag}" for tag in operation.get("tags", [])] or [service]
                used_tags += [t for t in operation["tags"] if t not in used_tags]
            service_paths[f"/api/{service}{path}"] = item
        parts[service] = service_paths
        declared = {f"{service}: {t['name']}": t for t in document.get("tags", [])}
        tags += [{**declared.get(name, {}), "name": name} for name in used_tags]
    tags = _ascii_tags(parts, tags)
    _unique_operation_ids(parts)
    for service, service_paths in parts.items():
        if service != "gateway":
            paths.update(service_paths)
    _declare_links(paths, components.get("schemas", {}))
    _use_oauth2(merged)
    if tags:
        merged["tags"] = tags
    merged["info"]["x-unavailable"] = unavailable
    return merged


_TEMPLATE = re.compile(r"^\{([A-Za-z_][A-Za-z0-9_]*)\}$")


def _declare_links(paths: dict[str, Any], schemas: dict[str, Any]) -> None:
    """OpenAPI links from each create to what its answer's ``id`` opens: ``POST /x`` answering an
    object with an ``id`` links to every operation under ``/x/{param}`` whose only path parameter
    is that one (read, change, delete, and the record's own sub-collections). Generated clients
    and stateful testing (schemathesis) follow them. Declared after the merge, so they name the
    final, unique operationIds."""
    for path, item in paths.items():
        create = item.get("post") if isinstance(item, dict) else None
        if not isinstance(create, dict):
            continue
        for status in ("201", "200"):
            response = create.get("responses", {}).get(status)
            if isinstance(response, dict) and _answers_id(response, schemas):
                break
        else:
            continue
        links: dict[str, Any] = {}
        for target, target_item in paths.items():
            rest = target[len(path) + 1 :].split("/") if target.startswith(path + "/") else []
            found = _TEMPLATE.match(rest[0]) if rest else None
            if found is None or any(_TEMPLATE.match(segment) for segment in rest[1:]):
                continue
            param = found.group(1)
            for method in HTTP_METHODS:
                operation = target_item.get(method)
                if not isinstance(operation, dict) or "operationId" not in operation:
                    continue
                links[operation["operationId"]] = {
                    "operationId": operation["operationId"],
                    "parameters": {param: "$response.body#/id"},
                    "description": f"{method.upper()} {target}：以新建记录的 id / with the new record's id",
                }
        if links:
            response["links"] = links


def _answers_id(response: dict[str, Any], schemas: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    ref = schema.get("$ref", "") if isinstance(schema, dict) else ""
    if ref.startswith("#/components/schemas/"):
        schema = schemas.get(ref.rsplit("/", 1)[-1], {})
    return isinstance(schema, dict) and "id" in schema.get("properties", {})


def merge_asyncapi(
    services: dict[str, dict[str, Any] | None], *, title: str, nats_url: str
) -> dict[str, Any]:
    merged: dict[str, Any] = {
        "asyncapi": "3.0.0",
        "info": {
            "title": title,
            "version": "1.0.0",
            "description": (
                "衔接各服务发布的事件 / events of every service (CloudEvents 1.0, NATS JetStream)."
            ),
        },
        "defaultContentType": "application/cloudevents+json",
        "channels": {},
        "operations": {},
        "components": {"schemas": {}, "messages": {}},
    }
    if nats_url:
        host = nats_url.split("://", 1)[-1].rsplit("@", 1)[-1]  # never publish credentials
        merged["servers"] = {"nats": {"host": host, "protocol": "nats", "description": "NATS JetStream"}}
    unavailable = []
    for service, document in services.items():
        if document is None:
            unavailable.append(service)
            continue
        components = document.get("components", {})
        rewrite = _renamer(service, components, SHARED_ASYNCAPI_SCHEMAS)
        document = _rewrite_refs(document, rewrite)
        _merge_components(
            merged["components"], service, document.get("components", {}), SHARED_ASYNCAPI_SCHEMAS
        )
        for section in ("channels", "operations"):
            for name, value in document.get(section, {}).items():
                if name in merged[section]:
                    log.warning("asyncapi_name_clash", service=service, section=section, name=name)
                    continue
                merged[section][name] = value
    merged["info"]["x-unavailable"] = unavailable
    return merged


def payload_schema(asyncapi: dict[str, Any], event_type: str, schema_id: str) -> dict[str, Any] | None:
    """A standalone JSON schema (2020-12) of ``event_type``'s ``data``, its references under $defs."""
    schemas: dict[str, Any] = asyncapi.get("components", {}).get("schemas", {})
    for message in asyncapi.get("components", {}).get("messages", {}).values():
        if message.get("name") != event_type:
            continue
        parts = message.get("payload", {}).get("allOf", [])
        data = next((p["properties"]["data"] for p in parts if "data" in p.get("properties", {})), None)
        if not isinstance(data, dict) or "$ref" not in data:
            return None
        root = data["$ref"].rsplit("/", 1)[-1]
        needed: list[str] = []
        pending = [root]
        while pending:
            name = pending.pop()
            if name in needed or name not in schemas:
                continue
            needed.append(name)
            pending += [r.rsplit("/", 1)[-1] for r in _refs(schemas[name])]
        to_defs = _rewrite_refs(
            {name: schemas[name] for name in needed}, lambda ref: "#/$defs/" + ref.rsplit("/", 1)[-1]
        )
        document = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": schema_id,
            **to_defs[root],
            "description": message.get("summary") or event_type,
        }
        others = {name: value for name, value in to_defs.items() if name != root}
        if others:
            document["$defs"] = others
        return document
    return None


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []
