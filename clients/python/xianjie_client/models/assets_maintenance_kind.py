from enum import StrEnum


class AssetsMaintenanceKind(StrEnum):
    INCIDENT = "incident"
    REPAIR = "repair"
    ROUTINE = "routine"

    def __str__(self) -> str:
        return str(self.value)
