"""Issue 11, contradiction 1: 脱贫 identity (kind) and monitoring status (status + category) are two
attributes. A 脱贫户 included as 脱贫不稳定户 is still a 脱贫户; the category must fit the identity;
"monitored" is no identity a household can be registered with."""

from __future__ import annotations

from typing import Any

import httpx

from services.monitoring.households.events import HOUSEHOLD_CHANGED
from tests.conftest import Stack
from tests.helpers import auth
from tests.monitoring.factories import (
    HOUSEHOLDS,
    advance,
    announced,
    create_household,
    household,
    include,
    listed,
    step,
)

REPORTS = "/api/monitoring/v1/reports"


async def report_rows(api: httpx.AsyncClient, token: str, name: str, **params: str) -> list[dict[str, Any]]:
    resp = await api.get(f"{REPORTS}/{name}", params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()["rows"]  # type: ignore[no-any-return]


async def test_a_lifted_out_household_included_as_unstable_is_still_lifted_out(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    admin = tokens["admin"]
    lifted = await create_household(api, admin, kind="lifted_out")
    included = await include(api, tokens, lifted["id"], stack, subtype="unstable")
    assert (included["kind"], included["kind_label"]) == ("lifted_out", "脱贫户")
    assert (included["status"], included["subtype_label"]) == ("included", "脱贫不稳定户")

    # Counted as a 脱贫户 by identity and as monitored by status, in lists and reports alike.
    assert await listed(api, admin, kind="lifted_out") == {lifted["id"]}
    assert await listed(api, admin, status="included") == {lifted["id"]}
    by_kind = await report_rows(api, admin, "households", group="kind")
    assert [(r["group_value"], r["group_label"], r["households"]) for r in by_kind] == [
        ("lifted_out", "脱贫户", 1)
    ]
    [missing] = await report_rows(api, admin, "helper-missing")
    assert (missing["kind_label"], missing["status"]) == ("脱贫户", "included")
    # What other services project says so too (employment's floor counts 脱贫户 by this flag).
    *_, (_, last) = await announced(stack, HOUSEHOLD_CHANGED)
    assert (last.lifted_out, last.status, last.subtype) == (True, "included", "unstable")


async def test_a_household_never_lifted_out_is_monitored_without_becoming_one(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    marginal = await create_household(api, tokens["admin"], kind="low_income")
    included = await include(api, tokens, marginal["id"], stack, subtype="marginal")
    assert (included["kind"], included["status"], included["subtype"]) == (
        "low_income",
        "included",
        "marginal",
    )
    *_, (_, last) = await announced(stack, HOUSEHOLD_CHANGED)
    assert last.lifted_out is False and last.status == "included"


async def test_unstable_is_for_lifted_out_households_only(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    ordinary = await create_household(api, tokens["admin"], kind="ordinary")
    await advance(api, tokens, ordinary["id"], stack, through="start_verification")
    refused = await step(
        api,
        tokens["village_beidahe"],
        ordinary["id"],
        "submit_village_review",
        subtype="unstable",
        risk_causes=["illness"],
    )
    assert refused.status_code == 422 and refused.json()["code"] == "subtype_not_for_kind", refused.text
    assert refused.json()["errors"][0]["field"] == "body.subtype"
    assert "脱贫不稳定户" in refused.json()["detail"]
    after = (await api.get(f"{HOUSEHOLDS}/{ordinary['id']}", headers=auth(tokens["admin"]))).json()
    assert (after["status"], after["subtype"]) == ("verifying", None)


async def test_marginal_and_sudden_hardship_are_not_for_lifted_out_households(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    lifted = await create_household(api, tokens["admin"], kind="lifted_out")
    await advance(api, tokens, lifted["id"], stack, through="start_verification")
    for subtype in ("marginal", "sudden_hardship"):
        refused = await step(
            api,
            tokens["village_beidahe"],
            lifted["id"],
            "submit_village_review",
            subtype=subtype,
            risk_causes=["illness"],
        )
        assert refused.status_code == 422 and refused.json()["code"] == "subtype_not_for_kind", subtype


async def test_the_identity_cannot_change_to_one_the_category_does_not_fit(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    lifted = await create_household(api, tokens["admin"], kind="lifted_out")
    included = await include(api, tokens, lifted["id"], stack, subtype="unstable")
    url = f"{HOUSEHOLDS}/{lifted['id']}"
    etag = {"If-Match": f'"{included["version"]}"'}
    refused = await api.patch(url, json={"kind": "ordinary"}, headers=auth(tokens["admin"], **etag))
    assert refused.status_code == 422 and refused.json()["code"] == "subtype_not_for_kind"
    assert refused.json()["errors"][0]["field"] == "body.kind"
    # An identity that fits (a correction of the ledger) is taken; not monitored, anything is.
    plain = await create_household(api, tokens["admin"], kind="ordinary")
    corrected = await api.patch(
        f"{HOUSEHOLDS}/{plain['id']}",
        json={"kind": "low_income"},
        headers=auth(tokens["admin"], **{"If-Match": '"1"'}),
    )
    assert corrected.status_code == 200 and corrected.json()["kind"] == "low_income"


async def test_monitored_is_no_identity_to_register_or_filter_by(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    refused = await api.post(HOUSEHOLDS, json=household(kind="monitored"), headers=auth(tokens["admin"]))
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "body.kind"
    assert (
        await api.get(HOUSEHOLDS, params={"kind": "monitored"}, headers=auth(tokens["admin"]))
    ).status_code == 422
    assert await announced(stack, HOUSEHOLD_CHANGED) == []
