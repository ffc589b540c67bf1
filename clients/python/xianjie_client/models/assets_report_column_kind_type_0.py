from enum import StrEnum


class AssetsReportColumnKindType0(StrEnum):
    DATE = "date"
    DATETIME = "datetime"
    INT = "int"
    MONEY = "money"
    NUMBER = "number"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
