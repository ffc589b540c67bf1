"""The kit's route class: FastAPI's request handling, planned once per endpoint instead of per request.

FastAPI's own handler (``fastapi.routing.get_request_handler``) solves an endpoint's dependencies
and parameters by walking its ``Dependant`` tree on every request: for each declared query
parameter it looks up aliases, asks twice whether the annotation is a sequence, copies the default
and validates, present or not; for each dependency it computes cache keys and scopes and enters the
generator through an ``AsyncExitStack`` with a shielded exit. On monitoring's list of households
(13 query parameters, one caller dependency) that walk was more CPU than the page's query
(bench/README.md, "The kit's route class").

``KitRoute`` (the route class of every kit router, ``KitRouter``) works the walk out once, when
FastAPI builds the route's handler (``get_route_handler``, FastAPI's documented hook for a custom
route class), and answers each request from that plan:

- query and path parameters: one look-up each in the parsed query string / path parameters; an
  absent one takes its default without a validation call (FastAPI's own rule: a default is not
  validated unless ``validate_default``); a present one is validated by the same ``ModelField``
  FastAPI would use, with the same location, so a 422 lists the same errors in the same order;
- dependencies: coroutine and async-generator dependencies whose own inputs are only the request
  and further such dependencies (the kit's ``requires(...)``, ``Ctx``, ``CurrentPrincipal``, the
  bearer scheme), called directly; each once per request (FastAPI's ``use_cache``); generators
  with ``scope="function"`` exit when the endpoint returns, before the answer is sent, with their
  exit shielded from cancellation as FastAPI does;
- the answer: a ``Response`` the endpoint returns is sent as is; anything else is validated and
  serialised by FastAPI's own ``serialize_response`` against the ``response_model``.

An endpoint the plan does not cover — a request body, header or cookie parameters, a parameter
model, a sync dependency, a dependency reading parameters itself, background tasks, a
request-scoped generator, streaming — keeps FastAPI's handler unchanged, as does every request
while ``app.dependency_overrides`` is set. The OpenAPI document is built from the route's
``Dependant`` as before, so it does not change.

What the plan leans on beyond FastAPI's public API (``ModelField.validate``, ``serialize_response``,
the per-inclusion route context) is pinned by tests/kit/test_kit_route.py, which fails on an
upgrade that changes it.
"""

from __future__ import annotations

import copy
import email.message
import enum
import inspect
import json
from collections.abc import Callable, Coroutine
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from anyio import CancelScope
from fastapi import APIRouter, params
from fastapi import routing as fastapi_routing
from fastapi._body_limit import get_body_limit_error
from fastapi._compat import Undefined
from fastapi.datastructures import DefaultPlaceholder
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import get_missing_field_error, request_body_to_args
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute, serialize_response
from fastapi.utils import is_body_allowed_for_status_code
from pydantic import BaseModel, Json
from starlette.exceptions import HTTPException
from starlette.middleware.body_limit import MAX_BODY_SIZE_SCOPE_KEY
from starlette.requests import Request
from starlette.responses import Response

field_annotation_is_sequence: Callable[[Any], bool] | None
try:  # FastAPI's own rule for "a list parameter" (read with getlist)
    from fastapi._compat import field_annotation_is_sequence
except ImportError:  # pragma: no cover - a FastAPI without it: every route keeps FastAPI's handler
    field_annotation_is_sequence = None

# The route as included in the app (an ``APIRouter`` included with a prefix or dependencies gets
# its own Dependant): FastAPI sets it while it calls ``get_route_handler`` for that inclusion.
_INCLUDED = getattr(fastapi_routing, "_effective_route_context_var", None)

# Defaults FastAPI would deepcopy per request; for these the copy is the value itself.
_IMMUTABLE = (type(None), bool, int, float, str, bytes, Decimal, enum.Enum, frozenset)

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class KitRouter(APIRouter):
    """``APIRouter`` whose routes are ``KitRoute``s: every service's routers are made with it."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("route_class", KitRoute)
        super().__init__(**kwargs)


class KitRoute(APIRoute):
    """An ``APIRoute`` whose handler follows a plan made once (module docstring)."""

    def get_route_handler(self) -> Handler:
        standard = super().get_route_handler()
        route: Any = self
        if _INCLUDED is not None:
            included = _INCLUDED.get()
            if included is not None and included.original_route is self:
                route = included
        elif getattr(fastapi_routing, "_IncludedRouter", None) is not None:  # pragma: no cover
            return standard  # an inclusion we could not see: FastAPI's handler, always right
        plan = plan_for(route)
        if plan is None:
            return standard
        return plan.handler(standard)


@dataclass(frozen=True)
class _Param:
    name: str
    alias: str
    loc: tuple[str, str]
    model_field: Any
    sequence: bool
    required: bool
    default: Any
    copy_default: bool
    factory: bool
    validate_default: bool

    def read(self, received: Any, values: dict[str, Any], errors: list[Any]) -> None:
        """FastAPI's ``request_params_to_args`` for one plain parameter, step for step."""
        value = received.getlist(self.alias) if self.sequence else received.get(self.alias)
        if value is None or (self.sequence and len(value) == 0):
            if self.required:
                errors.append(get_missing_field_error(loc=self.loc))
                return
            if self.factory:
                default = copy.deepcopy(self.model_field.default)
            else:
                default = copy.deepcopy(self.default) if self.copy_default else self.default
            if not self.validate_default:
                values[self.name] = default
                return
            value = default
        result, problems = self.model_field.validate(value, values, loc=self.loc)
        if problems:
            errors.extend(problems)
        else:
            values[self.name] = result


@dataclass
class _Body:
    """A JSON body: read as get_request_handler reads it, validated by FastAPI's
    ``request_body_to_args`` after the parameters (so its errors come after theirs)."""

    fields: list[Any]
    embed: bool
    strict: bool
    # content-type header -> whether it is JSON (FastAPI parses the header with email.message).
    json_types: dict[str, bool] = field(default_factory=dict)

    def is_json(self, content_type: str) -> bool:
        known = self.json_types.get(content_type)
        if known is None:
            message = email.message.Message()
            message["content-type"] = content_type
            subtype = message.get_content_subtype()
            known = message.get_content_maintype() == "application" and (
                subtype == "json" or subtype.endswith("+json")
            )
            if len(self.json_types) < 100:
                self.json_types[content_type] = known
        return known

    async def read(self, request: Request, route: Any) -> Any:
        try:
            body: Any = Undefined
            body_bytes = await request.body()
            if body_bytes:
                json_body: Any = Undefined
                content_type = request.headers.get("content-type")
                if not content_type:
                    if not self.strict:
                        json_body = await request.json()
                elif self.is_json(content_type):
                    json_body = await request.json()
                body = json_body if json_body is not Undefined else body_bytes
            return body
        except json.JSONDecodeError as e:
            raise RequestValidationError(
                [
                    {
                        "type": "json_invalid",
                        "loc": ("body", e.pos),
                        "msg": "JSON decode error",
                        "input": {},
                        "ctx": {"error": e.msg},
                    }
                ],
                body=e.doc,
                endpoint_ctx=_endpoint_context(route, request),
            ) from e
        except HTTPException:
            raise
        except Exception as e:
            if MAX_BODY_SIZE_SCOPE_KEY in request.scope and (error := get_body_limit_error(e)):
                raise error from e
            raise HTTPException(status_code=400, detail="There was an error parsing the body") from e


@dataclass
class _Dependency:
    call: Callable[..., Any]
    name: str | None
    generator: bool
    request_names: tuple[str, ...]
    needs: list[_Dependency] = field(default_factory=list)
    use_cache: bool = True


@dataclass
class Plan:
    """What a request to one endpoint needs, worked out once."""

    call: Callable[..., Any]
    path_params: list[_Param]
    query_params: list[_Param]
    dependencies: list[_Dependency]
    request_names: tuple[str, ...]
    generators: bool
    route: Any
    response_args: dict[str, Any]
    overrides: Any
    body: _Body | None = None

    def handler(self, standard: Handler) -> Handler:
        route = self.route
        call = self.call
        path_params = self.path_params
        query_params = self.query_params
        dependencies = self.dependencies
        request_names = self.request_names
        overrides = self.overrides
        body_plan = self.body
        serialise = self._serialiser()

        async def solve(
            request: Request, values: dict[str, Any], stack: AsyncExitStack | None, body: Any
        ) -> None:
            solved: dict[Any, Any] = {}
            for dependency in dependencies:
                result = await _solve(dependency, request, stack, solved)
                if dependency.name is not None:
                    values[dependency.name] = result
            errors: list[Any] = []
            if path_params:
                received_path = request.path_params
                for param in path_params:
                    param.read(received_path, values, errors)
            if query_params:
                received = request.query_params
                for param in query_params:
                    param.read(received, values, errors)
            if body_plan is not None:
                body_values, body_errors = await request_body_to_args(
                    body_fields=body_plan.fields, received_body=body, embed_body_fields=body_plan.embed
                )
                values.update(body_values)
                errors.extend(body_errors)
            if errors:
                raise RequestValidationError(
                    errors,
                    body=None if body is Undefined else body,
                    endpoint_ctx=_endpoint_context(route, request),
                )
            for name in request_names:
                values[name] = request

        async def handle(request: Request) -> Response:
            if overrides is not None and getattr(overrides, "dependency_overrides", None):
                return await standard(request)
            values: dict[str, Any] = {}
            # The body is read before the dependencies, as FastAPI reads it: malformed JSON is
            # answered as such whoever sends it.
            body = Undefined if body_plan is None else await body_plan.read(request, route)
            if not self.generators:
                await solve(request, values, None, body)
                return await serialise(await call(**values), request)
            # The generators' exits (the unit of work's commit or rollback) run shielded from
            # cancellation, as FastAPI runs them: a transaction is never left half closed.
            with CancelScope() as cleanup:
                async with AsyncExitStack() as stack:
                    try:
                        await solve(request, values, stack, body)
                        raw = await call(**values)
                    finally:
                        cleanup.shield = True
            return await serialise(raw, request)

        return handle

    def _serialiser(self) -> Callable[[Any, Request], Coroutine[Any, Any, Response]]:
        route = self.route
        response_args = self.response_args
        response_class = route.response_class
        dump_json = route.response_field is not None and isinstance(response_class, DefaultPlaceholder)
        actual_class = (
            response_class.value if isinstance(response_class, DefaultPlaceholder) else response_class
        )

        async def serialise(raw: Any, request: Request) -> Response:
            # get_request_handler's tail for an endpoint that is not streaming.
            if isinstance(raw, Response):
                return raw
            content = await serialize_response(
                field=route.response_field,
                response_content=raw,
                include=route.response_model_include,
                exclude=route.response_model_exclude,
                by_alias=route.response_model_by_alias,
                exclude_unset=route.response_model_exclude_unset,
                exclude_defaults=route.response_model_exclude_defaults,
                exclude_none=route.response_model_exclude_none,
                is_coroutine=True,
                endpoint_ctx=_endpoint_context(route, request),
                dump_json=dump_json,
            )
            if dump_json:
                response = Response(content=content, media_type="application/json", **response_args)
            else:
                response = actual_class(content, **response_args)
            if not is_body_allowed_for_status_code(response.status_code):
                response.body = b""
            return response

        return serialise


async def _solve(
    dependency: _Dependency, request: Request, stack: AsyncExitStack | None, solved: dict[Any, Any]
) -> Any:
    if dependency.use_cache and dependency.call in solved:
        return solved[dependency.call]
    kwargs: dict[str, Any] = {}
    for need in dependency.needs:
        result = await _solve(need, request, stack, solved)
        if need.name is not None:
            kwargs[need.name] = result
    for name in dependency.request_names:
        kwargs[name] = request
    if dependency.generator:
        assert stack is not None
        result = await stack.enter_async_context(asynccontextmanager(dependency.call)(**kwargs))
    else:
        result = await dependency.call(**kwargs)
    solved.setdefault(dependency.call, result)
    return result


def _endpoint_context(route: Any, request: Request) -> Any:
    """What FastAPI names in a validation error's message (the endpoint's file, line, path)."""
    extract = getattr(fastapi_routing, "_extract_endpoint_context", None)
    if extract is None or route.dependant.call is None:  # pragma: no cover
        return None
    context = dict(extract(route.dependant.call))  # FastAPI's cached dict: not ours to change
    if route.dependant.path:
        mount_path = request.scope.get("root_path", "").rstrip("/")
        context["path"] = f"{request.method} {mount_path}{route.dependant.path}"
    return context


def plan_for(route: Any) -> Plan | None:
    """The plan for ``route`` (an ``APIRoute`` or FastAPI's context of one as included), or None
    when the endpoint needs something only FastAPI's own handler does."""
    if field_annotation_is_sequence is None:  # pragma: no cover
        return None
    dependant: Dependant = route.dependant
    call = dependant.call
    if call is None or not inspect.iscoroutinefunction(call):
        return None  # sync endpoints (threadpool) and generators (streaming)
    body = None
    if route.body_field is not None:
        if isinstance(route.body_field.field_info, params.Form):
            return None  # forms and files: FastAPI's handler
        strict = route.strict_content_type
        body = _Body(
            fields=list(dependant.body_params),
            embed=route._embed_body_fields,
            strict=strict.value if isinstance(strict, DefaultPlaceholder) else bool(strict),
        )
    if getattr(route, "is_sse_stream", False) or getattr(route, "is_json_stream", False):
        return None
    if getattr(route, "stream_item_field", None) is not None:
        return None
    if _has_unplanned_inputs(dependant, endpoint=True):
        return None
    path_params = [_param(f) for f in dependant.path_params]
    query_params = [_param(f) for f in dependant.query_params]
    if any(p is None for p in (*path_params, *query_params)):
        return None
    dependencies = []
    for sub in dependant.dependencies:
        planned = _dependency(sub)
        if planned is None:
            return None
        dependencies.append(planned)
    # FastAPI's _build_response_args with nothing set on a Response parameter (there is none).
    response_args: dict[str, Any] = {"background": None}
    if route.status_code:
        response_args["status_code"] = route.status_code
    return Plan(
        call=call,
        path_params=path_params,  # type: ignore[arg-type]
        query_params=query_params,  # type: ignore[arg-type]
        dependencies=dependencies,
        request_names=_request_names(dependant),
        generators=_any_generator(dependencies),
        route=route,
        response_args=response_args,
        overrides=route.dependency_overrides_provider,
        body=body,
    )


def _other_than_body(dependant: Dependant) -> bool:
    return bool(
        dependant.header_params
        or dependant.cookie_params
        or dependant.websocket_param_name
        or dependant.response_param_name
        or dependant.background_tasks_param_name
        or dependant.security_scopes_param_name
        or getattr(dependant, "concurrency", None) is not None
    )


def _request_names(dependant: Dependant) -> tuple[str, ...]:
    names = (dependant.request_param_name, dependant.http_connection_param_name)
    return tuple(name for name in names if name is not None)


def _any_generator(dependencies: list[_Dependency]) -> bool:
    return any(d.generator or _any_generator(d.needs) for d in dependencies)


def _has_unplanned_inputs(dependant: Dependant, *, endpoint: bool) -> bool:
    if endpoint:
        return _other_than_body(dependant)
    # A dependency's own parameters or body: FastAPI reads them for it; the plan does not.
    return bool(
        _other_than_body(dependant)
        or dependant.body_params
        or dependant.path_params
        or dependant.query_params
    )


def _dependency(dependant: Dependant) -> _Dependency | None:
    call = dependant.call
    if call is None or _has_unplanned_inputs(dependant, endpoint=False):
        return None
    if inspect.isasyncgenfunction(call):
        # Only "function" scope: exits before the answer is sent. A request-scoped generator
        # (exit after sending) keeps FastAPI's handler.
        if dependant.scope != "function":
            return None
        generator = True
    elif inspect.iscoroutinefunction(call) or (
        not inspect.isroutine(call)
        and not inspect.isclass(call)
        and inspect.iscoroutinefunction(getattr(call, "__call__", None))  # noqa: B004
    ):
        generator = False
    else:
        return None  # sync callables run in a thread: FastAPI's handler
    needs = []
    for sub in dependant.dependencies:
        planned = _dependency(sub)
        if planned is None:
            return None
        needs.append(planned)
    return _Dependency(
        call=call,
        name=dependant.name,
        generator=generator,
        request_names=_request_names(dependant),
        needs=needs,
        use_cache=dependant.use_cache,
    )


def _param(model_field: Any) -> _Param | None:
    info = model_field.field_info
    if not isinstance(info, params.Param) or not isinstance(info.validation_alias, str | None):
        return None  # alias choices or paths: FastAPI's handler
    config = model_field.config or {}
    if (
        config.get("validate_by_alias") is False
        or config.get("validate_by_name")
        or config.get("populate_by_name")
    ):
        return None  # the field's name accepted beside its alias: FastAPI's handler
    annotation = info.annotation
    if _mentions_model(annotation) or any(type(item) is Json for item in info.metadata):
        return None  # parameter models and JSON-in-a-parameter: FastAPI's handler
    factory = info.default_factory is not None
    default = None if factory else model_field.default
    alias = model_field.validation_alias or model_field.alias  # FastAPI's get_validation_alias
    return _Param(
        name=model_field.name,
        alias=alias,
        loc=(info.in_.value, alias),
        model_field=model_field,
        sequence=bool(field_annotation_is_sequence and field_annotation_is_sequence(annotation)),
        required=info.is_required(),
        default=default,
        copy_default=not isinstance(default, _IMMUTABLE),
        factory=factory,
        validate_default=bool(info.validate_default),
    )


def _mentions_model(annotation: Any) -> bool:
    if inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        return True
    return any(_mentions_model(arg) for arg in getattr(annotation, "__args__", ()) or ())
