from enum import StrEnum


class FundsBorrowerKind(StrEnum):
    LIFTED_OUT = "lifted_out"
    MONITORED = "monitored"

    def __str__(self) -> str:
        return str(self.value)
