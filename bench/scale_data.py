# ruff: noqa: E501 - the SQL reads best unwrapped
"""A district of N households generated in the database, set-based, shaped like real ledgers.

Used by ``monitoring_scale.py``. Everything the list queries read is drawn from realistic
distributions (one ``INSERT ... SELECT FROM generate_series`` per table):

- villages of unequal size (a weight 0.4–2.5 each), a quarter of a village's households carrying
  its clan's surname (rural villages are dominated by one or two clans);
- head names from the national surname frequencies (王 李 张 7 % each, the top 20 about 55 %, a
  long tail of rarer ones), 80 % with a two-character given name, 20 % with one, given-name
  characters drawn by their frequency in rural names;
- addresses ``<village name><n>组<m>号``;
- identity ``kind`` (脱贫户 12 %, 农村低收入人口 4 %), status (93 % not monitored, 3 % included,
  2.5 % risk eliminated, 0.5 % safety net, the workflow steps rare), a category fitting the
  identity, 1–2 risk causes by their frequency for monitored households, a responsible helper for
  脱贫户 and monitored households (about 25 households each, helpers of one village), 1.5 %
  cancelled;
- ``created_at`` spread over 2021–2026 in insertion order, half the rows updated once since, at a
  later time skewed towards now (the list order ``(updated_at, id)`` then differs from the heap's);
- alerts for every household monitored now or before and 2 % of the others, their sources and
  statuses by frequency.

ID-number hashes (members) are derived in SQL and ciphers reused (no list reads them). The
secondary indexes are dropped for the load and rebuilt from their own definitions afterwards
(building a GIN index once is far cheaper than a million insertions into it). Rows go in the order
generate_series makes them (no ORDER BY: sorting a million wide rows spilled to disk), which is
``created_at`` order, as a table filled over the years is.
"""

from __future__ import annotations

import random
import time
from typing import Any

import asyncpg

from shared.divisions import DivisionRegistry

# Share of the population (per mille, rounded) of China's commonest surnames (2020 census order),
# then a tail of rarer ones at 0.05–0.2 %; the rest of the 1000 slots are spread over the tail.
SURNAME_PER_MILLE = {
    "王": 71,
    "李": 70,
    "张": 66,
    "刘": 54,
    "陈": 46,
    "杨": 31,
    "黄": 21,
    "赵": 20,
    "吴": 18,
    "周": 17,
    "徐": 13,
    "孙": 12,
    "马": 12,
    "朱": 11,
    "胡": 10,
    "郭": 10,
    "何": 9,
    "林": 9,
    "高": 9,
    "罗": 8,
    "郑": 7,
    "梁": 7,
    "谢": 6,
    "宋": 6,
    "唐": 5,
    "许": 5,
    "韩": 5,
    "邓": 5,
    "冯": 5,
    "曹": 5,
    "彭": 5,
    "曾": 4,
    "肖": 4,
    "田": 4,
    "董": 4,
    "潘": 4,
    "袁": 4,
    "蔡": 3,
    "蒋": 3,
    "余": 3,
    "于": 3,
    "杜": 3,
    "叶": 3,
    "程": 3,
    "魏": 3,
    "苏": 3,
    "吕": 3,
    "丁": 3,
    "任": 3,
    "卢": 3,
    "姚": 3,
    "沈": 3,
    "钟": 3,
    "姜": 3,
    "崔": 2,
    "谭": 2,
    "陆": 2,
    "范": 2,
    "汪": 2,
    "廖": 2,
    "石": 2,
    "金": 2,
    "韦": 2,
    "贾": 2,
    "夏": 2,
    "付": 2,
    "方": 2,
    "邹": 2,
    "熊": 2,
    "白": 2,
    "孟": 2,
    "秦": 2,
    "邱": 2,
    "侯": 2,
    "江": 2,
    "尹": 2,
    "薛": 2,
    "闫": 2,
    "段": 2,
    "雷": 2,
    "龙": 1,
    "黎": 1,
    "史": 1,
    "陶": 1,
    "贺": 1,
    "毛": 1,
    "郝": 1,
    "顾": 1,
    "龚": 1,
    "邵": 1,
    "万": 1,
    "覃": 1,
    "武": 1,
    "钱": 1,
    "戴": 1,
    "严": 1,
    "欧": 1,
    "莫": 1,
    "孔": 1,
    "向": 1,
    "常": 1,
    "汤": 1,
    "康": 1,
    "易": 1,
    "乔": 1,
    "赖": 1,
    "文": 1,
    "牛": 1,
    "樊": 1,
    "葛": 1,
    "邢": 1,
    "安": 1,
    "齐": 1,
    "伍": 1,
    "庞": 1,
    "颜": 1,
    "倪": 1,
    "聂": 1,
}
RARE_SURNAMES = (
    "申翟焦靳柴辛耿梅苗岳鲁殷甘凌祝解卜车栗巩裴司霍左尚晋蒲宁关单包芦骆邬温柳盛管"
    "符项吉施景童郎房屈柯鲍宗卫应褚蓝季阮饶宫谷裘俞佟岑纪艾席舒苑华诸茅凤刁晏窦"
    "隋蔺冉詹时储浦奚郁尤廉缪滕匡楚麻路丛邝闵全瞿虞沙荆宿蒙竺门糜仇盖桑卓蔚弓邸钮"
)
# Given-name characters of rural heads of household (mostly born 1950–1985), commonest first:
# the first ones take the most slots.
GIVEN = (
    "国建华明军平志伟秀英丽红兰芳玉梅桂春海林东波勇强刚辉山水河福贵生富有安庆德成文武发兴旺"
    "小云霞凤珍荣金银宝玲燕萍娟保卫民新忠利永长双全喜来根花菊琴胜杰峰涛超斌亮鹏飞俊"
)
SUBTYPE_OF_KIND = {"lifted_out": "unstable"}  # 脱贫不稳定户 is a 脱贫户's category only
RISK_CAUSE_WEIGHTS = {
    "illness": 35, "disability": 15, "unstable_work": 15, "lack_of_labour": 10, "schooling": 8,
    "accident": 5, "business_failure": 4, "disaster": 3, "housing": 2, "drinking_water": 1,
    "medical_insurance": 1, "other": 1,
}  # fmt: skip
# (status, per mille); the monitored ones need a category, causes and an inclusion date.
STATUS_PER_MILLE = [
    ("not_monitored", 930), ("included", 30), ("risk_eliminated", 25), ("safety_net", 5),
    ("verifying", 4), ("village_review", 2), ("public_notice", 2), ("town_review", 1),
    ("district_approval", 1),
]  # fmt: skip
MONITORED = ("included", "risk_eliminated", "safety_net")
HELPERS_PER_VILLAGE = 40
DEPARTMENTS = ["人社局", "医保局", "教育局", "民政局", "住建局", "水利局"]


def _slots(weights: dict[str, int] | list[tuple[str, int]], size: int) -> list[str]:
    """A lookup array: each key takes slots in proportion to its weight (draw = slots[random])."""
    items = list(weights.items()) if isinstance(weights, dict) else weights
    total = sum(w for _, w in items)
    slots: list[str] = []
    for key, weight in items:
        slots += [key] * max(1, round(size * weight / total))
    return slots


def surname_slots() -> list[str]:
    slots = [name for name, per_mille in SURNAME_PER_MILLE.items() for _ in range(10 * per_mille)]
    # The rest of the population (about 14 %): rarer surnames, 0.05–0.2 % each.
    rare = list(RARE_SURNAMES)
    slots += [rare[i % len(rare)] for i in range(max(10_000 - len(slots), len(rare) * 5))]
    return slots


def given_slots() -> list[str]:
    # Zipf-like: the n-th commonest character weighs 1/(n+8).
    return _slots({ch: round(10_000 / (n + 8)) for n, ch in enumerate(GIVEN)}, 10_000)


def villages() -> list[tuple[str, str]]:
    registry = DivisionRegistry.load()
    return sorted((d.code, d.name) for d in registry.by_code.values() if len(d.code) == 12)


_HOUSEHOLDS = """
INSERT INTO monitoring.households
    (id, town_code, village_code, head_name, address, kind, member_count, helper_user_id, status,
     subtype, risk_causes, housing_safe, water_safe, case_started_on, included_on, closed_on,
     formed_on, cancelled_on, version, created_at, updated_at)
SELECT gen_random_uuid(), left(v.code, 9), v.code, d.head_name,
       v.name || (1 + floor(d.r_group * 12))::int || '组' || (1 + floor(d.r_house * 80))::int || '号',
       d.kind::monitoring.household_kind, 1 + floor(d.r_size ^ 1.3 * 6)::int,
       CASE WHEN d.kind = 'lifted_out' OR d.status IN ('included', 'risk_eliminated', 'safety_net')
            THEN 'helper-' || (d.vi * $8 + floor(d.r_helper * $8)::int) END,
       d.status::monitoring.household_status,
       CASE WHEN d.status = 'not_monitored' THEN NULL
            WHEN d.kind = 'lifted_out' THEN 'unstable'
            WHEN d.r_sub < 0.8 THEN 'marginal' ELSE 'sudden_hardship' END::monitoring.household_subtype,
       CASE WHEN d.status = 'not_monitored' THEN '{}'
            WHEN d.r_two < 0.3 AND d.cause1 <> d.cause2 THEN ARRAY[d.cause1, d.cause2]
            ELSE ARRAY[d.cause1] END::monitoring.risk_cause[],
       d.r_house_safe > 0.005, d.r_water > 0.003,
       CASE WHEN d.status <> 'not_monitored' THEN d.included_on - 20 END,
       CASE WHEN d.status IN ('included', 'risk_eliminated', 'safety_net') THEN d.included_on END,
       CASE WHEN d.status IN ('risk_eliminated', 'safety_net')
            THEN least(d.included_on + 200 + floor(d.r_close * 500)::int, current_date) END,
       d.created_at::date,
       CASE WHEN d.r_cancel < 0.015 THEN greatest(d.updated_at::date, d.created_at::date) END,
       1, d.created_at, d.updated_at
FROM (
    SELECT s.*,
           s.clan_or_surname || ($6::text[])[1 + floor(s.r_g1 * cardinality($6::text[]))::int]
               || CASE WHEN s.r_len < 0.8 THEN ($6::text[])[1 + floor(s.r_g2 * cardinality($6::text[]))::int]
                       ELSE '' END AS head_name,
           CASE WHEN s.r_kind < 0.12 THEN 'lifted_out' WHEN s.r_kind < 0.16 THEN 'low_income'
                ELSE 'ordinary' END AS kind,
           ($7::text[])[1 + floor(s.r_status * cardinality($7::text[]))::int] AS status,
           ($9::text[])[1 + floor(s.r_c1 * cardinality($9::text[]))::int] AS cause1,
           ($9::text[])[1 + floor(s.r_c2 * cardinality($9::text[]))::int] AS cause2,
           s.created_at::date + floor(s.r_incl * (current_date - s.created_at::date))::int AS included_on,
           CASE WHEN s.r_upd < 0.5 THEN s.created_at
                ELSE s.created_at + (now() - s.created_at) * sqrt(s.r_when) END AS updated_at
    FROM (
        SELECT g, r.*,
               CASE WHEN r.r_clan < 0.25 THEN ($4::text[])[1 + r.vi]
                    ELSE ($5::text[])[1 + floor(r.r_s * cardinality($5::text[]))::int] END AS clan_or_surname,
               TIMESTAMPTZ '2021-01-01 08:00+08' + (g::float8 / $1) * (now() - TIMESTAMPTZ '2021-01-01 08:00+08')
                   + (r.r_jitter - 0.5) * INTERVAL '2 days' AS created_at
        FROM generate_series(1, $1) AS g
        CROSS JOIN LATERAL (
            SELECT ($2::int[])[1 + floor(random() * cardinality($2::int[]) + 0 * g)::int] AS vi,
                   random() AS r_clan, random() AS r_s, random() AS r_g1, random() AS r_g2,
                   random() AS r_len, random() AS r_kind, random() AS r_status, random() AS r_sub,
                   random() AS r_two, random() AS r_c1, random() AS r_c2, random() AS r_group,
                   random() AS r_house, random() AS r_size, random() AS r_helper, random() AS r_incl,
                   random() AS r_close, random() AS r_cancel, random() AS r_upd, random() AS r_when,
                   random() AS r_jitter, random() AS r_house_safe, random() AS r_water
        ) AS r
    ) AS s
) AS d
JOIN LATERAL (SELECT ($3::text[])[1 + d.vi] AS code, ($10::text[])[1 + d.vi] AS name) AS v ON true
"""

# One alert for every household monitored now or before (it started the case: confirmed), and for
# 2 % of the others (open, being verified or dismissed); sources and departments by frequency.
_ALERTS = """
INSERT INTO monitoring.alerts
    (id, household_id, town_code, village_code, source, reason, risk_causes, department, status,
     origin_ref, created_at, updated_at)
SELECT gen_random_uuid(), h.id, h.town_code, h.village_code, a.source::monitoring.alert_source,
       '系统筛查：人均纯收入低于监测线', h.risk_causes,
       CASE WHEN a.source = 'department' THEN ($1::text[])[1 + floor(a.r_dept * cardinality($1::text[]))::int] END,
       (CASE WHEN h.status <> 'not_monitored' THEN 'confirmed'
             WHEN a.r_status < 0.3 THEN 'open' WHEN a.r_status < 0.45 THEN 'verifying'
             ELSE 'dismissed' END)::monitoring.alert_status,
       NULL,
       least(a.at, now()), least(a.at + INTERVAL '12 days' * a.r_later, now())
FROM monitoring.households h
CROSS JOIN LATERAL (
    SELECT (CASE WHEN r_source < 0.40 THEN 'system' WHEN r_source < 0.70 THEN 'cadre_visit'
                 WHEN r_source < 0.80 THEN 'self_declared' WHEN r_source < 0.95 THEN 'department'
                 ELSE 'event' END) AS source,
           r_dept, r_status, r_later,
           COALESCE(h.case_started_on::timestamptz, h.created_at + (now() - h.created_at) * r_at) AS at
    FROM (SELECT random() + 0 * h.member_count AS r_source, random() AS r_dept, random() AS r_status,
                 random() AS r_later, random() AS r_at) AS r
) AS a
WHERE h.status <> 'not_monitored' OR abs(hashtext(h.id::text)) % 50 = 0
ORDER BY 11
"""

_MEMBERS = """
INSERT INTO monitoring.members
    (id, household_id, name, id_number_hash, id_number_cipher, id_number_masked, birth_date, relation,
     health, labour, schooling, medical_insured, version, joined_on, created_at, updated_at)
SELECT gen_random_uuid(), h.id,
       CASE WHEN r = 1 THEN h.head_name ELSE left(h.head_name, 1) || '成员' || r END,
       sha256(uuid_send(h.id) || int2send(r::int2)), '\\x00', '419001********' || lpad((r * 37 % 10000)::text, 4, '0'),
       DATE '1945-01-01' + (abs(hashtext(h.id::text || r)) % 27000),
       (CASE WHEN r = 1 THEN 'head' WHEN r = 2 THEN 'spouse' WHEN r <= 4 THEN 'child'
             WHEN r = 5 THEN 'parent' ELSE 'grandchild' END)::monitoring.member_relation,
       (ARRAY['healthy','healthy','healthy','healthy','healthy','healthy','chronic','serious_illness',
              'disabled','healthy'])[1 + abs(hashtext(h.id::text || 'h' || r)) % 10]::monitoring.member_health,
       (ARRAY['ordinary','ordinary','skilled','weak','lost','none'])[1 + abs(hashtext(h.id::text || 'l' || r)) % 6]
           ::monitoring.labour_capacity,
       CASE WHEN r >= 3 AND abs(hashtext(h.id::text)) % 500 = 0 THEN 'out_of_school'
            ELSE 'not_applicable' END::monitoring.schooling_status,
       abs(hashtext(h.id::text || r)) % 300 <> 0, 1, h.formed_on, h.created_at, h.updated_at
FROM monitoring.households h CROSS JOIN LATERAL generate_series(1, h.member_count) AS r
"""

_INCOMES = """
INSERT INTO monitoring.incomes
    (id, household_id, year, wages, business, property, transfers, business_costs, rigid_expenses, version)
SELECT gen_random_uuid(), h.id, 2025,
       CASE WHEN abs(hashtext(h.id::text)) % 40 = 0 THEN 9000
            ELSE 24000 + abs(hashtext(h.id::text)) % 60000 END, 3000, 200, 1500,
       1000, (abs(hashtext(h.id::text)) % 7) * 1000, 1
FROM monitoring.households h
"""


_SEARCH_TERMS = "monitoring.household_search_terms"
_SEARCH_TERMS_TRIGGER = "household_search_terms_insert"
# What the insert trigger writes, for every household at once.
_SEARCH_TERMS_FILL = f"""
INSERT INTO {_SEARCH_TERMS} (term, updated_at, household_id, village_code, cancelled, status, kind, subtype)
SELECT term, h.updated_at, h.id, h.village_code, h.cancelled_on IS NOT NULL, h.status, h.kind, h.subtype
FROM monitoring.households AS h,
     monitoring.household_search_terms_of(h.head_name, h.address, h.risk_causes::text[], h.status::text, h.subtype::text) AS term
"""


async def _secondary_indexes(conn: asyncpg.Connection, table: str) -> list[tuple[str, str]]:
    """(name, definition) of the table's indexes that back no constraint."""
    rows = await conn.fetch(
        """
        SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
        FROM pg_index i
        WHERE i.indrelid = $1::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        """,
        f"monitoring.{table}",
    )
    return [(r["name"], r["definition"]) for r in rows]


async def generate(
    dsn: dict[str, Any], households: int, *, members: bool = False, seed: int = 16, log: Any = print
) -> dict[str, float]:
    """Fill monitoring with ``households`` households and their alerts (and members + 2025 incomes
    when ``members``). The backend doing it runs at nice 10 (the machine is shared) and is set back
    to 0 afterwards. Returns seconds per step."""
    rng = random.Random(seed)
    places = villages()
    codes = [code for code, _ in places]
    names = [name for _, name in places]
    weights = [rng.uniform(0.4, 2.5) for _ in places]
    total = sum(weights)
    village_slots = [i for i, w in enumerate(weights) for _ in range(max(1, round(10_000 * w / total)))]
    surnames = surname_slots()
    clans = [rng.choice(surnames) for _ in places]
    status_slots = _slots(STATUS_PER_MILLE, 1000)
    cause_slots = _slots(RISK_CAUSE_WEIGHTS, 1000)
    took: dict[str, float] = {}
    conn = await asyncpg.connect(**dsn)
    pid = await conn.fetchval("SELECT pg_backend_pid()")
    _renice(pid, 10)
    try:
        await conn.execute("SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'")
        await conn.execute("SELECT setseed($1)", seed / 100)
        tables = ["households", "alerts"] + (["members", "incomes"] if members else [])
        dropped = {t: await _secondary_indexes(conn, t) for t in tables}
        for indexes in dropped.values():
            for name, _ in indexes:
                await conn.execute(f"DROP INDEX {name}")
        # The search's side table (migrations 5c0d17s0e0m1, 5c0d18s0e0m1) is filled once after the households,
        # set-based, and its key built then: its insert trigger would add ~12 rows a household to
        # a key of random order (the households' ids are random).
        search_key = await conn.fetchval(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_household_search_terms'"
        )
        await conn.execute(f"ALTER TABLE {_SEARCH_TERMS} DROP CONSTRAINT pk_household_search_terms")
        await conn.execute(f"ALTER TABLE monitoring.households DISABLE TRIGGER {_SEARCH_TERMS_TRIGGER}")
        started = time.perf_counter()
        await conn.execute(
            _HOUSEHOLDS,
            households,
            village_slots,
            codes,
            clans,
            surnames,
            given_slots(),
            status_slots,
            HELPERS_PER_VILLAGE,
            cause_slots,
            names,
        )
        took["households"] = time.perf_counter() - started
        started = time.perf_counter()
        await conn.execute(f"ALTER TABLE monitoring.households ENABLE TRIGGER {_SEARCH_TERMS_TRIGGER}")
        # Every household's terms afresh (the suite's own demo households' included).
        await conn.execute(f"TRUNCATE {_SEARCH_TERMS}")
        await conn.execute(_SEARCH_TERMS_FILL)
        await conn.execute(
            f"ALTER TABLE {_SEARCH_TERMS} ADD CONSTRAINT pk_household_search_terms {search_key}"
        )
        took["search terms"] = time.perf_counter() - started
        started = time.perf_counter()
        await conn.execute(_ALERTS, DEPARTMENTS)
        took["alerts"] = time.perf_counter() - started
        if members:
            started = time.perf_counter()
            await conn.execute(_MEMBERS)
            await conn.execute(_INCOMES)
            await conn.execute(
                """
                INSERT INTO monitoring.projected_users (user_id, role, division_code, active, version)
                SELECT 'helper-' || n, 'helper', NULL, n % 10 <> 0, 1
                FROM generate_series(0, $1 - 1) AS n ON CONFLICT DO NOTHING
                """,
                len(places) * HELPERS_PER_VILLAGE,
            )
            took["members+incomes"] = time.perf_counter() - started
        started = time.perf_counter()
        for indexes in dropped.values():
            for _, definition in indexes:
                await conn.execute(definition)
        took["indexes"] = time.perf_counter() - started
        started = time.perf_counter()
        for table in [*tables, "household_search_terms"]:
            await conn.execute(f"VACUUM ANALYZE monitoring.{table}")
        took["vacuum analyze"] = time.perf_counter() - started
    finally:
        _renice(pid, 0)
        await conn.close()
    log(
        f"  generated {households:,} households in SQL: "
        + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in took.items())
    )
    return took


def _renice(pid: int, niceness: int) -> None:
    """Set a server backend's niceness (root may lower it again; otherwise it stays niced)."""
    import contextlib
    import os

    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, pid, niceness)
