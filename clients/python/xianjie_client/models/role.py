from enum import StrEnum


class Role(StrEnum):
    AUDITOR = "auditor"
    DEPARTMENT_OFFICER = "department_officer"
    DISTRICT_ADMIN = "district_admin"
    HELPER = "helper"
    INTEGRATOR = "integrator"
    TOWN_OFFICIAL = "town_official"
    VILLAGE_CADRE = "village_cadre"

    def __str__(self) -> str:
        return str(self.value)
