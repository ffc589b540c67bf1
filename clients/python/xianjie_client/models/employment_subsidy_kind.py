from enum import StrEnum


class EmploymentSubsidyKind(StrEnum):
    SOCIAL_SECURITY = "social_security"
    TRAINING = "training"
    TRANSPORT = "transport"

    def __str__(self) -> str:
        return str(self.value)
