from enum import StrEnum


class AssetsRowResultStatus(StrEnum):
    ACCEPTED = "accepted"
    REFUSED = "refused"
    UNCHANGED = "unchanged"

    def __str__(self) -> str:
        return str(self.value)
