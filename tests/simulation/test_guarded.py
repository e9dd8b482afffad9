"""The guarded optimiser: fewest grid workers per community and shift, never a shift emptied."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from simulation.guarded import evaluate, headcounts, optimise_guarded, recommended_scenario
from simulation.scenario import load_scenario, parse_scenario

ROOT = Path(__file__).resolve().parents[2]


def busy_street(scale: float, hours: float = 7 * 24):
    return parse_scenario({
        "scenario": {"name": "busy", "street": "demo", "horizon_hours": hours, "warmup_hours": 24.0},
        "demand": {"scale": scale},
        "staff": {"from": "demo", "roles": ["grid_worker", "department"]},
        "dispatch": {"policy": "home_grid_first"},
    })


def test_the_answer_keeps_every_guard_when_run_again_and_never_empties_a_shift():
    scenario = busy_street(3.0)
    search = optimise_guarded(scenario, replications=4, seed=1)
    for shift, by in search.recommended.items():
        assert sum(by.values()) >= 1, shift  # never a shift emptied
        # Every community with somebody on the shift today keeps somebody on it.
        assert all(by[c] >= 1 for c, n in search.current[shift].items() if n), shift
    again, _ = evaluate(recommended_scenario(search), 4, 1)
    if not search.infeasible:
        assert all(g.passed for g in again)
    assert headcounts(recommended_scenario(search)) == {
        shift: {c: n for c, n in by.items() if n} for shift, by in search.recommended.items()}
    summary = search.summary("en")
    assert set(summary["binding"]) == set(search.current)
    kinds = {g["name"] for g in summary["guards"]}
    assert kinds == {"on_scene_rate", "response_rate", "overdue_rate"}
    assert all(len(g["interval"]) == 2 for g in summary["guards"])
    assert summary["street_years"] > 0


def test_a_guard_that_one_person_fewer_breaks_is_named_as_binding():
    search = optimise_guarded(busy_street(3.0), replications=4, seed=1)
    for shift, guard in search.binding.items():
        below = [t for t in search.trials if t["shift"] == shift and t["total"] == sum(search.recommended[shift].values()) - 1]
        if guard is not None:
            assert below and not below[0]["passed"]


def test_the_command_answers_in_chinese_and_writes_a_scenario_sim_run_reads(tmp_path):
    scenario = tmp_path / "s.toml"
    scenario.write_text(
        '[scenario]\nname = "s"\nstreet = "demo"\nhorizon_hours = 96\nwarmup_hours = 24\n'
        '[staff]\nfrom = "demo"\nroles = ["grid_worker", "department"]\n', encoding="utf-8")
    out = tmp_path / "best.toml"
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from cockpit.cli import main; sys.exit(main())", "sim", "optimise", str(scenario), "--replications", "3", "--json", "-",
         "--out-scenario", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert "社区" in json.dumps(answer["guards"], ensure_ascii=False) or "时段" in json.dumps(answer["guards"], ensure_ascii=False)
    written = load_scenario(out)
    staffed = {shift: {c: n for c, n in by.items() if n} for shift, by in answer["recommendation"].items()}
    assert headcounts(written) == staffed
    assert answer["recommendation"]["night"] and min(answer["recommendation"]["night"].values()) >= 1
