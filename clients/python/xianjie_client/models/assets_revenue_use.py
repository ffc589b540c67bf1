from enum import StrEnum


class AssetsRevenueUse(StrEnum):
    COLLECTIVE_REINVESTMENT = "collective_reinvestment"
    MONITORED_HOUSEHOLD_ASSISTANCE = "monitored_household_assistance"
    PUBLIC_WELFARE_POSTS = "public_welfare_posts"
    SMALL_PUBLIC_WORKS = "small_public_works"

    def __str__(self) -> str:
        return str(self.value)
