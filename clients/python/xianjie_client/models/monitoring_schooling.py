from enum import StrEnum


class MonitoringSchooling(StrEnum):
    COMPULSORY = "compulsory"
    HIGHER = "higher"
    HIGH_SCHOOL = "high_school"
    NOT_APPLICABLE = "not_applicable"
    OUT_OF_SCHOOL = "out_of_school"
    PRESCHOOL = "preschool"

    def __str__(self) -> str:
        return str(self.value)
