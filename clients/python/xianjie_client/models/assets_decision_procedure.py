from enum import StrEnum


class AssetsDecisionProcedure(StrEnum):
    FOUR_DISCUSSIONS_TWO_PUBLICATIONS = "four_discussions_two_publications"
    OTHER = "other"
    VILLAGERS_ASSEMBLY = "villagers_assembly"

    def __str__(self) -> str:
        return str(self.value)
