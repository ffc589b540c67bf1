"""Run by tests/gateway/test_generated_clients.py with the generated client installed: what an
integrator does first, through the gateway, with nothing but the generated package.

usage: python client_scenario.py BASE_URL USERNAME PASSWORD TOWN_CODE VILLAGE_CODE
"""

from __future__ import annotations

import sys
import uuid

from xianjie_client import AuthenticatedClient, Client
from xianjie_client.api.auth import token
from xianjie_client.api.monitoring_alerts import create_alert
from xianjie_client.api.monitoring_households import create_household, get_household, list_households
from xianjie_client.api.monitoring_transitions import take_step
from xianjie_client.models import (
    BodyToken,
    MonitoringAction,
    MonitoringAlertCreate,
    MonitoringHouseholdCreate,
    MonitoringHouseholdKind,
    MonitoringHouseholdOut,
    MonitoringRiskCause,
    MonitoringTransitionIn,
    Problem,
)


def main(base_url: str, username: str, password: str, town: str, village: str) -> None:
    # Sign in: the token operation of the OAuth2 password flow.
    signed_in = token.sync(
        client=Client(base_url=base_url),
        body=BodyToken(grant_type="password", username=username, password=password),
    )
    assert signed_in is not None and not isinstance(signed_in, Problem), signed_in
    client = AuthenticatedClient(base_url=base_url, token=signed_in.access_token)

    # Create households (two, so a one-item page has a next one).
    for _ in range(2):
        created = create_household.sync_detailed(
            client=client,
            body=MonitoringHouseholdCreate(
                town_code=town,
                village_code=village,
                head_name=f"客户端{uuid.uuid4().hex[:6]}",
                kind=MonitoringHouseholdKind.ORDINARY,
                member_count=1,
            ),
        )
        assert created.status_code == 201, created.content
        assert isinstance(created.parsed, MonitoringHouseholdOut), created.content
    household = created.parsed

    # Page a list: a second page through next_cursor.
    first = list_households.sync(client=client, limit=1)
    assert first is not None and not isinstance(first, Problem), first
    assert first.next_cursor, "a one-item page of two or more households has a next_cursor"
    second = list_households.sync(client=client, limit=1, cursor=first.next_cursor)
    assert second is not None and not isinstance(second, Problem), second
    assert [h.id for h in second.items] != [h.id for h in first.items]

    # A workflow step: an alert, then verification starts (If-Match from the household's ETag).
    alert = create_alert.sync_detailed(
        client=client,
        body=MonitoringAlertCreate(
            household_id=household.id, reason="突发疾病，支出骤增", risk_causes=[MonitoringRiskCause.ILLNESS]
        ),
    )
    assert alert.status_code == 201, alert.content
    etag = get_household.sync_detailed(household.id, client=client).headers["etag"]
    stepped = take_step.sync(
        household.id,
        client=client,
        body=MonitoringTransitionIn(action=MonitoringAction.START_VERIFICATION, reason="入户核实"),
        if_match=etag,
    )
    assert isinstance(stepped, MonitoringHouseholdOut), stepped
    assert stepped.status.value == "verifying", stepped.status

    # Read a problem: the same step again with the old ETag is a stale version.
    stale = take_step.sync(
        household.id,
        client=client,
        body=MonitoringTransitionIn(action=MonitoringAction.START_VERIFICATION, reason="入户核实"),
        if_match=etag,
    )
    assert isinstance(stale, Problem), stale
    assert stale.status == 412 and stale.code == "stale_version", stale
    assert stale.instance == f"/api/monitoring/v1/households/{household.id}/transitions", stale.instance
    print("scenario passed")


if __name__ == "__main__":
    main(*sys.argv[1:6])
