from enum import StrEnum


class MonitoringAidKind(StrEnum):
    LIVING_ALLOWANCE = "living_allowance"
    NATIONAL_GRANT = "national_grant"
    OTHER = "other"
    STUDENT_LOAN = "student_loan"
    TUITION_WAIVER = "tuition_waiver"
    YULU = "yulu"

    def __str__(self) -> str:
        return str(self.value)
