from enum import StrEnum


class MonitoringGroupBy(StrEnum):
    KIND = "kind"
    RISK_CAUSE = "risk_cause"
    STATUS = "status"
    SUBTYPE = "subtype"

    def __str__(self) -> str:
        return str(self.value)
