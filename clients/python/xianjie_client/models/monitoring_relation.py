from enum import StrEnum


class MonitoringRelation(StrEnum):
    CHILD = "child"
    GRANDCHILD = "grandchild"
    HEAD = "head"
    OTHER = "other"
    PARENT = "parent"
    SPOUSE = "spouse"

    def __str__(self) -> str:
        return str(self.value)
