"""Contains all the data models used in inputs/outputs"""

from .assets_approval import AssetsApproval
from .assets_asset_card import AssetsAssetCard
from .assets_asset_create import AssetsAssetCreate
from .assets_asset_kind import AssetsAssetKind
from .assets_asset_out import AssetsAssetOut
from .assets_asset_status import AssetsAssetStatus
from .assets_asset_update import AssetsAssetUpdate
from .assets_confirm_ownership import AssetsConfirmOwnership
from .assets_decision_procedure import AssetsDecisionProcedure
from .assets_disposal_method import AssetsDisposalMethod
from .assets_dispose import AssetsDispose
from .assets_distribution_create import AssetsDistributionCreate
from .assets_distribution_out import AssetsDistributionOut
from .assets_document import AssetsDocument
from .assets_hand_over import AssetsHandOver
from .assets_idle_action import AssetsIdleAction
from .assets_idle_flag_out import AssetsIdleFlagOut
from .assets_idle_rule import AssetsIdleRule
from .assets_lifecycle_action import AssetsLifecycleAction
from .assets_lifecycle_step_out import AssetsLifecycleStepOut
from .assets_lifecycle_step_out_details_type_0 import AssetsLifecycleStepOutDetailsType0
from .assets_lifecycle_step_out_documents_item import AssetsLifecycleStepOutDocumentsItem
from .assets_maintenance_create import AssetsMaintenanceCreate
from .assets_maintenance_kind import AssetsMaintenanceKind
from .assets_maintenance_out import AssetsMaintenanceOut
from .assets_monthly_create import AssetsMonthlyCreate
from .assets_monthly_out import AssetsMonthlyOut
from .assets_operation_totals_out import AssetsOperationTotalsOut
from .assets_owner_kind import AssetsOwnerKind
from .assets_parked_event import AssetsParkedEvent
from .assets_parked_event_envelope import AssetsParkedEventEnvelope
from .assets_proposal_in import AssetsProposalIn
from .assets_pv_station_in import AssetsPvStationIn
from .assets_pv_station_out import AssetsPvStationOut
from .assets_replay_result import AssetsReplayResult
from .assets_report import AssetsReport
from .assets_report_column import AssetsReportColumn
from .assets_report_rows_item import AssetsReportRowsItem
from .assets_revenue_use import AssetsRevenueUse
from .assets_screening_request import AssetsScreeningRequest
from .assets_screening_result import AssetsScreeningResult
from .assets_share_in import AssetsShareIn
from .assets_share_out import AssetsShareOut
from .assets_source_project_out import AssetsSourceProjectOut
from .assets_source_project_out_fund_shares_item import AssetsSourceProjectOutFundSharesItem
from .assets_start_operation import AssetsStartOperation
from .assets_summary_format import AssetsSummaryFormat
from .body_token import BodyToken
from .client_create import ClientCreate
from .client_created import ClientCreated
from .client_out import ClientOut
from .employment_body_import_updates import EmploymentBodyImportUpdates
from .employment_channel import EmploymentChannel
from .employment_floor_check import EmploymentFloorCheck
from .employment_floor_out import EmploymentFloorOut
from .employment_floor_series import EmploymentFloorSeries
from .employment_floor_series_place_labels import EmploymentFloorSeriesPlaceLabels
from .employment_floor_state import EmploymentFloorState
from .employment_headcount_report import EmploymentHeadcountReport
from .employment_holding_create import EmploymentHoldingCreate
from .employment_holding_end import EmploymentHoldingEnd
from .employment_holding_out import EmploymentHoldingOut
from .employment_import_report import EmploymentImportReport
from .employment_job_loss import EmploymentJobLoss
from .employment_job_support_out import EmploymentJobSupportOut
from .employment_month_point import EmploymentMonthPoint
from .employment_month_point_by_place import EmploymentMonthPointByPlace
from .employment_parked_event import EmploymentParkedEvent
from .employment_parked_event_envelope import EmploymentParkedEventEnvelope
from .employment_place_count import EmploymentPlaceCount
from .employment_post_create import EmploymentPostCreate
from .employment_post_out import EmploymentPostOut
from .employment_replay_result import EmploymentReplayResult
from .employment_row_problem import EmploymentRowProblem
from .employment_row_result import EmploymentRowResult
from .employment_row_result_status import EmploymentRowResultStatus
from .employment_spell_create import EmploymentSpellCreate
from .employment_spell_out import EmploymentSpellOut
from .employment_subsidy_create import EmploymentSubsidyCreate
from .employment_subsidy_kind import EmploymentSubsidyKind
from .employment_subsidy_out import EmploymentSubsidyOut
from .employment_subsidy_total import EmploymentSubsidyTotal
from .employment_subsidy_totals import EmploymentSubsidyTotals
from .employment_town_count import EmploymentTownCount
from .employment_town_headcount import EmploymentTownHeadcount
from .employment_training_create import EmploymentTrainingCreate
from .employment_training_out import EmploymentTrainingOut
from .employment_training_program import EmploymentTrainingProgram
from .employment_work_place import EmploymentWorkPlace
from .employment_worker_create import EmploymentWorkerCreate
from .employment_worker_out import EmploymentWorkerOut
from .employment_worker_status import EmploymentWorkerStatus
from .field_problem import FieldProblem
from .funds_acceptance_create import FundsAcceptanceCreate
from .funds_actual_in import FundsActualIn
from .funds_allocation_create import FundsAllocationCreate
from .funds_allocation_out import FundsAllocationOut
from .funds_announcement_create import FundsAnnouncementCreate
from .funds_announcement_kind import FundsAnnouncementKind
from .funds_announcement_out import FundsAnnouncementOut
from .funds_assessment_create import FundsAssessmentCreate
from .funds_assessment_out import FundsAssessmentOut
from .funds_asset_in import FundsAssetIn
from .funds_asset_kind import FundsAssetKind
from .funds_borrower_kind import FundsBorrowerKind
from .funds_checkpoint_report import FundsCheckpointReport
from .funds_elevated_review_create import FundsElevatedReviewCreate
from .funds_evaluation_create import FundsEvaluationCreate
from .funds_fund_create import FundsFundCreate
from .funds_fund_out import FundsFundOut
from .funds_fund_progress import FundsFundProgress
from .funds_fund_source import FundsFundSource
from .funds_fund_update import FundsFundUpdate
from .funds_get_report_format import FundsGetReportFormat
from .funds_indicator_in import FundsIndicatorIn
from .funds_indicator_kind import FundsIndicatorKind
from .funds_indicator_out import FundsIndicatorOut
from .funds_industry_share import FundsIndustryShare
from .funds_loan_create import FundsLoanCreate
from .funds_loan_out import FundsLoanOut
from .funds_loan_status import FundsLoanStatus
from .funds_overdue_report import FundsOverdueReport
from .funds_owner_kind import FundsOwnerKind
from .funds_parked_event import FundsParkedEvent
from .funds_parked_event_envelope import FundsParkedEventEnvelope
from .funds_payment_create import FundsPaymentCreate
from .funds_payment_out import FundsPaymentOut
from .funds_progress import FundsProgress
from .funds_project_asset_out import FundsProjectAssetOut
from .funds_project_category import FundsProjectCategory
from .funds_project_create import FundsProjectCreate
from .funds_project_dossier import FundsProjectDossier
from .funds_project_out import FundsProjectOut
from .funds_project_progress import FundsProjectProgress
from .funds_project_status import FundsProjectStatus
from .funds_project_update import FundsProjectUpdate
from .funds_public_announcement import FundsPublicAnnouncement
from .funds_public_project import FundsPublicProject
from .funds_repayment_create import FundsRepaymentCreate
from .funds_repayment_out import FundsRepaymentOut
from .funds_replay_result import FundsReplayResult
from .funds_report import FundsReport
from .funds_report_column import FundsReportColumn
from .funds_report_name import FundsReportName
from .funds_report_rows_item import FundsReportRowsItem
from .funds_step_create import FundsStepCreate
from .funds_step_out import FundsStepOut
from .funds_targets_set import FundsTargetsSet
from .funds_town_overdue import FundsTownOverdue
from .funds_town_progress import FundsTownProgress
from .healthz_response_healthz import HealthzResponseHealthz
from .idle_format import IdleFormat
from .jwks import Jwks
from .jwks_keys_item import JwksKeysItem
from .long_running_households_format import LongRunningHouseholdsFormat
from .long_running_progress_format import LongRunningProgressFormat
from .me_out import MeOut
from .microcredit_coverage_format import MicrocreditCoverageFormat
from .monitoring_action import MonitoringAction
from .monitoring_add_measure import MonitoringAddMeasure
from .monitoring_alert_create import MonitoringAlertCreate
from .monitoring_alert_out import MonitoringAlertOut
from .monitoring_alert_source import MonitoringAlertSource
from .monitoring_alert_status import MonitoringAlertStatus
from .monitoring_amendment_out import MonitoringAmendmentOut
from .monitoring_arrival_in import MonitoringArrivalIn
from .monitoring_arrival_kind import MonitoringArrivalKind
from .monitoring_batch_report import MonitoringBatchReport
from .monitoring_body_import_households import MonitoringBodyImportHouseholds
from .monitoring_cancellation_cause import MonitoringCancellationCause
from .monitoring_cancellation_in import MonitoringCancellationIn
from .monitoring_change_kind import MonitoringChangeKind
from .monitoring_change_out import MonitoringChangeOut
from .monitoring_change_result import MonitoringChangeResult
from .monitoring_condition import MonitoringCondition
from .monitoring_condition_out import MonitoringConditionOut
from .monitoring_declaration_contact import MonitoringDeclarationContact
from .monitoring_declaration_create import MonitoringDeclarationCreate
from .monitoring_declaration_dismissal import MonitoringDeclarationDismissal
from .monitoring_declaration_form import MonitoringDeclarationForm
from .monitoring_declaration_link import MonitoringDeclarationLink
from .monitoring_declaration_lookup import MonitoringDeclarationLookup
from .monitoring_declaration_out import MonitoringDeclarationOut
from .monitoring_declaration_progress import MonitoringDeclarationProgress
from .monitoring_declaration_progress_out import MonitoringDeclarationProgressOut
from .monitoring_declaration_receipt import MonitoringDeclarationReceipt
from .monitoring_declaration_status import MonitoringDeclarationStatus
from .monitoring_delivery_in import MonitoringDeliveryIn
from .monitoring_department_batch import MonitoringDepartmentBatch
from .monitoring_department_record import MonitoringDepartmentRecord
from .monitoring_departure_in import MonitoringDepartureIn
from .monitoring_departure_kind import MonitoringDepartureKind
from .monitoring_elimination_check_out import MonitoringEliminationCheckOut
from .monitoring_elimination_stage import MonitoringEliminationStage
from .monitoring_end_measure import MonitoringEndMeasure
from .monitoring_evidence_kind import MonitoringEvidenceKind
from .monitoring_evidence_out import MonitoringEvidenceOut
from .monitoring_finding import MonitoringFinding
from .monitoring_finding_in import MonitoringFindingIn
from .monitoring_get_report_format import MonitoringGetReportFormat
from .monitoring_group_by import MonitoringGroupBy
from .monitoring_health import MonitoringHealth
from .monitoring_household_create import MonitoringHouseholdCreate
from .monitoring_household_kind import MonitoringHouseholdKind
from .monitoring_household_out import MonitoringHouseholdOut
from .monitoring_household_status import MonitoringHouseholdStatus
from .monitoring_household_update import MonitoringHouseholdUpdate
from .monitoring_import_report import MonitoringImportReport
from .monitoring_income_in import MonitoringIncomeIn
from .monitoring_income_out import MonitoringIncomeOut
from .monitoring_labour_capacity import MonitoringLabourCapacity
from .monitoring_line_in import MonitoringLineIn
from .monitoring_line_out import MonitoringLineOut
from .monitoring_long_running_route import MonitoringLongRunningRoute
from .monitoring_long_running_route_out import MonitoringLongRunningRouteOut
from .monitoring_measure_in import MonitoringMeasureIn
from .monitoring_measure_kind import MonitoringMeasureKind
from .monitoring_measure_out import MonitoringMeasureOut
from .monitoring_member_create import MonitoringMemberCreate
from .monitoring_member_out import MonitoringMemberOut
from .monitoring_member_update import MonitoringMemberUpdate
from .monitoring_merge_in import MonitoringMergeIn
from .monitoring_notice_procedure import MonitoringNoticeProcedure
from .monitoring_objection_in import MonitoringObjectionIn
from .monitoring_objection_out import MonitoringObjectionOut
from .monitoring_objection_status import MonitoringObjectionStatus
from .monitoring_parked_event import MonitoringParkedEvent
from .monitoring_parked_event_envelope import MonitoringParkedEventEnvelope
from .monitoring_pending_item import MonitoringPendingItem
from .monitoring_pending_kind import MonitoringPendingKind
from .monitoring_plan_action import MonitoringPlanAction
from .monitoring_plan_in import MonitoringPlanIn
from .monitoring_plan_out import MonitoringPlanOut
from .monitoring_policy_explained import MonitoringPolicyExplained
from .monitoring_policy_explained_out import MonitoringPolicyExplainedOut
from .monitoring_policy_in import MonitoringPolicyIn
from .monitoring_policy_out import MonitoringPolicyOut
from .monitoring_record_outcome import MonitoringRecordOutcome
from .monitoring_record_result import MonitoringRecordResult
from .monitoring_relation import MonitoringRelation
from .monitoring_replace_measure import MonitoringReplaceMeasure
from .monitoring_replay_result import MonitoringReplayResult
from .monitoring_report import MonitoringReport
from .monitoring_report_column import MonitoringReportColumn
from .monitoring_report_name import MonitoringReportName
from .monitoring_report_rows_item import MonitoringReportRowsItem
from .monitoring_risk_cause import MonitoringRiskCause
from .monitoring_risk_cause_option import MonitoringRiskCauseOption
from .monitoring_risk_resolution_in import MonitoringRiskResolutionIn
from .monitoring_risk_resolution_out import MonitoringRiskResolutionOut
from .monitoring_route_decision_in import MonitoringRouteDecisionIn
from .monitoring_route_decision_out import MonitoringRouteDecisionOut
from .monitoring_route_filter import MonitoringRouteFilter
from .monitoring_row_problem import MonitoringRowProblem
from .monitoring_row_result import MonitoringRowResult
from .monitoring_row_result_status import MonitoringRowResultStatus
from .monitoring_safety_net_batch import MonitoringSafetyNetBatch
from .monitoring_safety_net_batch_report import MonitoringSafetyNetBatchReport
from .monitoring_safety_net_record import MonitoringSafetyNetRecord
from .monitoring_schooling import MonitoringSchooling
from .monitoring_screening_request import MonitoringScreeningRequest
from .monitoring_screening_result import MonitoringScreeningResult
from .monitoring_split_in import MonitoringSplitIn
from .monitoring_subtype import MonitoringSubtype
from .monitoring_suggestion import MonitoringSuggestion
from .monitoring_transition_in import MonitoringTransitionIn
from .monitoring_transition_out import MonitoringTransitionOut
from .monitoring_unmatched_record import MonitoringUnmatchedRecord
from .monitoring_visit_create import MonitoringVisitCreate
from .monitoring_visit_out import MonitoringVisitOut
from .monitoring_visitor_kind import MonitoringVisitorKind
from .monitoring_withdrawal_in import MonitoringWithdrawalIn
from .page_alert_out import PageAlertOut
from .page_allocation_out import PageAllocationOut
from .page_assessment_out import PageAssessmentOut
from .page_asset_out import PageAssetOut
from .page_client_out import PageClientOut
from .page_declaration_out import PageDeclarationOut
from .page_distribution_out import PageDistributionOut
from .page_evidence_out import PageEvidenceOut
from .page_fund_out import PageFundOut
from .page_household_out import PageHouseholdOut
from .page_idle_flag_out import PageIdleFlagOut
from .page_job_support_out import PageJobSupportOut
from .page_loan_out import PageLoanOut
from .page_maintenance_out import PageMaintenanceOut
from .page_monthly_out import PageMonthlyOut
from .page_objection_out import PageObjectionOut
from .page_payment_out import PagePaymentOut
from .page_pending_item import PagePendingItem
from .page_plan_out import PagePlanOut
from .page_policy_out import PagePolicyOut
from .page_post_out import PagePostOut
from .page_project_out import PageProjectOut
from .page_public_announcement import PagePublicAnnouncement
from .page_risk_resolution_out import PageRiskResolutionOut
from .page_subsidy_out import PageSubsidyOut
from .page_user_out import PageUserOut
from .page_visit_out import PageVisitOut
from .page_worker_out import PageWorkerOut
from .problem import Problem
from .revenue_format import RevenueFormat
from .role import Role
from .token_response import TokenResponse
from .upload_evidence_body import UploadEvidenceBody
from .upload_evidence_body_kind import UploadEvidenceBodyKind
from .user_create import UserCreate
from .user_out import UserOut
from .user_update import UserUpdate
from .value_by_year_format import ValueByYearFormat

__all__ = (
    "AssetsApproval",
    "AssetsAssetCard",
    "AssetsAssetCreate",
    "AssetsAssetKind",
    "AssetsAssetOut",
    "AssetsAssetStatus",
    "AssetsAssetUpdate",
    "AssetsConfirmOwnership",
    "AssetsDecisionProcedure",
    "AssetsDisposalMethod",
    "AssetsDispose",
    "AssetsDistributionCreate",
    "AssetsDistributionOut",
    "AssetsDocument",
    "AssetsHandOver",
    "AssetsIdleAction",
    "AssetsIdleFlagOut",
    "AssetsIdleRule",
    "AssetsLifecycleAction",
    "AssetsLifecycleStepOut",
    "AssetsLifecycleStepOutDetailsType0",
    "AssetsLifecycleStepOutDocumentsItem",
    "AssetsMaintenanceCreate",
    "AssetsMaintenanceKind",
    "AssetsMaintenanceOut",
    "AssetsMonthlyCreate",
    "AssetsMonthlyOut",
    "AssetsOperationTotalsOut",
    "AssetsOwnerKind",
    "AssetsParkedEvent",
    "AssetsParkedEventEnvelope",
    "AssetsProposalIn",
    "AssetsPvStationIn",
    "AssetsPvStationOut",
    "AssetsReplayResult",
    "AssetsReport",
    "AssetsReportColumn",
    "AssetsReportRowsItem",
    "AssetsRevenueUse",
    "AssetsScreeningRequest",
    "AssetsScreeningResult",
    "AssetsShareIn",
    "AssetsShareOut",
    "AssetsSourceProjectOut",
    "AssetsSourceProjectOutFundSharesItem",
    "AssetsStartOperation",
    "AssetsSummaryFormat",
    "BodyToken",
    "ClientCreate",
    "ClientCreated",
    "ClientOut",
    "EmploymentBodyImportUpdates",
    "EmploymentChannel",
    "EmploymentFloorCheck",
    "EmploymentFloorOut",
    "EmploymentFloorSeries",
    "EmploymentFloorSeriesPlaceLabels",
    "EmploymentFloorState",
    "EmploymentHeadcountReport",
    "EmploymentHoldingCreate",
    "EmploymentHoldingEnd",
    "EmploymentHoldingOut",
    "EmploymentImportReport",
    "EmploymentJobLoss",
    "EmploymentJobSupportOut",
    "EmploymentMonthPoint",
    "EmploymentMonthPointByPlace",
    "EmploymentParkedEvent",
    "EmploymentParkedEventEnvelope",
    "EmploymentPlaceCount",
    "EmploymentPostCreate",
    "EmploymentPostOut",
    "EmploymentReplayResult",
    "EmploymentRowProblem",
    "EmploymentRowResult",
    "EmploymentRowResultStatus",
    "EmploymentSpellCreate",
    "EmploymentSpellOut",
    "EmploymentSubsidyCreate",
    "EmploymentSubsidyKind",
    "EmploymentSubsidyOut",
    "EmploymentSubsidyTotal",
    "EmploymentSubsidyTotals",
    "EmploymentTownCount",
    "EmploymentTownHeadcount",
    "EmploymentTrainingCreate",
    "EmploymentTrainingOut",
    "EmploymentTrainingProgram",
    "EmploymentWorkerCreate",
    "EmploymentWorkerOut",
    "EmploymentWorkerStatus",
    "EmploymentWorkPlace",
    "FieldProblem",
    "FundsAcceptanceCreate",
    "FundsActualIn",
    "FundsAllocationCreate",
    "FundsAllocationOut",
    "FundsAnnouncementCreate",
    "FundsAnnouncementKind",
    "FundsAnnouncementOut",
    "FundsAssessmentCreate",
    "FundsAssessmentOut",
    "FundsAssetIn",
    "FundsAssetKind",
    "FundsBorrowerKind",
    "FundsCheckpointReport",
    "FundsElevatedReviewCreate",
    "FundsEvaluationCreate",
    "FundsFundCreate",
    "FundsFundOut",
    "FundsFundProgress",
    "FundsFundSource",
    "FundsFundUpdate",
    "FundsGetReportFormat",
    "FundsIndicatorIn",
    "FundsIndicatorKind",
    "FundsIndicatorOut",
    "FundsIndustryShare",
    "FundsLoanCreate",
    "FundsLoanOut",
    "FundsLoanStatus",
    "FundsOverdueReport",
    "FundsOwnerKind",
    "FundsParkedEvent",
    "FundsParkedEventEnvelope",
    "FundsPaymentCreate",
    "FundsPaymentOut",
    "FundsProgress",
    "FundsProjectAssetOut",
    "FundsProjectCategory",
    "FundsProjectCreate",
    "FundsProjectDossier",
    "FundsProjectOut",
    "FundsProjectProgress",
    "FundsProjectStatus",
    "FundsProjectUpdate",
    "FundsPublicAnnouncement",
    "FundsPublicProject",
    "FundsRepaymentCreate",
    "FundsRepaymentOut",
    "FundsReplayResult",
    "FundsReport",
    "FundsReportColumn",
    "FundsReportName",
    "FundsReportRowsItem",
    "FundsStepCreate",
    "FundsStepOut",
    "FundsTargetsSet",
    "FundsTownOverdue",
    "FundsTownProgress",
    "HealthzResponseHealthz",
    "IdleFormat",
    "Jwks",
    "JwksKeysItem",
    "LongRunningHouseholdsFormat",
    "LongRunningProgressFormat",
    "MeOut",
    "MicrocreditCoverageFormat",
    "MonitoringAction",
    "MonitoringAddMeasure",
    "MonitoringAlertCreate",
    "MonitoringAlertOut",
    "MonitoringAlertSource",
    "MonitoringAlertStatus",
    "MonitoringAmendmentOut",
    "MonitoringArrivalIn",
    "MonitoringArrivalKind",
    "MonitoringBatchReport",
    "MonitoringBodyImportHouseholds",
    "MonitoringCancellationCause",
    "MonitoringCancellationIn",
    "MonitoringChangeKind",
    "MonitoringChangeOut",
    "MonitoringChangeResult",
    "MonitoringCondition",
    "MonitoringConditionOut",
    "MonitoringDeclarationContact",
    "MonitoringDeclarationCreate",
    "MonitoringDeclarationDismissal",
    "MonitoringDeclarationForm",
    "MonitoringDeclarationLink",
    "MonitoringDeclarationLookup",
    "MonitoringDeclarationOut",
    "MonitoringDeclarationProgress",
    "MonitoringDeclarationProgressOut",
    "MonitoringDeclarationReceipt",
    "MonitoringDeclarationStatus",
    "MonitoringDeliveryIn",
    "MonitoringDepartmentBatch",
    "MonitoringDepartmentRecord",
    "MonitoringDepartureIn",
    "MonitoringDepartureKind",
    "MonitoringEliminationCheckOut",
    "MonitoringEliminationStage",
    "MonitoringEndMeasure",
    "MonitoringEvidenceKind",
    "MonitoringEvidenceOut",
    "MonitoringFinding",
    "MonitoringFindingIn",
    "MonitoringGetReportFormat",
    "MonitoringGroupBy",
    "MonitoringHealth",
    "MonitoringHouseholdCreate",
    "MonitoringHouseholdKind",
    "MonitoringHouseholdOut",
    "MonitoringHouseholdStatus",
    "MonitoringHouseholdUpdate",
    "MonitoringImportReport",
    "MonitoringIncomeIn",
    "MonitoringIncomeOut",
    "MonitoringLabourCapacity",
    "MonitoringLineIn",
    "MonitoringLineOut",
    "MonitoringLongRunningRoute",
    "MonitoringLongRunningRouteOut",
    "MonitoringMeasureIn",
    "MonitoringMeasureKind",
    "MonitoringMeasureOut",
    "MonitoringMemberCreate",
    "MonitoringMemberOut",
    "MonitoringMemberUpdate",
    "MonitoringMergeIn",
    "MonitoringNoticeProcedure",
    "MonitoringObjectionIn",
    "MonitoringObjectionOut",
    "MonitoringObjectionStatus",
    "MonitoringParkedEvent",
    "MonitoringParkedEventEnvelope",
    "MonitoringPendingItem",
    "MonitoringPendingKind",
    "MonitoringPlanAction",
    "MonitoringPlanIn",
    "MonitoringPlanOut",
    "MonitoringPolicyExplained",
    "MonitoringPolicyExplainedOut",
    "MonitoringPolicyIn",
    "MonitoringPolicyOut",
    "MonitoringRecordOutcome",
    "MonitoringRecordResult",
    "MonitoringRelation",
    "MonitoringReplaceMeasure",
    "MonitoringReplayResult",
    "MonitoringReport",
    "MonitoringReportColumn",
    "MonitoringReportName",
    "MonitoringReportRowsItem",
    "MonitoringRiskCause",
    "MonitoringRiskCauseOption",
    "MonitoringRiskResolutionIn",
    "MonitoringRiskResolutionOut",
    "MonitoringRouteDecisionIn",
    "MonitoringRouteDecisionOut",
    "MonitoringRouteFilter",
    "MonitoringRowProblem",
    "MonitoringRowResult",
    "MonitoringRowResultStatus",
    "MonitoringSafetyNetBatch",
    "MonitoringSafetyNetBatchReport",
    "MonitoringSafetyNetRecord",
    "MonitoringSchooling",
    "MonitoringScreeningRequest",
    "MonitoringScreeningResult",
    "MonitoringSplitIn",
    "MonitoringSubtype",
    "MonitoringSuggestion",
    "MonitoringTransitionIn",
    "MonitoringTransitionOut",
    "MonitoringUnmatchedRecord",
    "MonitoringVisitCreate",
    "MonitoringVisitorKind",
    "MonitoringVisitOut",
    "MonitoringWithdrawalIn",
    "PageAlertOut",
    "PageAllocationOut",
    "PageAssessmentOut",
    "PageAssetOut",
    "PageClientOut",
    "PageDeclarationOut",
    "PageDistributionOut",
    "PageEvidenceOut",
    "PageFundOut",
    "PageHouseholdOut",
    "PageIdleFlagOut",
    "PageJobSupportOut",
    "PageLoanOut",
    "PageMaintenanceOut",
    "PageMonthlyOut",
    "PageObjectionOut",
    "PagePaymentOut",
    "PagePendingItem",
    "PagePlanOut",
    "PagePolicyOut",
    "PagePostOut",
    "PageProjectOut",
    "PagePublicAnnouncement",
    "PageRiskResolutionOut",
    "PageSubsidyOut",
    "PageUserOut",
    "PageVisitOut",
    "PageWorkerOut",
    "Problem",
    "RevenueFormat",
    "Role",
    "TokenResponse",
    "UploadEvidenceBody",
    "UploadEvidenceBodyKind",
    "UserCreate",
    "UserOut",
    "UserUpdate",
    "ValueByYearFormat",
)
