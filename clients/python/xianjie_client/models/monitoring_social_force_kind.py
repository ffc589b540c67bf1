from enum import StrEnum


class MonitoringSocialForceKind(StrEnum):
    ENTERPRISE = "enterprise"
    INDUSTRY_ADVISER = "industry_adviser"
    SOCIAL_ORGANISATION = "social_organisation"
    TECH_COMMISSIONER = "tech_commissioner"

    def __str__(self) -> str:
        return str(self.value)
