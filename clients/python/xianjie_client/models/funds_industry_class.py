from enum import StrEnum


class FundsIndustryClass(StrEnum):
    ADJUST = "adjust"
    CONSOLIDATE = "consolidate"
    REVIVE = "revive"
    UPGRADE = "upgrade"

    def __str__(self) -> str:
        return str(self.value)
