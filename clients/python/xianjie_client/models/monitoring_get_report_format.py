from enum import StrEnum


class MonitoringGetReportFormat(StrEnum):
    JSON = "json"
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
