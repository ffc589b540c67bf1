from enum import StrEnum


class FundsIndustryFlagKind(StrEnum):
    BUSINESS_FAILING = "business_failing"
    LINK_BROKEN = "link_broken"

    def __str__(self) -> str:
        return str(self.value)
