from enum import StrEnum


class MonitoringHouseholdKind(StrEnum):
    LIFTED_OUT = "lifted_out"
    LOW_INCOME = "low_income"
    ORDINARY = "ordinary"

    def __str__(self) -> str:
        return str(self.value)
