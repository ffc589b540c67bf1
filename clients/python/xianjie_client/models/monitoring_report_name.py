from enum import StrEnum


class MonitoringReportName(StrEnum):
    DATA_QUALITY = "data-quality"
    HELPER_COVERAGE = "helper-coverage"
    HELPER_MISSING = "helper-missing"
    HOUSEHOLDS = "households"
    IDENTIFICATION_OVERDUE = "identification-overdue"
    LACKING_DEVELOPMENTAL = "lacking-developmental"
    LONG_RUNNING = "long-running"
    POLICY_AWARENESS = "policy-awareness"

    def __str__(self) -> str:
        return str(self.value)
