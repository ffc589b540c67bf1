from enum import StrEnum


class EmploymentWorkerStatus(StrEnum):
    EMPLOYED = "employed"
    UNEMPLOYED = "unemployed"

    def __str__(self) -> str:
        return str(self.value)
