from enum import StrEnum


class MonitoringHouseholdStatus(StrEnum):
    DISTRICT_APPROVAL = "district_approval"
    INCLUDED = "included"
    NOT_MONITORED = "not_monitored"
    PUBLIC_NOTICE = "public_notice"
    RISK_ELIMINATED = "risk_eliminated"
    SAFETY_NET = "safety_net"
    TOWN_REVIEW = "town_review"
    VERIFYING = "verifying"
    VILLAGE_REVIEW = "village_review"

    def __str__(self) -> str:
        return str(self.value)
