"""JSON structured logs carrying the request id; national ID numbers are scrubbed on the way out."""

from __future__ import annotations

import logging
import re
import sys
import uuid
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

import structlog
from fastapi import FastAPI, Request, Response

REQUEST_ID_HEADER = "X-Request-ID"
# 18-character mainland ID numbers (last char may be X). Defence in depth: code must not log them.
_ID_NUMBER = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _ID_NUMBER.sub(r"\1********\2", value)
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v) for v in value]
    return value


def scrub_personal_ids(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> Mapping[str, Any]:
    return {k: _scrub(v) for k, v in event_dict.items()}


def configure_logging(level: str = "INFO", json: bool = True) -> None:
    renderer: Any = (
        structlog.processors.JSONRenderer(ensure_ascii=False) if json else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            scrub_personal_ids,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )


def install_request_id(app: FastAPI, component: str) -> None:
    access = structlog.get_logger("xianjie.access")

    @app.middleware("http")
    async def request_id(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        rid = incoming if 0 < len(incoming) <= 100 and incoming.isprintable() else uuid.uuid4().hex
        request.state.request_id = rid
        structlog.contextvars.bind_contextvars(request_id=rid, component=component)
        try:
            response = await call_next(request)
            response.headers[REQUEST_ID_HEADER] = rid
            # Paths only, never query strings: those may carry search text or ID numbers.
            access.info("request", method=request.method, path=request.url.path, status=response.status_code)
            return response
        finally:
            structlog.contextvars.clear_contextvars()
