"""One OpenAPI and one AsyncAPI document for the whole suite, merged from the services' own.

Each service's document is fetched when asked for (short timeout, reused for a few seconds); a
service that does not answer is left out and named in ``info.x-unavailable``. Its paths get the
gateway prefix ``/api/<service>``, its component names the prefix ``<service>__`` (every ``$ref``
rewritten), except the kit's shared problem schemas, which are the same everywhere.
"""

from __future__ import annotations

import asyncio
import copy
import time
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
        return {
            k: (rewrite(v) if k == "$ref" and isinstance(v, str) else _rewrite_refs(v, rewrite))
            for k, v in node.items()
        }
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
                merged[f"{service}__{name}"] = value


def merge_openapi(
    own: dict[str, Any], services: dict[str, dict[str, Any] | None], *, title: str, description: str
) -> dict[str, Any]:
    merged = copy.deepcopy(own)
    merged["info"] = {**merged.get("info", {}), "title": title, "description": description}
    paths: dict[str, Any] = merged.setdefault("paths", {})
    components: dict[str, Any] = merged.setdefault("components", {})
    tags: list[dict[str, Any]] = list(merged.get("tags", []))
    unavailable = []
    for service, document in services.items():
        if document is None:
            unavailable.append(service)
            continue
        source_components = document.get("components", {})
        rewrite = _renamer(service, source_components, SHARED_OPENAPI_COMPONENTS)
        document = _rewrite_refs(document, rewrite)
        _merge_components(components, service, document.get("components", {}), SHARED_OPENAPI_COMPONENTS)
        used_tags: list[str] = []
        for path, item in document.get("paths", {}).items():
            if not path.startswith("/v1/"):
                continue  # health, metrics and the like are not routed through the gateway
            for method in HTTP_METHODS:
                operation = item.get(method)
                if not isinstance(operation, dict):
                    continue
                if "operationId" in operation:
                    operation["operationId"] = f"{service}_{operation['operationId']}"
                operation["tags"] = [f"{service}: {tag}" for tag in operation.get("tags", [])] or [service]
                used_tags += [t for t in operation["tags"] if t not in used_tags]
            paths[f"/api/{service}{path}"] = item
        declared = {f"{service}: {t['name']}": t for t in document.get("tags", [])}
        tags += [{**declared.get(name, {}), "name": name} for name in used_tags]
    if tags:
        merged["tags"] = tags
    merged["info"]["x-unavailable"] = unavailable
    return merged


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
