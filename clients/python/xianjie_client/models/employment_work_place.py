from enum import StrEnum


class EmploymentWorkPlace(StrEnum):
    IN_COUNTY = "in_county"
    IN_PROVINCE = "in_province"
    OUT_OF_PROVINCE = "out_of_province"

    def __str__(self) -> str:
        return str(self.value)
