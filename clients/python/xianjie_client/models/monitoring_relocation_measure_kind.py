from enum import StrEnum


class MonitoringRelocationMeasureKind(StrEnum):
    COMMUNITY = "community"
    EMPLOYMENT = "employment"
    INDUSTRY = "industry"

    def __str__(self) -> str:
        return str(self.value)
