from enum import StrEnum


class MonitoringNoticeProcedure(StrEnum):
    ELIMINATION = "elimination"
    INCLUSION = "inclusion"

    def __str__(self) -> str:
        return str(self.value)
