from enum import StrEnum


class EmploymentRowResultStatus(StrEnum):
    ACCEPTED = "accepted"
    REFUSED = "refused"
    UNCHANGED = "unchanged"

    def __str__(self) -> str:
        return str(self.value)
