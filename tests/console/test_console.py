"""The web console in Debian's Chromium: the district dashboard shows the API's figures, a town
official sees only their town, a household walks from alert to village review, a ledger with a bad
row is reported row by row, and the first screen is fast. Screenshots at 360 px and 1280 px are kept
in the test's tmp_path."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import httpx
from openpyxl import load_workbook

from tests.conftest import Stack
from tests.console.conftest import DESKTOP, PHONE, Console
from tests.helpers import KEJING, KEJING_VILLAGE, auth
from tests.monitoring.factories import create_household, id_number
from xianjie.demo_data import load_demo_records

OTHER_TOWNS = {"419001104": "邵原镇", "419001105": "坡头镇", "419001109": "王屋镇"}


def wan(amount: str) -> str:
    """What the dashboard shows for money: 万元 with two decimals and thousands separators."""
    return f"{(Decimal(amount) / 10000).quantize(Decimal('0.01'), ROUND_HALF_UP):,.2f}"


def pct(ratio: str | None) -> str:
    return "—" if ratio is None else f"{Decimal(ratio) * 100:.1f}%"


async def downloaded_workbook(download: Any) -> Any:
    assert download.suggested_filename.endswith(".xlsx"), download.suggested_filename
    content = await asyncio.to_thread(Path(await download.path()).read_bytes)
    return load_workbook(io.BytesIO(content))


async def all_items(api: httpx.AsyncClient, path: str, token: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = (
            await api.get(
                path,
                params={**params, "limit": 500, **({"cursor": cursor} if cursor else {})},
                headers=auth(token),
            )
        ).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


async def test_dashboard_shows_the_apis_figures_and_a_town_sees_only_its_own(
    stack: Stack,
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    demo_password: str,
    open_console: Any,
    tmp_path: Path,
) -> None:
    counts = await load_demo_records(stack.gateway_url, demo_password, echo=lambda _: None)
    assert counts["households"] >= 30 and counts["warnings"] == 0, counts
    admin = tokens["admin"]

    desk: Console = await open_console(DESKTOP)
    page = desk.page
    tokens_seen: list[dict[str, Any]] = []

    async def keep_token(resp: Any) -> None:
        if resp.url.endswith("/auth/token") and resp.ok:
            tokens_seen.append(await resp.json())

    page.on("response", keep_token)
    await page.goto(stack.gateway_url + "/")
    await page.wait_for_selector("form.signin")
    await page.fill("#username", "admin")
    await page.fill("#password", demo_password)
    await page.click("form.signin button[type=submit]")
    await page.wait_for_selector("main[data-view='dashboard'][data-painted]")
    await page.wait_for_selector("[data-chart='ready']")
    await page.screenshot(path=tmp_path / "dashboard-1280.png", full_page=True)

    # The floor: today's count, by town, by place.
    floor = (await api.get("/api/employment/v1/floor", headers=auth(admin))).json()
    assert await desk.figure("floor-employed") == f"{floor['employed']:,}"
    assert await desk.figure("floor-floor") == "2,155"
    for town in floor["by_town"]:
        assert await desk.figure(f"floor-town-{town['town_code']}") == str(town["employed"])
    for place in floor["by_place"]:
        assert await desk.figure(f"floor-place-{place['place']}") == str(place["employed"])
    # Monitoring: households by status per town, open alerts, gaps.
    by_status = (
        await api.get(
            "/api/monitoring/v1/reports/households", params={"group": "status"}, headers=auth(admin)
        )
    ).json()
    for row in by_status["rows"]:
        assert await desk.figure(f"hh-status-{row['town_code']}-{row['group_value']}") == str(
            row["households"]
        )
    open_alerts = await all_items(api, "/api/monitoring/v1/alerts", admin, status="open")
    assert await desk.figure("alerts-open") == str(len(open_alerts)) and open_alerts
    coverage = (await api.get("/api/monitoring/v1/reports/helper-coverage", headers=auth(admin))).json()
    assert await desk.figure("helper-gaps") == str(sum(r["without_helper"] for r in coverage["rows"]))
    # Funds: each source's size, allocation and payment; the industry share; the checkpoints.
    use = (await api.get("/api/funds/v1/reports/fund-use", params={"year": 2025}, headers=auth(admin))).json()
    subtotals = [r for r in use["rows"] if r["category"] == "小计"]
    assert len(subtotals) == 4
    for i, row in enumerate(subtotals):
        assert await desk.figure(f"fund-{i}-amount") == wan(row["amount"])
        assert await desk.figure(f"fund-{i}-allocated") == wan(row["allocated"])
        assert await desk.figure(f"fund-{i}-paid") == wan(row["paid"])
    share = (
        await api.get("/api/funds/v1/funds/industry-share", params={"year": 2025}, headers=auth(admin))
    ).json()
    assert await desk.figure("industry-share") == pct(share["industry_share_of_allocated"])
    for month in (7, 10, 12):
        progress = (
            await api.get(
                "/api/funds/v1/checkpoints/progress",
                params={"year": 2025, "month": month},
                headers=auth(admin),
            )
        ).json()
        assert await desk.figure(f"checkpoint-{month}") == pct(progress["total"]["progress"])
    # Assets: by lifecycle stage (the summary report, summed per stage) and PV revenue by month.
    summary = (await api.get("/api/assets/v1/reports/assets-summary", headers=auth(admin))).json()
    stages: dict[str, int] = {}
    for row in summary["rows"]:
        stages[row["status"]] = stages.get(row["status"], 0) + row["count"]
    shown = {
        (await link.locator(".figure-label").inner_text()): int(
            await link.locator(".figure-value").inner_text()
        )
        for link in await page.locator("a[data-figure^='asset-']").all()
    }
    assert shown == stages
    this_year = time.gmtime().tm_year
    monthly = (
        await api.get(
            "/api/assets/v1/reports/revenue-by-month", params={"year": this_year}, headers=auth(admin)
        )
    ).json()
    assert any(r["pv_revenue"] != "0.00" for r in monthly["rows"])
    for row in monthly["rows"]:
        assert await desk.figure(f"pv-month-{row['month']}") == wan(row["pv_revenue"])

    # Every figure is a link to its list: 克井镇's employed workers.
    await page.click(f"a[data-figure='floor-town-{KEJING}']")
    await page.wait_for_selector("main[data-view='list']")
    kejing_workers = await all_items(
        api, "/api/employment/v1/workers", admin, status="employed", town_code=KEJING
    )
    assert (await page.inner_text("[data-testid='list-count']")).strip() == str(len(kejing_workers))
    await page.get_by_role("button", name="← 返回").click()
    await page.wait_for_selector("main[data-view='dashboard'][data-painted]")
    # A report downloads as XLSX.
    await desk.go("#/report?path=" + "%2Fapi%2Fmonitoring%2Fv1%2Freports%2Fhelper-coverage", "report")
    async with page.expect_download() as download:
        await page.click("[data-testid='xlsx']")
    workbook = await downloaded_workbook(await download.value)
    assert workbook.worksheets[0].max_row == len(coverage["rows"]) + 1

    # English on request (the console's own words).
    await page.get_by_role("button", name="English").click()
    await page.get_by_role("link", name="District dashboard").wait_for()
    await page.get_by_role("button", name="中文").click()
    await page.get_by_role("link", name="全区看板").wait_for()

    # The same dashboard on a phone.
    await page.set_viewport_size(PHONE)
    await desk.go("#/dashboard", "dashboard")
    await page.screenshot(path=tmp_path / "dashboard-360.png", full_page=True)

    # Sign-out revokes the refresh token the console held.
    await page.click("[data-testid='sign-out']")
    await page.wait_for_selector("form.signin")
    refresh = tokens_seen[-1]["refresh_token"]
    refused = await api.post("/auth/token", data={"grant_type": "refresh_token", "refresh_token": refresh})
    assert refused.status_code == 400, refused.text

    # A town official, on a phone, signing in with the keyboard alone.
    phone: Console = await open_console(PHONE)
    await phone.page.goto(stack.gateway_url + "/")
    await phone.page.wait_for_selector("#username:focus")
    await phone.page.keyboard.type("town_kejing")
    await phone.page.keyboard.press("Tab")
    await phone.page.keyboard.type(demo_password)
    await phone.page.keyboard.press("Enter")
    await phone.page.wait_for_selector("main[data-view='workbench']")
    assert "克井镇" in await phone.page.inner_text("[data-testid='who']")
    await phone.page.screenshot(path=tmp_path / "workbench-360.png", full_page=True)
    seen = [await phone.page.inner_text("main")]
    town_alerts = await all_items(api, "/api/monitoring/v1/alerts", tokens["town_kejing"], status="open")
    assert await phone.figure("wb-alerts") == str(len(town_alerts)) and town_alerts
    for route, view in (
        ("#/dashboard", "dashboard"),
        ("#/list/alerts?status=open", "list"),
        ("#/list/workers?status=employed", "list"),
        ("#/list/households", "list"),
        ("#/report?path=%2Fapi%2Fmonitoring%2Fv1%2Freports%2Fhouseholds%3Fgroup%3Dkind", "report"),
    ):
        await phone.go(route, view)
        if view == "dashboard":
            await phone.page.wait_for_selector("main[data-painted]")
        seen.append(await phone.page.inner_text("main"))
    everything = "\n".join(seen)
    assert "克井镇" in everything
    for code, name in OTHER_TOWNS.items():
        assert name not in everything and code not in everything, name
    figures = await phone.page.evaluate(
        "[...document.querySelectorAll('[data-figure]')].map(e => e.dataset.figure)"
    )
    assert not any(code in f for f in figures for code in OTHER_TOWNS)

    # The first screen, timed in a fresh tab once the stack has settled (in this test all five apps,
    # their outbox relays and consumers share one event loop with the test; right after the demo
    # load it is busy relaying ~370 events, which `make up`'s separate processes do elsewhere).
    fresh: Console = await open_console(DESKTOP)
    page = fresh.page
    await page.goto(stack.gateway_url + "/")
    await page.wait_for_selector("form.signin")
    await page.fill("#username", "admin")
    await page.fill("#password", demo_password)
    await page.click("form.signin button[type=submit]")
    await page.wait_for_selector("main[data-view='dashboard'][data-painted]")
    timing = await page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0], m = document.querySelector('main');"
        " return {response_start: n.responseStart, dom_content_loaded: n.domContentLoadedEventEnd,"
        " sign_in_form_shown: +m.dataset.firstScreen, signed_in: +m.dataset.signedIn,"
        " dashboard_painted: +m.dataset.painted} }"
    )
    timing["signed_in_to_dashboard_painted"] = timing["dashboard_painted"] - timing["signed_in"]
    (tmp_path / "timing.json").write_text(json.dumps(timing, indent=2))
    print("console timing (ms from navigation start):", timing)
    # The marks are recorded (timing.json beside the screenshots) and read, not enforced: a time
    # bound in a test fails on a loaded CI machine and proves nothing on a quiet one (`make up` on this
    # shared 2-core machine: sign-in form < 1 s, dashboard 0.6–1.6 s after signing in). What is
    # checked is that the page sets its marks, in the order the screens come.
    assert 0 < timing["sign_in_form_shown"] <= timing["signed_in"] <= timing["dashboard_painted"], timing


async def test_a_household_walks_from_alert_to_village_review_on_a_phone(
    stack: Stack,
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    demo_password: str,
    open_console: Any,
    tmp_path: Path,
) -> None:
    household = await create_household(api, tokens["admin"], head_name="赵春生")
    phone: Console = await open_console(PHONE)
    await phone.sign_in("town_kejing", demo_password)
    page = phone.page
    # A visit that finds an illness raises the alert.
    await phone.go(f"#/household/{household['id']}", "household")
    visit = page.locator("form#visit")
    await visit.get_by_label("走访情况").fill("户主突发脑梗住院，医疗费用较高")
    await visit.get_by_label("因病").check()
    await visit.get_by_label("纬度").fill("35.123456")
    await visit.get_by_label("经度").fill("112.543210")
    await visit.get_by_role("button", name="提交").click()
    await visit.get_by_text("已保存").wait_for()
    unlabelled = await page.evaluate(
        "[...document.querySelectorAll('main input, main select, main textarea')]"
        ".filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length"
    )
    assert unlabelled == 0
    await page.screenshot(path=tmp_path / "household-360.png", full_page=True)

    # The workbench lists it; from there to the household.
    await phone.go("#/workbench", "workbench")
    alerts = page.locator("[data-testid='wb-alerts'] tbody tr")
    assert await alerts.count() == 1
    await alerts.first.locator("a").click()
    await page.wait_for_selector("main[data-view='household'] [data-testid='hh-status']")
    assert await page.inner_text("[data-testid='hh-status']") == "未纳入监测"
    await page.get_by_label("理由或依据").fill("走访发现因病风险，启动核实")
    await page.get_by_role("button", name="开始核实").click()
    await page.locator("[data-testid='hh-status']", has_text="核实中").wait_for()

    # Refused without its risk causes: the service's problem text is on screen.
    form = page.locator("form[data-action='submit_village_review']")
    await form.get_by_label("理由或依据").fill("核实：2025 年人均纯收入低于监测线")
    await form.get_by_label("监测对象类型").select_option("unstable")
    await form.get_by_role("button", name="提交村级评议").click()
    problem = page.locator("[data-testid='problem']")
    await problem.wait_for()
    assert "风险" in await problem.inner_text()
    await form.get_by_label("因病").check()
    await form.get_by_role("button", name="提交村级评议").click()
    await page.locator("[data-testid='hh-status']", has_text="村级评议").wait_for()
    history = await page.inner_text("[data-testid='history']")
    assert "开始核实" in history and "提交村级评议" in history
    shown = (
        await api.get(f"/api/monitoring/v1/households/{household['id']}", headers=auth(tokens["admin"]))
    ).json()
    assert shown["status"] == "village_review" and shown["risk_causes"] == ["illness"]


async def test_a_ledger_with_a_bad_row_is_reported_row_by_row(
    stack: Stack,
    api: httpx.AsyncClient,
    tokens: dict[str, str],
    demo_password: str,
    open_console: Any,
    tmp_path: Path,
) -> None:
    header = [
        "乡镇代码",
        "村代码",
        "户主姓名",
        "户主身份证号",
        "住址",
        "户类型",
        "家庭人口数",
        "健康状况",
        "劳动能力",
        "在校情况",
        "参加医保",
    ]
    good = [
        KEJING,
        KEJING_VILLAGE,
        "孙立本",
        id_number(),
        "北大河村一组",
        "脱贫户",
        "3",
        "健康",
        "普通劳动力",
        "",
        "是",
    ]
    bad = [
        KEJING,
        KEJING_VILLAGE,
        "李错号",
        "410881199013011234",
        "",
        "脱贫户",
        "2",
        "健康",
        "普通劳动力",
        "",
        "是",
    ]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, good, bad])
    ledger = tmp_path / "农户台账.csv"
    ledger.write_text(buffer.getvalue(), encoding="utf-8")

    desk: Console = await open_console(DESKTOP)
    await desk.sign_in("town_kejing", demo_password)
    page = desk.page
    await desk.go("#/import", "import")
    await page.get_by_label("台账类型").select_option("/api/monitoring/v1/households/import")
    await page.get_by_label("文件（XLSX 或 CSV）").set_input_files(ledger)
    async with page.expect_response(lambda r: r.url.endswith("/households/import")) as answered:
        await page.get_by_role("button", name="上传").click()
    answer = await (await answered.value).json()
    await page.locator("[data-testid='import-rows']").wait_for()
    assert await desk.figure("import-accepted") == "1" and await desk.figure("import-refused") == "1"
    rows = await page.inner_text("[data-testid='import-rows']")
    assert "3" in rows and "身份证" in rows  # the bad row's number and its problem
    await page.screenshot(path=tmp_path / "import-1280.png", full_page=True)

    assert answer["refused_rows_url"]  # the service keeps the refused rows for download
    async with page.expect_download() as download:
        await page.click("[data-testid='refused-rows']")
    sheet = (await downloaded_workbook(await download.value)).worksheets[0]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert any("李错号" in c for c in cells) and not any("孙立本" in c for c in cells)
