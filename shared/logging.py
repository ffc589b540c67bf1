"""JSON structured logs carrying the request id; national ID numbers are scrubbed on the way out.

Every line a process writes is one JSON object: structlog's own loggers, and the standard
library's (uvicorn's server and error lines, asyncio, SQLAlchemy, Alembic, nats, warnings) routed
through the same processors by ``configure_logging``. uvicorn is started with
``UVICORN_LOG_CONFIG_FILE`` (the launcher, ``xianjie serve``), so even the lines it writes before the
app is loaded are JSON.
"""

from __future__ import annotations

import json as jsonlib
import logging
import logging.config
import re
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import structlog

from shared.tracing import current_trace_ids

REQUEST_ID_HEADER = "X-Request-ID"
# 18-character mainland ID numbers (last char may be X). Defence in depth: code must not log them.
_ID_NUMBER = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")


# No string shorter than an ID number can hold one: such values of a line (level, event, method,
# component) skip the search; a match is rare, so search before substituting (the scrub was 40 % of
# an access line's cost).
_ID_NUMBER_LENGTH = 18


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        if len(value) < _ID_NUMBER_LENGTH or _ID_NUMBER.search(value) is None:
            return value
        return _ID_NUMBER.sub(r"\1********\2", value)
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v) for v in value]
    return value


def scrub_personal_ids(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> Mapping[str, Any]:
    return {k: _scrub(v) for k, v in event_dict.items()}


def add_trace_ids(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """trace_id / span_id of the current span, when tracing is on (shared.tracing)."""
    for key, value in current_trace_ids().items():
        event_dict.setdefault(key, value)
    return event_dict


# uvicorn's dictConfig for `--log-config` / `uvicorn.run(log_config=...)`: the standard library's
# lines through the JSON formatter below. A file, because the launcher starts uvicorn by command line.
UVICORN_LOG_CONFIG_FILE = Path(__file__).with_name("uvicorn_logging.json")
_HANDLER_MARK = "_xianjie_json_handler"


def uvicorn_log_config() -> dict[str, Any]:
    loaded: dict[str, Any] = jsonlib.loads(UVICORN_LOG_CONFIG_FILE.read_text(encoding="utf-8"))
    return loaded


def _renderer(json: bool) -> Any:
    if json:
        return structlog.processors.JSONRenderer(ensure_ascii=False)
    return structlog.dev.ConsoleRenderer()


def _uvicorn_access_fields(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """uvicorn's access line as fields, like our own ``request`` line: the path without its query
    string (search text or an ID number may be there). Needs ``pass_foreign_args``."""
    record = event_dict.get("_record")
    arguments = event_dict.pop("positional_args", None)
    # Only the shape uvicorn logs; anything else stays a message.
    if (
        record is not None
        and record.name == "uvicorn.access"
        and isinstance(arguments, tuple)
        and len(arguments) == 5
    ):
        client, method, full_path, http_version, status = arguments
        event_dict.update(
            event="http_access",
            client=str(client),
            method=str(method),
            path=str(full_path).split("?", 1)[0],
            http_version=str(http_version),
            status=status,
        )
    return event_dict


def _stdlib_processors(json: bool) -> tuple[list[Any], list[Any]]:
    """(pre-chain, final processors) for records of the standard library's loggers."""
    pre_chain: list[Any] = [
        structlog.contextvars.merge_contextvars,
        add_trace_ids,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _uvicorn_access_fields,
    ]
    final: list[Any] = [
        structlog.stdlib.ProcessorFormatter.remove_processors_meta,
        structlog.processors.format_exc_info,
        scrub_personal_ids,
        _renderer(json),
    ]
    return pre_chain, final


def json_formatter(json: bool = True) -> logging.Formatter:
    """The standard library's records rendered like structlog's lines (the ``()`` factory named in
    uvicorn_logging.json)."""
    pre_chain, final = _stdlib_processors(json)
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=pre_chain, processors=final, pass_foreign_args=True
    )


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time of the record (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _: Any) -> None:
        pass


def _route_stdlib_logging(level: str, json: bool) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        # Ours from an earlier call, and plain ones uvicorn or basicConfig left: one JSON handler.
        if getattr(handler, _HANDLER_MARK, False) or type(handler) is logging.StreamHandler:
            root.removeHandler(handler)
    handler = _StderrHandler()
    handler.setFormatter(json_formatter(json))
    setattr(handler, _HANDLER_MARK, True)
    root.addHandler(handler)
    root.setLevel(logging.getLevelName(level.upper()))
    # uvicorn's own handlers (plain text, when it was started without our log config) give way to
    # the root's; its access line is our `request` line already (shared.component.KitMiddleware,
    # with the request id), so uvicorn's duplicate is dropped.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.asgi"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
    # No handler at all rather than a NullHandler: uvicorn builds its access record whenever the
    # logger has a handler (``hasHandlers()``, per connection), even one that drops it; that cost
    # 2 % of a proxied request in the gateway's profile (issue 16).
    access = logging.getLogger("uvicorn.access")
    access.handlers = []
    access.propagate = False
    logging.captureWarnings(True)


def _stderr_print_logger(*_: Any) -> structlog.PrintLogger:
    """A logger writing to whatever ``sys.stderr`` is now: one bound at configuration would keep
    writing to a stream a test runner has since swapped out and closed."""
    return structlog.PrintLogger(file=sys.stderr)


def configure_logging(level: str = "INFO", json: bool = True) -> None:
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            add_trace_ids,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            scrub_personal_ids,
            _renderer(json),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=_stderr_print_logger,
        cache_logger_on_first_use=False,
    )
    _route_stdlib_logging(level, json)
