from enum import StrEnum


class MonitoringHousingGrade(StrEnum):
    A = "a"
    B = "b"
    C = "c"
    D = "d"

    def __str__(self) -> str:
        return str(self.value)
