from enum import StrEnum


class MonitoringRiskCause(StrEnum):
    ACCIDENT = "accident"
    BUSINESS_FAILURE = "business_failure"
    DISABILITY = "disability"
    DISASTER = "disaster"
    DRINKING_WATER = "drinking_water"
    HOUSING = "housing"
    ILLNESS = "illness"
    LACK_OF_LABOUR = "lack_of_labour"
    MEDICAL_INSURANCE = "medical_insurance"
    OTHER = "other"
    SCHOOLING = "schooling"
    UNSTABLE_WORK = "unstable_work"

    def __str__(self) -> str:
        return str(self.value)
