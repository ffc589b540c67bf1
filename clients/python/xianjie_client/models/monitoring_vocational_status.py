from enum import StrEnum


class MonitoringVocationalStatus(StrEnum):
    ENROLLED = "enrolled"
    GRADUATED = "graduated"
    LEFT = "left"

    def __str__(self) -> str:
        return str(self.value)
