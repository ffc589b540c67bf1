from enum import StrEnum


class MonitoringCancellationCause(StrEnum):
    DIED_OUT = "died_out"
    MOVED_AWAY = "moved_away"

    def __str__(self) -> str:
        return str(self.value)
