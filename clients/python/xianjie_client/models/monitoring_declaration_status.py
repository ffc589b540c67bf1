from enum import StrEnum


class MonitoringDeclarationStatus(StrEnum):
    ALERTED = "alerted"
    DISMISSED = "dismissed"
    WAITING = "waiting"

    def __str__(self) -> str:
        return str(self.value)
