"""Base pydantic models and value types used by every API (no domain words here)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Annotated, Any, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

# Money is yuan as a decimal string with two places ("8600.00") in every API and event;
# NUMERIC(16, 2) in the database; Decimal in Python. Never float. Requests may also give a whole
# number of yuan (8600); a JSON fraction (8600.5) is refused: it was a float somewhere. The
# published schema says exactly what is accepted, so a generated client is never refused.
_MONEY_DIGITS = r"\d{1,14}(\.\d{1,2})?"
MONEY_PATTERN = rf"^-?{_MONEY_DIGITS}$"
NON_NEGATIVE_MONEY_PATTERN = rf"^{_MONEY_DIGITS}$"
POSITIVE_MONEY_PATTERN = rf"^(?=[0.]*[1-9]){_MONEY_DIGITS}$"  # some digit other than 0
_MONEY_MAX_WHOLE = 10**14 - 1


def _money_check(pattern: str) -> BeforeValidator:
    compiled = re.compile(pattern)

    def check(value: Any) -> Any:
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError('金额应为字符串，如 "8600.00"')
            value = int(value)  # 8600.0 is the JSON integer 8600
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MONEY_MAX_WHOLE:
            raise ValueError("金额超出范围")
        if isinstance(value, str) and not compiled.match(value):
            raise ValueError('金额应为最多两位小数的数字字符串，如 "8600.00"')
        return value

    return BeforeValidator(check)


def _money_schema(pattern: str, minimum: int) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": pattern, "examples": ["8600.00"]},
                {"type": "integer", "minimum": minimum, "maximum": _MONEY_MAX_WHOLE},
            ],
            "description": "金额（元），最多两位小数的字符串 / yuan as a decimal string",
        },
        mode="validation",
    )


_money_out = PlainSerializer(lambda v: f"{v:.2f}", return_type=str, when_used="json")
# The digits are checked on what callers send (above); a total the service adds up may be larger.
_money_digits = Field(examples=["8600.00"])
Money = Annotated[
    Decimal,
    _money_digits,
    _money_check(MONEY_PATTERN),
    _money_out,
    _money_schema(MONEY_PATTERN, -_MONEY_MAX_WHOLE),
]
NonNegativeMoney = Annotated[
    Decimal,
    _money_digits,
    Field(ge=0),
    _money_check(NON_NEGATIVE_MONEY_PATTERN),
    _money_out,
    _money_schema(NON_NEGATIVE_MONEY_PATTERN, 0),
]
PositiveMoney = Annotated[
    Decimal,
    _money_digits,
    Field(gt=0),
    _money_check(POSITIVE_MONEY_PATTERN),
    _money_out,
    _money_schema(POSITIVE_MONEY_PATTERN, 1),
]


def _iso_only(value: Any) -> Any:
    # pydantic also reads 0 or 1.5 as a Unix time; the API promises ISO 8601 ("2026-03-02").
    if isinstance(value, int | float) or (isinstance(value, str) and not _ISO_START.match(value)):
        raise ValueError("日期应为 ISO 8601 格式，如 2026-03-02")
    return value


_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")
# A date or time given in a query: ISO 8601 only, as the OpenAPI document says.
IsoDate = Annotated[date, BeforeValidator(_iso_only)]
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_only)]

TownCode = Annotated[str, Field(pattern=r"^\d{9}$", examples=["419001100"], description="乡镇（街道）代码")]
VillageCode = Annotated[
    str, Field(pattern=r"^\d{12}$", examples=["419001100201"], description="村（社区）代码")
]


class InputModel(BaseModel):
    """Request bodies: unknown fields are an error, not silently dropped; dates and times are
    ISO 8601 strings and yes/no is true/false, as the OpenAPI document says (pydantic would also
    read 0 as 1970-01-01, or as false)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _values_as_documented(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for name, info in cls.model_fields.items():
                key = info.alias or name
                value = data.get(key)
                numeric = isinstance(value, int | float) and not isinstance(value, bool)
                if numeric and _is_temporal(info.annotation):
                    raise ValueError(f"{name}：日期应为 ISO 8601 格式，如 2026-03-02")
                if numeric and _is_kind(info.annotation, bool):
                    raise ValueError(f"{name}：应为 true 或 false")
                whole = _is_kind(info.annotation, int) and not _is_kind(info.annotation, bool)
                if isinstance(value, bool) and whole:
                    raise ValueError(f"{name}：应为整数")
                places = _decimal_places(info.metadata)
                if places is not None and value is not None and _is_kind(info.annotation, Decimal):
                    data = {**data, key: _below_bound(quantize(value, places), value, info.metadata, places)}
        return data


def quantize(value: Any, places: int) -> Any:
    """A measured quantity (GPS, hours, a ratio) given with more places than it keeps is rounded
    to them (half to even), not refused: the document cannot say "at most 6 places" of a JSON
    number, and the extra digits carry no meaning. Money is not a quantity: it is refused instead.
    A value above zero never rounds to zero (a bound "more than 0" holds for what was sent)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return value
    try:
        number = Decimal(str(value).strip())
    except ArithmeticError:
        return value
    if not number.is_finite():
        return value
    step = Decimal(1).scaleb(-places)
    try:
        rounded = number.quantize(step, rounding=ROUND_HALF_EVEN)
    except ArithmeticError:  # far too large to keep these places: the field's bounds refuse it
        return value
    # A positive quantity stays positive: below the smallest step it is that step, not zero.
    return step.copy_sign(number) if rounded == 0 and number != 0 else rounded


def _below_bound(rounded: Any, sent: Any, metadata: list[Any], places: int) -> Any:
    """A quantity sent below the field's upper bound stays below it when rounded (99999999.999 under
    "less than 10^8" is 99999999.99, not a refusal the document could not foresee)."""
    if not isinstance(rounded, Decimal):
        return rounded
    try:
        number = Decimal(str(sent).strip())
    except ArithmeticError:
        return rounded
    step = Decimal(1).scaleb(-places)
    for item in metadata:
        below = getattr(item, "lt", None)
        if isinstance(below, int | float | Decimal) and number < Decimal(str(below)) <= rounded:
            return (Decimal(str(below)) - step).quantize(step, rounding=ROUND_FLOOR)
        upto = getattr(item, "le", None)
        if isinstance(upto, int | float | Decimal) and number <= Decimal(str(upto)) < rounded:
            return Decimal(str(upto)).quantize(step, rounding=ROUND_FLOOR)
    return rounded


def _decimal_places(metadata: list[Any]) -> int | None:
    for item in metadata:
        places = getattr(item, "decimal_places", None)
        if isinstance(places, int):
            return places
    return None


def _is_temporal(annotation: Any) -> bool:
    return _is_kind(annotation, date) or _is_kind(annotation, datetime)


def _is_kind(annotation: Any, kind: type) -> bool:
    if annotation is kind:
        return True
    return any(_is_kind(arg, kind) for arg in get_args(annotation))


class OutputModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)
