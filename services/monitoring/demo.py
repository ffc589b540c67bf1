"""Demo records of monitoring (防返贫监测帮扶), created through the gateway's public API.

~30 households with their members and 2025 incomes in 克井镇, 邵原镇, 坡头镇 and 王屋镇, the 2025
monitoring line if it is missing, one system screening, one department batch from the 人社局 system,
one household of 北大河村 taken as far as the public notice, this year's assistance plans of the
脱贫户: a developmental measure for nearly every able-bodied person, some delivered; and the 31 water
sites of the 2025 maintenance project (generated, marked demo). Run by
``xianjie/demo_data.py``; every POST carries a fixed ``Idempotency-Key`` (``demo:household:7``), so a
second run creates nothing.

ID numbers are generated with the GB 11643 check character but use the address code ``999001``,
which no region has: valid to the checksum, obviously not a real person's.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from services.monitoring.dates import age_on
from shared import clock
from shared.divisions import DEMO_VILLAGES_FILE
from xianjie.demo_loader import BEIDAHE, KEJING, POTOU, SHAOYUAN, WANGWU, YEAR, DemoLoader, gather

MONITORING = "/api/monitoring/v1"

VILLAGES_FILE = DEMO_VILLAGES_FILE
FAKE_AREA_CODE = "999001"  # no such region: these ID numbers are obviously not real

# Town → how many households (who writes there: see demo_households).
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


def _couple(index: int, surname: str) -> list[DemoMember]:
    """The head of the household and the spouse."""
    spouse_surname = SURNAMES[(index * 11 + 3) % len(SURNAMES)]
    head_birth = date(1962 + (index * 3) % 24, 1 + index % 12, 1 + (index * 5) % 28)
    head_age = 2026 - head_birth.year
    return [
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


def _members(index: int) -> list[DemoMember]:
    surname = SURNAMES[(index * 7) % len(SURNAMES)]
    members = _couple(index, surname)
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
    return members


def _income(index: int, size: int, at_risk: bool) -> dict[str, str]:
    # Per-capita net income: ~5,000–7,500 for the at-risk households (2025 line: 8,600), else 11,000+.
    per_capita = 5200 + (index * 370) % 2300 if at_risk else 11000 + (index * 1370) % 9000
    net = per_capita * size
    wages = round(net * 0.62)
    business = round(net * 0.18)
    transfers = net - wages - business + 1500
    return {
        "wages": f"{wages}.00",
        "business": f"{business}.00",
        "property": "300.00",
        "transfers": f"{transfers - 300}.00",
        "business_costs": "1500.00",
        "rigid_expenses": "18000.00" if at_risk and index % 4 == 2 else "0.00",
    }


def _household(index: int, town_code: str, village: tuple[str, str], account: str) -> DemoHousehold:
    members = _members(index)
    at_risk = index % 6 == 2
    income = _income(index, len(members), at_risk)
    kind = "lifted_out" if index % 3 == 0 or at_risk else ("low_income" if index % 5 == 1 else "ordinary")
    return DemoHousehold(
        index, town_code, village[0], village[1], account, kind, tuple(members), income, at_risk
    )


def demo_households() -> list[DemoHousehold]:
    """~30 households in 克井镇, 邵原镇, 坡头镇 and 王屋镇 (villages from the demo division list).

    北大河村 is village_beidahe's own village; town_kejing registers the rest of 克井镇, admin the
    other towns.
    """
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


def able_bodied(member: DemoMember) -> bool:
    age = 2026 - member.birth.year
    return member.labour in ("ordinary", "skilled") and 16 <= age <= 59


# --------------------------------------------------------------------------- the steps


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
    members, incomes = await gather(
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


async def create_records(loader: DemoLoader) -> list[Registered]:
    """Households (with members and incomes), line, screening, batch, one case; the registered ones."""
    households = demo_households()
    registered = [
        r for r in await gather(*(_register_household(loader, h) for h in households)) if r is not None
    ]
    await _monitoring_line(loader)
    await _screening(loader)
    await _department_batch(loader, registered)
    await _inclusion_case(loader, registered)
    await _water_sites(loader)
    await gather(*(_developmental_plan(loader, r) for r in registered if r.household.kind == "lifted_out"))
    return registered


async def _monitoring_line(loader: DemoLoader) -> None:
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


async def _screening(loader: DemoLoader) -> None:
    # 系统筛查: once (a second screening would raise nothing, but would still be an audit record).
    earlier = await loader.call(
        "GET", f"{MONITORING}/alerts", "admin", "list system alerts", params={"source": "system", "limit": 1}
    )
    if earlier is not None and earlier.body["items"]:
        loader.counts["screenings"] += 1
    elif await loader.call("POST", f"{MONITORING}/screenings", "admin", "screening", json={"year": YEAR}):
        loader.counts["screenings"] += 1
        loader.new["screenings"] += 1


async def _department_batch(loader: DemoLoader, registered: list[Registered]) -> None:
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


async def _inclusion_case(loader: DemoLoader, registered: list[Registered]) -> None:
    # 识别纳入: the first at-risk household of 北大河村 as far as the public notice (公示中). Closing the
    # notice needs the objection window (5 days) to pass, so the demo stops there.
    case = next(
        (r for r in registered if r.household.at_risk and r.household.account == "village_beidahe"), None
    )
    if case is None:
        return
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
        answer = await loader.create_if_match(
            "workflow_steps",
            f"{path}/transitions",
            "village_beidahe",
            f"demo:household:{case.household.index}:step:{n}",
            step,
            record=path,
            what=f"household {case.household.index}",
        )
        if answer is None:
            break


# --------------------------------------------------------------------------- assistance plans

# 开发式帮扶 for every able-bodied 脱贫 person (seed §二(五)); the policies a demo person gets, in turn.
DEVELOPMENTAL_POLICIES = [
    ("industry_award", "发展中药材种植，申请产业奖补"),
    ("job_transport_subsidy", "外出务工，申领一次性交通补贴"),
    ("skills_training", "参加家政服务技能培训"),
    ("public_welfare_post", "安排村保洁公益性岗位"),
    ("micro_credit", "申请脱贫人口小额信贷发展养殖"),
]


def owed_developmental(member: DemoMember, today: date) -> bool:
    """As the lacking-developmental report counts: working age, 普通/技能/弱劳动力."""
    return member.labour in ("ordinary", "skilled", "weak") and 16 <= age_on(member.birth, today) <= 59


def plan_measures(r: Registered, today: date) -> list[dict[str, Any]]:
    """A measure for each person owed one, this year — but the last of them in every third
    household, so the demo report still lists a few people to follow up."""
    h = r.household
    owed = [(n, m) for n, m in enumerate(h.members) if owed_developmental(m, today)]
    if h.index % 3 == 0 and len(owed) > 1:
        owed = owed[:-1]
    measures = []
    for k, (n, m) in enumerate(owed):
        code, description = DEVELOPMENTAL_POLICIES[(h.index + k) % len(DEVELOPMENTAL_POLICIES)]
        member_id = r.members.get(m.id_number(h.index * 10 + n + 1))
        if member_id is None:
            continue
        measures.append(
            {
                "policy_code": code,
                "description": f"{m.name}：{description}",
                "owner": "帮扶责任人",
                "starts_on": date(today.year, 1, 1).isoformat(),
                "ends_on": date(today.year, 12, 31).isoformat(),
                "member_id": member_id,
            }
        )
    return measures


async def _developmental_plan(loader: DemoLoader, r: Registered) -> None:
    # This year's plan (the report counts measures current today), its first measure delivered in
    # every other household. Keys carry the year: next year's run makes next year's plan.
    today = clock.today()
    measures = plan_measures(r, today)
    if not measures:
        return
    h = r.household
    key = f"demo:plan:{h.index}:{today.year}"
    body = {
        "household_id": r.id,
        "year": today.year,
        "goal": "稳定就业、发展产业，持续增收",
        "measures": measures,
    }
    plan = await loader.create("plans", f"{MONITORING}/assistance-plans", h.account, key, body)
    if plan is None or h.index % 2 == 1:
        return
    path = f"{MONITORING}/assistance-plans/{plan.body['id']}"
    await loader.create_if_match(
        "deliveries",
        f"{path}/measures/{plan.body['measures'][0]['id']}/delivery",
        h.account,
        f"{key}:delivery",
        {"delivered_on": min(today, date(today.year, 3, 1)).isoformat(), "note": "已落实"},
        record=path,
        what=f"plan of household {h.index}",
    )


# 2025年农村饮水工程集中连片系统维修养护项目 (seed §一(二)): 31 village pipe sites in 21 villages of
# 王屋镇, 大峪镇, 邵原镇 and 下冶镇. The document gives only the counts: these sites are generated (in
# real villages of the division list) and marked as demo; the district loads its own list from a file.
WATER_TOWNS = [("419001109", 6), ("419001107", 5), ("419001104", 5), ("419001110", 5)]  # 21 villages
WATER_WORKS = "2025年农村饮水工程集中连片系统维修养护项目"


def demo_water_sites() -> list[dict[str, Any]]:
    """31 sites: one in each of the 21 villages, a second in the first 10; a third completed, a
    third under way."""
    villages_of = villages_by_town()
    villages = [(town, code, name) for town, n in WATER_TOWNS for code, name in villages_of[town][:n]]
    placed = villages + villages[:10]
    sites = []
    for i, (town, code, name) in enumerate(placed, start=1):
        status = ("completed", "under_construction", "planned")[i % 3]
        sites.append(
            {
                "code": f"DEMO-2025-GS-{i:02d}",
                "name": f"{name}管网维修点{1 if i <= len(villages) else 2}",
                "works": WATER_WORKS,
                "town_code": town,
                "village_code": code,
                "year": YEAR,
                "status": status,
                "completed_on": date(YEAR, 10, 1 + i % 28).isoformat() if status == "completed" else None,
                "demo": True,
            }
        )
    return sites


async def _water_sites(loader: DemoLoader) -> None:
    await gather(
        *(
            loader.create(
                "water_sites", f"{MONITORING}/water-sites", "admin", f"demo:water-site:{s['code']}", s
            )
            for s in demo_water_sites()
        )
    )
