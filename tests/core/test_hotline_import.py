"""``cockpit history import``: a GB18030 12345 export of the hand-made street into the v1 incident log."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cockpit.cli import main
from cockpit.history.format import read_log
from cockpit.history.export_times import TimeFormatError, parse_local_time
from cockpit.street.tables import detect_encoding

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "xinhua"
EXPORT = FIXTURE / "12345工单.csv"
MAPPING = FIXTURE / "12345_mapping.toml"
SHANGHAI = ZoneInfo("Asia/Shanghai")
PERSONAL = ("13812345678", "15987654321", "420102198001011234", "王先生", "李女士")
"""Names, phones and an ID number the fixture's 诉求内容 carries: none may reach any output file."""


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('hotline') / 'c.sqlite'}"
    assert main(["street", "import", str(FIXTURE / "street.toml"), "--db", url]) == 0
    return url


def run(capsys, *argv) -> tuple[int, dict, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out.strip() else {}), captured.err


def test_the_export_becomes_a_log_with_every_other_row_accounted_for(capsys, db, tmp_path):
    out = tmp_path / "hotline.csv"
    code, data, err = run(capsys, "history", "import", str(EXPORT), "--mapping", str(MAPPING), "--street", "xinhua",
                          "--db", db, "--out", str(out), "--json")
    assert code == 0
    assert data == {"rows": 9, "imported": 6, "unlocated": 2,
                    "unknown_values": {"category": {"宠物扰民": 1}, "community": {"江岸社区": 1}}}
    assert "unknown category: 宠物扰民 (1)" in err
    log = read_log(out).set_index("case_id")
    # 2024/3/5 8:07, 2024-03-05 09:15:00 and 2024年3月5日 10:22 are Beijing time.
    assert log.loc["GD2024030500017", "reported_at"] == datetime(2024, 3, 5, 0, 7, tzinfo=timezone.utc)
    assert log.loc["GD2024030500023", "reported_at"] == datetime(2024, 3, 5, 1, 15, tzinfo=timezone.utc)
    assert log.loc["GD2024030500031", "reported_at"] == datetime(2024, 3, 5, 2, 22, tzinfo=timezone.utc)
    # Located by GCJ-02 coordinates in the micro-grid that holds the place; by community name without them.
    assert log.loc["GD2024030500017", "micro_grid"] == "MY-01-1"
    assert log.loc["GD2024030500031", "micro_grid"] == "QJ-01-1"
    assert log.loc["GD2024030500044", "community"] == "MY"
    # 满意 5, 基本满意 4, 不满意 2, digits as they are; no rating without one.
    assert list(log["satisfaction"].astype("Int64").fillna(0)) == [5, 4, 5, 4, 2, 0]
    # The category's own Chinese name maps without an entry; its default risk sets the level.
    assert log.loc["GD2024030500044", "category"] == "street_vending"
    assert log.loc["GD2024030600015", "risk_level"] == "red"
    assert log.loc["GD2024030500017", "triaged_at"] == log.loc["GD2024030500017", "dispatched_at"]
    side = list(csv.DictReader((tmp_path / "hotline.not_imported.csv").open(encoding="utf-8-sig")))
    assert [(r["row"], r["case_id"]) for r in side] == [("8", "GD2024030600019"), ("9", "GD2024030700003"),
                                                       ("10", "GD2024030700008")]
    assert side[0]["reason"] == "category '宠物扰民' is not mapped (values.category in the mapping)"
    assert side[1]["reason"].startswith("unlocated: coordinates") and side[1]["reason"].endswith("are outside the street")
    assert side[2]["reason"] == "unlocated: community '江岸社区' is not in the street"


def test_free_text_with_names_phones_and_id_numbers_reaches_no_output(capsys, db, tmp_path):
    out = tmp_path / "hotline.csv"
    assert main(["history", "import", str(EXPORT), "--mapping", str(MAPPING), "--street", "xinhua", "--db", db,
                 "--out", str(out)]) == 0
    captured = capsys.readouterr()
    for text in (out.read_text(encoding="utf-8"), (tmp_path / "hotline.not_imported.csv").read_text(encoding="utf-8-sig"),
                 captured.out, captured.err):
        assert not any(secret in text for secret in PERSONAL)


def test_the_imported_log_replays_on_its_street(capsys, db, tmp_path):
    out = tmp_path / "hotline.csv"
    assert main(["history", "import", str(EXPORT), "--mapping", str(MAPPING), "--street", "xinhua", "--db", db,
                 "--out", str(out)]) == 0
    capsys.readouterr()
    code, data, _ = run(capsys, "replay", str(out), "--at", "2024-03-06T12:00", "--street", "xinhua", "--db", db, "--json")
    assert code == 0 and data["open_total"] == 1 and data["open_by_risk"]["red"] == 1


def test_an_xlsx_export_with_a_notes_sheet_gives_the_same_log(capsys, db, tmp_path):
    rows = list(csv.reader(EXPORT.read_bytes().decode("gb18030").splitlines()))
    book = openpyxl.Workbook()
    book.active.title = "导出说明"
    book.active["A1"] = "数据来源：12345热线平台"
    sheet = book.create_sheet("工单")
    sheet.append(["新华街道12345工单明细"])
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "export.xlsx")
    for name, source in (("csv", EXPORT), ("xlsx", tmp_path / "export.xlsx")):
        assert main(["history", "import", str(source), "--mapping", str(MAPPING), "--street", "xinhua", "--db", db,
                     "--out", str(tmp_path / f"{name}.csv")]) == 0
    capsys.readouterr()
    assert read_log(tmp_path / "csv.csv").equals(read_log(tmp_path / "xlsx.csv"))


def test_times_out_of_order_and_unreadable_times_are_reasons_not_crashes(capsys, db, tmp_path):
    text = EXPORT.read_bytes().decode("gb18030")
    text = text.replace("2024/3/5 9:02", "2024/3/5 8:10").replace("2024-03-05 10:05:00", "2024-13-05 10:05:00")
    broken = tmp_path / "export.csv"
    broken.write_bytes(text.encode("gb18030"))
    code, data, _ = run(capsys, "history", "import", str(broken), "--mapping", str(MAPPING), "--street", "xinhua",
                        "--db", db, "--out", str(tmp_path / "log.csv"), "--json")
    assert code == 0 and data["imported"] == 4
    side = {r["case_id"]: r["reason"] for r in csv.DictReader((tmp_path / "log.not_imported.csv").open(encoding="utf-8-sig"))}
    assert side["GD2024030500017"] == "accepted_at 2024-03-05 08:10 is before dispatched_at 2024-03-05 08:30"
    assert side["GD2024030500023"].startswith("accepted_at (签收时间): '2024-13-05 10:05:00' is not a real date")


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace('reported_at = "来电时间"\n', ""), "12345_mapping.toml: columns.reported_at is missing"),
    (lambda t: t.replace('crs = "gcj02"', ""), "12345_mapping.toml: crs is missing"),
    (lambda t: t.replace('category = "诉求类型"', 'category = "事件类型"'), "12345工单.csv: no header row with the column(s) 事件类型"),
])
def test_a_bad_mapping_is_one_line_and_exit_2(capsys, db, tmp_path, edit, message):
    mapping = tmp_path / "12345_mapping.toml"
    mapping.write_text(edit(MAPPING.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copy(EXPORT, tmp_path / EXPORT.name)
    code, _, err = run(capsys, "history", "import", str(tmp_path / EXPORT.name), "--mapping", str(mapping),
                       "--street", "xinhua", "--db", db, "--out", str(tmp_path / "log.csv"))
    assert code == 2
    assert err.strip().splitlines()[-1].startswith(f"cockpit: {message}")


# ---------------------------------------------------------------- parsers

MOMENTS = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2035, 12, 31)).map(
    lambda d: d.replace(second=d.second, microsecond=0))


@settings(max_examples=300, deadline=None)
@given(MOMENTS, st.sampled_from(["slash", "iso", "chinese", "chinese_seconds", "T"]))
def test_every_export_time_format_reads_as_beijing_time(moment, style):
    text = {
        "slash": f"{moment.year}/{moment.month}/{moment.day} {moment.hour}:{moment.minute:02d}",
        "iso": moment.strftime("%Y-%m-%d %H:%M:%S"),
        "chinese": f"{moment.year}年{moment.month}月{moment.day}日 {moment.hour:02d}:{moment.minute:02d}",
        "chinese_seconds": f"{moment.year}年{moment.month}月{moment.day}日 {moment.strftime('%H:%M:%S')}",
        "T": moment.strftime("%Y-%m-%dT%H:%M:%S"),
    }[style]
    expected = moment if style in ("iso", "chinese_seconds", "T") else moment.replace(second=0)
    assert parse_local_time(text, SHANGHAI) == expected.replace(tzinfo=SHANGHAI).astimezone(timezone.utc)
    assert parse_local_time(expected, SHANGHAI) == expected.replace(tzinfo=SHANGHAI).astimezone(timezone.utc)


@settings(max_examples=200, deadline=None)
@given(MOMENTS, st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: m - m % 15))
def test_an_offset_in_the_text_wins_over_the_local_zone(moment, minutes):
    offset = timezone(timedelta(minutes=minutes))
    text = moment.replace(tzinfo=offset).isoformat()
    assert parse_local_time(text, SHANGHAI) == moment.replace(tzinfo=offset).astimezone(timezone.utc)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_anything_else_is_a_time_format_error_or_empty(text):
    try:
        parsed = parse_local_time(text, SHANGHAI)
    except TimeFormatError as exc:
        assert repr(text.strip()) in str(exc)
    else:
        assert parsed is None or parsed.tzinfo is timezone.utc


@pytest.mark.parametrize("text", ["2024/2/30 8:00", "2024-03-05 25:00:00", "2024年3月5日 08:61", "3/5/2024 8:07"])
def test_impossible_or_foreign_dates_are_refused(text):
    with pytest.raises(TimeFormatError):
        parse_local_time(text, SHANGHAI)


CHINESE = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(CHINESE, st.text(alphabet="abc,123\n", max_size=10))
def test_the_encoding_of_chinese_text_is_detected(chinese, ascii_part):
    text = ascii_part + chinese
    for encoding in ("utf-8", "utf-8-sig", "gb18030"):
        data = text.encode(encoding)
        if encoding == "gb18030" and _decodes_as_utf8(data):
            # A few GB18030 characters can also be valid UTF-8 (一 is 0xD2 0xBB, Cyrillic һ in UTF-8):
            # no detector can tell those apart; a real file's length makes it vanishingly rare.
            assert detect_encoding(data) == "utf-8"
            continue
        assert detect_encoding(data) == encoding
        assert data.decode(detect_encoding(data)) == text


def _decodes_as_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
