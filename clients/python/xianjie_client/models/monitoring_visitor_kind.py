from enum import StrEnum


class MonitoringVisitorKind(StrEnum):
    CADRE = "cadre"
    RESPONSIBLE_HELPER = "responsible_helper"
    TOWN_SECRETARY = "town_secretary"

    def __str__(self) -> str:
        return str(self.value)
