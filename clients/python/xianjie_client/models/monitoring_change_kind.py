from enum import StrEnum


class MonitoringChangeKind(StrEnum):
    BIRTH = "birth"
    CANCELLATION = "cancellation"
    DEATH = "death"
    MARRIAGE_IN = "marriage_in"
    MARRIAGE_OUT = "marriage_out"
    MERGE = "merge"
    MOVE_IN = "move_in"
    MOVE_OUT = "move_out"
    SPLIT = "split"

    def __str__(self) -> str:
        return str(self.value)
