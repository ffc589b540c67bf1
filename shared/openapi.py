"""The kit's finishing touches on every component's OpenAPI document, so it says what the code does.

- Validation errors are answered as problem+json (shared.errors), not FastAPI's default JSON.
- An operation that documents 428 checks ``If-Match``: the header is declared, required except on
  PUT (an upsert: creating needs no version, changing does).
- A body that does not parse is a 400, on every operation that takes one.
- A decimal given as a string is digits (pydantic's schema says any string); a required text is
  more than white space (request strings are stripped before their length is checked).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI

from shared.errors import PROBLEM_MEDIA_TYPE

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "description": '上次读取时的 ETag（如 "3"）/ the ETag last read; "*" for any version',
    "schema": {"type": "string", "minLength": 1},
}
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def finish(document: dict[str, Any]) -> dict[str, Any]:
    for item in document.get("paths", {}).values():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            responses: dict[str, Any] = operation.setdefault("responses", {})
            if "requestBody" in operation and "400" not in responses:
                responses["400"] = {
                    "description": "请求体无法解析 / malformed body",
                    "content": {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}},
                }
            if "422" in responses:
                responses["422"]["content"] = {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_REF}}
            if "428" in responses:
                parameters: list[dict[str, Any]] = operation.setdefault("parameters", [])
                if not any(p.get("name", "").lower() == "if-match" for p in parameters):
                    # On an upsert the header is optional, and an empty one is no header.
                    schema = {"type": "string"} if method == "put" else IF_MATCH["schema"]
                    parameters.append({**IF_MATCH, "schema": schema, "required": method != "put"})
    schemas = document.get("components", {}).get("schemas", {})
    for node in _nodes(document):
        _tighten_decimal(node)
    # Request bodies are stripped of white space before their length is checked; query strings not.
    for node in _nodes(schemas):
        _tighten_text(node)
    # Nothing answers with FastAPI's default validation body any more.
    if not _mentions(document.get("paths", {}), "#/components/schemas/HTTPValidationError"):
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
    return document


DECIMAL_STRING = r"^-?\d+(\.\d+)?$"


def _tighten_decimal(node: dict[str, Any]) -> None:
    options = node.get("anyOf")
    if not isinstance(options, list):
        return
    numbers = [o for o in options if isinstance(o, dict) and o.get("type") == "number"]
    if not numbers:
        return
    number = numbers[0]
    pattern = DECIMAL_STRING
    if number.get("exclusiveMinimum") == 0:
        pattern = r"^(?=[0.]*[1-9])\d+(\.\d+)?$"  # above zero, as the number's bound
    elif number.get("minimum") == 0:
        pattern = r"^\d+(\.\d+)?$"
    pattern = _bounded(number) or _whole_digits(number, pattern) or pattern
    for option in options:
        free_text = isinstance(option, dict) and option.get("type") == "string"
        if free_text and "pattern" not in option and "format" not in option:
            option["pattern"] = pattern


def _bounded(number: dict[str, Any]) -> str | None:
    """The decimal string of a quantity with a small whole maximum (a ratio ≤ 1, latitude ≤ 90,
    hours ≤ 1000), written out so the string form carries the number's bounds too; None where the
    bounds are not of that shape (the unbounded pattern then stands)."""
    low, above = number.get("minimum"), number.get("exclusiveMinimum")
    top, reached = number.get("maximum"), True
    if top is None:
        top, reached = number.get("exclusiveMaximum"), False
    if not isinstance(top, int | float) or top != int(top) or not 0 < top <= 1000:
        return None
    top = int(top)
    signed = low is not None and low == -top
    if not signed and low != 0 and above != 0:
        return None
    below = "|".join(str(whole) for whole in range(top))
    at_top = rf"|{top}(\.0+)?" if reached else ""
    sign = "-?" if signed else ""
    positive = "(?=[0.]*[1-9])" if above == 0 else ""
    return rf"^{sign}{positive}0*(({below})(\.\d+)?{at_top})$"


def _whole_digits(number: dict[str, Any], pattern: str) -> str | None:
    """A quantity below a power of ten (``lt=10**k``: the column's digits before the point), as a
    string: at most k whole digits after any leading zeros; None for other bounds."""
    top = number.get("exclusiveMaximum")
    if not isinstance(top, int | float) or top < 10 or top != int(top):
        return None
    digits = len(str(int(top))) - 1
    if 10**digits != int(top) or r"\d+(\.\d+)?$" not in pattern:
        return None
    return pattern.replace(r"\d+(\.\d+)?$", rf"0*\d{{1,{digits}}}(\.\d+)?$")


def _tighten_text(node: dict[str, Any]) -> None:
    plain_text = node.get("type") == "string" and not ({"pattern", "format", "enum"} & node.keys())
    if plain_text and node.get("minLength"):
        node["pattern"] = r"\S"


def _nodes(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        return [node] + [n for v in node.values() for n in _nodes(v)]
    if isinstance(node, list):
        return [n for v in node for n in _nodes(v)]
    return []


def _mentions(node: Any, ref: str) -> bool:
    if isinstance(node, dict):
        return node.get("$ref") == ref or any(_mentions(v, ref) for v in node.values())
    if isinstance(node, list):
        return any(_mentions(v, ref) for v in node)
    return False


def install(app: FastAPI) -> None:
    """Wrap ``app.openapi``: FastAPI's document (built once and cached by FastAPI), finished once."""
    build = app.openapi
    finished: list[dict[str, Any]] = []

    def openapi() -> dict[str, Any]:
        if not finished:
            finished.append(finish(build()))
        return finished[0]

    setter: Callable[..., Any] = setattr
    setter(app, "openapi", openapi)
