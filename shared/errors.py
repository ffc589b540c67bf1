"""RFC 9457 problem details with stable machine codes and Chinese default text.

Raise an :class:`AppError` subclass anywhere below an endpoint; it is rendered once, here.
``Accept-Language: en`` asks for the English text.
"""

from __future__ import annotations

from typing import Any, ClassVar

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, IntegrityError
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


class ServiceUnavailable(AppError):
    status, code, title_zh, title_en = 503, "unavailable", "服务暂不可用", "Service unavailable"


def wants_english(request: Request) -> bool:
    return request.headers.get("accept-language", "").lower().startswith("en")


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
        instance=request.url.path,
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


def _sqlstate(exc: DBAPIError) -> str:
    """The PostgreSQL SQLSTATE behind a SQLAlchemy error (asyncpg's exception is the cause)."""
    orig = exc.orig
    return str(
        getattr(orig, "sqlstate", None) or getattr(getattr(orig, "__cause__", None), "sqlstate", "") or ""
    )


def install_error_handlers(app: FastAPI) -> None:
    async def on_app_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, AppError)
        english = wants_english(request)
        detail = (exc.detail_en or exc.detail_zh) if english else (exc.detail_zh or exc.detail_en)
        return problem_response(
            request,
            status=exc.status,
            code=exc.code,
            title=exc.title_en if english else exc.title_zh,
            detail=detail,
            errors=getattr(exc, "field_problems", None),
            headers=exc.headers or None,
            extra=exc.extra or None,
        )

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        english = wants_english(request)
        problems = _field_problems(exc, english)
        if any(p.type == "json_invalid" for p in problems):
            return problem_response(
                request,
                status=400,
                code="malformed_json",
                title="Malformed JSON" if english else "JSON 格式错误",
                errors=problems,
            )
        return problem_response(
            request,
            status=422,
            code=ValidationFailed.code,
            title=ValidationFailed.title_en if english else ValidationFailed.title_zh,
            errors=problems,
        )

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code, zh, en = _HTTP_CODES.get(exc.status_code, ("http_error", "请求失败", "Request failed"))
        return problem_response(
            request,
            status=exc.status_code,
            code=code,
            title=en if wants_english(request) else zh,
            headers=dict(exc.headers) if exc.headers else None,
        )

    async def on_integrity(request: Request, exc: Exception) -> JSONResponse:
        # The database is the last line of defence; its refusals are the caller's problem, not a 500.
        assert isinstance(exc, IntegrityError)
        sqlstate = getattr(exc.orig, "sqlstate", None) or getattr(
            getattr(exc.orig, "__cause__", None), "sqlstate", ""
        )
        constraint = getattr(getattr(exc.orig, "__cause__", None), "constraint_name", None)
        english = wants_english(request)
        if sqlstate == "23514":  # check_violation
            return problem_response(
                request,
                status=422,
                code="constraint_violated",
                title="Validation failed" if english else "数据不满足约束条件",
                detail=constraint,
                extra={"constraint": constraint} if constraint else None,
            )
        return problem_response(
            request,
            status=409,
            code="conflict",
            title="Conflict" if english else "与现有数据冲突",
            detail=constraint,
            extra={"constraint": constraint} if constraint else None,
        )

    async def on_database_error(request: Request, exc: Exception) -> JSONResponse:
        # A deadlock or serialization failure rolled the whole transaction back: nothing was written
        # and the same request may simply be sent again. Anything else is a real fault (500).
        assert isinstance(exc, DBAPIError)
        if _sqlstate(exc) in {"40P01", "40001"}:
            english = wants_english(request)
            return problem_response(
                request,
                status=503,
                code="retry",
                title="Busy, please retry" if english else "系统繁忙，请重试",
                detail="Nothing was saved." if english else "本次请求未保存任何数据",
                headers={"Retry-After": "1"},
            )
        if _sqlstate(exc).startswith("22"):
            # Class 22 (data exception): a value PostgreSQL cannot take — a NUL character, a number
            # out of range — that validation let through. The caller's input, so a 422, not a 500.
            english = wants_english(request)
            return problem_response(
                request,
                status=422,
                code="invalid_value",
                title="Invalid value" if english else "数据取值无效",
                detail="A value cannot be stored or searched as given."
                if english
                else "请求中的某个取值无法保存或查询",
            )
        return await on_unexpected(request, exc)

    async def on_stale(request: Request, exc: Exception) -> JSONResponse:
        # Two writers passed the If-Match check together; the version column let only one through.
        return await on_app_error(request, PreconditionFailed())

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The trace goes to our log (with the request id), never to the caller.
        log.error("unhandled_error", path=request.url.path, error_type=type(exc).__name__, exc_info=exc)
        english = wants_english(request)
        return problem_response(
            request,
            status=500,
            code="internal_error",
            title="Internal error" if english else "服务器内部错误",
            detail="The error was logged; quote the request id." if english else "错误已记录，请提供请求编号",
        )

    app.add_exception_handler(AppError, on_app_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(IntegrityError, on_integrity)
    app.add_exception_handler(DBAPIError, on_database_error)
    app.add_exception_handler(StaleDataError, on_stale)
    app.add_exception_handler(Exception, on_unexpected)


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
