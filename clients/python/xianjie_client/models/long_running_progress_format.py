from enum import StrEnum


class LongRunningProgressFormat(StrEnum):
    JSON = "json"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
