"""Reading one file upload (multipart/form-data) as it arrives, so the file streams to the store.

FastAPI's ``UploadFile`` would first spool the whole file to a temporary file; here the body is
parsed chunk by chunk (python-multipart's streaming parser) and the file part's bytes are handed to
a consumer as an async iterator while the request is still coming in. The small text fields may come
before or after the file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect

from shared.errors import AppError, ValidationFailed

T = TypeVar("T")
MAX_FIELD_BYTES = 4000
MAX_PARTS = 10


class MultipartRequired(AppError):
    status, code = 415, "multipart_required"
    title_zh, title_en = "上传文件须使用 multipart/form-data", "multipart/form-data required"


class MalformedUpload(AppError):
    status, code = 400, "malformed_upload"
    title_zh, title_en = "上传内容格式错误", "Malformed multipart body"


class IncompleteUpload(AppError):
    status, code = 400, "upload_incomplete"
    title_zh, title_en = "上传未完成（连接中断或内容被截断）", "Upload incomplete (truncated body)"


@dataclass
class _Part:
    headers: dict[str, bytes] = field(default_factory=dict)
    name: str = ""
    file_name: str | None = None


@dataclass
class _Event:
    kind: str  # "headers" (a part begins, with its headers), "data", "end" (of the part)
    part: _Part | None = None
    data: bytes = b""


@dataclass
class Received:
    fields: dict[str, str]
    file_name: str | None
    stored: Any  # what the file consumer returned


def _boundary(request: Request) -> bytes:
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise MultipartRequired()
    return boundary


async def _events(request: Request) -> AsyncIterator[_Event]:
    """The parts of the body as events, produced while the body streams in."""
    pending: list[_Event] = []
    current = _Part()
    header_field, header_value = bytearray(), bytearray()
    finished = False

    def on_part_begin() -> None:
        nonlocal current
        current = _Part()

    def on_header_field(data: bytes, start: int, end: int) -> None:
        header_field.extend(data[start:end])

    def on_header_value(data: bytes, start: int, end: int) -> None:
        header_value.extend(data[start:end])

    def on_header_end() -> None:
        # Raw bytes: browsers send UTF-8 file names in Content-Disposition (decoded below).
        current.headers[header_field.decode("latin-1").lower()] = bytes(header_value)
        header_field.clear()
        header_value.clear()

    def on_headers_finished() -> None:
        _, options = parse_options_header(current.headers.get("content-disposition", b""))
        current.name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" in options:
            current.file_name = options[b"filename"].decode("utf-8", "replace")
        pending.append(_Event("headers", part=current))

    def on_part_data(data: bytes, start: int, end: int) -> None:
        pending.append(_Event("data", data=bytes(data[start:end])))

    def on_part_end() -> None:
        pending.append(_Event("end"))

    def on_end() -> None:
        nonlocal finished
        finished = True

    parser = MultipartParser(
        _boundary(request),
        {
            "on_part_begin": on_part_begin,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
            "on_part_data": on_part_data,
            "on_part_end": on_part_end,
            "on_end": on_end,
        },
    )
    try:
        async for chunk in request.stream():
            if chunk:
                parser.write(chunk)
            while pending:
                yield pending.pop(0)
    except ClientDisconnect as exc:
        raise IncompleteUpload() from exc
    except MultipartParseError as exc:
        raise MalformedUpload() from exc
    if not finished:
        raise IncompleteUpload()


async def receive_one_file(
    request: Request,
    consume: Callable[[str | None, AsyncIterator[bytes]], Awaitable[T]],
    *,
    file_field: str = "file",
) -> Received:
    """Stream the body: text fields are collected (bounded), the one file part named ``file_field``
    goes to ``consume(file_name, chunks)`` as it arrives. ``consume`` must read its chunks to the end
    (or raise). Refuses a second file, unknown file fields and oversized text fields."""
    fields: dict[str, str] = {}
    file_name: str | None = None
    stored: Any = None
    seen_file = False
    parts = 0
    events = _events(request)

    async def file_chunks() -> AsyncIterator[bytes]:
        async for event in events:
            if event.kind == "end":
                return
            yield event.data
        raise IncompleteUpload()

    async for event in events:
        if event.kind != "headers" or event.part is None:
            continue
        part = event.part
        parts += 1
        if parts > MAX_PARTS:
            raise ValidationFailed(part.name or "form", "表单字段过多", "too many form parts")
        if part.file_name is not None or part.name == file_field:
            if part.name != file_field or seen_file:
                raise ValidationFailed(part.name or file_field, "只能上传一个文件", "one file per upload")
            seen_file = True
            file_name = part.file_name
            stored = await consume(file_name, file_chunks())
            continue
        value = bytearray()
        async for data in events:
            if data.kind == "end":
                break
            value.extend(data.data)
            if len(value) > MAX_FIELD_BYTES:
                raise ValidationFailed(part.name, "字段内容过长", "field too long")
        if part.name in fields:
            raise ValidationFailed(part.name, "字段重复", "field given twice")
        fields[part.name] = value.decode("utf-8", "replace")
    if not seen_file:
        raise ValidationFailed(file_field, "缺少上传的文件", "a file is required")
    return Received(fields=fields, file_name=file_name, stored=stored)
