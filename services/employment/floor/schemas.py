from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from services.employment.models import FloorState, WorkPlace


class TownCount(BaseModel):
    town_code: str
    town_name: str | None
    employed: int


class PlaceCount(BaseModel):
    place: WorkPlace
    place_label: str
    employed: int


class FloorOut(BaseModel):
    """务工就业规模：the count on a date against the floor (district-wide unless filtered by town)."""

    as_of: date
    town_code: str | None = Field(description="按乡镇筛选时的乡镇代码；为空表示全区")
    employed: int
    floor: int = Field(description="底线人数（全区）")
    warning_margin: int = Field(description="预警区间：底线以上此人数以内即预警")
    state: FloorState | None = Field(description="全区状态（仅全区口径给出）")
    state_label: str | None
    by_town: list[TownCount]
    by_place: list[PlaceCount]


class MonthPoint(BaseModel):
    month: str = Field(examples=["2025-03"])
    as_of: date = Field(description="统计日（月末；当月为今天）")
    employed: int
    by_place: dict[WorkPlace, int]


class FloorSeries(BaseModel):
    """Dashboard-ready monthly trend (看板): one point per month, floor lines included."""

    town_code: str | None
    floor: int
    warning_line: int = Field(description="预警线 = 底线 + 预警区间")
    place_labels: dict[WorkPlace, str]
    points: list[MonthPoint]


class FloorCheck(BaseModel):
    as_of: date
    state: FloorState
    state_label: str
