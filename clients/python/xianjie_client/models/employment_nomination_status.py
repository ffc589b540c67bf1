from enum import StrEnum


class EmploymentNominationStatus(StrEnum):
    NOMINATED = "nominated"
    RECOGNISED = "recognised"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
