from enum import StrEnum


class MonitoringWaterSiteStatus(StrEnum):
    COMPLETED = "completed"
    PLANNED = "planned"
    UNDER_CONSTRUCTION = "under_construction"

    def __str__(self) -> str:
        return str(self.value)
