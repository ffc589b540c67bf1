"""Demo records for ``xianjie up``, created through the gateway's public API.

Everything goes through the same HTTP API a person or a departmental system would use, signed in as
the demo accounts, so audit rows, outbox events and the cross-service flows (a project accepted in
funds opens its assets; a job loss in employment raises an alert in monitoring) happen for real.

The data set is fixed: the same households, members, incomes, workers, funds, projects and assets
on every run. Every POST carries an ``Idempotency-Key`` derived from the record (``demo:household:7``),
so a second run creates nothing: the services answer with the stored response. The few writes that
are PUTs (incomes, performance targets, PV station profiles) are only sent when the record is not
there yet. A step a service refuses is reported as one warning line and the rest carries on: the
demo never blocks ``xianjie up``.

ID numbers are generated with the GB 11643 check character but use the address code ``999001``,
which no region has: valid to the checksum, obviously not a real person's.
"""

from __future__ import annotations

import asyncio
import csv
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx

Echo = Callable[[str], None]

MONITORING = "/api/monitoring/v1"
EMPLOYMENT = "/api/employment/v1"
FUNDS = "/api/funds/v1"
ASSETS = "/api/assets/v1"

VILLAGES_FILE = Path(__file__).resolve().parent.parent / "shared" / "data" / "jiyuan-villages-demo.csv"
FAKE_AREA_CODE = "999001"  # no such region: these ID numbers are obviously not real
YEAR = 2025
CONCURRENCY = 8

# Town → (who writes there, how many households). 北大河村 is village_beidahe's own village.
KEJING, SHAOYUAN, POTOU, WANGWU = "419001100", "419001104", "419001105", "419001109"
BEIDAHE = "419001100201"
TOWN_PLAN = [(KEJING, 12), (SHAOYUAN, 6), (POTOU, 6), (WANGWU, 6)]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林"
MALE_GIVEN = ["建国", "志强", "国庆", "保国", "建军", "红旗", "铁柱", "卫东", "宏伟", "永福", "德胜", "振华"]
FEMALE_GIVEN = [
    "桂兰",
    "秀英",
    "玉梅",
    "凤霞",
    "春花",
    "淑珍",
    "素芬",
    "翠萍",
    "丽娟",
    "海燕",
    "金凤",
    "小红",
]
CHILD_GIVEN = ["浩然", "子涵", "欣怡", "梓轩", "雨桐", "宇航", "思琪", "一诺", "俊杰", "佳怡"]
EMPLOYERS = [
    ("济源钢铁集团有限公司", "in_county", "制造业"),
    ("豫光金铅股份有限公司", "in_county", "有色金属"),
    ("郑州富士康精密电子", "in_province", "电子制造"),
    ("洛阳市建工集团", "in_province", "建筑业"),
    ("苏州工业园区某电子厂", "out_of_province", "电子制造"),
    ("北京某物业服务公司", "out_of_province", "物业服务"),
    ("克井镇就业帮扶车间", "in_county", "手工加工"),
    ("济源市王屋山景区", "in_county", "旅游服务"),
]
CHANNELS = ["self_found", "organised", "assistance_workshop", "self_found", "organised"]
TARGETS = [
    {"kind": "output", "name": "建成项目", "unit": "处", "target": "1"},
    {"kind": "benefit", "name": "带动脱贫户和监测户增收", "unit": "户", "target": "30"},
    {"kind": "satisfaction", "name": "受益群众满意度", "unit": "%", "target": "90"},
]

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"


def check_char(first17: str) -> str:
    """GB 11643 check character of the first 17 digits."""
    return _CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def fake_id_number(birth: date, serial: int) -> str:
    """A valid-checksum, obviously fake ID number (address code 999001, serial 001–999)."""
    first17 = f"{FAKE_AREA_CODE}{birth:%Y%m%d}{serial % 1000:03d}"
    return first17 + check_char(first17)


def villages_by_town(path: Path = VILLAGES_FILE) -> dict[str, list[tuple[str, str]]]:
    """Villages of the demo division list (code, name) by town code, in file order."""
    result: dict[str, list[tuple[str, str]]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] == "village":
                result.setdefault(row["code"][:9], []).append((row["code"], row["name"]))
    return result


# --------------------------------------------------------------------------- the data set


@dataclass(frozen=True)
class DemoMember:
    name: str
    relation: str
    birth: date
    labour: str
    health: str = "healthy"
    schooling: str = "not_applicable"

    def id_number(self, serial: int) -> str:
        return fake_id_number(self.birth, serial)


@dataclass(frozen=True)
class DemoHousehold:
    index: int
    town_code: str
    village_code: str
    village_name: str
    account: str  # the demo account that registers it
    kind: str
    members: tuple[DemoMember, ...]
    income: dict[str, str]
    at_risk: bool

    @property
    def head_name(self) -> str:
        return self.members[0].name

    def body(self) -> dict[str, Any]:
        return {
            "town_code": self.town_code,
            "village_code": self.village_code,
            "head_name": self.head_name,
            "address": f"{self.village_name}{self.index % 9 + 1}组{self.index + 3}号",
            "kind": self.kind,
            "member_count": len(self.members),
            "members": [
                {
                    "name": m.name,
                    "id_number": m.id_number(self.index * 10 + n + 1),
                    "relation": m.relation,
                    "health": m.health,
                    "labour": m.labour,
                    "schooling": m.schooling,
                }
                for n, m in enumerate(self.members)
            ],
        }


def _household(index: int, town_code: str, village: tuple[str, str], account: str) -> DemoHousehold:
    surname = SURNAMES[(index * 7) % len(SURNAMES)]
    spouse_surname = SURNAMES[(index * 11 + 3) % len(SURNAMES)]
    head_birth = date(1962 + (index * 3) % 24, 1 + index % 12, 1 + (index * 5) % 28)
    head_age = 2026 - head_birth.year
    members = [
        DemoMember(
            surname + MALE_GIVEN[index % len(MALE_GIVEN)],
            "head",
            head_birth,
            "weak" if head_age >= 60 else ("skilled" if index % 4 == 0 else "ordinary"),
            "chronic" if index % 7 == 3 else "healthy",
        ),
        DemoMember(
            spouse_surname + FEMALE_GIVEN[(index * 5) % len(FEMALE_GIVEN)],
            "spouse",
            date(head_birth.year + 2, 1 + (index * 7) % 12, 1 + (index * 3) % 28),
            "weak" if index % 3 == 0 else "ordinary",
            "serious_illness" if index % 6 == 2 else "healthy",
        ),
    ]
    if index % 3 != 2:  # a grown-up child, often working away from home
        members.append(
            DemoMember(
                surname + CHILD_GIVEN[index % len(CHILD_GIVEN)],
                "child",
                date(1996 + index % 9, 1 + (index * 2) % 12, 1 + index % 28),
                "ordinary",
            )
        )
    if index % 2 == 0:  # a child in compulsory schooling
        members.append(
            DemoMember(
                surname + CHILD_GIVEN[(index + 5) % len(CHILD_GIVEN)],
                "child",
                date(2012 + index % 6, 1 + (index * 5) % 12, 1 + (index * 7) % 28),
                "none",
                schooling="compulsory",
            )
        )
    if index % 4 == 1:  # an elderly parent
        members.append(
            DemoMember(
                surname + ["老汉", "大娘", "福来", "秀兰"][index % 4],
                "parent",
                date(1940 + index % 10, 1 + index % 12, 10),
                "none",
                "serious_illness" if index % 8 == 1 else "chronic",
            )
        )
    at_risk = index % 6 == 2
    size = len(members)
    # Per-capita net income: ~5,000–7,500 for the at-risk households (2025 line: 8,600), else 11,000+.
    per_capita = 5200 + (index * 370) % 2300 if at_risk else 11000 + (index * 1370) % 9000
    net = per_capita * size
    wages = round(net * 0.62)
    business = round(net * 0.18)
    transfers = net - wages - business + 1500
    income = {
        "wages": f"{wages}.00",
        "business": f"{business}.00",
        "property": "300.00",
        "transfers": f"{transfers - 300}.00",
        "business_costs": "1500.00",
        "rigid_expenses": "18000.00" if at_risk and index % 4 == 2 else "0.00",
    }
    kind = "lifted_out" if index % 3 == 0 or at_risk else ("low_income" if index % 5 == 1 else "ordinary")
    return DemoHousehold(
        index, town_code, village[0], village[1], account, kind, tuple(members), income, at_risk
    )


def demo_households() -> list[DemoHousehold]:
    """~30 households in 克井镇, 邵原镇, 坡头镇 and 王屋镇 (villages from the demo division list)."""
    villages = villages_by_town()
    result: list[DemoHousehold] = []
    index = 0
    for town, count in TOWN_PLAN:
        town_villages = villages[town][:4]
        for n in range(count):
            if town == KEJING and n < 4:
                village, account = (BEIDAHE, dict(town_villages)[BEIDAHE]), "village_beidahe"
            elif town == KEJING:
                village, account = town_villages[1 + n % 3], "town_kejing"
            else:
                village, account = town_villages[n % len(town_villages)], "admin"
            result.append(_household(index, town, village, account))
            index += 1
    return result


def _able_bodied(member: DemoMember) -> bool:
    age = 2026 - member.birth.year
    return member.labour in ("ordinary", "skilled") and 16 <= age <= 59


# --------------------------------------------------------------------------- the API client


@dataclass
class Answer:
    status: int
    body: Any
    etag: str | None
    replayed: bool


@dataclass
class DemoLoader:
    http: httpx.AsyncClient
    echo: Echo
    tokens: dict[str, str] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    new: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    limit: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(CONCURRENCY))

    def warn(self, what: str, problem: str) -> None:
        line = f"  demo data   warning: {what}: {problem}"
        self.warnings.append(line)
        self.echo(line)

    async def call(
        self,
        method: str,
        path: str,
        account: str,
        what: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        key: str | None = None,
        if_match: str | None = None,
        quiet: Sequence[int] = (),
    ) -> Answer | None:
        """One request; a refusal is a warning (unless its status is in ``quiet``) and ``None``."""
        token = self.tokens.get(account)
        if token is None:
            return None  # signing in failed: already warned
        headers = {"Authorization": f"Bearer {token}", "Accept-Language": "en"}
        if key:
            headers["Idempotency-Key"] = key
        if if_match:
            headers["If-Match"] = if_match
        for attempt in range(3):
            async with self.limit:
                try:
                    resp = await self.http.request(method, path, json=json, params=params, headers=headers)
                except httpx.HTTPError as exc:
                    self.warn(what, f"{type(exc).__name__}: {exc}")
                    return None
            # A 5xx (e.g. a deadlock victim) rolled back, claim of the Idempotency-Key included:
            # the same request may simply be sent again.
            if resp.status_code < 500 or (method == "POST" and not key):
                break
            await asyncio.sleep(0.2 * (attempt + 1))
        if resp.status_code >= 400:
            if resp.status_code not in quiet:
                self.warn(what, _problem(resp))
            return None
        body = resp.json() if resp.content else None
        return Answer(
            resp.status_code,
            body,
            resp.headers.get("etag"),
            resp.headers.get("idempotent-replayed") == "true",
        )

    async def create(
        self, kind: str, path: str, account: str, key: str, body: Any, *, if_match: str | None = None
    ) -> Answer | None:
        """A POST with its fixed Idempotency-Key; counted under ``kind`` when it succeeds."""
        answer = await self.call("POST", path, account, key, json=body, key=key, if_match=if_match)
        if answer is not None:
            self.counts[kind] += 1
            if not answer.replayed:
                self.new[kind] += 1
        return answer

    async def etag(self, path: str, account: str, what: str) -> str | None:
        answer = await self.call("GET", path, account, what)
        return answer.etag if answer else None

    async def sign_in(self, password: str) -> None:
        async def one(account: str, data: dict[str, str]) -> None:
            try:
                resp = await self.http.post("/auth/token", data=data)
            except httpx.HTTPError as exc:
                self.warn(f"sign in as {account}", f"{type(exc).__name__}: {exc}")
                return
            if resp.status_code != 200:
                self.warn(f"sign in as {account}", _problem(resp))
                return
            self.tokens[account] = resp.json()["access_token"]

        users = ["admin", "town_kejing", "village_beidahe"]
        await asyncio.gather(
            *(one(u, {"grant_type": "password", "username": u, "password": password}) for u in users),
            one(
                "integrator_hrss",
                {
                    "grant_type": "client_credentials",
                    "client_id": "integrator_hrss",
                    "client_secret": password,
                },
            ),
        )


def _problem(resp: httpx.Response) -> str:
    try:
        problem = resp.json()
    except ValueError:
        return f"HTTP {resp.status_code}"
    if not isinstance(problem, dict):
        return f"HTTP {resp.status_code}"
    detail = problem.get("detail") or problem.get("title", "")
    return f"HTTP {resp.status_code} {problem.get('code', '')}: {detail}"


async def _gather(*steps: Awaitable[Any]) -> list[Any]:
    return list(await asyncio.gather(*steps))


# --------------------------------------------------------------------------- monitoring


@dataclass
class Registered:
    household: DemoHousehold
    id: str
    members: dict[str, str] = field(default_factory=dict)  # id number → member id


async def _register_household(loader: DemoLoader, h: DemoHousehold) -> Registered | None:
    body = h.body()
    answer = await loader.create(
        "households", f"{MONITORING}/households", h.account, f"demo:household:{h.index}", body
    )
    if answer is None:
        return None
    registered = Registered(h, answer.body["id"])
    loader.counts["members"] += len(h.members)
    if not answer.replayed:
        loader.new["members"] += len(h.members)
    path = f"{MONITORING}/households/{registered.id}"
    members, incomes = await _gather(
        loader.call("GET", f"{path}/members", h.account, f"members of household {h.index}"),
        loader.call("GET", f"{path}/incomes", h.account, f"incomes of household {h.index}"),
    )
    if members is not None:
        registered.members = {m["id_number"]: m["id"] for m in members.body}
    if incomes is not None:
        if any(i["year"] == YEAR for i in incomes.body):
            loader.counts["incomes"] += 1
        elif await loader.call(
            "PUT", f"{path}/incomes/{YEAR}", h.account, f"income {YEAR} of household {h.index}", json=h.income
        ):
            loader.counts["incomes"] += 1
            loader.new["incomes"] += 1
    return registered


async def _monitoring(loader: DemoLoader) -> list[Registered]:
    households = demo_households()
    registered = [
        r for r in await _gather(*(_register_household(loader, h) for h in households)) if r is not None
    ]

    # The 2025 monitoring line (8600) is seeded by the migration; set it only if it is missing.
    lines = await loader.call("GET", f"{MONITORING}/monitoring-lines", "admin", "monitoring lines")
    if lines is not None and not any(line["year"] == YEAR for line in lines.body):
        await loader.call(
            "PUT",
            f"{MONITORING}/monitoring-lines/{YEAR}",
            "admin",
            "monitoring line",
            json={"amount": "8600.00"},
        )

    # 系统筛查: once (a second screening would raise nothing, but would still be an audit record).
    earlier = await loader.call(
        "GET", f"{MONITORING}/alerts", "admin", "list system alerts", params={"source": "system", "limit": 1}
    )
    if earlier is not None and earlier.body["items"]:
        loader.counts["screenings"] += 1
    elif await loader.call("POST", f"{MONITORING}/screenings", "admin", "screening", json={"year": YEAR}):
        loader.counts["screenings"] += 1
        loader.new["screenings"] += 1

    # 部门筛查预警: the 人社局 system reports two members (matched by ID number).
    batch_records = []
    for r in registered[20:24:2]:
        member = r.household.members[0]
        batch_records.append(
            {
                "record_id": f"RS-{r.household.index:04d}",
                "id_number": member.id_number(r.household.index * 10 + 1),
                "risk_cause": "unstable_work",
                "reason": "社保缴费中断三个月以上",
            }
        )
    if batch_records:
        await loader.create(
            "department_batches",
            f"{MONITORING}/alerts/department-batches",
            "integrator_hrss",
            "demo:department-batch:2025-11",
            {"batch_id": "DEMO-RS-2025-11", "records": batch_records},
        )

    # 识别纳入: the first at-risk household of 北大河村 as far as the public notice (公示中). Closing the
    # notice needs the objection window (5 days) to pass, so the demo stops there.
    case = next(
        (r for r in registered if r.household.at_risk and r.household.account == "village_beidahe"), None
    )
    if case is not None:
        path = f"{MONITORING}/households/{case.id}"
        steps: list[dict[str, Any]] = [
            {"action": "start_verification", "reason": "系统筛查预警，入户核实"},
            {
                "action": "submit_village_review",
                "reason": "核实属实：家人大病，人均纯收入低于监测线",
                "subtype": "unstable",
                "risk_causes": ["illness"],
            },
            {"action": "village_approve", "reason": "村民代表会议评议通过"},
        ]
        for n, step in enumerate(steps, 1):
            etag = await loader.etag(path, "village_beidahe", f"household {case.household.index}")
            answer = await loader.create(
                "workflow_steps",
                f"{path}/transitions",
                "village_beidahe",
                f"demo:household:{case.household.index}:step:{n}",
                step,
                if_match=etag,
            )
            if answer is None:
                break
    return registered


# --------------------------------------------------------------------------- employment


async def _worker(loader: DemoLoader, n: int, r: Registered, member: DemoMember, serial: int) -> None:
    h = r.household
    member_id = r.members.get(member.id_number(serial))
    if member_id is None:
        return
    employer, place, sector = EMPLOYERS[n % len(EMPLOYERS)]
    body = {
        "household_id": r.id,
        "member_id": member_id,
        "town_code": h.town_code,
        "village_code": h.village_code,
        "status": "employed",
        "employer": employer,
        "place": place,
        "sector": sector,
        "channel": CHANNELS[n % len(CHANNELS)],
        "monthly_wage": f"{2800 + (n * 230) % 2600}.00",
        "employed_since": date(2025, 1 + n % 9, 1).isoformat(),
        "skills": [["电工", "焊工", "厨师", "叉车", "家政", "砌筑工"][n % 6]] if n % 2 == 0 else [],
    }
    answer = await loader.create(
        "workers", f"{EMPLOYMENT}/workers", "integrator_hrss", f"demo:worker:{serial}", body
    )
    if answer is None:
        return
    loader.counts["spells"] += 1  # the first job, recorded with the worker
    if not answer.replayed:
        loader.new["spells"] += 1
    path = f"{EMPLOYMENT}/workers/{answer.body['id']}"
    if n % 5 == 3:  # 更换工作: a new main job from July 2026 closes the first one
        new_employer, new_place, new_sector = EMPLOYERS[(n + 3) % len(EMPLOYERS)]
        etag = await loader.etag(path, "integrator_hrss", f"worker {serial}")
        await loader.create(
            "spells",
            f"{path}/spells",
            "integrator_hrss",
            f"demo:worker:{serial}:spell:2",
            {
                "employer": new_employer,
                "place": new_place,
                "sector": new_sector,
                "channel": "organised",
                "monthly_wage": f"{3600 + (n * 170) % 1500}.00",
                "started_on": "2026-07-01",
            },
            if_match=etag,
        )
    elif n % 11 == 7:  # 失业: the employer closed; monitoring raises an alert from the event
        etag = await loader.etag(path, "integrator_hrss", f"worker {serial}")
        await loader.create(
            "job_losses",
            f"{path}/job-loss",
            "integrator_hrss",
            f"demo:worker:{serial}:job-loss",
            {"ended_on": "2026-10-31", "reason": "企业停产，合同到期未续签"},
            if_match=etag,
        )


async def _employment(loader: DemoLoader, registered: list[Registered]) -> None:
    # One lane per town, each lane one worker after the other: spell writes of one town touch the
    # same counting rows, and concurrent ones there can deadlock in the employment service.
    lanes: dict[str, list[tuple[int, Registered, DemoMember, int]]] = {}
    n = 0
    for r in registered:
        for k, member in enumerate(r.household.members):
            if member.relation != "spouse" and _able_bodied(member):
                lanes.setdefault(r.household.town_code, []).append(
                    (n, r, member, r.household.index * 10 + k + 1)
                )
                n += 1

    async def lane(work: list[tuple[int, Registered, DemoMember, int]]) -> None:
        for args in work:
            await _worker(loader, *args)

    await _gather(*(lane(work) for work in lanes.values()))


# --------------------------------------------------------------------------- funds


FUND_PLAN = [
    ("central", "2025年中央财政衔接推进乡村振兴补助资金", "30000000.00"),
    ("provincial", "2025年省级财政衔接推进乡村振兴补助资金", "12000000.00"),
    ("district", "2025年区级财政衔接推进乡村振兴资金", "8000000.00"),
    ("central_lottery", "2025年中央专项彩票公益金（革命老区）", "2000000.00"),
]


@dataclass(frozen=True)
class DemoProject:
    key: str
    name: str
    town_code: str
    village_code: str | None
    category: str
    planned: str
    fund: str  # source of its allocation
    goal: str  # proposed, in_library, planned, in_progress, accepted
    paid: str | None = None
    assets: tuple[dict[str, Any], ...] = ()


PROJECTS = [
    DemoProject(
        "kejing-mushroom",
        "北大河村食用菌产业园（二期）",
        KEJING,
        BEIDAHE,
        "industry",
        "1200000.00",
        "central",
        "accepted",
        paid="1200000.00",
        assets=(
            {
                "asset_ref": "1",
                "name": "北大河村食用菌大棚（20座）",
                "kind": "operating",
                "category": "农业设施",
                "value": "960000.00",
                "village_code": BEIDAHE,
                "owner_kind": "village_collective",
            },
            {
                "asset_ref": "2",
                "name": "北大河村冷藏库",
                "kind": "operating",
                "category": "冷链设施",
                "value": "240000.00",
                "village_code": BEIDAHE,
                "owner_kind": "village_collective",
            },
        ),
    ),
    DemoProject(
        "potou-pepper",
        "郑北村花椒种植基地",
        POTOU,
        "419001105201",
        "industry",
        "800000.00",
        "central",
        "in_progress",
        paid="300000.00",
    ),
    DemoProject(
        "shaoyuan-road",
        "李庙庄村产业路硬化",
        SHAOYUAN,
        "419001104201",
        "infrastructure",
        "600000.00",
        "district",
        "planned",
    ),
    DemoProject(
        "kejing-workshop",
        "庙前河村就业帮扶车间",
        KEJING,
        "419001100202",
        "employment",
        "500000.00",
        "provincial",
        "in_library",
    ),
    DemoProject(
        "wangwu-water",
        "大赵湾村农村供水提升工程",
        WANGWU,
        "419001109202",
        "infrastructure",
        "400000.00",
        "central_lottery",
        "proposed",
    ),
]
ORDER = ["proposed", "in_review", "in_library", "planned", "approved", "in_progress", "completed", "accepted"]


async def _project(loader: DemoLoader, p: DemoProject, fund_ids: dict[str, str]) -> str | None:
    body: dict[str, Any] = {
        "name": p.name,
        "town_code": p.town_code,
        "category": p.category,
        "year": YEAR,
        "planned_amount": p.planned,
    }
    if p.village_code:
        body["village_code"] = p.village_code
    answer = await loader.create("projects", f"{FUNDS}/projects", "admin", f"demo:project:{p.key}", body)
    if answer is None:
        return None
    project_id: str = answer.body["id"]
    path = f"{FUNDS}/projects/{project_id}"
    goal = ORDER.index(p.goal)
    if goal == 0:
        return project_id

    async def step(to: str, reason: str) -> bool:
        etag = await loader.etag(path, "admin", f"project {p.key}")
        body = {"to": to, "reason": reason, "documents": [f"济乡振〔{YEAR}〕{ORDER.index(to) + 10}号"]}
        return (
            await loader.create(
                "project_steps", f"{path}/steps", "admin", f"demo:project:{p.key}:{to}", body, if_match=etag
            )
            is not None
        )

    dossier = await loader.call("GET", f"{path}/dossier", "admin", f"dossier of project {p.key}")
    if dossier is None:
        return project_id
    if not dossier.body["indicators"]:
        etag = await loader.etag(path, "admin", f"project {p.key}")
        if (
            await loader.call(
                "PUT",
                f"{path}/performance-targets",
                "admin",
                f"targets of project {p.key}",
                json={"indicators": TARGETS},
                if_match=etag,
            )
            is None
        ):
            return project_id
    for to, reason in [
        ("in_review", "提交入库论证"),
        ("in_library", "论证通过，纳入项目库"),
        ("planned", "纳入年度实施计划"),
    ]:
        if ORDER.index(to) > goal or not await step(to, reason):
            return project_id
    if goal <= ORDER.index("planned"):
        if p.fund in fund_ids:
            await loader.create(
                "allocations",
                f"{FUNDS}/funds/{fund_ids[p.fund]}/allocations",
                "admin",
                f"demo:allocation:{p.key}",
                {"project_id": project_id, "amount": p.planned},
            )
        return project_id
    allocation = await loader.create(
        "allocations",
        f"{FUNDS}/funds/{fund_ids.get(p.fund, '-')}/allocations",
        "admin",
        f"demo:allocation:{p.key}",
        {"project_id": project_id, "amount": p.planned},
    )
    if allocation is None:
        return project_id
    for to, reason in [("approved", "批复实施方案并安排资金"), ("in_progress", "开工建设")]:
        if not await step(to, reason):
            return project_id
    if p.paid:
        await loader.create(
            "payments",
            f"{FUNDS}/payments",
            "admin",
            f"demo:payment:{p.key}",
            {
                "allocation_id": allocation.body["id"],
                "amount": p.paid,
                "paid_on": "2025-09-15",
                "voucher": f"付{YEAR}-{p.key}",
            },
        )
    if goal < ORDER.index("accepted") or not await step("completed", "项目完工"):
        return project_id
    dossier = await loader.call("GET", f"{path}/dossier", "admin", f"dossier of project {p.key}")
    if dossier is None:
        return project_id
    etag = await loader.etag(path, "admin", f"project {p.key}")
    evaluation = {
        "evaluated_on": "2025-11-20",
        "conclusion": "绩效目标全部完成",
        "actuals": [{"indicator_id": i["id"], "actual": i["target"]} for i in dossier.body["indicators"]],
    }
    if (
        await loader.create(
            "evaluations",
            f"{path}/performance-evaluation",
            "admin",
            f"demo:project:{p.key}:evaluation",
            evaluation,
            if_match=etag,
        )
        is None
    ):
        return project_id
    etag = await loader.etag(path, "admin", f"project {p.key}")
    acceptance = {
        "accepted_on": "2025-11-28",
        "reason": "竣工验收合格",
        "documents": ["验收报告"],
        "assets": list(p.assets),
    }
    if (
        await loader.create(
            "acceptances",
            f"{path}/acceptance",
            "admin",
            f"demo:project:{p.key}:acceptance",
            acceptance,
            if_match=etag,
        )
        is None
    ):
        return project_id
    # 公告公示: the result goes on the public listing (GET /api/funds/v1/public/announcements).
    await loader.create(
        "announcements",
        f"{path}/announcements",
        "admin",
        f"demo:project:{p.key}:result-announcement",
        {"kind": "result", "starts_on": "2025-11-28", "ends_on": "2025-12-07"},
    )
    return project_id


async def _funds(loader: DemoLoader) -> dict[str, str]:
    answers = await _gather(
        *(
            loader.create(
                "funds",
                f"{FUNDS}/funds",
                "admin",
                f"demo:fund:{YEAR}:{source}",
                {"year": YEAR, "source": source, "name": name, "amount": amount},
            )
            for source, name, amount in FUND_PLAN
        )
    )
    fund_ids = {
        source: a.body["id"] for (source, _, _), a in zip(FUND_PLAN, answers, strict=True) if a is not None
    }
    projects = await _gather(*(_project(loader, p, fund_ids) for p in PROJECTS))
    return {p.key: pid for p, pid in zip(PROJECTS, projects, strict=True) if pid}


# --------------------------------------------------------------------------- assets


HAND_ASSETS = [
    (
        "wangwu-pv",
        {
            "name": "郑前庄村光伏帮扶电站",
            "kind": "operating",
            "category": "光伏电站",
            "town_code": WANGWU,
            "village_code": "419001109201",
            "latitude": "35.183600",
            "longitude": "112.250900",
            "value": "450000.00",
            "formed_on": "2024-06-30",
            "owner_kind": "village_collective",
        },
    ),
    (
        "kejing-factory",
        {
            "name": "坡西头村扶贫车间厂房",
            "kind": "operating",
            "category": "厂房",
            "town_code": KEJING,
            "village_code": "419001100203",
            "value": "680000.00",
            "formed_on": "2023-10-15",
            "owner_kind": "village_collective",
        },
    ),
]


async def _lifecycle(loader: DemoLoader, key: str, asset_id: str, steps: list[dict[str, Any]]) -> bool:
    path = f"{ASSETS}/assets/{asset_id}"
    for step in steps:
        etag = await loader.etag(path, "admin", f"asset {key}")
        answer = await loader.create(
            "lifecycle_steps",
            f"{path}/lifecycle",
            "admin",
            f"demo:asset:{key}:{step['action']}",
            step,
            if_match=etag,
        )
        if answer is None:
            return False
    return True


async def _pv_station(loader: DemoLoader, asset_id: str) -> None:
    path = f"{ASSETS}/assets/{asset_id}"
    ok = await _lifecycle(
        loader,
        "wangwu-pv",
        asset_id,
        [
            {
                "action": "confirm_ownership",
                "occurred_on": "2024-08-01",
                "owner_kind": "village_collective",
                "owner_name": "郑前庄村股份经济合作社",
                "documents": [{"title": "资产确权登记表", "ref": "王屋确〔2024〕3号"}],
            },
            {"action": "hand_over", "occurred_on": "2024-08-15", "manager_name": "郑前庄村村民委员会"},
            {"action": "start_operation", "occurred_on": "2024-09-01"},
        ],
    )
    if not ok:
        return
    station = await loader.call("GET", f"{path}/pv-station", "admin", "PV station", quiet=(404,))
    if station is None:
        station = await loader.call(
            "PUT",
            f"{path}/pv-station",
            "admin",
            "PV station",
            json={"capacity_kw": "300.00", "grid_connected_on": "2024-08-28"},
        )
        if station is None:
            return
        loader.new["pv_stations"] += 1
    loader.counts["pv_stations"] += 1
    # Monthly generation and revenue, January–October 2026 (~1,100 kWh/kW a year, 0.40 yuan/kWh).
    profile = [0.55, 0.65, 0.85, 1.0, 1.15, 1.2, 1.15, 1.1, 1.0, 0.85]
    records = []
    for month, factor in enumerate(profile, 1):
        kwh = round(300 * 1100 / 12 * factor)
        records.append(
            loader.create(
                "monthly_records",
                f"{path}/monthly-records",
                "admin",
                f"demo:asset:wangwu-pv:month:2026-{month:02d}",
                {"month": f"2026-{month:02d}-01", "revenue": f"{kwh * 0.4:.2f}", "generation_kwh": f"{kwh}"},
            )
        )
    await _gather(*records)
    await loader.create(
        "distributions",
        f"{ASSETS}/distributions",
        "admin",
        "demo:distribution:wangwu-pv:2026-h1",
        {
            "asset_id": asset_id,
            "decided_on": "2026-07-10",
            "procedure": "four_discussions_two_publications",
            "approving_body": "郑前庄村村民代表大会",
            "decision_ref": "郑前庄村〔2026〕2号",
            "total_amount": "30000.00",
            "shares": [
                {
                    "use": "public_welfare_posts",
                    "beneficiary": "公益性岗位人员",
                    "beneficiary_count": 6,
                    "amount": "12000.00",
                },
                {
                    "use": "small_public_works",
                    "beneficiary": "全体村民",
                    "beneficiary_count": 312,
                    "amount": "8000.00",
                },
                {
                    "use": "monitored_household_assistance",
                    "beneficiary": "监测户",
                    "beneficiary_count": 4,
                    "amount": "6000.00",
                },
                {
                    "use": "collective_reinvestment",
                    "beneficiary": "村集体",
                    "beneficiary_count": 1,
                    "amount": "4000.00",
                },
            ],
        },
    )


async def _assets(loader: DemoLoader) -> None:
    answers = await _gather(
        *(
            loader.create("assets_registered", f"{ASSETS}/assets", "admin", f"demo:asset:{key}", body)
            for key, body in HAND_ASSETS
        )
    )
    ids = {key: a.body["id"] for (key, _), a in zip(HAND_ASSETS, answers, strict=True) if a is not None}
    jobs: list[Awaitable[Any]] = []
    if "wangwu-pv" in ids:
        jobs.append(_pv_station(loader, ids["wangwu-pv"]))
    if "kejing-factory" in ids:
        jobs.append(
            _lifecycle(
                loader,
                "kejing-factory",
                ids["kejing-factory"],
                [
                    {
                        "action": "confirm_ownership",
                        "occurred_on": "2023-12-01",
                        "owner_kind": "village_collective",
                        "owner_name": "坡西头村股份经济合作社",
                    }
                ],
            )
        )
    await _gather(*jobs)


async def _opened_assets(loader: DemoLoader, project_id: str, expected: int, timeout: float) -> None:
    """Wait (briefly) for the asset registry to open the accepted project's assets from the event."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        answer = await loader.call(
            "GET",
            f"{ASSETS}/assets",
            "admin",
            "assets opened from the project",
            params={"source_project_id": project_id},
        )
        found = len(answer.body["items"]) if answer is not None else 0
        if found >= expected or answer is None:
            break
        if asyncio.get_running_loop().time() > deadline:
            loader.warn(
                "assets opened from the accepted project",
                f"{found} of {expected} after {timeout:.0f}s (still on their way)",
            )
            break
        await asyncio.sleep(0.1)
    loader.counts["assets_opened"] += found


# --------------------------------------------------------------------------- entry point


async def load_demo_records(
    gateway_url: str, password: str, *, echo: Echo = print, opened_assets_timeout: float = 10.0
) -> dict[str, int]:
    """Create the demo records through the gateway (idempotent); counts of what exists per kind.

    A refused step prints one warning line (``echo``) and is skipped; nothing here raises for a
    refusal. ``counts["new"]`` is how many records this run created (0 on a repeat).
    """
    async with httpx.AsyncClient(base_url=gateway_url, timeout=30, trust_env=False) as http:
        loader = DemoLoader(http, echo)
        await loader.sign_in(password)
        if not loader.tokens:
            return {}
        # Monitoring, funds and the hand-registered assets do not depend on each other.
        registered, project_ids, _ = await _gather(_monitoring(loader), _funds(loader), _assets(loader))
        # Workers need monitoring's member ids; the opened assets need the accepted project.
        accepted = next((p for p in PROJECTS if p.goal == "accepted"), None)
        waits: list[Awaitable[Any]] = [_employment(loader, registered)]
        if accepted is not None and accepted.key in project_ids and loader.counts["acceptances"]:
            waits.append(
                _opened_assets(loader, project_ids[accepted.key], len(accepted.assets), opened_assets_timeout)
            )
        await _gather(*waits)
    result = dict(sorted(loader.counts.items()))
    result["new"] = sum(loader.new.values())
    result["warnings"] = len(loader.warnings)
    return result


def summary(counts: dict[str, int]) -> str:
    """One line for the launcher: ``30 households, 97 members, …``."""
    labels = [
        ("households", "household", "households"),
        ("members", "member", "members"),
        ("incomes", "income", "incomes"),
        ("workflow_steps", "workflow step", "workflow steps"),
        ("workers", "worker", "workers"),
        ("spells", "spell", "spells"),
        ("funds", "fund", "funds"),
        ("projects", "project", "projects"),
        ("payments", "payment", "payments"),
        ("assets_opened", "asset from projects", "assets from projects"),
        ("assets_registered", "asset by hand", "assets by hand"),
        ("monthly_records", "monthly record", "monthly records"),
        ("distributions", "distribution", "distributions"),
    ]
    parts = [f"{counts[k]} {one if counts[k] == 1 else many}" for k, one, many in labels if counts.get(k)]
    text = ", ".join(parts) or "nothing"
    new = counts.get("new", 0)
    text += f"; {new} new" if new else "; nothing new (all there already)"
    if counts.get("warnings"):
        text += f"; {counts['warnings']} warnings (above)"
    return text
