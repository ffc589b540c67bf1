from enum import StrEnum


class MonitoringEliminationStage(StrEnum):
    DISTRICT_APPROVAL = "district_approval"
    HOUSEHOLD_CHECK = "household_check"
    PUBLIC_NOTICE = "public_notice"
    TOWN_REVIEW = "town_review"
    VILLAGE_REVIEW = "village_review"

    def __str__(self) -> str:
        return str(self.value)
