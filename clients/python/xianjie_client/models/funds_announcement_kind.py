from enum import StrEnum


class FundsAnnouncementKind(StrEnum):
    PLAN = "plan"
    RESULT = "result"

    def __str__(self) -> str:
        return str(self.value)
