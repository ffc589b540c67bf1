"""RFC 9457 problem details with stable machine codes and Chinese default text.

Raise an :class:`AppError` subclass anywhere below an endpoint; it is rendered once, here.
``Accept-Language: en`` asks for the English text.
"""

from __future__ import annotations

import functools
import re
from typing import Any, ClassVar

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = structlog.get_logger("xianjie.errors")


class FieldProblem(BaseModel):
    field: str
    message: str
    type: str


class Problem(BaseModel):
    """RFC 9457 problem details, as every error of the suite is answered."""

    type: str
    title: str
    status: int
    code: str
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldProblem] | None = None


class AppError(Exception):
    """Base of every error we answer on purpose. Subclasses set status, code and titles."""

    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad_request"
    title_zh: ClassVar[str] = "请求有误"
    title_en: ClassVar[str] = "Bad request"

    def __init__(self, detail_zh: str | None = None, detail_en: str | None = None, **extra: Any) -> None:
        super().__init__(detail_en or detail_zh or self.title_en)
        self.detail_zh = detail_zh
        self.detail_en = detail_en
        self.extra = extra
        self.headers: dict[str, str] = {}
        self.field_problems: list[FieldProblem] | None = None


class Unauthorized(AppError):
    status, code, title_zh, title_en = 401, "unauthorized", "未认证或令牌无效", "Not authenticated"


class Forbidden(AppError):
    status, code, title_zh, title_en = 403, "forbidden", "无权执行此操作", "Not allowed"


class NotFound(AppError):
    status, code, title_zh, title_en = 404, "not_found", "资源不存在", "Not found"


class Conflict(AppError):
    status, code, title_zh, title_en = 409, "conflict", "与现有数据冲突", "Conflict"


class InvalidTransition(AppError):
    status, code, title_zh, title_en = (
        409,
        "invalid_transition",
        "当前状态不允许此操作",
        "Transition not allowed",
    )


class IdempotencyKeyReused(AppError):
    status, code = 422, "idempotency_key_reused"
    title_zh, title_en = "幂等键已用于不同的请求", "Idempotency-Key was used with a different request"


class PreconditionFailed(AppError):
    status, code, title_zh, title_en = 412, "stale_version", "数据已被他人修改，请刷新后重试", "Stale version"


class PreconditionRequired(AppError):
    status, code = 428, "if_match_required"
    title_zh, title_en = "修改需要 If-Match 版本头", "If-Match header required"


class PayloadTooLarge(AppError):
    status, code, title_zh, title_en = 413, "payload_too_large", "请求体过大", "Payload too large"


class ValidationFailed(AppError):
    status, code, title_zh, title_en = 422, "validation_failed", "数据校验未通过", "Validation failed"

    def __init__(self, field: str, message_zh: str, message_en: str | None = None) -> None:
        super().__init__(message_zh, message_en)
        self.field_problems = [FieldProblem(field=field, message=message_zh, type=self.code)]


class InvalidRequest(AppError):
    """The request's fields did not validate; ``field_problems`` names each."""

    status, code, title_zh, title_en = 422, "validation_failed", "数据校验未通过", "Validation failed"


class ServiceUnavailable(AppError):
    status, code, title_zh, title_en = 503, "unavailable", "服务暂不可用", "Service unavailable"


def wants_english(request: Request) -> bool:
    return request.headers.get("accept-language", "").lower().startswith("en")


# Set by the gateway on what it forwards ("/api/monitoring"): the part of the path it took off.
FORWARDED_PREFIX_HEADER = "X-Forwarded-Prefix"
_PREFIX = re.compile(r"^/api/[a-z][a-z0-9_-]{0,39}$")


def caller_path(request: Request) -> str:
    """The path the caller used: behind the gateway, with the gateway's prefix put back."""
    return caller_prefix(request) + request.url.path


def caller_prefix(request: Request) -> str:
    """The gateway's prefix of this service ("/api/monitoring"), or "" when called directly."""
    prefix = request.headers.get(FORWARDED_PREFIX_HEADER, "")
    return prefix if _PREFIX.match(prefix) else ""


def problem_response(
    request: Request,
    *,
    status: int,
    code: str,
    title: str,
    detail: str | None = None,
    errors: list[FieldProblem] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body = Problem(
        type=f"urn:xianjie:problem:{code}",
        title=title,
        status=status,
        code=code,
        detail=detail,
        instance=caller_path(request),
        request_id=getattr(request.state, "request_id", None),
        errors=errors,
    ).model_dump(exclude_none=True)
    if extra:
        body.update(extra)
    request_id = body.get("request_id")
    if request_id:
        # Also on answers made outside the request-id middleware (unhandled errors are rendered there).
        headers = {"X-Request-ID": request_id, **(headers or {})}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


# Chinese text for the validation errors people actually meet; anything else keeps pydantic's text.
_VALIDATION_ZH = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不允许的字段",
    "json_invalid": "JSON 格式错误",
    "string_too_short": "内容过短",
    "string_too_long": "内容过长",
    "string_pattern_mismatch": "格式不正确",
    "greater_than_equal": "数值过小",
    "greater_than": "数值过小",
    "less_than_equal": "数值过大",
    "less_than": "数值过大",
    "enum": "不是允许的取值",
    "literal_error": "不是允许的取值",
    "uuid_parsing": "不是有效的 UUID",
    "date_from_datetime_parsing": "不是有效的日期",
    "date_parsing": "不是有效的日期",
    "decimal_parsing": "不是有效的金额",
    "int_parsing": "不是有效的整数",
    "model_attributes_type": "应为 JSON 对象",
    "dict_type": "应为 JSON 对象",
}


def _field_problems(exc: RequestValidationError, english: bool) -> list[FieldProblem]:
    problems = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        typ = str(err.get("type", "invalid"))
        msg = str(err.get("msg", "")) if english else _VALIDATION_ZH.get(typ, str(err.get("msg", "")))
        problems.append(FieldProblem(field=".".join(loc), message=msg, type=typ))
    return problems


_HTTP_CODES = {
    400: ("bad_request", "请求有误", "Bad request"),
    401: ("unauthorized", "未认证或令牌无效", "Not authenticated"),
    403: ("forbidden", "无权执行此操作", "Not allowed"),
    404: ("not_found", "资源不存在", "Not found"),
    405: ("method_not_allowed", "不支持此请求方法", "Method not allowed"),
    406: ("not_acceptable", "无法提供所需格式", "Not acceptable"),
    413: ("payload_too_large", "请求体过大", "Payload too large"),
    415: ("unsupported_media_type", "不支持的内容类型", "Unsupported media type"),
    429: ("rate_limited", "请求过于频繁，请稍后再试", "Too many requests"),
}


class MalformedJson(AppError):
    status, code, title_zh, title_en = 400, "malformed_json", "JSON 格式错误", "Malformed JSON"


class ConstraintViolated(AppError):
    status, code, title_zh, title_en = 422, "constraint_violated", "数据不满足约束条件", "Validation failed"


class InvalidValue(AppError):
    status, code, title_zh, title_en = 422, "invalid_value", "数据取值无效", "Invalid value"


class RetryLater(AppError):
    status, code, title_zh, title_en = 503, "retry", "系统繁忙，请重试", "Busy, please retry"


class InternalError(AppError):
    status, code, title_zh, title_en = 500, "internal_error", "服务器内部错误", "Internal error"


def _sqlstate(exc: DBAPIError) -> str:
    """The PostgreSQL SQLSTATE behind a SQLAlchemy error (asyncpg's exception is the cause)."""
    orig = exc.orig
    return str(
        getattr(orig, "sqlstate", None) or getattr(getattr(orig, "__cause__", None), "sqlstate", "") or ""
    )


# How long a caller should wait before retrying after the database went away: a restart or a
# fail-over to the replica takes seconds; the pool's pre-ping reconnects on the next request.
DATABASE_RETRY_AFTER_SECONDS = 2
# SQLSTATE classes meaning "no database to talk to": 08 connection exception, 57P01-57P05 (admin or
# crash shutdown, cannot connect now, idle timeout), 53300 too many connections.
_UNAVAILABLE_SQLSTATES = ("08", "57P", "53300")


def _database_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) says the database cannot be reached right now.

    SQLAlchemy wraps some of these (OperationalError, InterfaceError, a pool timeout) and lets
    others through bare (asyncpg's ConnectionRefusedError on connect), so the chain is walked.
    """
    import asyncpg

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, PoolTimeout | ConnectionError):
            return True
        if isinstance(current, TimeoutError) and _raised_by_driver(current):
            return True  # the driver's connect timeout: a server that does not answer at all
        # asyncpg's own "connection is closed" (its other InterfaceErrors are our bugs: a 500).
        if isinstance(current, asyncpg.exceptions.InterfaceError) and "closed" in str(current):
            return True
        if isinstance(current, DBAPIError) and (
            current.connection_invalidated or _sqlstate(current).startswith(_UNAVAILABLE_SQLSTATES)
        ):
            return True
        sqlstate = str(getattr(current, "sqlstate", "") or "")
        if sqlstate.startswith(_UNAVAILABLE_SQLSTATES):
            return True
        nested = getattr(current, "orig", None) if isinstance(current, DBAPIError) else None
        current = nested or current.__cause__ or current.__context__
    return False


def _raised_by_driver(exc: BaseException) -> bool:
    import traceback

    return any("/asyncpg/" in frame.filename for frame in traceback.extract_tb(exc.__traceback__))


def _retry_when_database_returns() -> AppError:
    # Whether a commit cut short went through cannot be known here: a write sent again with the
    # same Idempotency-Key is answered from its stored result if it did, so retrying is safe.
    error = RetryLater(
        "数据库暂时无法连接，请稍后重试（写请求请带同一个 Idempotency-Key 重发）",
        "The database cannot be reached right now; retry later (send writes again with the same "
        "Idempotency-Key).",
    )
    error.headers["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    return error


def _from_validation(exc: RequestValidationError, english: bool) -> AppError:
    problems = _field_problems(exc, english)
    error = MalformedJson() if any(p.type == "json_invalid" for p in problems) else InvalidRequest()
    error.field_problems = problems
    return error


def _from_integrity(exc: IntegrityError) -> AppError:
    # The database is the last line of defence; its refusals are the caller's problem, not a 500.
    constraint = getattr(getattr(exc.orig, "__cause__", None), "constraint_name", None)
    extra = {"constraint": constraint} if constraint else {}
    if _sqlstate(exc) == "23514":  # check_violation
        return ConstraintViolated(constraint, constraint, **extra)
    return Conflict(constraint, constraint, **extra)


def _from_database(exc: DBAPIError) -> AppError | None:
    """A database refusal the caller can act on; None for a real fault (a 500)."""
    sqlstate = _sqlstate(exc)
    if sqlstate in {"40P01", "40001"}:
        # A deadlock or serialization failure rolled the whole transaction back: nothing was written
        # and the same request may simply be sent again.
        error = RetryLater("本次请求未保存任何数据", "Nothing was saved.")
        error.headers["Retry-After"] = "1"
        return error
    if sqlstate.startswith("22"):
        # Class 22 (data exception): a value PostgreSQL cannot take — a NUL character, a number out
        # of range — that validation let through. The caller's input, so a 422, not a 500.
        return InvalidValue(
            "请求中的某个取值无法保存或查询", "A value cannot be stored or searched as given."
        )
    return None


def _as_app_error(request: Request, exc: Exception) -> AppError:
    if isinstance(exc, AppError):
        return exc
    if isinstance(exc, RequestValidationError):
        return _from_validation(exc, wants_english(request))
    if isinstance(exc, IntegrityError):
        return _from_integrity(exc)
    if isinstance(exc, StaleDataError):
        # Two writers passed the If-Match check together; the version column let only one through.
        return PreconditionFailed()
    if isinstance(exc, DBAPIError) and (error := _from_database(exc)) is not None:
        return error
    if _database_unavailable(exc):
        log.warning("database_unavailable", path=request.url.path, error_type=type(exc).__name__)
        return _retry_when_database_returns()
    # The trace goes to our log (with the request id), never to the caller.
    log.error("unhandled_error", path=request.url.path, error_type=type(exc).__name__, exc_info=exc)
    return InternalError("错误已记录，请提供请求编号", "The error was logged; quote the request id.")


def _documented_resource(request: Request) -> tuple[str, str] | None:
    """(path template, its methods) of the most specific documented path the request's path is.

    FastAPI makes one route per method and the router's own 405 names only the first route's
    methods; the OpenAPI document has them all, per path.
    """
    openapi = getattr(request.app, "openapi", None)
    if openapi is None:
        return None
    path = request.url.path
    best: tuple[int, str, str] | None = None
    for template, item in openapi().get("paths", {}).items():
        if not _template_regex(template).match(path):
            continue
        fixed = sum(1 for part in template.split("/") if part and not part.startswith("{"))
        methods = {m.upper() for m in item if m in {"get", "put", "post", "delete", "patch"}}
        if "GET" in methods:
            methods.add("HEAD")
        if best is None or fixed > best[0]:
            best = (fixed, template, ", ".join(sorted(methods)))
    return (best[1], best[2]) if best else None


@functools.cache
def _template_regex(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$")


def allowed_methods(request: Request) -> str:
    resource = _documented_resource(request)
    return resource[1] if resource else ""


def _literal_path_methods(request: Request, exc: RequestValidationError) -> str:
    """ "/alerts/department-batches" read as "/alerts/{alert_id}" (its id did not parse): the methods
    of the resource the path really names, if the request's method is not one of them."""
    if not any(tuple(e.get("loc", ()))[:1] == ("path",) for e in exc.errors()):
        return ""
    resource = _documented_resource(request)
    current = getattr(request.scope.get("route"), "path", None)
    if resource is None or resource[0] == current:
        return ""
    return resource[1]


async def _render(request: Request, exc: Exception) -> JSONResponse:
    english = wants_english(request)
    if isinstance(exc, StarletteHTTPException):  # routing: no such path, method not allowed, ...
        code, zh, en = _HTTP_CODES.get(exc.status_code, ("http_error", "请求失败", "Request failed"))
        headers = dict(exc.headers) if exc.headers else {}
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request) or headers.get("Allow", "")
        return problem_response(
            request,
            status=exc.status_code,
            code=code,
            title=en if english else zh,
            headers=headers or None,
        )
    if isinstance(exc, RequestValidationError) and (allow := _literal_path_methods(request, exc)):
        # "/alerts/department-batches" read as "/alerts/{alert_id}": the path names another
        # resource, which does not take this method.
        code, zh, en = _HTTP_CODES[405]
        return problem_response(
            request, status=405, code=code, title=en if english else zh, headers={"Allow": allow}
        )
    error = _as_app_error(request, exc)
    detail = (error.detail_en or error.detail_zh) if english else (error.detail_zh or error.detail_en)
    return problem_response(
        request,
        status=error.status,
        code=error.code,
        title=error.title_en if english else error.title_zh,
        detail=detail,
        errors=error.field_problems,
        headers=error.headers or None,
        extra=error.extra or None,
    )


def install_error_handlers(app: FastAPI) -> None:
    """Every error becomes one problem+json answer; anything unforeseen a logged 500."""
    for kind in (
        AppError,
        RequestValidationError,
        StarletteHTTPException,
        IntegrityError,
        DBAPIError,
        StaleDataError,
        Exception,
    ):
        app.add_exception_handler(kind, _render)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for an endpoint, so the OpenAPI document names its problem answers."""
    described = {
        400: "JSON 格式错误 / malformed request",
        401: "未认证 / not authenticated",
        403: "无权限 / forbidden",
        404: "不存在或不在数据范围内 / not found or outside your scope",
        409: "冲突或状态不允许 / conflict",
        412: "版本过期 / stale version",
        413: "请求体过大 / payload too large",
        422: "校验未通过 / validation failed",
        428: "需要 If-Match / If-Match required",
        500: "服务器内部错误 / internal error",
        503: "暂不可用，请稍后重试 / unavailable, retry later",
    }
    return {
        s: {
            "model": Problem,
            "description": described.get(s, "problem"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for s in statuses
    }
