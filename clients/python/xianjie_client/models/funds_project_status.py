from enum import StrEnum


class FundsProjectStatus(StrEnum):
    ACCEPTED = "accepted"
    APPROVED = "approved"
    COMPLETED = "completed"
    HANDED_OVER = "handed_over"
    IN_LIBRARY = "in_library"
    IN_PROGRESS = "in_progress"
    IN_REVIEW = "in_review"
    PLANNED = "planned"
    PROPOSED = "proposed"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
