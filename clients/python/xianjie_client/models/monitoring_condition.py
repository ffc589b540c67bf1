from enum import StrEnum


class MonitoringCondition(StrEnum):
    DRINKING_WATER_SAFE = "drinking_water_safe"
    HOUSING_SAFE = "housing_safe"
    INCOME_ABOVE_LINE = "income_above_line"
    MEASURE_DELIVERED = "measure_delivered"
    MEDICAL_INSURANCE_SECURED = "medical_insurance_secured"
    MONITORED_LONG_ENOUGH = "monitored_long_enough"
    NOT_LIVING_ON_TRANSFERS = "not_living_on_transfers"
    RISK_CAUSES_RESOLVED = "risk_causes_resolved"
    SCHOOLING_SECURED = "schooling_secured"

    def __str__(self) -> str:
        return str(self.value)
