from enum import StrEnum


class MonitoringDeclarationProgress(StrEnum):
    INCLUDED = "included"
    NOT_INCLUDED = "not_included"
    RECEIVED = "received"
    VERIFYING = "verifying"

    def __str__(self) -> str:
        return str(self.value)
