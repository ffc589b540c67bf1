from enum import StrEnum


class AssetsDisposalMethod(StrEnum):
    AUCTION = "auction"
    DONATION = "donation"
    LOSS = "loss"
    SCRAP = "scrap"
    TRANSFER = "transfer"

    def __str__(self) -> str:
        return str(self.value)
