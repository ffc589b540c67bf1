from enum import StrEnum


class EmploymentNominationTier(StrEnum):
    NATIONAL = "national"
    PROVINCIAL = "provincial"

    def __str__(self) -> str:
        return str(self.value)
