from enum import StrEnum


class MonitoringDepartureKind(StrEnum):
    DEATH = "death"
    MARRIAGE_OUT = "marriage_out"
    MOVE_OUT = "move_out"

    def __str__(self) -> str:
        return str(self.value)
