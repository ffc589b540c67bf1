from enum import StrEnum


class MonitoringRenovationStatus(StrEnum):
    CLOSED = "closed"
    COMPLETED = "completed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
