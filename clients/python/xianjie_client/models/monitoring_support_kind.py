from enum import StrEnum


class MonitoringSupportKind(StrEnum):
    DEPARTMENT = "department"
    ENTERPRISE = "enterprise"
    LEADER = "leader"

    def __str__(self) -> str:
        return str(self.value)
