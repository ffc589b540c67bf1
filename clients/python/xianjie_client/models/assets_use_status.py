from enum import StrEnum


class AssetsUseStatus(StrEnum):
    DAMAGED = "damaged"
    IDLE = "idle"
    IN_USE = "in_use"

    def __str__(self) -> str:
        return str(self.value)
