from enum import StrEnum


class AssetsValuationKind(StrEnum):
    DEPRECIATION = "depreciation"
    REVALUATION = "revaluation"

    def __str__(self) -> str:
        return str(self.value)
