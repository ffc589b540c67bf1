from enum import StrEnum


class EmploymentTrainingProgram(StrEnum):
    HIGH_QUALITY_FARMER = "high_quality_farmer"
    SKILLS = "skills"
    TOUYAN = "touyan"
    YULU_PLUS = "yulu_plus"

    def __str__(self) -> str:
        return str(self.value)
