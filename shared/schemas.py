"""Base pydantic models and value types used by every API (no domain words here)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

# Money is yuan as a decimal string with two places ("8600.00") in every API and event;
# NUMERIC(16, 2) in the database; Decimal in Python. Never float.
Money = Annotated[
    Decimal,
    Field(max_digits=16, decimal_places=2, examples=["8600.00"]),
    PlainSerializer(lambda v: f"{v:.2f}", return_type=str, when_used="json"),
]
NonNegativeMoney = Annotated[Money, Field(ge=0)]
PositiveMoney = Annotated[Money, Field(gt=0)]

TownCode = Annotated[str, Field(pattern=r"^\d{9}$", examples=["419001100"], description="乡镇（街道）代码")]
VillageCode = Annotated[
    str, Field(pattern=r"^\d{12}$", examples=["419001100201"], description="村（社区）代码")
]


class InputModel(BaseModel):
    """Request bodies: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class OutputModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)
