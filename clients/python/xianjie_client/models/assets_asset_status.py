from enum import StrEnum


class AssetsAssetStatus(StrEnum):
    DISPOSED = "disposed"
    FORMED = "formed"
    HANDED_OVER = "handed_over"
    IN_OPERATION = "in_operation"
    OWNERSHIP_CONFIRMED = "ownership_confirmed"

    def __str__(self) -> str:
        return str(self.value)
