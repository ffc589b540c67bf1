from enum import StrEnum


class AssetsAssetKind(StrEnum):
    HOUSEHOLD = "household"
    OPERATING = "operating"
    PUBLIC_WELFARE = "public_welfare"

    def __str__(self) -> str:
        return str(self.value)
