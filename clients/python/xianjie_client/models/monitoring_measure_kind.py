from enum import StrEnum


class MonitoringMeasureKind(StrEnum):
    DEVELOPMENTAL = "developmental"
    SAFETY_NET = "safety_net"

    def __str__(self) -> str:
        return str(self.value)
