from enum import StrEnum


class FundsFundSource(StrEnum):
    CENTRAL = "central"
    CENTRAL_LOTTERY = "central_lottery"
    DISTRICT = "district"
    PROVINCIAL = "provincial"

    def __str__(self) -> str:
        return str(self.value)
