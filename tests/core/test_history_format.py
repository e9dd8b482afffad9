"""The incident log format: round trips, the version marks and every kind of bad file."""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cockpit.history.format import (
    LOG_FORMAT_VERSION,
    PARQUET_VERSION_KEY,
    LogFormatError,
    normalise_log,
    read_log,
    write_log,
)
from cockpit.history.generator import generate_history
from cockpit.vocabulary.case_columns import LOG_COLUMNS
from tests.core.history_rows import frame, row


@pytest.fixture
def history(tiny_street) -> pd.DataFrame:
    return generate_history(tiny_street, days=5, seed=11)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_round_trip_keeps_every_value_and_dtype(history, tmp_path, suffix):
    path = tmp_path / f"history{suffix}"
    write_log(history, path)
    back = read_log(path)
    pd.testing.assert_frame_equal(back, history)
    assert list(back.columns) == list(LOG_COLUMNS)
    assert str(back["reported_at"].dtype) == "datetime64[us, UTC]"
    assert back["risk_level"].cat.categories.tolist() == ["blue", "yellow", "red"]


def test_csv_carries_the_version_line_and_beijing_offsets(history, tmp_path):
    path = tmp_path / "history.csv"
    write_log(history, path)
    lines = path.read_text().splitlines()
    assert lines[0] == f"# street-cockpit incident log v{LOG_FORMAT_VERSION}"
    first = history.iloc[0]
    expected = first["reported_at"].tz_convert("Asia/Shanghai").strftime("%Y-%m-%dT%H:%M:%S+08:00")
    assert expected in lines[2]


def test_parquet_carries_the_version_in_its_schema(history, tmp_path):
    path = tmp_path / "history.parquet"
    write_log(history, path)
    schema = pq.read_schema(path)
    assert schema.metadata[PARQUET_VERSION_KEY] == b"1"
    assert schema.field("reported_at").type.tz == "UTC"


def _csv(tmp_path, *rows, name="history.csv", comment=True) -> str:
    path = tmp_path / name
    text = frame(*rows).to_csv(index=False, date_format="%Y-%m-%dT%H:%M:%S+00:00")
    path.write_text(("# street-cockpit incident log v1\n" if comment else "") + text)
    return path


def test_version_line_is_optional_and_other_offsets_are_converted(tmp_path):
    path = tmp_path / "plain.csv"
    text = frame(row("A")).to_csv(index=False, date_format="%Y-%m-%dT%H:%M:%S+00:00")
    path.write_text(text.replace("2025-03-03T00:00:00+00:00", "2025-03-03T08:00:00+08:00"))
    df = read_log(path)
    assert df.loc[0, "reported_at"] == pd.Timestamp("2025-03-03T00:00:00Z")
    assert df.loc[0, "satisfaction"] == 5
    assert pd.isna(df.loc[0, "reopened_at"])


def test_a_newer_version_is_refused(tmp_path):
    path = _csv(tmp_path, row("A"))
    path.write_text(path.read_text().replace("log v1", "log v2"))
    with pytest.raises(LogFormatError, match=r"history.csv: incident log format version '2' is not supported"):
        read_log(path)


def _replace_cell(path, column: str, value: str, data_row: int = 0) -> None:
    lines = path.read_text().splitlines()
    header = lines[1].split(",")
    cells = lines[2 + data_row].split(",")
    cells[header.index(column)] = value
    lines[2 + data_row] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("risk_level", "purple", "row 2, column risk_level: 'purple' is not one of blue, yellow, red"),
        ("source", "hotline", "row 2, column source: 'hotline' is not one of patrol, resident, sensor, department"),
        ("owner_level", "district", "row 2, column owner_level: 'district' is not one of grid, community, street"),
        ("reported_at", "yesterday", "row 2, column reported_at: 'yesterday' is not an ISO 8601 timestamp"),
        ("accepted_at", "2025-03-03T00:30:00",
         "row 2, column accepted_at: '2025-03-03T00:30:00' has no UTC offset"),
        ("satisfaction", "6", "row 2, column satisfaction: 6 is not a rating from 1 to 5"),
        ("satisfaction", "0", "row 2, column satisfaction: 0 is not a rating from 1 to 5"),
        ("satisfaction", "4.5", "row 2, column satisfaction: '4.5' is not a whole number"),
        ("escalations", "-1", "row 2, column escalations: -1 is negative"),
        ("reopened", "-2", "row 2, column reopened: -2 is negative"),
        ("lat", "95", "row 2, column lat: 95.0 is not between -90 and 90"),
        ("lon", "east", "row 2, column lon: 'east' is not a number"),
        ("community", "", "row 2, column community: is empty"),
        ("case_id", "A", "row 2, column case_id: 'A' duplicates row 1"),
        ("accepted_at", "2025-03-02T23:00:00+00:00", "row 2, column accepted_at: is earlier than dispatched_at"),
        ("closed_at", "2025-03-03T01:00:00+00:00", "row 2, column closed_at: is earlier than resolved_at"),
        ("dispatched_at", "", "row 2, column accepted_at: is set but dispatched_at is empty"),
        ("assignee", "", "row 2, column assignee: is empty but the case was dispatched"),
        ("escalations", "1", "row 2, column escalations: 1 escalation(s) cannot end at grid level"),
    ],
)
def test_a_bad_value_names_file_row_and_column(tmp_path, column, value, message):
    path = _csv(tmp_path, row("A"), row("B"), row("C"))
    _replace_cell(path, column, value, data_row=1)
    with pytest.raises(LogFormatError) as info:
        read_log(path)
    assert str(info.value).startswith(f"{path}: {message}")


def test_accepted_before_reported_is_refused(tmp_path):
    path = _csv(tmp_path, row("A", triaged_at=None, dispatched_at=None, accepted_at=None, on_scene_at=None,
                            resolved_at=None, closed_at=None, satisfaction=None, assignee=None))
    _replace_cell(path, "accepted_at", "2025-03-02T23:00:00+00:00")
    _replace_cell(path, "dispatched_at", "2025-03-02T22:00:00+00:00")
    _replace_cell(path, "triaged_at", "2025-03-02T21:00:00+00:00")
    _replace_cell(path, "assignee", "GW-1")
    with pytest.raises(LogFormatError, match=r"row 1, column triaged_at: is earlier than reported_at"):
        read_log(path)


def test_the_error_counts_further_bad_rows(tmp_path):
    path = _csv(tmp_path, row("A"), row("B"), row("C"))
    for data_row in range(3):
        _replace_cell(path, "risk_level", "pink", data_row)
    with pytest.raises(LogFormatError, match=r"row 1, column risk_level: 'pink' .* \(and 2 more rows\)"):
        read_log(path)


def test_missing_file_unknown_extension_and_missing_column(tmp_path):
    with pytest.raises(LogFormatError, match=r"nothing.csv: no such file"):
        read_log(tmp_path / "nothing.csv")
    (tmp_path / "history.xlsx").write_text("x")
    with pytest.raises(LogFormatError, match=r"history.xlsx: unknown extension '.xlsx'; use .csv or .parquet"):
        read_log(tmp_path / "history.xlsx")
    path = tmp_path / "short.csv"
    frame(row("A")).drop(columns=["risk_level"]).to_csv(path, index=False)
    with pytest.raises(LogFormatError, match=r"short.csv: column risk_level is missing$"):
        read_log(path)


def test_parquet_with_naive_timestamps_is_refused(tmp_path):
    df = frame(row("A"))
    df["resolved_at"] = df["resolved_at"].dt.tz_localize(None)
    path = tmp_path / "naive.parquet"
    df.to_parquet(path)
    with pytest.raises(LogFormatError, match=r"naive.parquet: row 1, column resolved_at: timestamps have no time zone"):
        read_log(path)


def test_write_refuses_a_bad_frame_and_drops_merged_and_rejected(tmp_path):
    with pytest.raises(LogFormatError, match=r"row 1, column risk_level: 'orange'"):
        write_log(frame(row("A", risk_level="orange")), tmp_path / "bad.csv")
    assert not (tmp_path / "bad.csv").exists()
    df = frame(row("A"), row("B", resolved_at=None, closed_at=None, satisfaction=None), row("C"))
    df["status"] = ["closed", "merged", "closed"]
    write_log(df, tmp_path / "cases.parquet")
    assert read_log(tmp_path / "cases.parquet")["case_id"].tolist() == ["A", "C"]


def test_reopen_columns_must_agree_with_the_count():
    with pytest.raises(LogFormatError, match=r"row 1, column reopened: is 0 but reopened_at is set"):
        normalise_log(frame(row("A", first_resolved_at=1.5, reopened_at=1.6)))
    with pytest.raises(LogFormatError, match=r"row 1, column reopened_at: is earlier than first_resolved_at"):
        normalise_log(frame(row("A", reopened=1, first_resolved_at=1.5, reopened_at=1.2)))


# ---------------------------------------------------------------- fuzzing


def _valid_csv_bytes() -> bytes:
    rows = [row("A"), row("B", risk_level="red", owner_level="street", escalations=2),
            row("C", reopened=1, first_resolved_at=1.5, reopened_at=1.7, resolved_at=2.5, closed_at=3.0),
            row("D", accepted_at=None, on_scene_at=None, resolved_at=None, closed_at=None, satisfaction=None)]
    buffer = io.StringIO()
    buffer.write("# street-cockpit incident log v1\n")
    frame(*rows).to_csv(buffer, index=False, date_format="%Y-%m-%dT%H:%M:%S+08:00")
    return buffer.getvalue().encode()


_VALID = _valid_csv_bytes()


@st.composite
def corrupted(draw) -> bytes:
    data = bytearray(_VALID)
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[position] = draw(st.integers(0, 255))
        elif action == "delete" and data:
            del data[position:position + draw(st.integers(1, 40))]
        elif action == "insert":
            data[position:position] = draw(st.sampled_from(
                [b",", b"\n", b'"', b"-1", b"purple", b"9999-99-99T99:99:99+08:00", b"\xff\xfe", b"1e400"]))
        else:
            del data[position:]
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=corrupted())
def test_a_corrupted_csv_reads_or_raises_log_format_error(tmp_path, data):
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        df = read_log(path)
    except LogFormatError as exc:
        assert str(exc).startswith(str(path))
    else:
        assert list(df.columns) == list(LOG_COLUMNS)


def test_the_fuzz_base_file_is_valid(tmp_path):
    path = tmp_path / "base.csv"
    path.write_bytes(_VALID)
    assert len(read_log(path)) == 4


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 4000), byte=st.integers(0, 255))
def test_a_corrupted_parquet_raises_log_format_error(tmp_path, cut, byte):
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pandas(normalise_log(frame(row("A"), row("B")))), sink)
    data = bytearray(sink.getvalue().to_pybytes())
    data[cut % len(data)] = byte
    path = tmp_path / "fuzz.parquet"
    path.write_bytes(bytes(data))
    try:
        read_log(path)
    except LogFormatError:
        pass
