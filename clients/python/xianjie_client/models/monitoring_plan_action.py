from enum import StrEnum


class MonitoringPlanAction(StrEnum):
    ADD = "add"
    CREATE = "create"
    DELIVER = "deliver"
    END = "end"
    REPLACE = "replace"

    def __str__(self) -> str:
        return str(self.value)
