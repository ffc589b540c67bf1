from enum import StrEnum


class AssetsLifecycleAction(StrEnum):
    CONFIRM_OWNERSHIP = "confirm_ownership"
    CORRECT = "correct"
    DISPOSE = "dispose"
    HAND_OVER = "hand_over"
    REGISTER = "register"
    START_OPERATION = "start_operation"

    def __str__(self) -> str:
        return str(self.value)
