"""The employment event this projection is built from (our own copy of the contract)."""

from __future__ import annotations

import uuid

from shared.events.envelope import ConsumedEvent, EventReading


class WorkerRegistered(EventReading):
    """Our reading of employment's ``worker.registered.v1``: the ids we need, nothing else."""

    worker_id: uuid.UUID
    household_id: uuid.UUID
    member_id: uuid.UUID


WORKER_REGISTERED = ConsumedEvent(
    service="employment", aggregate="worker", name="registered", payload=WorkerRegistered
)
