from enum import StrEnum


class MonitoringHealth(StrEnum):
    CHRONIC = "chronic"
    DISABLED = "disabled"
    HEALTHY = "healthy"
    SERIOUS_ILLNESS = "serious_illness"

    def __str__(self) -> str:
        return str(self.value)
