from enum import StrEnum


class FundsProjectCategory(StrEnum):
    EMPLOYMENT = "employment"
    INDUSTRY = "industry"
    INFRASTRUCTURE = "infrastructure"
    OTHER = "other"
    RELOCATION = "relocation"

    def __str__(self) -> str:
        return str(self.value)
