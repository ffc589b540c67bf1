"""The lean reference for a service write: register a household with an Idempotency-Key.

Beside ``../shared/bench/peer_list.py`` (same JWT check with a verified-token cache, same pool):
the leanest honest FastAPI + asyncpg app doing the rows monitoring's ``POST /v1/households``
writes, in one transaction — the Idempotency-Key claim, the household, its audit row, its two
outbox events (household.registered, household.changed, as the service writes them: monitoring's
relay publishes both sides' events alike) and the answer kept for a retry — then
201 with ETag and Location. A replayed key answers the kept response. Benchmarks put the service
beside it in the same run; its figure is the reference, not a target to tune.

  XJ_DB_HOST=<socket dir> XJ_JWKS=http://127.0.0.1:8000/.well-known/jwks.json \
    .venv/bin/uvicorn --app-dir bench peer_write:app --port 18202
"""

import hashlib
import json
import os
import time
import urllib.request
import uuid
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import asyncpg
import jwt
from fastapi import FastAPI, Header, HTTPException
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

state: dict = {"keys": {}, "verified": {}}
RETURNED = (
    "id, town_code, village_code, head_name, address, kind, member_count, helper_user_id, status, subtype, "
    "risk_causes, housing_safe, water_safe, case_started_on, notice_posted_on, included_on, closed_on, "
    "formed_on, cancelled_on, elimination_stage, version, created_at, updated_at"
)


@asynccontextmanager
async def lifespan(_app):
    state["pool"] = await asyncpg.create_pool(
        host=os.environ["XJ_DB_HOST"], user="postgres", database="postgres", min_size=4, max_size=10
    )
    for k in json.load(urllib.request.urlopen(os.environ["XJ_JWKS"]))["keys"]:  # noqa: ASYNC210 (start-up)
        state["keys"][k["kid"]] = jwt.PyJWK(k)
    yield
    await state["pool"].close()


app = FastAPI(lifespan=lifespan)


class HouseholdIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    town_code: str = Field(pattern=r"^\d{9}$")
    village_code: str = Field(pattern=r"^\d{12}$")
    head_name: str = Field(min_length=1, max_length=50)
    address: str = Field(default="", max_length=200)
    kind: str
    member_count: int = Field(ge=1, le=50)
    helper_user_id: str | None = None
    housing_safe: bool = True
    water_safe: bool = True


def verify(token: str) -> dict:
    hit = state["verified"].get(token)
    if hit and hit["exp"] > time.time():
        return hit
    kid = jwt.get_unverified_header(token)["kid"]
    claims = jwt.decode(token, state["keys"][kid], algorithms=["EdDSA"], options={"verify_aud": False})
    state["verified"][token] = claims
    return claims


def plain(v):
    return v if isinstance(v, (int, bool, list, type(None))) else str(v)


# The events are monitoring's own (shared/events/envelope.py's naming): they share monitoring's
# outbox, so its relay publishes them to the service's stream and employment and funds consume them,
# as for the service's own writes. (An event no stream takes would stop that relay at its row.)
SCHEMAS = os.environ["XJ_JWKS"].removesuffix("/.well-known/jwks.json") + "/schemas/events"


def envelope(kind: str, subject: str, data: dict) -> tuple[uuid.UUID, str, str]:
    event_id = uuid.uuid4()
    event_type = f"cn.xianjie.monitoring.{kind}.v1"
    return (
        event_id,
        f"xianjie.monitoring.{kind}",
        json.dumps(
            {
                "specversion": "1.0",
                "id": str(event_id),
                "source": "/xianjie/monitoring",
                "type": event_type,
                "subject": subject,
                "time": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
                "datacontenttype": "application/json",
                "dataschema": f"{SCHEMAS}/{event_type}.json",
                "data": data,
            },
            ensure_ascii=False,
        ),
    )


@app.post("/v1/households", status_code=201)
async def register(
    body: HouseholdIn,
    authorization: str = Header(),
    idempotency_key: str | None = Header(default=None),
    x_request_id: str | None = Header(default=None),
):
    try:
        claims = verify(authorization.removeprefix("Bearer "))
    except Exception:
        raise HTTPException(401) from None
    request_id = x_request_id or uuid.uuid4().hex
    fields = body.model_dump()
    digest = hashlib.sha256(
        json.dumps(["POST", "/v1/households", fields], sort_keys=True).encode()
    ).hexdigest()
    async with state["pool"].acquire() as c, c.transaction():
        if idempotency_key:
            claimed = await c.fetchval(
                "insert into monitoring.idempotency_keys (principal, key, request_hash) values ($1, $2, $3)"
                " on conflict do nothing returning key",
                claims["sub"],
                idempotency_key,
                digest,
            )
            if claimed is None:
                kept = await c.fetchrow(
                    "select request_hash, status_code, response_body, response_headers"
                    " from monitoring.idempotency_keys where principal = $1 and key = $2",
                    claims["sub"],
                    idempotency_key,
                )
                if kept["request_hash"] != digest or kept["status_code"] is None:
                    raise HTTPException(422)
                return Response(
                    kept["response_body"],
                    status_code=kept["status_code"],
                    headers=json.loads(kept["response_headers"]),
                    media_type="application/json",
                )
        row = await c.fetchrow(
            "insert into monitoring.households (id, town_code, village_code, head_name, address, kind,"
            " member_count, helper_user_id, housing_safe, water_safe, version)"
            " values ($1, $2, $3, $4, $5, $6::monitoring.household_kind, $7, $8, $9, $10, 1)"
            f" returning {RETURNED}",
            uuid.uuid4(),
            body.town_code,
            body.village_code,
            body.head_name,
            body.address,
            body.kind,
            body.member_count,
            body.helper_user_id,
            body.housing_safe,
            body.water_safe,
        )
        household = {k: plain(v) for k, v in row.items()}
        audited = {k: v for k, v in fields.items() if k not in {"head_name", "address"}}
        await c.execute(
            "insert into monitoring.audit_log"
            " (actor, actor_role, action, entity, entity_id, changes, request_id)"
            " values ($1, $2, 'create', 'household', $3, $4::jsonb, $5)",
            claims["sub"],
            claims["role"],
            household["id"],
            json.dumps({**audited, "members": 0}),
            request_id,
        )
        subject = household["id"]
        events = [
            envelope(
                "household.registered",
                subject,
                {
                    "household_id": subject,
                    "town_code": body.town_code,
                    "village_code": body.village_code,
                    "kind": body.kind,
                },
            ),
            envelope(
                "household.changed",
                subject,
                {
                    "household_id": subject,
                    "town_code": body.town_code,
                    "village_code": body.village_code,
                    "lifted_out": body.kind == "lifted_out",
                    "status": household["status"],
                    "subtype": household["subtype"],
                    "version": household["version"],
                    "cancelled_on": household["cancelled_on"],
                },
            ),
        ]
        await c.executemany(
            "insert into monitoring.outbox (event_id, nats_subject, envelope) values ($1, $2, $3::jsonb)",
            events,
        )
        answer = json.dumps(household, ensure_ascii=False)
        headers = {"ETag": f'"{household["version"]}"', "Location": f"/v1/households/{subject}"}
        if idempotency_key:
            await c.execute(
                "update monitoring.idempotency_keys set status_code = 201, response_body = $3::jsonb,"
                " response_headers = $4::jsonb where principal = $1 and key = $2",
                claims["sub"],
                idempotency_key,
                answer,
                json.dumps(headers),
            )
    return Response(answer, status_code=201, headers=headers, media_type="application/json")
