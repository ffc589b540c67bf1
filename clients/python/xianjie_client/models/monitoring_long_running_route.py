from enum import StrEnum


class MonitoringLongRunningRoute(StrEnum):
    ELIMINATE = "eliminate"
    REFINE_PLAN = "refine_plan"
    SAFETY_NET = "safety_net"

    def __str__(self) -> str:
        return str(self.value)
