"""Issue 13: the national system's monthly work file, keyed by ID number (the shared match hash)."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from services.employment.national.layout import DEFAULT_LAYOUT, LayoutInvalid, load_layout, parse_layout
from services.employment.national.service import NOT_FOUND
from services.employment.settings import EmploymentSettings
from services.monitoring.households.events import MEMBER_CHANGED as MONITORING_MEMBER_CHANGED
from services.monitoring.households.match_hashes import backfill_match_hashes
from services.monitoring.models import kit as monitoring_kit
from services.monitoring.settings import MonitoringSettings
from shared import clock
from shared.events.outbox import Outbox
from shared.id_number_match import DEV_ID_NUMBER_MATCH_KEY, id_number_match_hash, id_number_match_hashes
from shared.settings import ServiceSettings
from tests.conftest import Stack
from tests.employment.factories import START, count, seed_workers
from tests.helpers import KEJING, KEJING_VILLAGE, WANGWU, WANGWU_VILLAGE, auth
from tests.monitoring.factories import announced as monitoring_announced
from tests.monitoring.factories import create_household, id_number, member

NUMBER = "11010519491231002X"
KEY = "a-real-secret-of-enough-length"


def test_match_hash_is_keyed_hmac_of_the_normalised_number() -> None:
    digest = id_number_match_hash(NUMBER, KEY)
    assert len(digest) == 64 and NUMBER not in digest
    # Trimmed and upper-cased first: the file's "…002x " is the same person as monitoring's "…002X".
    assert id_number_match_hash(" 11010519491231002x ", KEY) == digest
    assert id_number_match_hash(NUMBER, KEY + "!") != digest
    assert id_number_match_hash("110105194912310038", KEY) != digest


def test_a_files_hashes_are_each_numbers_match_hash() -> None:
    numbers = [NUMBER, " 11010519491231002x ", "110105194912310038", "", "x" * 200]
    for key in (KEY, "k" * 100):  # a key longer than SHA-256's block is hashed first, as HMAC does
        assert id_number_match_hashes(numbers, key) == [id_number_match_hash(n, key) for n in numbers]


@pytest.mark.parametrize("settings_class", [MonitoringSettings, EmploymentSettings])
def test_production_refuses_the_development_match_key(
    settings_class: type[ServiceSettings], monkeypatch: pytest.MonkeyPatch
) -> None:
    servers = {"database_url": "postgresql+asyncpg://x@db/x", "nats_url": "nats://n:4222"}
    monkeypatch.setenv("XIANJIE_MONITORING_ID_NUMBER_KEY", "another-real-secret-key")
    monkeypatch.setenv("XIANJIE_OBJECT_STORE_URL", "file:///data/objects")
    with pytest.raises(ValueError, match="XIANJIE_ID_NUMBER_MATCH_KEY"):
        settings_class(environment="production", **servers)
    with pytest.raises(ValueError, match="XIANJIE_ID_NUMBER_MATCH_KEY"):
        settings_class(environment="production", id_number_match_key="REPLACE-ME-please", **servers)
    settings = settings_class(environment="production", id_number_match_key=KEY, **servers)
    assert settings.id_number_match_key == KEY


def test_components_without_id_numbers_need_no_match_key() -> None:
    settings = ServiceSettings(
        environment="production", database_url="postgresql+asyncpg://x@db/x", nats_url="nats://n:4222"
    )
    assert settings.id_number_match_key == DEV_ID_NUMBER_MATCH_KEY


# --- through the gateway -------------------------------------------------------------------------

NATIONAL = "/api/employment/v1/national/work-file"
LAYOUT = ["身份证号码", "姓名", "务工状态", "务工地点", "就业单位", "从事行业", "就业渠道"]
LAYOUT += ["务工开始时间", "务工结束时间", "月收入", "备注"]


async def matched_workers(
    stack: Stack, number: int, town: str = KEJING, village: str = KEJING_VILLAGE
) -> list[str]:
    """``number`` workers whose projected members carry the match hash of a fresh ID number each;
    returns the ID numbers (the workers are found through them)."""
    worker_ids = await seed_workers(stack, number, town, village)
    numbers = [id_number() for _ in worker_ids]
    async with stack.db("employment").engine.begin() as conn:
        for worker_id, id_no in zip(worker_ids, numbers, strict=True):
            await conn.execute(
                text(
                    "INSERT INTO employment.projected_members (id, household_id, labour, active, version,"
                    " id_number_match_hash) SELECT member_id, household_id, 'ordinary', true, 1, :h"
                    " FROM employment.workers WHERE id = :w"
                ),
                {"h": id_number_match_hash(id_no, DEV_ID_NUMBER_MATCH_KEY), "w": worker_id},
            )
    return numbers


def national_csv(rows: list[list[str]], header: list[str] = LAYOUT) -> bytes:
    return ("\n".join(",".join(r) for r in [header, *rows]) + "\n").encode()


def working(id_no: str, wage: str = "3000.00") -> list[str]:
    return [
        id_no,
        "王建国",
        "务工",
        "省外",
        "济源钢铁",
        "制造业",
        "自主务工",
        START.isoformat(),
        "",
        wage,
        "",
    ]


async def national_import(
    api: httpx.AsyncClient, token: str, content: bytes, name: str = "务工.csv"
) -> dict[str, Any]:
    resp = await api.post(
        f"{NATIONAL}/import",
        files={"file": (name, content)},
        data={"collected_on": clock.today().isoformat()},
        headers=auth(token),
    )
    assert resp.status_code == 200, resp.text
    return resp.json()  # type: ignore[no-any-return]


async def test_rows_are_matched_by_id_number_and_refused_one_by_one(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    mine = await matched_workers(stack, 2)
    [elsewhere] = await matched_workers(stack, 1, WANGWU, WANGWU_VILLAGE)
    rows = [
        working(mine[0]),
        working(mine[1].lower() if mine[1].endswith("X") else f" {mine[1]} "),  # normalised before hashing
        working(id_number()),  # nobody registered under it
        working(elsewhere),  # another town's worker: the same refusal, no oracle
        ["", "李四", "务工", "县内", "某厂", "", "", START.isoformat(), "", "", ""],
        working(mine[0]),  # twice in one file
    ]
    report = await national_import(api, tokens["town_kejing"], national_csv(rows))
    assert (report["total"], report["accepted"], report["unchanged"], report["refused"]) == (6, 2, 0, 4)
    refused = {r["row"]: (r["problems"][0]["field"], r["problems"][0]["message"]) for r in report["rows"]}
    assert refused[4] == refused[5] == ("身份证号码", NOT_FOUND)
    assert refused[6] == ("身份证号码", "未填写身份证号码")
    assert refused[7][0] == "身份证号码"  # the monthly update's duplicate rule, in the template's words
    assert await count(stack, "SELECT count(*) FROM employment.spells WHERE place = 'out_of_province'") == 2
    assert (
        await count(
            stack,
            "SELECT count(*) FROM employment.spells s JOIN employment.workers w"
            f" ON w.id = s.worker_id WHERE w.town_code = '{WANGWU}'",
        )
        == 0
    )
    # No plain ID number anywhere in employment: not in a column's name, not in any value.
    async with stack.db("employment").engine.connect() as conn:
        columns = (
            await conn.execute(
                text(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'employment'"
                )
            )
        ).all()
        assert not [c for _, c in columns if "id_number" in c and c != "id_number_match_hash"]
        for table in sorted({t for t, _ in columns}):
            dump = await conn.scalar(
                text(f"SELECT coalesce(string_agg(t::text, '|'), '') FROM employment.\"{table}\" t")
            )
            assert not [n for n in [*mine, elsewhere] if n in (dump or "")], table
    assert all(n not in str(report) for n in [*mine, elsewhere])


async def test_fill_then_import_changes_nothing(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    numbers = await matched_workers(stack, 3)
    await national_import(
        api,
        tokens["town_kejing"],
        national_csv([working(numbers[0], "3456.70"), working(numbers[1]), working(numbers[2])]),
    )
    yesterday = (clock.today() - timedelta(days=1)).isoformat()
    gone = [numbers[2], "", "未就业", "", "", "", "", "", yesterday, "", "回乡"]
    assert (await national_import(api, tokens["town_kejing"], national_csv([gone])))["accepted"] == 1
    template = national_csv([[n, "王建国", *[""] * 9] for n in [*numbers, id_number()]])
    resp = await api.post(
        f"{NATIONAL}/fill",
        params={"month": f"{clock.today():%Y-%m}"},
        files={"file": ("模板.csv", template)},
        headers=auth(tokens["town_kejing"]),
    )
    assert resp.status_code == 200, resp.text
    sheet = load_workbook(io.BytesIO(resp.content)).active
    cells = [[("" if c is None else str(c)) for c in row] for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == LAYOUT
    assert [r[0] for r in cells[1:]] == [*numbers, cells[4][0]]
    assert cells[1][2:4] == ["务工就业", "省外"]
    # The wage is a number Excel can sum, shown with two decimals.
    wage = sheet.cell(row=2, column=10)
    assert wage.value == 3456.7 and wage.data_type == "n" and wage.number_format == "#,##0.00"
    assert cells[3][2] == "未就业" and cells[3][10] == "回乡"
    assert cells[4][2:] == [""] * 9  # not found: left for the district
    spells_before = await count(stack, "SELECT count(*) FROM employment.spells")
    report = await national_import(api, tokens["town_kejing"], resp.content, "务工.xlsx")
    assert (report["accepted"], report["unchanged"], report["refused"]) == (0, 3, 1)
    assert await count(stack, "SELECT count(*) FROM employment.spells") == spells_before


async def test_next_months_file_verifies_each_unchanged_worker_and_changes_the_rest(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    """Most rows of a month's file repeat the open job word for word and are neither parsed nor
    planned; they count as unchanged, and their records are verified like any unchanged row."""
    numbers = await matched_workers(stack, 4)
    rows = [working(n) for n in numbers]
    await national_import(api, tokens["town_kejing"], national_csv(rows))
    async with stack.db("employment").engine.begin() as conn:
        await conn.execute(text("UPDATE employment.worker_verifications SET verified_on = current_date - 31"))
    versions = await count(stack, "SELECT sum(version) FROM employment.workers")
    audited = await count(stack, "SELECT count(*) FROM employment.audit_log WHERE action = 'bulk_update'")
    last_day = (clock.today() - timedelta(days=1)).isoformat()
    next_month = [
        rows[0],  # word for word
        [*rows[1][:9], "3000", ""],  # the same wage in other words: planned, still unchanged
        [numbers[2], "", "未就业", "", "", "", "", "", last_day, "", "回乡"],  # the job lost
        [*rows[3][:4], "新厂", *rows[3][5:]],  # a new employer, same start: corrected
        rows[0],  # twice in one file
    ]
    report = await national_import(api, tokens["town_kejing"], national_csv(next_month))
    assert (report["total"], report["accepted"], report["unchanged"], report["refused"]) == (5, 2, 2, 1)
    assert [(r["row"], r["problems"][0]["field"]) for r in report["rows"]] == [(6, "身份证号码")]
    verified = await count(
        stack, "SELECT count(*) FROM employment.worker_verifications WHERE verified_on = current_date"
    )
    assert verified == 4  # the two unchanged (one known early, one planned) and the two changed
    # Only the changed workers are new versions: a confirmation changes no data (ADR 0016).
    assert await count(stack, "SELECT sum(version) FROM employment.workers") == versions + 2
    assert (
        await count(stack, "SELECT count(*) FROM employment.audit_log WHERE action = 'bulk_update'")
        == audited + 2
    )
    assert await count(stack, "SELECT count(*) FROM employment.spells WHERE employer = '新厂'") == 1
    again = await national_import(api, tokens["town_kejing"], national_csv(next_month))
    assert (again["accepted"], again["unchanged"], again["refused"]) == (0, 4, 1)
    assert await count(stack, "SELECT sum(version) FROM employment.workers") == versions + 2


async def test_the_mapping_file_renames_a_column(
    stack: Stack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text_ = DEFAULT_LAYOUT.read_text(encoding="utf-8").replace("header: 身份证号码", "header: 公民身份号码")
    (tmp_path / "layout.yaml").write_text(text_, encoding="utf-8")
    layout = load_layout(tmp_path / "layout.yaml")
    assert layout.header("id_number") == "公民身份号码"
    assert [h for _, h in layout.columns][1:] == LAYOUT[1:]
    with pytest.raises(LayoutInvalid):
        parse_layout(text_.replace("field: reason", "field: remark"))
    with pytest.raises(LayoutInvalid):
        parse_layout(text_.replace("header: 备注", "header: 姓名"))


async def test_member_changed_carries_the_match_hash(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    number = id_number()
    created = await create_household(api, tokens["admin"], members=[member(id_number=number)])
    events = [p for _, p in await monitoring_announced(stack, MONITORING_MEMBER_CHANGED)]
    mine = [p for p in events if str(p.household_id) == created["id"]]
    assert mine and mine[-1].match_hash == id_number_match_hash(number, DEV_ID_NUMBER_MATCH_KEY)
    for envelope, _ in await monitoring_announced(stack, MONITORING_MEMBER_CHANGED):
        assert number not in str(envelope)


async def test_backfill_gives_old_members_their_match_hash_and_announces_them(
    api: httpx.AsyncClient, tokens: dict[str, str], stack: Stack
) -> None:
    number = id_number()
    created = await create_household(api, tokens["admin"], members=[member(id_number=number)])
    database = stack.db("monitoring")
    async with database.engine.begin() as conn:  # as registered before issue 13
        await conn.execute(
            text("UPDATE monitoring.members SET id_number_match_hash = NULL WHERE household_id = :h"),
            {"h": created["id"]},
        )
    settings = stack.apps["monitoring"].state.component.settings
    filled = await backfill_match_hashes(
        database.sessions, Outbox(monitoring_kit), settings.id_number_key, settings.id_number_match_key
    )
    assert filled >= 1
    assert (
        await backfill_match_hashes(
            database.sessions, Outbox(monitoring_kit), settings.id_number_key, settings.id_number_match_key
        )
        == 0
    )
    announced = [p for _, p in await monitoring_announced(stack, MONITORING_MEMBER_CHANGED)]
    last = [p for p in announced if str(p.household_id) == created["id"]][-1]
    assert last.match_hash == id_number_match_hash(number, DEV_ID_NUMBER_MATCH_KEY) and last.version == 2
