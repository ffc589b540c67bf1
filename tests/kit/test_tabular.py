from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from shared.tabular import ImportReport, RowResult, UnreadableFile, read_rows, xlsx_response


def test_csv_in_utf8_bom_and_gbk() -> None:
    text = "户主,人口\n王建国,4\n\n李秀英 , 2\n"
    for content in (text.encode("utf-8-sig"), text.encode("gbk")):
        rows = list(read_rows(content, "towns.csv"))
        assert [(r.number, r.values) for r in rows] == [
            (2, {"户主": "王建国", "人口": "4"}),
            (4, {"户主": "李秀英", "人口": "2"}),
        ]


def test_xlsx_rows_keep_line_numbers() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["户主", "人口"])
    sheet.append(["王建国", 4])
    sheet.append([None, None])
    sheet.append(["李秀英", 2])
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = list(read_rows(buffer.getvalue(), "x.xlsx"))
    assert [(r.number, r.values["人口"]) for r in rows] == [(2, "4"), (4, "2")]


def test_garbage_is_a_clear_error() -> None:
    with pytest.raises(UnreadableFile):
        list(read_rows(b"PK\x03\x04garbage", "x.xlsx"))
    with pytest.raises(UnreadableFile):
        list(read_rows(b"", "x.csv"))
    # A bare CR (found by fuzzing) is a line break, not a crash; a giant field is a clear refusal.
    assert [r.values for r in read_rows("\xd3\r]\xc9".encode(), "x.csv")] == [{"\xd3": "]\xc9"}]
    with pytest.raises(UnreadableFile):
        list(read_rows(('a\n"' + "x" * 200_000 + '"\n').encode(), "x.csv"))


def test_quoted_line_breaks_stay_in_their_cell() -> None:
    rows = list(read_rows('户主,地址\n王建国,"三组\n4号"\n'.encode(), "x.csv"))
    assert rows[0].values["地址"] == "三组\n4号"


def test_download_drops_characters_a_worksheet_cannot_hold() -> None:
    response = xlsx_response("x.xlsx", [("name", "姓名")], [{"name": "王\x00建\x07国"}])
    sheet = load_workbook(io.BytesIO(response.body)).worksheets[0]
    assert sheet["A2"].value == "王建国"


def test_report_counts_and_lists_refused_rows_only() -> None:
    report = ImportReport()
    report.add(RowResult(row=2, status="accepted", id="a"))
    report.add(RowResult(row=3, status="unchanged", id="a"))
    report.add(RowResult(row=4, status="refused"))
    assert (report.total, report.accepted, report.unchanged, report.refused) == (3, 1, 1, 1)
    assert [r.row for r in report.rows] == [4]


def test_xlsx_download_has_chinese_headers() -> None:
    response = xlsx_response(
        "报表.xlsx",
        [("town", "乡镇"), ("amount", "金额（元）")],
        [{"town": "克井镇", "amount": Decimal("8600.00")}],
    )
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.body)).worksheets[0]
    assert [c.value for c in sheet[1]] == ["乡镇", "金额（元）"]
    assert [c.value for c in sheet[2]] == ["克井镇", 8600]


def test_download_is_typed_for_excel() -> None:
    """Money as numbers with a number format, dates as dates, codes and ID numbers as text, a frozen
    header row, widths by content, and a sheet name Excel accepts."""
    from datetime import date

    from openpyxl.utils import get_column_letter

    response = xlsx_response(
        "x.xlsx",
        [
            ("town", "乡镇代码"),
            ("paid", "已支付（元）"),
            ("due", "到期日"),
            ("n", "户数"),
            ("text_money", "金额", "money"),
        ],
        [
            {
                "town": "419001100",
                "paid": Decimal("1234567.5"),
                "due": date(2025, 7, 31),
                "n": 3,
                "text_money": "12.30",
            },
            {"town": "419001109", "paid": None, "due": "2025-10-31", "n": 0, "text_money": "不详"},
        ],
        sheet_title="资金/支出:进度[2025]?*很长的表名超过了三十一个字符的限制一定会被截断的",
    )
    sheet = load_workbook(io.BytesIO(response.body)).worksheets[0]
    assert sheet.title == "资金支出进度2025很长的表名超过了三十一个字符的限制一定会被"
    assert len(sheet.title) == 31
    assert sheet.freeze_panes == "A2"
    town, paid, due, count, text_money = sheet[2]
    assert town.value == "419001100" and town.data_type == "s"
    assert paid.value == 1234567.5 and paid.data_type == "n" and paid.number_format == "#,##0.00"
    assert due.is_date and due.number_format == "yyyy-mm-dd" and due.value.date() == date(2025, 7, 31)
    assert count.value == 3 and count.data_type == "n"
    assert text_money.value == 12.3 and text_money.number_format == "#,##0.00"
    assert sheet["C3"].is_date and sheet["E3"].value == "不详" and sheet["B3"].value is None
    widths = [sheet.column_dimensions[get_column_letter(i)].width for i in range(1, 6)]
    assert all(8 <= w <= 60 for w in widths) and widths[1] > widths[0] - 4


def test_sheet_names_follow_excel_rules() -> None:
    from shared.tabular import sheet_name

    assert sheet_name("'农户:台账'") == "农户台账"
    assert sheet_name("[]:*?/\\") == "报表"
    assert sheet_name("收入", ["收入", "收入(2)"]) == "收入(3)"
    assert len(sheet_name("字" * 40, ["字" * 31])) == 31
