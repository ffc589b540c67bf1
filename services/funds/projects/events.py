"""What the funds service announces about projects (ids, codes and amounts only), and the asset
registry's event it reads to link assets back to their project."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from shared.events.envelope import ConsumedEvent, EventPayload, EventReading, EventSpec
from shared.schemas import Money


class ProjectProposed(EventPayload):
    project_id: uuid.UUID
    town_code: str
    village_code: str | None
    category: str
    year: int
    planned_amount: Money
    requires_elevated_review: bool


class ProjectApproved(EventPayload):
    project_id: uuid.UUID
    town_code: str
    village_code: str | None
    category: str
    year: int
    allocated: Money


class ProjectCompleted(EventPayload):
    project_id: uuid.UUID
    town_code: str
    village_code: str | None
    category: str
    year: int
    allocated: Money
    paid: Money


class FundShare(EventPayload):
    fund_id: uuid.UUID
    source: str
    amount: Money


class AcceptedAsset(EventPayload):
    asset_ref: str
    name: str  # a project or asset name (e.g. 食用菌大棚), never a person's
    kind: Literal["operating", "public_welfare", "household"]
    category: str
    value: Money
    town_code: str
    village_code: str
    owner_kind: Literal["village_collective", "household", "other"]


class ProjectAccepted(EventPayload):
    """What the asset registry needs to open the assets the project formed (contract 4)."""

    project_id: uuid.UUID
    town_code: str
    village_code: str | None
    category: str
    year: int
    accepted_on: date
    total_investment: Money
    fund_shares: list[FundShare]
    assets: list[AcceptedAsset]


PROJECT_PROPOSED = EventSpec(
    service="funds",
    aggregate="project",
    name="proposed",
    payload=ProjectProposed,
    summary="项目已申报入项目库 / a project was proposed to the library",
)
PROJECT_APPROVED = EventSpec(
    service="funds",
    aggregate="project",
    name="approved",
    payload=ProjectApproved,
    summary="项目已批复并安排资金 / a project was approved and funded",
)
PROJECT_COMPLETED = EventSpec(
    service="funds",
    aggregate="project",
    name="completed",
    payload=ProjectCompleted,
    summary="项目已完工 / a project was completed",
)
PROJECT_ACCEPTED = EventSpec(
    service="funds",
    aggregate="project",
    name="accepted",
    payload=ProjectAccepted,
    summary="项目已验收，资产待登记移交 / a project was accepted; its assets await registration",
)

PUBLISHED = [PROJECT_PROPOSED, PROJECT_APPROVED, PROJECT_COMPLETED, PROJECT_ACCEPTED]


class AssetRegistered(EventReading):
    """Our reading of assets' ``asset.registered.v1`` (contract 5; our own copy of it)."""

    asset_id: uuid.UUID
    town_code: str  # where the asset lies: a project links only assets of its own town
    source_project_id: uuid.UUID | None = None
    source_asset_ref: str | None = None


ASSET_REGISTERED = ConsumedEvent(
    service="assets", aggregate="asset", name="registered", payload=AssetRegistered
)
