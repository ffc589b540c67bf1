"""农户自主申报 through the public channel: no token, rate-limited, answers nothing but a code and
a status; the village's cadres find it as an alert, or in their inbox to register and link."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import structlog
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from structlog.testing import capture_logs

from services.monitoring.alerts.events import ALERT_RAISED
from services.monitoring.declarations import phones
from services.monitoring.declarations import repository as declarations_repository
from services.monitoring.declarations.events import DECLARATION_RECEIVED
from services.monitoring.declarations.service import (
    TRACKING_ALPHABET,
    format_tracking_code,
    new_tracking_code,
    normalise_tracking_code,
)
from services.monitoring.settings import MonitoringSettings
from tests.conftest import Stack
from tests.helpers import KEJING_OTHER_VILLAGE, KEJING_VILLAGE, WANGWU, auth, problem
from tests.monitoring.factories import (
    ALERTS,
    announced,
    count,
    create_household,
    id_number,
    member,
    step,
    town_official,
)

PUBLIC = "/api/monitoring/v1/public/declarations"
LOOKUP = f"{PUBLIC}/lookup"
FORM = "/api/monitoring/v1/public/declaration-form"
DECLARATIONS = "/api/monitoring/v1/declarations"
DECLARATION_COUNT = "SELECT count(*) FROM monitoring.self_declarations"
ALERT_COUNT = "SELECT count(*) FROM monitoring.alerts"
CODE_FORMAT = re.compile(
    rf"^[{TRACKING_ALPHABET}]{{4}}-[{TRACKING_ALPHABET}]{{4}}-[{TRACKING_ALPHABET}]{{4}}$"
)
_phones = itertools.count(13800000001)


def new_phone() -> str:
    return str(next(_phones))


def declaration(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "village_code": KEJING_VILLAGE,
        "applicant_name": "李秀英",
        "id_number": id_number(),
        "phone": new_phone(),
        "account": "丈夫务工时摔伤住院，家中无其他收入",
        "risk_causes": ["accident"],
    }
    body.update(overrides)
    return body


async def submit(api: httpx.AsyncClient, body: dict[str, Any], **headers: str) -> httpx.Response:
    return await api.post(PUBLIC, json=body, headers=headers)


async def submitted(api: httpx.AsyncClient, body: dict[str, Any]) -> str:
    resp = await submit(api, body)
    assert resp.status_code == 201, resp.text
    return resp.json()["tracking_code"]  # type: ignore[no-any-return]


async def inbox(api: httpx.AsyncClient, token: str, **params: str) -> list[dict[str, Any]]:
    resp = await api.get(DECLARATIONS, params=params, headers=auth(token))
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]  # type: ignore[no-any-return]


async def lookup(api: httpx.AsyncClient, code: str, phone: str, **headers: str) -> httpx.Response:
    return await api.post(LOOKUP, json={"tracking_code": code, "phone": phone}, headers=headers)


@contextlib.contextmanager
def limits(stack: Stack, **values: str) -> Iterator[None]:
    """Other allowances for one test (the settings object is the running service's own)."""
    settings = stack.apps["monitoring"].state.component.settings
    before = {name: getattr(settings, name) for name in values}
    for name, value in values.items():
        setattr(settings, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(settings, name, value)


# --- the public channel, end to end through the gateway --------------------------------------------


async def test_a_members_declaration_becomes_the_households_alert_without_a_token(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    number = id_number()
    household = await create_household(api, tokens["admin"], members=[member(id_number=number)])
    resp = await submit(api, declaration(id_number=number, risk_causes=["accident", "accident"]))
    assert resp.status_code == 201, resp.text
    body = resp.json()
    # A code to quote and the next step: nothing about the household.
    assert set(body) == {"tracking_code", "next_step"}
    assert CODE_FORMAT.fullmatch(body["tracking_code"])
    [alert] = (
        await api.get(ALERTS, params={"source": "self_declared"}, headers=auth(tokens["village_beidahe"]))
    ).json()["items"]
    assert alert["household_id"] == household["id"] and alert["risk_causes"] == ["accident"]
    assert alert["reason"] == "丈夫务工时摔伤住院，家中无其他收入"
    [(_, raised)] = await announced(stack, ALERT_RAISED)
    assert str(raised.alert_id) == alert["id"] and raised.source == "self_declared"
    [(_, received)] = await announced(stack, DECLARATION_RECEIVED)
    assert str(received.alert_id) == alert["id"] and received.village_code == KEJING_VILLAGE
    [listed] = await inbox(api, tokens["village_beidahe"])
    assert listed["status"] == "alerted" and listed["status_label"] == "已转为预警"
    assert listed["alert_id"] == alert["id"] and listed["household_id"] == household["id"]
    assert listed["tracking_code"] == normalise_tracking_code(body["tracking_code"])


async def test_an_unmatched_declaration_waits_in_the_villages_inbox_and_answers_the_same(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    # The number is a member's — of another village: only the declared village's members match.
    number = id_number()
    await create_household(
        api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE, members=[member(id_number=number)]
    )
    phone = "138 0013 8000"
    resp = await submit(api, declaration(id_number=number, phone=phone))
    assert resp.status_code == 201, resp.text
    assert set(resp.json()) == {"tracking_code", "next_step"}
    matched_household = await create_household(
        api, tokens["admin"], members=[member(id_number=(n := id_number()))]
    )
    matched = await submit(api, declaration(id_number=n))
    # Matched or not, the applicant reads the same next step: the answer tells nothing of the records.
    assert matched.json()["next_step"] == resp.json()["next_step"]
    assert await count(stack, ALERT_COUNT) == 1
    [waiting] = await inbox(api, tokens["village_beidahe"], status="waiting")
    assert waiting["status_label"] == "待登记农户" and waiting["alert_id"] is None
    assert waiting["phone_masked"] == "138****8000"
    assert waiting["id_number_masked"] == f"{number[:6]}********{number[14:]}"
    assert "phone" not in waiting and "id_number" not in waiting
    assert matched_household["id"] != waiting["household_id"]


async def test_a_cadre_links_a_waiting_declaration_to_the_household_they_registered(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await submitted(api, declaration())
    [waiting] = await inbox(api, tokens["village_beidahe"])
    household = await create_household(api, tokens["village_beidahe"])
    url = f"{DECLARATIONS}/{waiting['id']}/link"
    token = tokens["village_beidahe"]
    no_version = await api.post(url, json={"household_id": household["id"]}, headers=auth(token))
    assert no_version.status_code == 428
    etag = (await api.get(f"{DECLARATIONS}/{waiting['id']}", headers=auth(token))).headers["etag"]
    linked = await api.post(
        url, json={"household_id": household["id"]}, headers=auth(token, **{"If-Match": etag})
    )
    assert linked.status_code == 200, linked.text
    assert linked.json()["status"] == "alerted" and linked.json()["household_id"] == household["id"]
    alert = (await api.get(f"{ALERTS}/{linked.json()['alert_id']}", headers=auth(token))).json()
    assert alert["source"] == "self_declared" and alert["household_id"] == household["id"]
    [(_, raised)] = await announced(stack, ALERT_RAISED)
    assert str(raised.alert_id) == alert["id"]
    # Linked once: a second link (with the current version) is refused, no second alert.
    again = await api.post(
        url,
        json={"household_id": household["id"]},
        headers=auth(token, **{"If-Match": linked.headers["etag"]}),
    )
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"
    stale = await api.post(
        url, json={"household_id": household["id"]}, headers=auth(token, **{"If-Match": etag})
    )
    assert stale.status_code == 412
    assert await count(stack, ALERT_COUNT) == 1


async def test_a_waiting_declaration_is_dismissed_with_a_reason_and_the_applicant_reads_the_result(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    body = declaration()
    code = await submitted(api, body)
    [waiting] = await inbox(api, tokens["town_kejing"])
    url = f"{DECLARATIONS}/{waiting['id']}"
    etag = (await api.get(url, headers=auth(tokens["town_kejing"]))).headers["etag"]
    dismissed = await api.post(
        f"{url}/dismissal",
        json={"reason": "经核实本村无此人"},
        headers=auth(tokens["town_kejing"], **{"If-Match": etag}),
    )
    assert dismissed.status_code == 200 and dismissed.json()["status"] == "dismissed"
    answer = (await lookup(api, code, body["phone"])).json()
    assert answer["status"] == "not_included" and answer["status_label"] == "已办结：经核实未纳入监测"


async def test_the_lookup_follows_the_alert_through_verification_and_inclusion(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    number = id_number()
    household = await create_household(api, tokens["admin"], members=[member(id_number=number)])
    body = declaration(id_number=number)
    code = await submitted(api, body)
    received = await lookup(api, code.lower().replace("-", ""), f"+86 {body['phone']}")
    assert received.status_code == 200, received.text
    assert received.json() == {
        "status": "received",
        "status_label": "已受理",
        "next_step": received.json()["next_step"],
    }
    assert "村（社区）干部" in received.json()["next_step"]
    assert (
        await step(api, tokens["village_beidahe"], household["id"], "start_verification")
    ).status_code == 200
    assert (await lookup(api, code, body["phone"])).json()["status"] == "verifying"
    assert (await step(api, tokens["village_beidahe"], household["id"], "reject")).status_code == 200
    assert (await lookup(api, code, body["phone"])).json()["status"] == "not_included"


async def test_a_wrong_phone_and_an_unknown_code_get_the_same_404(api: httpx.AsyncClient) -> None:
    body = declaration()
    code = await submitted(api, body)
    wrong_phone = await lookup(api, code, "13999999999")
    unknown_code = await lookup(api, new_tracking_code(), body["phone"])
    not_a_phone = await lookup(api, code, "12345")
    assert wrong_phone.status_code == unknown_code.status_code == not_a_phone.status_code == 404
    assert problem(wrong_phone) == problem(unknown_code) == problem(not_a_phone)
    assert body["phone"] not in wrong_phone.text + unknown_code.text


async def test_the_notice_board_qr_code_opens_the_villages_form(api: httpx.AsyncClient) -> None:
    resp = await api.get(FORM, params={"village_code": KEJING_VILLAGE})
    assert resp.status_code == 200, resp.text
    form = resp.json()
    assert form["village_code"] == KEJING_VILLAGE and form["town_name"] == "克井镇"
    assert form["submit_to"] == PUBLIC and form["lookup_at"] == LOOKUP
    assert {"value": "illness", "label": "因病"} in form["risk_causes"]
    assert (await api.get(FORM, params={"village_code": "419001100999"})).status_code == 404
    assert (await api.get(FORM, params={"village_code": "41900110"})).status_code == 422


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id_number": "419001198005171230"}, "body.id_number"),  # checksum wrong
        ({"phone": "12800138000"}, "body.phone"),  # no mainland mobile starts 12
        ({"phone": "1380013800"}, "body.phone"),  # ten digits
        ({"village_code": "419001100999"}, "body.village_code"),  # no such village
        ({"account": "难" * 2001}, "body.account"),
        ({"account": ""}, "body.account"),
        ({"household_id": "00000000-0000-0000-0000-000000000000"}, "body.household_id"),
    ],
    ids=["id-checksum", "phone-prefix", "phone-length", "village", "account-long", "account-empty", "extra"],
)
async def test_a_bad_declaration_is_refused_naming_the_field_and_stores_nothing(
    api: httpx.AsyncClient, stack: Stack, change: dict[str, Any], field: str
) -> None:
    resp = await submit(api, declaration(**change))
    assert resp.status_code == 422, resp.text
    assert resp.json()["errors"][0]["field"] == field
    assert await count(stack, DECLARATION_COUNT) == 0


async def test_an_account_of_2000_characters_is_taken(api: httpx.AsyncClient, stack: Stack) -> None:
    assert (await submit(api, declaration(account="难" * 2000))).status_code == 201
    assert await count(stack, DECLARATION_COUNT) == 1


async def test_a_retried_declaration_with_its_idempotency_key_is_recorded_once(
    api: httpx.AsyncClient, stack: Stack
) -> None:
    body = declaration()
    first = await submit(api, body, **{"Idempotency-Key": "phone-retry-1"})
    again = await submit(api, body, **{"Idempotency-Key": "phone-retry-1"})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["idempotent-replayed"] == "true"
    assert await count(stack, DECLARATION_COUNT) == 1
    other = await submit(api, declaration(), **{"Idempotency-Key": "phone-retry-1"})
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


# --- rate limits ---------------------------------------------------------------------------------


async def test_a_phone_declares_three_times_a_day_and_the_fourth_is_refused(
    api: httpx.AsyncClient, stack: Stack
) -> None:
    phone = new_phone()
    for _ in range(3):  # the default allowance, self_declaration_phone_limit = 3/day
        assert (await submit(api, declaration(phone=phone))).status_code == 201
    # Written differently, the same phone: the count is on the number, not the text.
    limited = await submit(api, declaration(phone=f"+86-{phone[:3]}-{phone[3:]}"))
    assert limited.status_code == 429 and limited.json()["code"] == "rate_limited"
    assert limited.headers["content-type"].startswith("application/problem+json")
    assert 1 <= int(limited.headers["retry-after"]) <= 86400
    assert await count(stack, DECLARATION_COUNT) == 3
    # Another phone from the same address still may.
    assert (await submit(api, declaration())).status_code == 201


async def test_a_client_address_has_its_own_allowance_whatever_the_phones(
    api: httpx.AsyncClient, stack: Stack
) -> None:
    with limits(stack, self_declaration_client_limit="5/hour"):
        for _ in range(5):
            assert (await submit(api, declaration())).status_code == 201
        limited = await submit(api, declaration())
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) <= 3600
        # Refused requests count too: invalid bodies are no way around the limit.
        assert (await submit(api, {"phone": "x"})).status_code == 429
        # Another caller, as the gateway saw it, has an allowance of its own.
        other = await submit(api, declaration(), **{"X-Forwarded-For": "203.0.113.9"})
        assert other.status_code == 201, other.text
    assert await count(stack, DECLARATION_COUNT) == 6


async def test_lookups_are_limited_per_client(api: httpx.AsyncClient, stack: Stack) -> None:
    body = declaration()
    code = await submitted(api, body)
    with limits(stack, self_declaration_lookup_limit="4/minute"):
        for _ in range(4):
            assert (await lookup(api, code, body["phone"])).status_code == 200
        limited = await lookup(api, code, body["phone"])
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) <= 60
        assert (await api.get(FORM, params={"village_code": KEJING_VILLAGE})).status_code == 429


async def test_the_counter_window_is_fixed_and_shared_by_its_boundaries(stack: Stack) -> None:
    """Counted in PostgreSQL (every replica the same), one row per caller and window."""
    start = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    async with stack.db("monitoring").transaction() as session:
        hits = [
            await declarations_repository.hit(session, "t:a", 3600, keep_seconds=86400, now=start),
            await declarations_repository.hit(
                session, "t:a", 3600, keep_seconds=86400, now=start.replace(minute=59, second=59)
            ),
            # The next window begins on the hour: a fresh count.
            await declarations_repository.hit(
                session, "t:a", 3600, keep_seconds=86400, now=start.replace(hour=11)
            ),
            await declarations_repository.hit(session, "t:b", 3600, keep_seconds=86400, now=start),
        ]
    assert [h.hits for h in hits] == [1, 2, 1, 1]
    assert hits[0].seconds_left == 3600 and hits[1].seconds_left == 1 and hits[2].seconds_left == 3600
    # Windows over for longer than the longest limit are dropped as later callers come: at 11:30,
    # with one hour to keep, the windows of 10:00 go and the one of 11:00 stays.
    async with stack.db("monitoring").transaction() as session:
        await declarations_repository.hit(
            session, "t:c", 3600, keep_seconds=3600, now=start.replace(hour=11, minute=30)
        )
        left = (
            await session.execute(text("SELECT bucket, window_start FROM monitoring.public_rate_counters"))
        ).all()
    assert sorted(b for b, _ in left) == ["t:a", "t:c"]


# --- the cadres' side: scope and roles ------------------------------------------------------------


async def test_declarations_are_the_territorys_cadres_own(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    await submitted(api, declaration())
    [mine] = await inbox(api, tokens["town_kejing"])
    wangwu = await town_official(api, tokens["admin"], WANGWU)
    assert await inbox(api, wangwu) == []
    assert (await api.get(f"{DECLARATIONS}/{mine['id']}", headers=auth(wangwu))).status_code == 404
    assert (await api.get(DECLARATIONS, headers=auth(tokens["helper_wang"]))).status_code == 403
    assert (await api.get(DECLARATIONS, headers=auth(tokens["dept_hrss"]))).status_code == 403
    assert len(await inbox(api, tokens["auditor"])) == 1
    url = f"{DECLARATIONS}/{mine['id']}/link"
    household = await create_household(api, tokens["admin"])
    refused = await api.post(
        url, json={"household_id": household["id"]}, headers=auth(tokens["auditor"], **{"If-Match": '"1"'})
    )
    assert refused.status_code == 403
    out_of_scope = await api.post(
        url, json={"household_id": household["id"]}, headers=auth(wangwu, **{"If-Match": '"1"'})
    )
    assert out_of_scope.status_code == 404
    assert (await api.get(DECLARATIONS, headers={})).status_code == 401


async def test_a_cadre_cannot_link_a_household_outside_their_territory(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    await submitted(api, declaration())
    [waiting] = await inbox(api, tokens["village_beidahe"])
    elsewhere = await create_household(api, tokens["admin"], village_code=KEJING_OTHER_VILLAGE)
    resp = await api.post(
        f"{DECLARATIONS}/{waiting['id']}/link",
        json={"household_id": elsewhere["id"]},
        headers=auth(tokens["village_beidahe"], **{"If-Match": '"1"'}),
    )
    assert resp.status_code == 404
    assert await count(stack, ALERT_COUNT) == 0


async def test_the_villages_cadres_read_the_applicants_contact_in_full_on_record(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    body = declaration(phone="+86 139 1234 5678")
    await submitted(api, body)
    [waiting] = await inbox(api, tokens["village_beidahe"])
    url = f"{DECLARATIONS}/{waiting['id']}/contact"
    resp = await api.get(url, headers=auth(tokens["village_beidahe"]))
    assert resp.status_code == 200, resp.text
    assert resp.json() == {"applicant_name": "李秀英", "phone": "13912345678", "id_number": body["id_number"]}
    assert resp.headers["cache-control"] == "no-store"
    reveals = "SELECT count(*) FROM monitoring.audit_log WHERE action = 'reveal' AND entity_id = :id"
    assert await count(stack, reveals, id=waiting["id"]) == 1
    for who in ("auditor", "helper_wang", "dept_hrss"):
        assert (await api.get(url, headers=auth(tokens[who]))).status_code == 403, who
    wangwu = await town_official(api, tokens["admin"], WANGWU)
    assert (await api.get(url, headers=auth(wangwu))).status_code == 404
    assert await count(stack, reveals, id=waiting["id"]) == 1


# --- no personal data where it does not belong ----------------------------------------------------


@contextlib.contextmanager
def everything_logged() -> Iterator[list[dict[str, Any]]]:
    """Every structlog line at every level, while the block runs."""
    before = structlog.get_config()["wrapper_class"]
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG))
    try:
        with capture_logs() as entries:
            yield entries
    finally:
        structlog.configure(wrapper_class=before)


async def test_no_phone_or_id_number_in_logs_events_or_the_audit_trail(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack, caplog: pytest.LogCaptureFixture
) -> None:
    number = id_number()
    await create_household(api, tokens["admin"], members=[member(id_number=number)])
    matched, unmatched = declaration(id_number=number), declaration()
    caplog.set_level(logging.DEBUG)
    with everything_logged() as entries:
        code = await submitted(api, matched)
        await submitted(api, unmatched)
        await lookup(api, code, matched["phone"])
        await lookup(api, code, "13999999999")
        await submit(api, declaration(phone=matched["phone"], id_number="419001198005171230"))
        await inbox(api, tokens["village_beidahe"])
    logged = caplog.text + "\n".join(str(e) for e in entries)
    assert any(e.get("event") == "request" for e in entries)  # the capture did see the requests
    async with stack.db("monitoring").engine.connect() as conn:
        outbox = (await conn.execute(text("SELECT envelope::text FROM monitoring.outbox"))).scalars().all()
        audit = (
            (await conn.execute(text("SELECT coalesce(changes::text, '') FROM monitoring.audit_log")))
            .scalars()
            .all()
        )
        stored = (
            (await conn.execute(text("SELECT account FROM monitoring.self_declarations"))).scalars().all()
        )
    assert len(outbox) >= 3 and len(stored) == 2
    for secret in (number, unmatched["id_number"], matched["phone"], unmatched["phone"]):
        assert secret not in logged
        assert not any(secret in envelope for envelope in outbox)
        assert not any(secret in changes for changes in audit)


# --- pure rules ---------------------------------------------------------------------------------


def test_tracking_codes_are_long_unambiguous_and_read_back_however_typed() -> None:
    codes = {new_tracking_code() for _ in range(1000)}
    assert len(codes) == 1000
    assert all(len(c) == 12 and set(c) <= set(TRACKING_ALPHABET) for c in codes)
    assert not set("01ILO") & set(TRACKING_ALPHABET)
    code = next(iter(codes))
    assert normalise_tracking_code(format_tracking_code(code).lower()) == code


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("13800138000", "13800138000"),
        ("+86 138-0013-8000", "13800138000"),
        ("008619912345678", "19912345678"),
        ("8613800138000", "13800138000"),
    ],
)
def test_mainland_mobile_numbers_are_read_in_their_usual_forms(raw: str, number: str) -> None:
    assert phones.parse(raw) == number
    assert phones.mask(number) == f"{number[:3]}****{number[7:]}"


@pytest.mark.parametrize("raw", ["12800138000", "1380013800", "138001380001", "0371-12345678", "1380013800x"])
def test_other_numbers_are_not_mobile_numbers(raw: str) -> None:
    with pytest.raises(phones.InvalidPhone):
        phones.parse(raw)


def test_the_phone_hash_is_not_the_id_number_hash() -> None:
    from services.monitoring.households.id_numbers import vault_for

    assert phones.phone_vault_for("k" * 16).digest("13800138000") != vault_for("k" * 16).digest("13800138000")


def test_a_malformed_limit_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="self_declaration_phone_limit"):
        MonitoringSettings(self_declaration_phone_limit="lots")


# --- database guards ------------------------------------------------------------------------------


async def _insert_declaration(stack: Stack, **values: Any) -> None:
    row: dict[str, Any] = {
        "code": new_tracking_code(),
        "town": KEJING_VILLAGE[:9],
        "village": KEJING_VILLAGE,
        "account": "x",
        "status": "waiting",
        "household_id": None,
        "alert_id": None,
        "reason": None,
    }
    row.update(values)
    async with stack.db("monitoring").engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO monitoring.self_declarations (id, tracking_code, town_code, village_code, "
                "applicant_name, id_number_hash, id_number_cipher, id_number_masked, phone_hash, phone_cipher, "
                "phone_masked, account, status, household_id, alert_id, dismissal_reason, version) VALUES "
                "(gen_random_uuid(), :code, :town, :village, '李', '\\x00', '\\x00', 'm', '\\x00', '\\x00', 'm', "
                ":account, CAST(:status AS monitoring.declaration_status), :household_id, :alert_id, :reason, 1)"
            ),
            row,
        )


@pytest.mark.parametrize(
    ("values", "constraint"),
    [
        ({"town": "419001109"}, "ck_self_declarations_village_in_town"),
        ({"account": ""}, "ck_self_declarations_account_bounded"),
        ({"account": "难" * 2001}, "ck_self_declarations_account_bounded"),
        ({"status": "alerted"}, "ck_self_declarations_status_matches_links"),
        ({"status": "dismissed"}, "ck_self_declarations_status_matches_links"),
    ],
    ids=[
        "village-in-town",
        "account-empty",
        "account-long",
        "alerted-without-alert",
        "dismissed-without-reason",
    ],
)
async def test_the_database_guards_each_rule(stack: Stack, values: dict[str, Any], constraint: str) -> None:
    with pytest.raises(IntegrityError, match=constraint):
        await _insert_declaration(stack, **values)


async def test_the_database_keeps_tracking_codes_unique(stack: Stack) -> None:
    await _insert_declaration(stack, code="ABCDEFGHJKMN")
    with pytest.raises(IntegrityError, match="uq_self_declarations_tracking_code"):
        await _insert_declaration(stack, code="ABCDEFGHJKMN")


# --- fuzzing the public operations -----------------------------------------------------------------


async def test_the_public_operations_survive_fuzzing(stack: Stack) -> None:
    """schemathesis on the three public operations only, through the gateway, without a token; the
    allowances are raised for the run (the limits have their own tests)."""
    schemathesis = Path(sys.executable).parent / "schemathesis"
    command = [
        str(schemathesis),
        "run",
        f"{stack.gateway_url}/openapi.json",
        "--include-path-regex",
        "^/api/monitoring/v1/public/",
        "--checks",
        "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        "40",
        "--max-time",
        "12",
        "--seed",
        "419001",
        "--workers",
        "2",
    ]
    with limits(
        stack,
        self_declaration_phone_limit="100000/hour",
        self_declaration_client_limit="100000/hour",
        self_declaration_lookup_limit="100000/hour",
    ):
        process = await asyncio.create_subprocess_exec(
            *command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        output, _ = await process.communicate()
    report = output.decode(errors="replace")
    assert process.returncode == 0, report[-6000:]
    assert "POST /api/monitoring/v1/public/declarations" in report and "passed" in report
