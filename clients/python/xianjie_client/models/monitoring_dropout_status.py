from enum import StrEnum


class MonitoringDropoutStatus(StrEnum):
    CLOSED = "closed"
    FOLLOWING = "following"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
