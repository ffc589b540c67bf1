from __future__ import annotations

from shared.labels import LabelledEnum


# A report; its label is the report's title. (A comment, not a docstring: the JSON schema's
# description then lists each value with its label.)
class ReportName(LabelledEnum):
    HOUSEHOLDS = "households", "农户分布统计"  # 按镇 × 状态/类型/风险
    LONG_RUNNING = "long-running", "两年及以上未消除风险监测对象及处置情况"
    LACKING_DEVELOPMENTAL = "lacking-developmental", "开发式帮扶措施不足的有劳动能力脱贫人口和监测对象"
    IDENTIFICATION_OVERDUE = "identification-overdue", "识别纳入超时限"
    HELPER_COVERAGE = "helper-coverage", "帮扶责任覆盖与镇党委书记遍访"
    HELPER_MISSING = "helper-missing", "未明确帮扶责任人的农户"
    DATA_QUALITY = "data-quality", "疑点数据"
    POLICY_AWARENESS = "policy-awareness", "政策知晓率（走访讲解明白纸）"  # 按村、按镇


# How the households report groups them; the label heads the group column.
class GroupBy(LabelledEnum):
    STATUS = "status", "状态"
    SUBTYPE = "subtype", "监测对象类型"
    RISK_CAUSE = "risk_cause", "风险类型"
    KIND = "kind", "农户类型"
