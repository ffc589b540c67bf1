"""The committed API documents (docs/api/), built from the apps themselves without running them.

``xianjie api-docs`` writes them; tests/gateway/test_committed_docs.py fails when they drift from
the code. The gateway falls back on the committed OpenAPI document for a service that is down.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from gateway.docs.service import merge_asyncapi, merge_openapi

ROOT = Path(__file__).resolve().parents[2]
API_DIR = ROOT / "docs" / "api"
OPENAPI_PATH = API_DIR / "openapi.json"
ASYNCAPI_PATH = API_DIR / "asyncapi.json"
SERVICE_FACTORIES = {
    "monitoring": "services.monitoring.app:create_app",
    "employment": "services.employment.app:create_app",
    "funds": "services.funds.app:create_app",
    "assets": "services.assets.app:create_app",
}


@cache
def committed_openapi() -> dict[str, Any] | None:
    try:
        document: dict[str, Any] = json.loads(OPENAPI_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return document


@cache
def committed_asyncapi() -> dict[str, Any] | None:
    try:
        document: dict[str, Any] = json.loads(ASYNCAPI_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return document


def _app(factory: str) -> FastAPI:
    module, function = factory.split(":")
    app: FastAPI = getattr(importlib.import_module(module), function)()
    return app


def build_documents() -> tuple[dict[str, Any], dict[str, Any]]:
    """(OpenAPI, AsyncAPI) as the gateway merges them when every service answers."""
    from gateway.docs.endpoints import ASYNCAPI_TITLE, DESCRIPTION, TITLE

    apps = {name: _app(factory) for name, factory in SERVICE_FACTORIES.items()}
    gateway = _app("gateway.app:create_app")
    openapi = merge_openapi(
        gateway.openapi(),
        {name: app.openapi() for name, app in apps.items()},
        title=TITLE,
        description=DESCRIPTION,
    )
    fragments: dict[str, dict[str, Any] | None] = {"gateway": gateway.state.asyncapi}
    fragments.update({name: app.state.asyncapi for name, app in apps.items()})
    # No server: where NATS listens is the deployment's business (GET /asyncapi.json names it).
    asyncapi = merge_asyncapi(fragments, title=ASYNCAPI_TITLE, nats_url="")
    return openapi, asyncapi


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_documents() -> list[Path]:
    openapi, asyncapi = build_documents()
    API_DIR.mkdir(parents=True, exist_ok=True)
    OPENAPI_PATH.write_text(render(openapi), encoding="utf-8")
    ASYNCAPI_PATH.write_text(render(asyncapi), encoding="utf-8")
    return [OPENAPI_PATH, ASYNCAPI_PATH]
