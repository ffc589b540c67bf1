"""Every ledger import refuses an upload without a file — a missing part, a text field in its place,
an empty file, a file with no row below its header — as a 422 problem with a stable code, before any
work (issue 14's fuzz findings: a one-line file was a 200 with nothing imported)."""

from __future__ import annotations

import httpx

from tests.helpers import auth

IMPORTS = [
    ("/api/monitoring/v1/households/import", {}),
    ("/api/monitoring/v1/water-sites/import", {}),
    ("/api/assets/v1/assets/import", {}),
    ("/api/employment/v1/spells/import", {"collected_on": "2025-03-01"}),
    ("/api/employment/v1/national/work-file/import", {"collected_on": "2025-03-01"}),
    ("/api/monitoring/v1/national/reconcile", {}),
]


async def test_an_import_without_its_file_is_a_422_with_a_stable_code(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = auth(tokens["admin"])
    for path, form in IMPORTS:
        empty = await api.post(path, data=form, files={"file": ("台账.csv", b"")}, headers=admin)
        assert empty.status_code == 422 and empty.json()["code"] == "empty_file", (path, empty.text)
        blank = await api.post(path, data=form, files={"file": ("台账.csv", b" \r\n")}, headers=admin)
        assert blank.status_code == 422 and blank.json()["code"] == "empty_file", (path, blank.text)
        if not path.endswith("/reconcile"):
            header_only = await api.post(
                path, data=form, files={"file": ("台账.csv", b"2567815346")}, headers=admin
            )
            assert header_only.status_code == 422 and header_only.json()["code"] == "no_rows", path
        missing = await api.post(path, data=form, files={"other": ("台账.csv", b"x")}, headers=admin)
        assert missing.status_code == 422, (path, missing.text)
        assert [e["field"] for e in missing.json()["errors"]] == ["body.file"], (path, missing.text)
        as_text = await api.post(path, data={**form, "file": "abc"}, files={"x": ("a", b"")}, headers=admin)
        assert as_text.status_code == 422, (path, as_text.text)
        assert missing.json()["code"] == as_text.json()["code"], path
