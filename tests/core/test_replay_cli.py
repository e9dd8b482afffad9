"""``cockpit replay LOG --at TIME [--json]``: the state summary, by hand, and the error contract."""

from __future__ import annotations

import argparse
import json

import pandas as pd
import pytest

from cockpit.history.format import write_log
from cockpit.history.generator import generate_history
from cockpit.replay.cli import register, replay_command
from tests.core.tiny import tiny_street

T = pd.Timestamp


def case(case_id: str, reported: str, risk: str = "blue", **times) -> dict:
    row = {
        "case_id": case_id, "reported_at": T(reported), "category": "neighbour_dispute",
        "risk_level": risk, "source": "patrol", "community": "C01", "general_grid": "C01-G01",
        "micro_grid": "C01-G01-M01", "lon": 104.0526, "lat": 30.6022, "assignee": None,
        "owner_level": {"blue": "grid", "yellow": "community", "red": "street"}[risk],
        "escalations": 0, "satisfaction": None, "reopened": 0,
    }
    for column in ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at", "closed_at"):
        row[column] = T(times[column]) if column in times else pd.NaT
    if "dispatched_at" in times:
        row["assignee"] = times.get("assignee", "GW-C01-G01")
    return row


@pytest.fixture()
def log_path(tmp_path):
    rows = [
        # A: blue, closed on day 1 with a rating.
        case("A", "2026-10-01T08:00+08:00", triaged_at="2026-10-01T08:10+08:00",
             dispatched_at="2026-10-01T08:20+08:00", accepted_at="2026-10-01T08:30+08:00",
             resolved_at="2026-10-01T10:00+08:00", closed_at="2026-10-01T12:00+08:00"),
        # B: blue, accepted by GW-C01-G02 and never resolved: overdue after 24 h.
        case("B", "2026-10-01T09:00+08:00", triaged_at="2026-10-01T09:05+08:00",
             dispatched_at="2026-10-01T09:10+08:00", accepted_at="2026-10-01T09:20+08:00",
             assignee="GW-C01-G02"),
        # C: red, only reported (never triaged).
        case("C", "2026-10-02T07:00+08:00", risk="red"),
        # D: yellow, dispatched to GW-C01-G02 too, resolved on day 3.
        case("D", "2026-10-02T08:00+08:00", risk="yellow", triaged_at="2026-10-02T08:30+08:00",
             dispatched_at="2026-10-02T09:00+08:00", accepted_at="2026-10-02T09:30+08:00",
             resolved_at="2026-10-03T08:00+08:00", assignee="GW-C01-G02"),
    ]
    rows[0]["satisfaction"] = 5
    frame = pd.DataFrame(rows)
    for column in ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at", "closed_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    path = tmp_path / "night.parquet"
    write_log(frame, path)
    return path


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(argv)
    code = replay_command(args, street=tiny_street())
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_at_a_moment_counts_by_hand(log_path, capsys) -> None:
    code, out, err = run(["replay", str(log_path), "--at", "2026-10-02T10:00+08:00", "--json"], capsys)
    assert code == 0, err
    summary = json.loads(out)
    # At 10:00 on day 2: B accepted (overdue since 09:00), C reported, D accepted; A closed.
    assert summary["open_cases"] == {"reported": 1, "triaged": 0, "dispatched": 0, "accepted": 2,
                                     "on_scene": 0}
    assert summary["open_total"] == 3
    assert summary["open_by_risk"] == {"blue": 1, "yellow": 1, "red": 1}
    assert summary["overdue"] == 1
    assert summary["staff_busy"] == 1  # GW-C01-G02 holds B and D
    kpis = summary["kpis"]
    assert kpis["cases"] == 1 and kpis["satisfaction_mean"] == 5.0
    assert kpis["response_minutes_mean"] == 30.0


def test_before_the_first_and_after_resolution(log_path, capsys) -> None:
    _, out, _ = run(["replay", str(log_path), "--at", "2026-10-01T07:00:00", "--json"], capsys)
    assert json.loads(out)["open_total"] == 0
    _, out, _ = run(["replay", str(log_path), "--at", "2026-10-03T09:00+08:00", "--json"], capsys)
    summary = json.loads(out)
    assert summary["open_by_risk"] == {"blue": 1, "yellow": 0, "red": 1}
    assert summary["staff_busy"] == 1 and summary["overdue"] == 1
    code, out, err = run(["replay", str(log_path), "--at", "2026-10-03T09:00+08:00"], capsys)
    assert code == 0 and "open cases      2" in out and err == ""


def test_generated_csv_log_reads_with_its_version_line(tmp_path, capsys) -> None:
    path = tmp_path / "month.csv"
    frame = generate_history(tiny_street(), 4, seed=2)
    write_log(frame, path)
    code, out, err = run(["replay", str(path), "--at", "2025-01-03T12:00+08:00", "--json"], capsys)
    assert code == 0, err
    summary = json.loads(out)
    assert summary["open_total"] == sum(summary["open_cases"].values())
    assert summary["kpis"]["cases"] > 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--at", "yesterday"], "is not an ISO 8601 time"),
        ([], "give --at TIME"),
    ],
)
def test_errors_are_one_line_and_exit_2(log_path, capsys, argv, message) -> None:
    code, out, err = run(["replay", str(log_path), *argv], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err


def test_a_bad_file_names_row_and_column(tmp_path, capsys) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("case_id,reported_at\nX,2026-10-01T08:00+08:00\n", encoding="utf-8")
    code, out, err = run(["replay", str(path), "--at", "2026-10-01T09:00+08:00"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("cockpit: bad.csv: column category: missing column")


def test_worst_nights_count_late_red_cases_by_hand(tmp_path) -> None:
    from cockpit.replay.loader import read_incident_log
    from cockpit.replay.summary import worst_nights

    rows = [
        case("R1", "2026-10-01T20:00+08:00", risk="red"),  # never resolved: late
        case("R2", "2026-10-01T21:30+08:00", risk="red"),  # late
        case("R3", "2026-10-02T19:10+08:00", risk="red"),  # late
        case("R4", "2026-10-02T23:30+08:00", risk="red"),  # after the window
        case("B1", "2026-10-02T20:00+08:00"),  # not red
    ]
    frame = pd.DataFrame(rows)
    for column in ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at", "closed_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    write_log(frame, tmp_path / "reds.parquet")
    nights = worst_nights(read_incident_log(tmp_path / "reds.parquet"))
    assert nights == [(T("2026-10-01T19:00+08:00"), T("2026-10-01T23:00+08:00"), 2),
                      (T("2026-10-02T19:00+08:00"), T("2026-10-02T23:00+08:00"), 1)]


def test_window_goes_to_the_runner_the_composition_root_gives(log_path, capsys) -> None:
    parser = argparse.ArgumentParser()
    opened = []
    register(parser.add_subparsers(), open_window=lambda args: opened.append(args.log) or 0)
    args = parser.parse_args(["replay", str(log_path), "--window"])
    assert replay_command(args) == 0 and opened == [str(log_path)]
    code, out, err = run(["replay", str(log_path), "--window"], capsys)
    assert code == 2 and "no window" in err


def test_report_density_counts_reports_and_red_overdue_per_local_hour(tmp_path):
    import pandas as pd

    from cockpit.history.format import write_log
    from cockpit.replay.loader import read_incident_log
    from cockpit.replay.summary import report_density
    from tests.core.test_training import row

    rows = [row("A", "2026-10-01T19:10+08:00", (0, 0), "C01-G01-M01"),
            row("B", "2026-10-01T19:50+08:00", (0, 0), "C01-G01-M01"),
            row("C", "2026-10-01T22:05+08:00", (0, 0), "C01-G01-M01")]
    rows[2]["risk_level"] = "red"  # never resolved: overdue
    frame = pd.DataFrame(rows)
    for column in ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at", "closed_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    write_log(frame, tmp_path / "d.parquet")
    starts, reports, red = report_density(read_incident_log(tmp_path / "d.parquet"))
    assert [s.astimezone(pd.Timestamp("2026-10-01T19:00+08:00").tz).strftime("%H:%M") for s in starts] == [
        "19:00", "20:00", "21:00", "22:00"]
    assert reports.tolist() == [2, 0, 0, 1] and red.tolist() == [0, 0, 0, 1]
