from enum import StrEnum


class FundsOwnerKind(StrEnum):
    HOUSEHOLD = "household"
    OTHER = "other"
    VILLAGE_COLLECTIVE = "village_collective"

    def __str__(self) -> str:
        return str(self.value)
