from enum import StrEnum


class FundsIndicatorKind(StrEnum):
    BENEFIT = "benefit"
    OUTPUT = "output"
    SATISFACTION = "satisfaction"

    def __str__(self) -> str:
        return str(self.value)
