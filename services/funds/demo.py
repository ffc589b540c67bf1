"""Demo records of funds (衔接资金与项目库), created through the gateway's public API.

The four 2025 funds and five projects at different stages of the workflow: one proposed, one in
the library, one planned (with its allocation), one in progress (allocated, part paid) and one
accepted — evaluated, its result announced, its assets listed for the asset registry to open from
the event. Run by ``xianjie/demo_data.py``; every POST carries a fixed ``Idempotency-Key``
(``demo:project:<key>:<step>``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xianjie.demo_loader import BEIDAHE, KEJING, POTOU, SHAOYUAN, WANGWU, YEAR, Answer, DemoLoader, gather

FUNDS = "/api/funds/v1"

TARGETS = [
    {"kind": "output", "name": "建成项目", "unit": "处", "target": "1"},
    {"kind": "benefit", "name": "带动脱贫户和监测户增收", "unit": "户", "target": "30"},
    {"kind": "satisfaction", "name": "受益群众满意度", "unit": "%", "target": "90"},
]

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


def accepted_project() -> DemoProject | None:
    """The project the demo takes to acceptance (its assets are opened from the event)."""
    return next((p for p in PROJECTS if p.goal == "accepted"), None)


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
    if ORDER.index(p.goal) > 0:
        await _advance(loader, p, project_id, fund_ids)
    return project_id


async def _advance(loader: DemoLoader, p: DemoProject, project_id: str, fund_ids: dict[str, str]) -> None:
    """Take a created project as far as its goal; the first refused step leaves it there."""
    path = f"{FUNDS}/projects/{project_id}"
    goal = ORDER.index(p.goal)
    if not await _performance_targets(loader, p, path):
        return
    for to, reason in [
        ("in_review", "提交入库论证"),
        ("in_library", "论证通过，纳入项目库"),
        ("planned", "纳入年度实施计划"),
    ]:
        if ORDER.index(to) > goal or not await _step(loader, p, path, to, reason):
            return
    if goal <= ORDER.index("planned"):
        if p.fund in fund_ids:
            await _allocate(loader, p, project_id, fund_ids)
        return
    if not await _implement(loader, p, project_id, path, fund_ids):
        return
    if goal < ORDER.index("accepted") or not await _step(loader, p, path, "completed", "项目完工"):
        return
    await _accept(loader, p, path)


async def _post(
    loader: DemoLoader, p: DemoProject, path: str, kind: str, endpoint: str, key: str, body: Any
) -> bool:
    """A POST to ``<project>/<endpoint>`` with the project's current ETag; False when refused."""
    answer = await loader.create_if_match(
        kind,
        f"{path}/{endpoint}",
        "admin",
        f"demo:project:{p.key}:{key}",
        body,
        record=path,
        what=f"project {p.key}",
    )
    return answer is not None


async def _step(loader: DemoLoader, p: DemoProject, path: str, to: str, reason: str) -> bool:
    body = {"to": to, "reason": reason, "documents": [f"济乡振〔{YEAR}〕{ORDER.index(to) + 10}号"]}
    return await _post(loader, p, path, "project_steps", "steps", to, body)


async def _performance_targets(loader: DemoLoader, p: DemoProject, path: str) -> bool:
    """The performance targets, unless the dossier has them already; False when refused."""
    dossier = await loader.call("GET", f"{path}/dossier", "admin", f"dossier of project {p.key}")
    if dossier is None:
        return False
    if dossier.body["indicators"]:
        return True
    etag = await loader.etag(path, "admin", f"project {p.key}")
    return (
        await loader.call(
            "PUT",
            f"{path}/performance-targets",
            "admin",
            f"targets of project {p.key}",
            json={"indicators": TARGETS},
            if_match=etag,
        )
        is not None
    )


async def _allocate(
    loader: DemoLoader, p: DemoProject, project_id: str, fund_ids: dict[str, str]
) -> Answer | None:
    return await loader.create(
        "allocations",
        f"{FUNDS}/funds/{fund_ids.get(p.fund, '-')}/allocations",
        "admin",
        f"demo:allocation:{p.key}",
        {"project_id": project_id, "amount": p.planned},
    )


async def _implement(
    loader: DemoLoader, p: DemoProject, project_id: str, path: str, fund_ids: dict[str, str]
) -> bool:
    """Allocation, approval, construction and the payment; False when a step is refused."""
    allocation = await _allocate(loader, p, project_id, fund_ids)
    if allocation is None:
        return False
    for to, reason in [("approved", "批复实施方案并安排资金"), ("in_progress", "开工建设")]:
        if not await _step(loader, p, path, to, reason):
            return False
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
    return True


async def _accept(loader: DemoLoader, p: DemoProject, path: str) -> None:
    """Evaluation, acceptance (with the assets it forms) and the announcement of the result."""
    if not await _evaluate(loader, p, path):
        return
    acceptance = {
        "accepted_on": "2025-11-28",
        "reason": "竣工验收合格",
        "documents": ["验收报告"],
        "assets": list(p.assets),
    }
    if not await _post(loader, p, path, "acceptances", "acceptance", "acceptance", acceptance):
        return
    # 公告公示: the result goes on the public listing (GET /api/funds/v1/public/announcements).
    await loader.create(
        "announcements",
        f"{path}/announcements",
        "admin",
        f"demo:project:{p.key}:result-announcement",
        {"kind": "result", "starts_on": "2025-11-28", "ends_on": "2025-12-07"},
    )


async def _evaluate(loader: DemoLoader, p: DemoProject, path: str) -> bool:
    """The performance evaluation: every target reached; False when refused."""
    dossier = await loader.call("GET", f"{path}/dossier", "admin", f"dossier of project {p.key}")
    if dossier is None:
        return False
    evaluation = {
        "evaluated_on": "2025-11-20",
        "conclusion": "绩效目标全部完成",
        "actuals": [{"indicator_id": i["id"], "actual": i["target"]} for i in dossier.body["indicators"]],
    }
    return await _post(loader, p, path, "evaluations", "performance-evaluation", "evaluation", evaluation)


async def create_records(loader: DemoLoader) -> dict[str, str]:
    """The funds and the projects; the ids of the projects created, by project key."""
    answers = await gather(
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
    projects = await gather(*(_project(loader, p, fund_ids) for p in PROJECTS))
    return {p.key: pid for p, pid in zip(PROJECTS, projects, strict=True) if pid}
