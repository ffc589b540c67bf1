from enum import StrEnum


class FundsReportName(StrEnum):
    CHECKPOINT_PROGRESS = "checkpoint-progress"
    FUND_USE = "fund-use"
    PIPELINE = "pipeline"

    def __str__(self) -> str:
        return str(self.value)
