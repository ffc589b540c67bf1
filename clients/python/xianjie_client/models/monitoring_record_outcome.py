from enum import StrEnum


class MonitoringRecordOutcome(StrEnum):
    ALREADY_DELIVERED = "already_delivered"
    DELIVERED = "delivered"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
