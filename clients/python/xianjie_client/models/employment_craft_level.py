from enum import StrEnum


class EmploymentCraftLevel(StrEnum):
    CRAFTSMAN = "craftsman"
    NATIONAL_MASTER = "national_master"
    PROVINCIAL_MASTER = "provincial_master"

    def __str__(self) -> str:
        return str(self.value)
