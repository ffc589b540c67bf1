from enum import StrEnum


class FundsLinkKind(StrEnum):
    DIVIDENDS = "dividends"
    PURCHASE = "purchase"
    WAGES = "wages"

    def __str__(self) -> str:
        return str(self.value)
