from enum import StrEnum


class MonitoringAlertSource(StrEnum):
    CADRE_VISIT = "cadre_visit"
    DEPARTMENT = "department"
    EVENT = "event"
    SELF_DECLARED = "self_declared"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
