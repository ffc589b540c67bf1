from enum import StrEnum


class MonitoringEvidenceKind(StrEnum):
    CONSENT = "consent"
    NOTICE_PHOTO = "notice_photo"
    OTHER = "other"
    REVIEW_MINUTES = "review_minutes"
    VISIT_PHOTO = "visit_photo"

    def __str__(self) -> str:
        return str(self.value)
