from enum import StrEnum


class MonitoringSubtype(StrEnum):
    MARGINAL = "marginal"
    SUDDEN_HARDSHIP = "sudden_hardship"
    UNSTABLE = "unstable"

    def __str__(self) -> str:
        return str(self.value)
