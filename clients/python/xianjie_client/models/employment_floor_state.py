from enum import StrEnum


class EmploymentFloorState(StrEnum):
    BREACHED = "breached"
    OK = "ok"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
