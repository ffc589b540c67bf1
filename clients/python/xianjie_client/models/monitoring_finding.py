from enum import StrEnum


class MonitoringFinding(StrEnum):
    DISMISSED = "dismissed"
    UPHELD = "upheld"

    def __str__(self) -> str:
        return str(self.value)
