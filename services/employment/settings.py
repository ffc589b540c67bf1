from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from shared.settings import ServiceSettings


class EmploymentSettings(ServiceSettings):
    """稳岗就业 — settings (env: XIANJIE_EMPLOYMENT_* then XIANJIE_*)."""

    component: ClassVar[str] = "employment"
    port: int = 8002

    # 脱贫劳动力务工就业规模稳定在 2155 人以上 (2025 work plan); used by the headcount reports.
    employment_floor: int = Field(default=2155, ge=0)
    # Departments whose systems (integrator accounts) push and sync worker data: HR (人社).
    hr_departments: list[str] = Field(default_factory=lambda: ["人社局"])
