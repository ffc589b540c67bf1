from enum import StrEnum


class FundsLoanStatus(StrEnum):
    ACTIVE = "active"
    OVERDUE = "overdue"
    REPAID = "repaid"

    def __str__(self) -> str:
        return str(self.value)
