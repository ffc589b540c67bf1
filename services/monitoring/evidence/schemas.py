from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar

from pydantic import Field, computed_field

from services.monitoring.models import EvidenceKind
from shared.labels import label_of
from shared.schemas import InputModel, OutputModel


class EvidenceForm(InputModel):
    """The text fields of an upload (multipart/form-data, beside the ``file`` part)."""

    kind: EvidenceKind
    visit_id: uuid.UUID | None = Field(default=None, description="所佐证的走访记录")
    transition_id: int | None = Field(default=None, ge=1, description="所佐证的流程步骤（流程记录编号）")
    description: str = Field(default="", max_length=500, description="说明")


class EvidenceFingerprint(InputModel):
    """What an Idempotency-Key is bound to: the fields and the file's content (not its bytes)."""

    form: EvidenceForm
    file_name: str
    sha256: str
    size_bytes: int


class WithdrawalIn(InputModel):
    reason: str = Field(min_length=2, max_length=500, description="撤回原因（留痕）")


class EvidenceOut(OutputModel):
    id: uuid.UUID
    household_id: uuid.UUID
    kind: EvidenceKind
    visit_id: uuid.UUID | None
    transition_id: int | None
    description: str
    file_name: str = Field(description="下载时的文件名（已清理，扩展名按实际类型）")
    media_type: str = Field(description="按文件内容识别的类型：image/jpeg、image/png、application/pdf")
    size_bytes: int
    sha256: str
    uploaded_by: str
    uploaded_role: str
    uploaded_at: datetime
    withdrawn_at: datetime | None
    withdrawn_by: str | None
    withdrawal_reason: str | None
    version: int
    updated_at: datetime

    kind_label: ClassVar[property] = label_of("kind")

    @computed_field(description="已撤回（撤回的材料仍保留，可查可下载）")  # type: ignore[prop-decorator]
    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None
