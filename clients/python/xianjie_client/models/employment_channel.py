from enum import StrEnum


class EmploymentChannel(StrEnum):
    ASSISTANCE_WORKSHOP = "assistance_workshop"
    ORGANISED = "organised"
    OTHER = "other"
    PUBLIC_WELFARE_POST = "public_welfare_post"
    SELF_EMPLOYED = "self_employed"
    SELF_FOUND = "self_found"

    def __str__(self) -> str:
        return str(self.value)
