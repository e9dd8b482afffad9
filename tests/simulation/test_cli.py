"""``sim run`` output contract: one JSON object on stdout, one clear line on stderr for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "resources" / "scenarios" / "two_class_priority.toml"


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "simulation.cli", "run", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_json_to_stdout_is_one_object_with_the_contract_keys():
    done = run_cli(SCENARIO, "--replications", 3, "--seed", 5, "--json", "-")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["scenario"] == "Two-class priority M/M/4"
    assert summary["replication_count"] == 3 and summary["seed"] == 5 and summary["cases"] > 0
    # Each replication's KPIs: the interval can be recomputed from them.
    means = [row["kpis"]["wait_minutes"] for row in summary["replications"]]
    assert [row["replication"] for row in summary["replications"]] == [0, 1, 2]
    assert summary["kpis"]["wait_minutes"]["mean"] == pytest.approx(sum(means) / 3)
    for block in (summary["kpis"], summary["by_class"]["red"], summary["by_class"]["blue"]):
        for kpi in ("wait_minutes", "response_minutes", "resolution_minutes"):
            assert set(block[kpi]) >= {"mean", "ci95", "ci99"}
            assert len(block[kpi]["ci95"]) == 2
        for kpi in ("utilisation", "overdue_rate", "cases"):
            assert "mean" in block[kpi]
    assert summary["by_class"]["red"]["wait_minutes"]["mean"] < summary["by_class"]["blue"]["wait_minutes"]["mean"]


def test_every_key_of_cockpit_kpi_is_reported_with_its_intervals_for_the_street_too():
    from cockpit.kpi import KPIS

    street = ROOT / "resources" / "scenarios" / "demo_street.toml"
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from simulation.cli import main; sys.exit(main())", "run", str(street),
         "--replications", "2", "--json", "-"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    for block in (summary["kpis"], *summary["by_class"].values()):
        for key, kpi in KPIS.items():
            estimates = block[key].values() if kpi.parts else [block[key]]
            for estimate in estimates:
                assert set(estimate) >= {"mean", "ci95", "ci99"}
    kpis = summary["kpis"]
    # The registry scores the replication's log frame: response ends at acceptance, after the dispatch
    # (the wait) and before arriving on scene (the simulator's own "response").
    assert kpis["wait_minutes"]["mean"] < kpis["response_minutes_mean"]["mean"] < kpis["response_minutes"]["mean"]
    assert 0.7 < kpis["proactive_discovery_rate"]["mean"] < 0.9  # the demand model's sources
    assert kpis["cases"]["mean"] == pytest.approx(summary["cases"] / 2)


def test_json_file_and_human_summary(tmp_path):
    out = tmp_path / "out.json"
    done = run_cli(SCENARIO, "--replications", 2, "--json", out)
    assert done.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["replication_count"] == 2
    assert "wait (min)" in done.stdout


def test_bad_scenario_exits_2_with_one_line_naming_the_key(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(SCENARIO.read_text(encoding="utf-8").replace("count = 4", "count = -4"), encoding="utf-8")
    done = run_cli(bad, "--json", "-")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "staff.count" in lines[0]


def test_the_same_seed_gives_byte_identical_json_for_a_street_scenario(tmp_path):
    street = ROOT / "resources" / "scenarios" / "demo_street.toml"
    short = tmp_path / "short.toml"
    short.write_text(street.read_text(encoding="utf-8").replace("horizon_hours = 696", "horizon_hours = 72"),
                     encoding="utf-8")
    outputs = []
    for _ in range(2):
        done = run_cli(short, "--replications", 2, "--seed", 3, "--json", "-")
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
        assert "replications in" in done.stderr  # the timing goes to stderr
    assert outputs[0] == outputs[1]


def test_compare_reports_both_means_and_the_paired_difference_of_every_kpi(tmp_path):
    base = ROOT / "resources" / "scenarios" / "demo_street.toml"
    text = base.read_text(encoding="utf-8").replace("horizon_hours = 696", "horizon_hours = 72")
    (tmp_path / "base.toml").write_text(text, encoding="utf-8")
    (tmp_path / "cut.toml").write_text(
        text + '\n[[staff.change]]\nrole = "grid_worker"\ncommunity = "C01"\nshift = "night"\ndelta = -1\n',
        encoding="utf-8")
    out = tmp_path / "cmp.json"
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from cockpit.cli import main; sys.exit(main())", "sim", "compare",
         str(tmp_path / "base.toml"), str(tmp_path / "cut.toml"), "--replications", "3", "--seed", "2",
         "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    answer = json.loads(out.read_text(encoding="utf-8"))
    from cockpit.kpi import KPIS

    row = answer["kpis"]["response_minutes_mean"]
    assert set(row) >= {"base", "other", "difference"}
    assert row["difference"]["mean"] == pytest.approx(row["other"]["mean"] - row["base"]["mean"], abs=1e-9)
    assert len(row["difference"]["ci95"]) == 2
    assert {k for k, kpi in KPIS.items() if not kpi.parts} <= set(answer["kpis"])
    assert answer["kpis"]["cases"]["difference"]["mean"] == 0  # the same cases: common random numbers
