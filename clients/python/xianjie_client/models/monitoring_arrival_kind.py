from enum import StrEnum


class MonitoringArrivalKind(StrEnum):
    BIRTH = "birth"
    MARRIAGE_IN = "marriage_in"
    MOVE_IN = "move_in"

    def __str__(self) -> str:
        return str(self.value)
