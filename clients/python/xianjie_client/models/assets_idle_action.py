from enum import StrEnum


class AssetsIdleAction(StrEnum):
    CHANGE_USE = "change_use"
    DISPOSE = "dispose"
    REVITALISE = "revitalise"

    def __str__(self) -> str:
        return str(self.value)
