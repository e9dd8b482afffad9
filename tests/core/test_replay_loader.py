"""Reading incident logs for replay: both formats agree, and a bad cell is named by file, row and column."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pandas as pd
import pytest

from cockpit.replay.loader import NULL_TIME, LogReadError, read_incident_log
from cockpit.replay.synthetic import synthetic_log
from tests.core.tiny import tiny_street

START = datetime(2026, 10, 1, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return synthetic_log(tiny_street(), 200, seed=5, start=START, per_day=50)


def test_csv_and_parquet_read_to_the_same_columns(frame, tmp_path) -> None:
    frame.to_parquet(tmp_path / "log.parquet")
    frame.to_csv(tmp_path / "log.csv", index=False)
    steps: list[str] = []
    a = read_incident_log(tmp_path / "log.parquet", progress=lambda f, label: steps.append(label))
    b = read_incident_log(tmp_path / "log.csv")
    assert steps[0] == "reading" and steps[-1] == "done"
    assert a.n == b.n == 200
    for column in a.times:
        assert np.array_equal(a.times[column], b.times[column]), column
    assert a.value("assignee", 0) == b.value("assignee", 0) == frame.loc[0, "assignee"]
    assert a.times["reported_at"][0] == int(frame.loc[0, "reported_at"].timestamp()) * 1_000_000
    missing = frame["triaged_at"].isna().to_numpy()
    assert np.array_equal(a.times["triaged_at"] == NULL_TIME, missing)
    pd.testing.assert_frame_equal(a.frame()[["case_id", "risk_level", "lon"]],
                                  frame[["case_id", "risk_level", "lon"]], check_dtype=False)


@pytest.mark.parametrize(
    ("column", "row", "value", "message"),
    [
        ("accepted_at", 17, "yesterday", "is not an ISO 8601 time"),
        ("risk_level", 4, "purple", "unknown value 'purple'"),
        ("satisfaction", 9, "7", "above 5"),
        ("lon", 30, "east", "not a number"),
        ("case_id", 50, "", "empty"),
    ],
)
def test_a_bad_cell_is_named_and_nothing_is_returned(frame, tmp_path, column, row, value, message) -> None:
    bad = frame.astype({column: object}).copy()
    bad.loc[row - 1, column] = value
    path = tmp_path / "bad.csv"
    bad.to_csv(path, index=False)
    with pytest.raises(LogReadError) as caught:
        read_incident_log(path)
    assert (caught.value.row, caught.value.column) == (row, column)
    assert str(caught.value).startswith(f"bad.csv: row {row}, column {column}: ")
    assert message in str(caught.value)


def test_step_out_of_order_and_duplicates_are_refused(frame, tmp_path) -> None:
    bad = frame.copy()
    row = int(np.flatnonzero(frame["closed_at"].notna())[0])
    bad.loc[row, "closed_at"] = bad.loc[row, "reported_at"]
    bad.to_parquet(tmp_path / "order.parquet")
    with pytest.raises(LogReadError,
                       match=rf"order.parquet: row {row + 1}, column closed_at: earlier than resolved_at"):
        read_incident_log(tmp_path / "order.parquet")
    dup = frame.copy()
    dup.loc[7, "case_id"] = dup.loc[3, "case_id"]
    dup.to_parquet(tmp_path / "dup.parquet")
    with pytest.raises(LogReadError, match=r"row 8, column case_id: duplicate case id"):
        read_incident_log(tmp_path / "dup.parquet")


def test_unknown_staff_category_missing_column_and_file(frame, tmp_path) -> None:
    frame.to_parquet(tmp_path / "log.parquet")
    with pytest.raises(LogReadError, match=r"column assignee: unknown value"):
        read_incident_log(tmp_path / "log.parquet", staff_ids={"nobody"})
    with pytest.raises(LogReadError, match=r"column category: unknown value"):
        read_incident_log(tmp_path / "log.parquet", categories={"noise"})
    frame.drop(columns="owner_level").to_parquet(tmp_path / "short.parquet")
    with pytest.raises(LogReadError, match=r"short.parquet: column owner_level: missing column"):
        read_incident_log(tmp_path / "short.parquet")
    with pytest.raises(LogReadError, match="no such file"):
        read_incident_log(tmp_path / "absent.csv")


def test_a_bad_value_in_a_parquet_dictionary_column_names_its_first_row(frame, tmp_path) -> None:
    bad = frame.copy()
    bad.loc[[40, 12], "risk_level"] = "purple"
    bad.loc[5, "source"] = "rumour"
    bad.to_parquet(tmp_path / "bad.parquet")
    with pytest.raises(LogReadError, match=r"bad.parquet: row 13, column risk_level: unknown value 'purple'"):
        read_incident_log(tmp_path / "bad.parquet")
    bad.loc[[40, 12], "risk_level"] = "red"
    bad.to_parquet(tmp_path / "bad.parquet")
    with pytest.raises(LogReadError, match=r"row 6, column source: unknown value 'rumour'"):
        read_incident_log(tmp_path / "bad.parquet")
