from enum import StrEnum


class MonitoringRouteFilter(StrEnum):
    ELIMINATE = "eliminate"
    REFINE_PLAN = "refine_plan"
    SAFETY_NET = "safety_net"
    UNROUTED = "unrouted"

    def __str__(self) -> str:
        return str(self.value)
