from enum import StrEnum


class AssetsAssetOrigin(StrEnum):
    IMPORTED = "imported"
    PROJECT = "project"
    REGISTERED = "registered"

    def __str__(self) -> str:
        return str(self.value)
