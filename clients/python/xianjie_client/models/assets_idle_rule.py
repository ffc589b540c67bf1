from enum import StrEnum


class AssetsIdleRule(StrEnum):
    LOW_UTILISATION = "low_utilisation"
    NOT_IN_USE = "not_in_use"
    NO_REVENUE = "no_revenue"

    def __str__(self) -> str:
        return str(self.value)
