from enum import StrEnum


class MonitoringGraduateNextStep(StrEnum):
    EMPLOYED = "employed"
    ENLISTED = "enlisted"
    FURTHER_STUDY = "further_study"
    OTHER = "other"
    SEEKING = "seeking"

    def __str__(self) -> str:
        return str(self.value)
