from enum import StrEnum


class MonitoringInsuranceSubsidy(StrEnum):
    FIXED = "fixed"
    FULL = "full"
    NONE = "none"
    PARTIAL = "partial"

    def __str__(self) -> str:
        return str(self.value)
