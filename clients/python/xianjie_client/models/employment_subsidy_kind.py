from enum import StrEnum


class EmploymentSubsidyKind(StrEnum):
    SOCIAL_SECURITY = "social_security"
    TAX_INCENTIVE = "tax_incentive"
    TRAINING = "training"
    TRANSPORT = "transport"

    def __str__(self) -> str:
        return str(self.value)
