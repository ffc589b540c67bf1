from enum import StrEnum


class AssetsIdleRule(StrEnum):
    LOW_UTILISATION = "low_utilisation"
    NO_REVENUE = "no_revenue"

    def __str__(self) -> str:
        return str(self.value)
