from enum import StrEnum


class FundsCorrectionKind(StrEnum):
    ALLOCATION = "allocation"
    PAYMENT = "payment"
    REPAYMENT = "repayment"

    def __str__(self) -> str:
        return str(self.value)
