"""Demo records of employment (稳岗就业), created through the gateway's public API.

A worker for every able-bodied member (spouses aside) of the demo households that monitoring
registered, reported by the 人社局 system (integrator_hrss): the first job with the worker, a
change of job for some, a job loss for a few — which monitoring turns into alerts from the event.
Run by ``xianjie/demo_data.py``, which hands over the members as :class:`Candidate` (ids and codes
only); every POST carries a fixed ``Idempotency-Key`` (``demo:worker:<serial>``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from xianjie.demo_loader import DemoLoader, gather

EMPLOYMENT = "/api/employment/v1"

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


@dataclass(frozen=True)
class Candidate:
    """A household member registered in monitoring who becomes a worker: ids and codes only."""

    serial: int  # the member's number in the demo data set (its Idempotency-Key)
    household_id: str
    member_id: str | None  # None when monitoring's member list could not be read: skipped
    town_code: str
    village_code: str


async def _worker(loader: DemoLoader, n: int, c: Candidate) -> None:
    if c.member_id is None:
        return
    employer, place, sector = EMPLOYERS[n % len(EMPLOYERS)]
    body = {
        "household_id": c.household_id,
        "member_id": c.member_id,
        "town_code": c.town_code,
        "village_code": c.village_code,
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
        "workers", f"{EMPLOYMENT}/workers", "integrator_hrss", f"demo:worker:{c.serial}", body
    )
    if answer is None:
        return
    loader.counts["spells"] += 1  # the first job, recorded with the worker
    if not answer.replayed:
        loader.new["spells"] += 1
    path = f"{EMPLOYMENT}/workers/{answer.body['id']}"
    if n % 5 == 3:
        await _change_job(loader, n, c.serial, path)
    elif n % 11 == 7:
        await _lose_job(loader, c.serial, path)


async def _change_job(loader: DemoLoader, n: int, serial: int, path: str) -> None:
    # 更换工作: a new main job from July 2026 closes the first one.
    new_employer, new_place, new_sector = EMPLOYERS[(n + 3) % len(EMPLOYERS)]
    await loader.create_if_match(
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
        record=path,
        what=f"worker {serial}",
    )


async def _lose_job(loader: DemoLoader, serial: int, path: str) -> None:
    # 失业: the employer closed; monitoring raises an alert from the event.
    await loader.create_if_match(
        "job_losses",
        f"{path}/job-loss",
        "integrator_hrss",
        f"demo:worker:{serial}:job-loss",
        {"ended_on": "2026-10-31", "reason": "企业停产，合同到期未续签"},
        record=path,
        what=f"worker {serial}",
    )


async def create_records(loader: DemoLoader, candidates: list[Candidate]) -> None:
    """A worker for each candidate; ``n`` (its place in ``candidates``) picks employer, wage and fate."""
    # One lane per town, each lane one worker after the other: spell writes of one town touch the
    # same counting rows, and concurrent ones there can deadlock in the employment service.
    lanes: dict[str, list[tuple[int, Candidate]]] = {}
    for n, candidate in enumerate(candidates):
        lanes.setdefault(candidate.town_code, []).append((n, candidate))

    async def lane(work: list[tuple[int, Candidate]]) -> None:
        for n, candidate in work:
            await _worker(loader, n, candidate)

    await gather(*(lane(work) for work in lanes.values()))
