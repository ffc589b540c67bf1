from __future__ import annotations

from shared.labels import LabelledEnum


class ReportName(LabelledEnum):
    FUND_USE = "fund-use", "资金使用：按来源和类别"
    PIPELINE = "pipeline", "项目进展：按状态和乡镇"
    CHECKPOINT_PROGRESS = "checkpoint-progress", "节点支出进度：按项目"
