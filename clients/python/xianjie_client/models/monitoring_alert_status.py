from enum import StrEnum


class MonitoringAlertStatus(StrEnum):
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    OPEN = "open"
    VERIFYING = "verifying"

    def __str__(self) -> str:
        return str(self.value)
