from enum import StrEnum


class MonitoringTeamRole(StrEnum):
    FIRST_SECRETARY = "first_secretary"
    MEMBER = "member"

    def __str__(self) -> str:
        return str(self.value)
