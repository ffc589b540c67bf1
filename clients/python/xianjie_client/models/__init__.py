"""Contains all the data models used in inputs/outputs"""

from .allowances_format import AllowancesFormat
from .assets_approval import AssetsApproval
from .assets_asset_card import AssetsAssetCard
from .assets_asset_create import AssetsAssetCreate
from .assets_asset_kind import AssetsAssetKind
from .assets_asset_origin import AssetsAssetOrigin
from .assets_asset_out import AssetsAssetOut
from .assets_asset_status import AssetsAssetStatus
from .assets_asset_update import AssetsAssetUpdate
from .assets_body_import_ledger import AssetsBodyImportLedger
from .assets_book_value_out import AssetsBookValueOut
from .assets_confirm_ownership import AssetsConfirmOwnership
from .assets_decision_procedure import AssetsDecisionProcedure
from .assets_depreciation_schedule import AssetsDepreciationSchedule
from .assets_disposal_method import AssetsDisposalMethod
from .assets_dispose import AssetsDispose
from .assets_distribution_create import AssetsDistributionCreate
from .assets_distribution_out import AssetsDistributionOut
from .assets_document import AssetsDocument
from .assets_hand_over import AssetsHandOver
from .assets_idle_action import AssetsIdleAction
from .assets_idle_flag_out import AssetsIdleFlagOut
from .assets_idle_rule import AssetsIdleRule
from .assets_import_report import AssetsImportReport
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
from .assets_report_column_kind_type_0 import AssetsReportColumnKindType0
from .assets_report_rows_item import AssetsReportRowsItem
from .assets_revenue_use import AssetsRevenueUse
from .assets_reversal_in import AssetsReversalIn
from .assets_reversal_out import AssetsReversalOut
from .assets_row_problem import AssetsRowProblem
from .assets_row_result import AssetsRowResult
from .assets_row_result_status import AssetsRowResultStatus
from .assets_schedule_year import AssetsScheduleYear
from .assets_screening_request import AssetsScreeningRequest
from .assets_screening_result import AssetsScreeningResult
from .assets_share_in import AssetsShareIn
from .assets_share_out import AssetsShareOut
from .assets_source_project_out import AssetsSourceProjectOut
from .assets_source_project_out_fund_shares_item import AssetsSourceProjectOutFundSharesItem
from .assets_start_operation import AssetsStartOperation
from .assets_summary_format import AssetsSummaryFormat
from .assets_use_check_in import AssetsUseCheckIn
from .assets_use_check_out import AssetsUseCheckOut
from .assets_use_status import AssetsUseStatus
from .assets_valuation_in import AssetsValuationIn
from .assets_valuation_kind import AssetsValuationKind
from .assets_valuation_out import AssetsValuationOut
from .body_revoke import BodyRevoke
from .body_token import BodyToken
from .book_value_format import BookValueFormat
from .brands_report_format import BrandsReportFormat
from .client_create import ClientCreate
from .client_created import ClientCreated
from .client_out import ClientOut
from .consumption_report_format import ConsumptionReportFormat
from .corrections_report_format import CorrectionsReportFormat
from .coverage_report_format import CoverageReportFormat
from .craftsmen_report_format import CraftsmenReportFormat
from .dangerous_houses_format import DangerousHousesFormat
from .delivery_out import DeliveryOut
from .delivery_status import DeliveryStatus
from .education_exceptions_format import EducationExceptionsFormat
from .education_report_format import EducationReportFormat
from .employment_allowance_create import EmploymentAllowanceCreate
from .employment_allowance_out import EmploymentAllowanceOut
from .employment_body_fill_work_file import EmploymentBodyFillWorkFile
from .employment_body_import_updates import EmploymentBodyImportUpdates
from .employment_body_import_work_file import EmploymentBodyImportWorkFile
from .employment_brand_create import EmploymentBrandCreate
from .employment_brand_out import EmploymentBrandOut
from .employment_brand_worker_create import EmploymentBrandWorkerCreate
from .employment_brand_worker_out import EmploymentBrandWorkerOut
from .employment_channel import EmploymentChannel
from .employment_craft_level import EmploymentCraftLevel
from .employment_craftsman_create import EmploymentCraftsmanCreate
from .employment_craftsman_out import EmploymentCraftsmanOut
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
from .employment_nomination_create import EmploymentNominationCreate
from .employment_nomination_decision import EmploymentNominationDecision
from .employment_nomination_out import EmploymentNominationOut
from .employment_nomination_status import EmploymentNominationStatus
from .employment_nomination_tier import EmploymentNominationTier
from .employment_parked_event import EmploymentParkedEvent
from .employment_parked_event_envelope import EmploymentParkedEventEnvelope
from .employment_place_count import EmploymentPlaceCount
from .employment_post_create import EmploymentPostCreate
from .employment_post_out import EmploymentPostOut
from .employment_replay_result import EmploymentReplayResult
from .employment_report import EmploymentReport
from .employment_report_column import EmploymentReportColumn
from .employment_report_column_kind_type_0 import EmploymentReportColumnKindType0
from .employment_report_rows_item import EmploymentReportRowsItem
from .employment_row_problem import EmploymentRowProblem
from .employment_row_result import EmploymentRowResult
from .employment_row_result_status import EmploymentRowResultStatus
from .employment_spell_create import EmploymentSpellCreate
from .employment_spell_out import EmploymentSpellOut
from .employment_subsidy_create import EmploymentSubsidyCreate
from .employment_subsidy_kind import EmploymentSubsidyKind
from .employment_subsidy_out import EmploymentSubsidyOut
from .employment_subsidy_reversal_create import EmploymentSubsidyReversalCreate
from .employment_subsidy_reversal_out import EmploymentSubsidyReversalOut
from .employment_subsidy_total import EmploymentSubsidyTotal
from .employment_subsidy_totals import EmploymentSubsidyTotals
from .employment_town_count import EmploymentTownCount
from .employment_town_headcount import EmploymentTownHeadcount
from .employment_training_create import EmploymentTrainingCreate
from .employment_training_out import EmploymentTrainingOut
from .employment_training_program import EmploymentTrainingProgram
from .employment_wage_create import EmploymentWageCreate
from .employment_wage_out import EmploymentWageOut
from .employment_work_place import EmploymentWorkPlace
from .employment_worker_create import EmploymentWorkerCreate
from .employment_worker_out import EmploymentWorkerOut
from .employment_worker_status import EmploymentWorkerStatus
from .field_problem import FieldProblem
from .funding_stability_format import FundingStabilityFormat
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
from .funds_business_create import FundsBusinessCreate
from .funds_business_out import FundsBusinessOut
from .funds_checkpoint_report import FundsCheckpointReport
from .funds_correction_create import FundsCorrectionCreate
from .funds_correction_decision import FundsCorrectionDecision
from .funds_correction_kind import FundsCorrectionKind
from .funds_correction_out import FundsCorrectionOut
from .funds_correction_status import FundsCorrectionStatus
from .funds_elevated_review_create import FundsElevatedReviewCreate
from .funds_evaluation_create import FundsEvaluationCreate
from .funds_flag_create import FundsFlagCreate
from .funds_flag_out import FundsFlagOut
from .funds_fund_create import FundsFundCreate
from .funds_fund_out import FundsFundOut
from .funds_fund_progress import FundsFundProgress
from .funds_fund_source import FundsFundSource
from .funds_fund_update import FundsFundUpdate
from .funds_get_report_format import FundsGetReportFormat
from .funds_indicator_in import FundsIndicatorIn
from .funds_indicator_kind import FundsIndicatorKind
from .funds_indicator_out import FundsIndicatorOut
from .funds_industry_class import FundsIndustryClass
from .funds_industry_create import FundsIndustryCreate
from .funds_industry_flag_kind import FundsIndustryFlagKind
from .funds_industry_out import FundsIndustryOut
from .funds_industry_share import FundsIndustryShare
from .funds_insurance_policy_create import FundsInsurancePolicyCreate
from .funds_insurance_policy_out import FundsInsurancePolicyOut
from .funds_link_create import FundsLinkCreate
from .funds_link_kind import FundsLinkKind
from .funds_link_out import FundsLinkOut
from .funds_loan_create import FundsLoanCreate
from .funds_loan_out import FundsLoanOut
from .funds_loan_status import FundsLoanStatus
from .funds_overdue_report import FundsOverdueReport
from .funds_owner_kind import FundsOwnerKind
from .funds_park_create import FundsParkCreate
from .funds_park_out import FundsParkOut
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
from .funds_project_sites import FundsProjectSites
from .funds_project_status import FundsProjectStatus
from .funds_project_update import FundsProjectUpdate
from .funds_public_announcement import FundsPublicAnnouncement
from .funds_public_project import FundsPublicProject
from .funds_repayment_create import FundsRepaymentCreate
from .funds_repayment_out import FundsRepaymentOut
from .funds_replay_result import FundsReplayResult
from .funds_report import FundsReport
from .funds_report_column import FundsReportColumn
from .funds_report_column_kind_type_0 import FundsReportColumnKindType0
from .funds_report_name import FundsReportName
from .funds_report_rows_item import FundsReportRowsItem
from .funds_site_create import FundsSiteCreate
from .funds_site_out import FundsSiteOut
from .funds_site_progress import FundsSiteProgress
from .funds_step_create import FundsStepCreate
from .funds_step_out import FundsStepOut
from .funds_targets_set import FundsTargetsSet
from .funds_town_overdue import FundsTownOverdue
from .funds_town_progress import FundsTownProgress
from .gaps_report_format import GapsReportFormat
from .health_report_format import HealthReportFormat
from .healthz_response_healthz import HealthzResponseHealthz
from .idle_format import IdleFormat
from .import_national_workbook_response_import_national_workbook import (
    ImportNationalWorkbookResponseImportNationalWorkbook,
)
from .industries_report_format import IndustriesReportFormat
from .insurance_coverage_format import InsuranceCoverageFormat
from .jwks import Jwks
from .jwks_keys_item import JwksKeysItem
from .ledger_origin_format import LedgerOriginFormat
from .long_running_households_format import LongRunningHouseholdsFormat
from .long_running_progress_format import LongRunningProgressFormat
from .me_out import MeOut
from .microcredit_coverage_format import MicrocreditCoverageFormat
from .monitoring_action import MonitoringAction
from .monitoring_add_measure import MonitoringAddMeasure
from .monitoring_aid_in import MonitoringAidIn
from .monitoring_aid_kind import MonitoringAidKind
from .monitoring_aid_out import MonitoringAidOut
from .monitoring_aid_record import MonitoringAidRecord
from .monitoring_alert_create import MonitoringAlertCreate
from .monitoring_alert_out import MonitoringAlertOut
from .monitoring_alert_source import MonitoringAlertSource
from .monitoring_alert_status import MonitoringAlertStatus
from .monitoring_amendment_out import MonitoringAmendmentOut
from .monitoring_appraisal_in import MonitoringAppraisalIn
from .monitoring_appraisal_out import MonitoringAppraisalOut
from .monitoring_appraisal_recorded import MonitoringAppraisalRecorded
from .monitoring_arrival_in import MonitoringArrivalIn
from .monitoring_arrival_kind import MonitoringArrivalKind
from .monitoring_assignment_in import MonitoringAssignmentIn
from .monitoring_assignment_out import MonitoringAssignmentOut
from .monitoring_assignment_patch import MonitoringAssignmentPatch
from .monitoring_batch_report import MonitoringBatchReport
from .monitoring_body_import_households import MonitoringBodyImportHouseholds
from .monitoring_body_import_national_workbook import MonitoringBodyImportNationalWorkbook
from .monitoring_body_import_sites import MonitoringBodyImportSites
from .monitoring_body_reconcile import MonitoringBodyReconcile
from .monitoring_cancellation_cause import MonitoringCancellationCause
from .monitoring_cancellation_in import MonitoringCancellationIn
from .monitoring_change_kind import MonitoringChangeKind
from .monitoring_change_out import MonitoringChangeOut
from .monitoring_change_result import MonitoringChangeResult
from .monitoring_closure_in import MonitoringClosureIn
from .monitoring_completion_in import MonitoringCompletionIn
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
from .monitoring_department_member import MonitoringDepartmentMember
from .monitoring_department_page import MonitoringDepartmentPage
from .monitoring_department_record import MonitoringDepartmentRecord
from .monitoring_departure_in import MonitoringDepartureIn
from .monitoring_departure_kind import MonitoringDepartureKind
from .monitoring_dropout_in import MonitoringDropoutIn
from .monitoring_dropout_out import MonitoringDropoutOut
from .monitoring_dropout_outcome import MonitoringDropoutOutcome
from .monitoring_dropout_record import MonitoringDropoutRecord
from .monitoring_dropout_status import MonitoringDropoutStatus
from .monitoring_elimination_check_out import MonitoringEliminationCheckOut
from .monitoring_elimination_stage import MonitoringEliminationStage
from .monitoring_end_measure import MonitoringEndMeasure
from .monitoring_evidence_kind import MonitoringEvidenceKind
from .monitoring_evidence_out import MonitoringEvidenceOut
from .monitoring_expense_in import MonitoringExpenseIn
from .monitoring_expense_out import MonitoringExpenseOut
from .monitoring_expense_record import MonitoringExpenseRecord
from .monitoring_finding import MonitoringFinding
from .monitoring_finding_in import MonitoringFindingIn
from .monitoring_follow_up_in import MonitoringFollowUpIn
from .monitoring_get_report_format import MonitoringGetReportFormat
from .monitoring_graduate_next_step import MonitoringGraduateNextStep
from .monitoring_group_by import MonitoringGroupBy
from .monitoring_guarantee_batch import MonitoringGuaranteeBatch
from .monitoring_guarantee_batch_report import MonitoringGuaranteeBatchReport
from .monitoring_guarantee_record_result import MonitoringGuaranteeRecordResult
from .monitoring_guarantee_record_result_status import MonitoringGuaranteeRecordResultStatus
from .monitoring_health import MonitoringHealth
from .monitoring_household_create import MonitoringHouseholdCreate
from .monitoring_household_kind import MonitoringHouseholdKind
from .monitoring_household_out import MonitoringHouseholdOut
from .monitoring_household_status import MonitoringHouseholdStatus
from .monitoring_household_update import MonitoringHouseholdUpdate
from .monitoring_housing_grade import MonitoringHousingGrade
from .monitoring_housing_record import MonitoringHousingRecord
from .monitoring_import_report import MonitoringImportReport
from .monitoring_income_in import MonitoringIncomeIn
from .monitoring_income_out import MonitoringIncomeOut
from .monitoring_insurance_in import MonitoringInsuranceIn
from .monitoring_insurance_out import MonitoringInsuranceOut
from .monitoring_insurance_record import MonitoringInsuranceRecord
from .monitoring_insurance_subsidy import MonitoringInsuranceSubsidy
from .monitoring_labour_capacity import MonitoringLabourCapacity
from .monitoring_line_in import MonitoringLineIn
from .monitoring_line_out import MonitoringLineOut
from .monitoring_long_running_route import MonitoringLongRunningRoute
from .monitoring_long_running_route_out import MonitoringLongRunningRouteOut
from .monitoring_measure_in import MonitoringMeasureIn
from .monitoring_measure_kind import MonitoringMeasureKind
from .monitoring_measure_out import MonitoringMeasureOut
from .monitoring_member_create import MonitoringMemberCreate
from .monitoring_member_departure import MonitoringMemberDeparture
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
from .monitoring_purchase_in import MonitoringPurchaseIn
from .monitoring_purchase_out import MonitoringPurchaseOut
from .monitoring_record_outcome import MonitoringRecordOutcome
from .monitoring_record_result import MonitoringRecordResult
from .monitoring_relation import MonitoringRelation
from .monitoring_relocation_in import MonitoringRelocationIn
from .monitoring_relocation_measure_kind import MonitoringRelocationMeasureKind
from .monitoring_relocation_out import MonitoringRelocationOut
from .monitoring_renovation_case_out import MonitoringRenovationCaseOut
from .monitoring_renovation_status import MonitoringRenovationStatus
from .monitoring_replace_measure import MonitoringReplaceMeasure
from .monitoring_replay_result import MonitoringReplayResult
from .monitoring_report import MonitoringReport
from .monitoring_report_column import MonitoringReportColumn
from .monitoring_report_column_kind_type_0 import MonitoringReportColumnKindType0
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
from .monitoring_site_in import MonitoringSiteIn
from .monitoring_site_measure_in import MonitoringSiteMeasureIn
from .monitoring_site_measure_out import MonitoringSiteMeasureOut
from .monitoring_site_measure_patch import MonitoringSiteMeasurePatch
from .monitoring_site_out import MonitoringSiteOut
from .monitoring_site_patch import MonitoringSitePatch
from .monitoring_site_progress_in import MonitoringSiteProgressIn
from .monitoring_social_force_in import MonitoringSocialForceIn
from .monitoring_social_force_kind import MonitoringSocialForceKind
from .monitoring_social_force_out import MonitoringSocialForceOut
from .monitoring_social_force_patch import MonitoringSocialForcePatch
from .monitoring_split_in import MonitoringSplitIn
from .monitoring_subtype import MonitoringSubtype
from .monitoring_suggestion import MonitoringSuggestion
from .monitoring_support_kind import MonitoringSupportKind
from .monitoring_team_in import MonitoringTeamIn
from .monitoring_team_member_in import MonitoringTeamMemberIn
from .monitoring_team_member_out import MonitoringTeamMemberOut
from .monitoring_team_out import MonitoringTeamOut
from .monitoring_team_patch import MonitoringTeamPatch
from .monitoring_team_role import MonitoringTeamRole
from .monitoring_term import MonitoringTerm
from .monitoring_training_in import MonitoringTrainingIn
from .monitoring_training_out import MonitoringTrainingOut
from .monitoring_transition_in import MonitoringTransitionIn
from .monitoring_transition_out import MonitoringTransitionOut
from .monitoring_unmatched_record import MonitoringUnmatchedRecord
from .monitoring_village_designation import MonitoringVillageDesignation
from .monitoring_village_out import MonitoringVillageOut
from .monitoring_visit_create import MonitoringVisitCreate
from .monitoring_visit_out import MonitoringVisitOut
from .monitoring_visitor_kind import MonitoringVisitorKind
from .monitoring_vocational_end_in import MonitoringVocationalEndIn
from .monitoring_vocational_in import MonitoringVocationalIn
from .monitoring_vocational_out import MonitoringVocationalOut
from .monitoring_vocational_status import MonitoringVocationalStatus
from .monitoring_water_check_in import MonitoringWaterCheckIn
from .monitoring_water_check_out import MonitoringWaterCheckOut
from .monitoring_water_check_recorded import MonitoringWaterCheckRecorded
from .monitoring_water_record import MonitoringWaterRecord
from .monitoring_water_site_in import MonitoringWaterSiteIn
from .monitoring_water_site_out import MonitoringWaterSiteOut
from .monitoring_water_site_status import MonitoringWaterSiteStatus
from .monitoring_withdrawal_in import MonitoringWithdrawalIn
from .page_alert_out import PageAlertOut
from .page_allocation_out import PageAllocationOut
from .page_assessment_out import PageAssessmentOut
from .page_asset_out import PageAssetOut
from .page_assignment_out import PageAssignmentOut
from .page_brand_out import PageBrandOut
from .page_brand_worker_out import PageBrandWorkerOut
from .page_client_out import PageClientOut
from .page_correction_out import PageCorrectionOut
from .page_craftsman_out import PageCraftsmanOut
from .page_declaration_out import PageDeclarationOut
from .page_delivery_out import PageDeliveryOut
from .page_distribution_out import PageDistributionOut
from .page_dropout_out import PageDropoutOut
from .page_evidence_out import PageEvidenceOut
from .page_fund_out import PageFundOut
from .page_household_out import PageHouseholdOut
from .page_idle_flag_out import PageIdleFlagOut
from .page_industry_out import PageIndustryOut
from .page_insurance_policy_out import PageInsurancePolicyOut
from .page_job_support_out import PageJobSupportOut
from .page_link_out import PageLinkOut
from .page_loan_out import PageLoanOut
from .page_maintenance_out import PageMaintenanceOut
from .page_monthly_out import PageMonthlyOut
from .page_objection_out import PageObjectionOut
from .page_park_out import PageParkOut
from .page_payment_out import PagePaymentOut
from .page_pending_item import PagePendingItem
from .page_plan_out import PagePlanOut
from .page_policy_out import PagePolicyOut
from .page_post_out import PagePostOut
from .page_project_out import PageProjectOut
from .page_public_announcement import PagePublicAnnouncement
from .page_purchase_out import PagePurchaseOut
from .page_relocation_out import PageRelocationOut
from .page_renovation_case_out import PageRenovationCaseOut
from .page_risk_resolution_out import PageRiskResolutionOut
from .page_site_measure_out import PageSiteMeasureOut
from .page_site_out import PageSiteOut
from .page_social_force_out import PageSocialForceOut
from .page_subscription_out import PageSubscriptionOut
from .page_subsidy_out import PageSubsidyOut
from .page_team_out import PageTeamOut
from .page_training_out import PageTrainingOut
from .page_user_out import PageUserOut
from .page_village_out import PageVillageOut
from .page_visit_out import PageVisitOut
from .page_vocational_out import PageVocationalOut
from .page_water_site_out import PageWaterSiteOut
from .page_worker_out import PageWorkerOut
from .problem import Problem
from .progress_format import ProgressFormat
from .public_welfare_use_format import PublicWelfareUseFormat
from .reconcile_response_reconcile import ReconcileResponseReconcile
from .replay_out import ReplayOut
from .replay_request import ReplayRequest
from .revenue_by_month_format import RevenueByMonthFormat
from .revenue_format import RevenueFormat
from .role import Role
from .sites_report_format import SitesReportFormat
from .subscription_create import SubscriptionCreate
from .subscription_created import SubscriptionCreated
from .subscription_out import SubscriptionOut
from .subscription_update import SubscriptionUpdate
from .team_activity_report_format import TeamActivityReportFormat
from .token_response import TokenResponse
from .upload_evidence_body import UploadEvidenceBody
from .upload_evidence_body_kind import UploadEvidenceBodyKind
from .user_create import UserCreate
from .user_out import UserOut
from .user_update import UserUpdate
from .value_by_year_format import ValueByYearFormat
from .wage_growth_format import WageGrowthFormat

__all__ = (
    "AllowancesFormat",
    "AssetsApproval",
    "AssetsAssetCard",
    "AssetsAssetCreate",
    "AssetsAssetKind",
    "AssetsAssetOrigin",
    "AssetsAssetOut",
    "AssetsAssetStatus",
    "AssetsAssetUpdate",
    "AssetsBodyImportLedger",
    "AssetsBookValueOut",
    "AssetsConfirmOwnership",
    "AssetsDecisionProcedure",
    "AssetsDepreciationSchedule",
    "AssetsDisposalMethod",
    "AssetsDispose",
    "AssetsDistributionCreate",
    "AssetsDistributionOut",
    "AssetsDocument",
    "AssetsHandOver",
    "AssetsIdleAction",
    "AssetsIdleFlagOut",
    "AssetsIdleRule",
    "AssetsImportReport",
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
    "AssetsReportColumnKindType0",
    "AssetsReportRowsItem",
    "AssetsRevenueUse",
    "AssetsReversalIn",
    "AssetsReversalOut",
    "AssetsRowProblem",
    "AssetsRowResult",
    "AssetsRowResultStatus",
    "AssetsScheduleYear",
    "AssetsScreeningRequest",
    "AssetsScreeningResult",
    "AssetsShareIn",
    "AssetsShareOut",
    "AssetsSourceProjectOut",
    "AssetsSourceProjectOutFundSharesItem",
    "AssetsStartOperation",
    "AssetsSummaryFormat",
    "AssetsUseCheckIn",
    "AssetsUseCheckOut",
    "AssetsUseStatus",
    "AssetsValuationIn",
    "AssetsValuationKind",
    "AssetsValuationOut",
    "BodyRevoke",
    "BodyToken",
    "BookValueFormat",
    "BrandsReportFormat",
    "ClientCreate",
    "ClientCreated",
    "ClientOut",
    "ConsumptionReportFormat",
    "CorrectionsReportFormat",
    "CoverageReportFormat",
    "CraftsmenReportFormat",
    "DangerousHousesFormat",
    "DeliveryOut",
    "DeliveryStatus",
    "EducationExceptionsFormat",
    "EducationReportFormat",
    "EmploymentAllowanceCreate",
    "EmploymentAllowanceOut",
    "EmploymentBodyFillWorkFile",
    "EmploymentBodyImportUpdates",
    "EmploymentBodyImportWorkFile",
    "EmploymentBrandCreate",
    "EmploymentBrandOut",
    "EmploymentBrandWorkerCreate",
    "EmploymentBrandWorkerOut",
    "EmploymentChannel",
    "EmploymentCraftLevel",
    "EmploymentCraftsmanCreate",
    "EmploymentCraftsmanOut",
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
    "EmploymentNominationCreate",
    "EmploymentNominationDecision",
    "EmploymentNominationOut",
    "EmploymentNominationStatus",
    "EmploymentNominationTier",
    "EmploymentParkedEvent",
    "EmploymentParkedEventEnvelope",
    "EmploymentPlaceCount",
    "EmploymentPostCreate",
    "EmploymentPostOut",
    "EmploymentReplayResult",
    "EmploymentReport",
    "EmploymentReportColumn",
    "EmploymentReportColumnKindType0",
    "EmploymentReportRowsItem",
    "EmploymentRowProblem",
    "EmploymentRowResult",
    "EmploymentRowResultStatus",
    "EmploymentSpellCreate",
    "EmploymentSpellOut",
    "EmploymentSubsidyCreate",
    "EmploymentSubsidyKind",
    "EmploymentSubsidyOut",
    "EmploymentSubsidyReversalCreate",
    "EmploymentSubsidyReversalOut",
    "EmploymentSubsidyTotal",
    "EmploymentSubsidyTotals",
    "EmploymentTownCount",
    "EmploymentTownHeadcount",
    "EmploymentTrainingCreate",
    "EmploymentTrainingOut",
    "EmploymentTrainingProgram",
    "EmploymentWageCreate",
    "EmploymentWageOut",
    "EmploymentWorkerCreate",
    "EmploymentWorkerOut",
    "EmploymentWorkerStatus",
    "EmploymentWorkPlace",
    "FieldProblem",
    "FundingStabilityFormat",
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
    "FundsBusinessCreate",
    "FundsBusinessOut",
    "FundsCheckpointReport",
    "FundsCorrectionCreate",
    "FundsCorrectionDecision",
    "FundsCorrectionKind",
    "FundsCorrectionOut",
    "FundsCorrectionStatus",
    "FundsElevatedReviewCreate",
    "FundsEvaluationCreate",
    "FundsFlagCreate",
    "FundsFlagOut",
    "FundsFundCreate",
    "FundsFundOut",
    "FundsFundProgress",
    "FundsFundSource",
    "FundsFundUpdate",
    "FundsGetReportFormat",
    "FundsIndicatorIn",
    "FundsIndicatorKind",
    "FundsIndicatorOut",
    "FundsIndustryClass",
    "FundsIndustryCreate",
    "FundsIndustryFlagKind",
    "FundsIndustryOut",
    "FundsIndustryShare",
    "FundsInsurancePolicyCreate",
    "FundsInsurancePolicyOut",
    "FundsLinkCreate",
    "FundsLinkKind",
    "FundsLinkOut",
    "FundsLoanCreate",
    "FundsLoanOut",
    "FundsLoanStatus",
    "FundsOverdueReport",
    "FundsOwnerKind",
    "FundsParkCreate",
    "FundsParkedEvent",
    "FundsParkedEventEnvelope",
    "FundsParkOut",
    "FundsPaymentCreate",
    "FundsPaymentOut",
    "FundsProgress",
    "FundsProjectAssetOut",
    "FundsProjectCategory",
    "FundsProjectCreate",
    "FundsProjectDossier",
    "FundsProjectOut",
    "FundsProjectProgress",
    "FundsProjectSites",
    "FundsProjectStatus",
    "FundsProjectUpdate",
    "FundsPublicAnnouncement",
    "FundsPublicProject",
    "FundsRepaymentCreate",
    "FundsRepaymentOut",
    "FundsReplayResult",
    "FundsReport",
    "FundsReportColumn",
    "FundsReportColumnKindType0",
    "FundsReportName",
    "FundsReportRowsItem",
    "FundsSiteCreate",
    "FundsSiteOut",
    "FundsSiteProgress",
    "FundsStepCreate",
    "FundsStepOut",
    "FundsTargetsSet",
    "FundsTownOverdue",
    "FundsTownProgress",
    "GapsReportFormat",
    "HealthReportFormat",
    "HealthzResponseHealthz",
    "IdleFormat",
    "ImportNationalWorkbookResponseImportNationalWorkbook",
    "IndustriesReportFormat",
    "InsuranceCoverageFormat",
    "Jwks",
    "JwksKeysItem",
    "LedgerOriginFormat",
    "LongRunningHouseholdsFormat",
    "LongRunningProgressFormat",
    "MeOut",
    "MicrocreditCoverageFormat",
    "MonitoringAction",
    "MonitoringAddMeasure",
    "MonitoringAidIn",
    "MonitoringAidKind",
    "MonitoringAidOut",
    "MonitoringAidRecord",
    "MonitoringAlertCreate",
    "MonitoringAlertOut",
    "MonitoringAlertSource",
    "MonitoringAlertStatus",
    "MonitoringAmendmentOut",
    "MonitoringAppraisalIn",
    "MonitoringAppraisalOut",
    "MonitoringAppraisalRecorded",
    "MonitoringArrivalIn",
    "MonitoringArrivalKind",
    "MonitoringAssignmentIn",
    "MonitoringAssignmentOut",
    "MonitoringAssignmentPatch",
    "MonitoringBatchReport",
    "MonitoringBodyImportHouseholds",
    "MonitoringBodyImportNationalWorkbook",
    "MonitoringBodyImportSites",
    "MonitoringBodyReconcile",
    "MonitoringCancellationCause",
    "MonitoringCancellationIn",
    "MonitoringChangeKind",
    "MonitoringChangeOut",
    "MonitoringChangeResult",
    "MonitoringClosureIn",
    "MonitoringCompletionIn",
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
    "MonitoringDepartmentMember",
    "MonitoringDepartmentPage",
    "MonitoringDepartmentRecord",
    "MonitoringDepartureIn",
    "MonitoringDepartureKind",
    "MonitoringDropoutIn",
    "MonitoringDropoutOut",
    "MonitoringDropoutOutcome",
    "MonitoringDropoutRecord",
    "MonitoringDropoutStatus",
    "MonitoringEliminationCheckOut",
    "MonitoringEliminationStage",
    "MonitoringEndMeasure",
    "MonitoringEvidenceKind",
    "MonitoringEvidenceOut",
    "MonitoringExpenseIn",
    "MonitoringExpenseOut",
    "MonitoringExpenseRecord",
    "MonitoringFinding",
    "MonitoringFindingIn",
    "MonitoringFollowUpIn",
    "MonitoringGetReportFormat",
    "MonitoringGraduateNextStep",
    "MonitoringGroupBy",
    "MonitoringGuaranteeBatch",
    "MonitoringGuaranteeBatchReport",
    "MonitoringGuaranteeRecordResult",
    "MonitoringGuaranteeRecordResultStatus",
    "MonitoringHealth",
    "MonitoringHouseholdCreate",
    "MonitoringHouseholdKind",
    "MonitoringHouseholdOut",
    "MonitoringHouseholdStatus",
    "MonitoringHouseholdUpdate",
    "MonitoringHousingGrade",
    "MonitoringHousingRecord",
    "MonitoringImportReport",
    "MonitoringIncomeIn",
    "MonitoringIncomeOut",
    "MonitoringInsuranceIn",
    "MonitoringInsuranceOut",
    "MonitoringInsuranceRecord",
    "MonitoringInsuranceSubsidy",
    "MonitoringLabourCapacity",
    "MonitoringLineIn",
    "MonitoringLineOut",
    "MonitoringLongRunningRoute",
    "MonitoringLongRunningRouteOut",
    "MonitoringMeasureIn",
    "MonitoringMeasureKind",
    "MonitoringMeasureOut",
    "MonitoringMemberCreate",
    "MonitoringMemberDeparture",
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
    "MonitoringPurchaseIn",
    "MonitoringPurchaseOut",
    "MonitoringRecordOutcome",
    "MonitoringRecordResult",
    "MonitoringRelation",
    "MonitoringRelocationIn",
    "MonitoringRelocationMeasureKind",
    "MonitoringRelocationOut",
    "MonitoringRenovationCaseOut",
    "MonitoringRenovationStatus",
    "MonitoringReplaceMeasure",
    "MonitoringReplayResult",
    "MonitoringReport",
    "MonitoringReportColumn",
    "MonitoringReportColumnKindType0",
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
    "MonitoringSiteIn",
    "MonitoringSiteMeasureIn",
    "MonitoringSiteMeasureOut",
    "MonitoringSiteMeasurePatch",
    "MonitoringSiteOut",
    "MonitoringSitePatch",
    "MonitoringSiteProgressIn",
    "MonitoringSocialForceIn",
    "MonitoringSocialForceKind",
    "MonitoringSocialForceOut",
    "MonitoringSocialForcePatch",
    "MonitoringSplitIn",
    "MonitoringSubtype",
    "MonitoringSuggestion",
    "MonitoringSupportKind",
    "MonitoringTeamIn",
    "MonitoringTeamMemberIn",
    "MonitoringTeamMemberOut",
    "MonitoringTeamOut",
    "MonitoringTeamPatch",
    "MonitoringTeamRole",
    "MonitoringTerm",
    "MonitoringTrainingIn",
    "MonitoringTrainingOut",
    "MonitoringTransitionIn",
    "MonitoringTransitionOut",
    "MonitoringUnmatchedRecord",
    "MonitoringVillageDesignation",
    "MonitoringVillageOut",
    "MonitoringVisitCreate",
    "MonitoringVisitorKind",
    "MonitoringVisitOut",
    "MonitoringVocationalEndIn",
    "MonitoringVocationalIn",
    "MonitoringVocationalOut",
    "MonitoringVocationalStatus",
    "MonitoringWaterCheckIn",
    "MonitoringWaterCheckOut",
    "MonitoringWaterCheckRecorded",
    "MonitoringWaterRecord",
    "MonitoringWaterSiteIn",
    "MonitoringWaterSiteOut",
    "MonitoringWaterSiteStatus",
    "MonitoringWithdrawalIn",
    "PageAlertOut",
    "PageAllocationOut",
    "PageAssessmentOut",
    "PageAssetOut",
    "PageAssignmentOut",
    "PageBrandOut",
    "PageBrandWorkerOut",
    "PageClientOut",
    "PageCorrectionOut",
    "PageCraftsmanOut",
    "PageDeclarationOut",
    "PageDeliveryOut",
    "PageDistributionOut",
    "PageDropoutOut",
    "PageEvidenceOut",
    "PageFundOut",
    "PageHouseholdOut",
    "PageIdleFlagOut",
    "PageIndustryOut",
    "PageInsurancePolicyOut",
    "PageJobSupportOut",
    "PageLinkOut",
    "PageLoanOut",
    "PageMaintenanceOut",
    "PageMonthlyOut",
    "PageObjectionOut",
    "PageParkOut",
    "PagePaymentOut",
    "PagePendingItem",
    "PagePlanOut",
    "PagePolicyOut",
    "PagePostOut",
    "PageProjectOut",
    "PagePublicAnnouncement",
    "PagePurchaseOut",
    "PageRelocationOut",
    "PageRenovationCaseOut",
    "PageRiskResolutionOut",
    "PageSiteMeasureOut",
    "PageSiteOut",
    "PageSocialForceOut",
    "PageSubscriptionOut",
    "PageSubsidyOut",
    "PageTeamOut",
    "PageTrainingOut",
    "PageUserOut",
    "PageVillageOut",
    "PageVisitOut",
    "PageVocationalOut",
    "PageWaterSiteOut",
    "PageWorkerOut",
    "Problem",
    "ProgressFormat",
    "PublicWelfareUseFormat",
    "ReconcileResponseReconcile",
    "ReplayOut",
    "ReplayRequest",
    "RevenueByMonthFormat",
    "RevenueFormat",
    "Role",
    "SitesReportFormat",
    "SubscriptionCreate",
    "SubscriptionCreated",
    "SubscriptionOut",
    "SubscriptionUpdate",
    "TeamActivityReportFormat",
    "TokenResponse",
    "UploadEvidenceBody",
    "UploadEvidenceBodyKind",
    "UserCreate",
    "UserOut",
    "UserUpdate",
    "ValueByYearFormat",
    "WageGrowthFormat",
)
