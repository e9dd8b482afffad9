"""The history generate and kpi commands: output contract, JSON shape and one-line errors."""

from __future__ import annotations

import json

import pytest

from cockpit.demand import default_demand
from cockpit.history.cli import generate_command, kpi_command
from cockpit.history.format import read_log


def _one_json(text: str) -> dict:
    lines = text.strip().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0], parse_constant=lambda name: pytest.fail(f"{name} in JSON"))


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_generate_writes_the_log_and_prints_one_json_object(tiny_street, tmp_path, capsys, suffix):
    out = tmp_path / f"h{suffix}"
    assert generate_command(7, 3, out, tiny_street, as_json=True) == 0
    captured = capsys.readouterr()
    result = _one_json(captured.out)
    frame = read_log(out)
    assert result == {"out": str(out), "cases": len(frame), "days": 7, "seed": 3}
    per_day = default_demand().cases_per_day
    assert 7 * 0.6 * per_day <= len(frame) <= 7 * 1.5 * per_day
    assert "cases over 7 days" in captured.err and len(captured.err.strip().splitlines()) == 1


def test_generate_refuses_an_unknown_extension(tiny_street, tmp_path, capsys):
    assert generate_command(7, 3, tmp_path / "h.xlsx", tiny_street) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "unknown extension '.xlsx'" in err[0]


@pytest.fixture
def log_file(tiny_street, tmp_path):
    path = tmp_path / "history.parquet"
    generate_command(14, 8, path, tiny_street)
    return path


def test_kpi_json_keeps_the_overall_keys_at_the_top_and_adds_the_breakdown(log_file, capsys):
    capsys.readouterr()
    assert kpi_command(log_file, "community", True) == 0
    result = _one_json(capsys.readouterr().out)
    for key in ("cases", "response_minutes_mean", "response_minutes_p90", "resolution_hours_mean",
                "closure_rate", "overdue_rate", "satisfaction_mean", "proactive_discovery_rate",
                "source_resolution_rate", "satisfaction_rate", "resolved_at_level",
                "response_within_target_rate", "staff_utilisation"):
        assert key in result
    assert set(result["by_community"]) == {"C01", "C02"}
    assert sum(v["cases"] for v in result["by_community"].values()) == result["cases"]


def test_kpi_prints_a_table_for_people(log_file, capsys):
    assert kpi_command(log_file, "risk_level", False) == 0
    out = capsys.readouterr().out
    assert "proactive discovery" in out and out.count("\n") > 15
    assert any(line.startswith("red ") for line in out.splitlines())


def test_kpi_errors_are_one_line_and_exit_2(log_file, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("case_id\nA\n")
    for path, by, message in [
        (tmp_path / "missing.csv", None, "missing.csv: no such file"),
        (bad, None, "bad.csv: column reported_at is missing"),
        (log_file, "district", "unknown column 'district'"),
    ]:
        capsys.readouterr()
        assert kpi_command(path, by, True) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1 and message in lines[0]


def test_an_empty_log_gives_nulls_not_nan(tmp_path, capsys):
    path = tmp_path / "empty.csv"
    from cockpit.vocabulary.case_columns import LOG_COLUMNS

    path.write_text(",".join(LOG_COLUMNS) + "\n")
    assert kpi_command(path, "community", True) == 0
    result = _one_json(capsys.readouterr().out)
    assert result["cases"] == 0 and result["overdue_rate"] is None and result["by_community"] == {}
