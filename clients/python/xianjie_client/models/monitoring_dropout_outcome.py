from enum import StrEnum


class MonitoringDropoutOutcome(StrEnum):
    OVER_AGE = "over_age"
    RETURNED = "returned"
    SPECIAL_EDUCATION = "special_education"

    def __str__(self) -> str:
        return str(self.value)
