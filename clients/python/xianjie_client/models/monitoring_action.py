from enum import StrEnum


class MonitoringAction(StrEnum):
    APPROVE = "approve"
    CLOSE_ELIMINATION_NOTICE = "close_elimination_notice"
    CLOSE_NOTICE = "close_notice"
    ELIMINATE_RISK = "eliminate_risk"
    HALT_ELIMINATION = "halt_elimination"
    MARK_SAFETY_NET = "mark_safety_net"
    OBJECT = "object"
    OBJECT_ELIMINATION = "object_elimination"
    POST_ELIMINATION_NOTICE = "post_elimination_notice"
    REJECT = "reject"
    START_ELIMINATION = "start_elimination"
    START_VERIFICATION = "start_verification"
    SUBMIT_ELIMINATION_REVIEW = "submit_elimination_review"
    SUBMIT_VILLAGE_REVIEW = "submit_village_review"
    TOWN_APPROVE = "town_approve"
    TOWN_APPROVE_ELIMINATION = "town_approve_elimination"
    VILLAGE_APPROVE = "village_approve"

    def __str__(self) -> str:
        return str(self.value)
