"""The employment event this projection is built from (our own copy of the contract)."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict


class WorkerRegistered(BaseModel):
    """Our reading of employment's ``worker.registered.v1``: the ids we need, nothing else."""

    model_config = ConfigDict(extra="ignore")

    worker_id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID


WORKER_REGISTERED_TYPE = "cn.xianjie.employment.worker.registered.v1"
WORKER_REGISTERED_SUBJECT = "xianjie.employment.worker.registered"
