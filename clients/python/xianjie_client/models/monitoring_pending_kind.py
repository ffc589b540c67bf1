from enum import StrEnum


class MonitoringPendingKind(StrEnum):
    ALERT_WAITING = "alert_waiting"
    IDENTIFICATION_OVERDUE = "identification_overdue"
    LONG_RUNNING_UNROUTED = "long_running_unrouted"

    def __str__(self) -> str:
        return str(self.value)
