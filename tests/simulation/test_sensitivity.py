"""The sensitivity tornado: inputs scaled through the scenario's own keys, paired changes that move the right way."""

from __future__ import annotations

import json
import subprocess
import tomllib
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import tomli_w

from cockpit.vocabulary.domain import StaffKind
from simulation.calibrate import calibrate
from simulation.experiment import compare, run_experiment
from simulation.ground import ground_of
from simulation.history import simulated_history
from simulation.kpi import ALL
from simulation.model import ScenarioError
from simulation.replication import simulate
from simulation.scenario import load_scenario, parse_scenario
from simulation.sensitivity import INPUTS, SensitivityError, parse_inputs, run_sensitivity, variants

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "scenarios" / "demo_street.toml"


@pytest.fixture(scope="module")
def loaded():
    """The demo street with several times its demand over a few days: grid workers are busy enough to queue."""
    return load_scenario(DEMO).with_value("scenario.horizon_hours", 24 * 5).with_value("demand.cases_per_day", 400)


@pytest.fixture(scope="module")
def tornado(loaded):
    return run_sensitivity(loaded, ["demand", "grid_workers", "travel"], replications=4, seed=3)


def test_stage_scale_multiplies_times_and_caps_shares():
    base = load_scenario(DEMO)
    scaled = base.with_value("stages.scale.accept", 1.5).with_value("stages.scale.reopen", 40.0)
    for old, new in zip(base.stages.entries("accept"), scaled.stages.entries("accept")):
        assert new.duration.median_minutes == pytest.approx(1.5 * old.duration.median_minutes)
        assert new.hours == old.hours and new.risk == old.risk
    assert all(e.share == 1.0 for e in scaled.stages.entries("reopen"))
    assert scaled.stages.factor("accept") == 1.5 and scaled.stages.factor("work") == 1.0


@pytest.mark.parametrize("key, value, words", [
    ("stages.scale.acept", 1.2, "unknown stage"),
    ("stages.scale.accept", 0.0, "must be > 0"),
    ("stages.scale.accept", "x", "number"),
])
def test_a_bad_stage_scale_names_the_key(key, value, words):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(DEMO).with_value(key, value)
    assert "stages.scale" in str(caught.value) and words in str(caught.value)


def test_work_scale_moves_every_case_s_work_on_common_random_numbers():
    base = load_scenario(DEMO).with_value("scenario.horizon_hours", 48)
    slow = base.with_value("stages.scale.work", 1.25)
    a, b = simulate(base, 1), simulate(slow, 1)
    assert len(a.service) == len(b.service) > 50
    np.testing.assert_allclose(b.service, 1.25 * a.service)


def test_grid_workers_scale_every_shift_by_the_factor_rounded():
    base = load_scenario(DEMO)

    def per_shift(scenario):
        return Counter(p.shift_id for p in ground_of(scenario).roster if p.kind is StaffKind.GRID_WORKER)

    before = per_shift(base)
    for factor in (0.8, 1.2):
        after = per_shift(INPUTS["grid_workers"].apply(base, factor))
        assert after == {shift: round(n * factor) for shift, n in before.items()}
    others = Counter(p.kind for p in ground_of(INPUTS["grid_workers"].apply(base, 0.8)).roster)
    assert others[StaffKind.DEPARTMENT] == Counter(p.kind for p in ground_of(base).roster)[StaffKind.DEPARTMENT]


def test_more_demand_and_fewer_workers_raise_response_on_a_loaded_street(tornado):
    swings = tornado.swings("response_minutes_mean").set_index("input")
    # A queue near saturation makes response noisy over a few days: its means must move the right
    # way; the busy share, which does not wait on the queue, must move beyond its interval.
    assert swings.loc["demand", "low"] < 0 < swings.loc["demand", "high"]
    assert tornado.swings("cases").set_index("input").loc["demand", "high_lo"] > 0
    assert swings.loc["grid_workers", "low"] > 0 > swings.loc["grid_workers", "high"]
    on_scene = tornado.swings("response_minutes").set_index("input")
    assert on_scene.loc["travel", "low"] < 0 < on_scene.loc["travel", "high"]
    utilisation = tornado.swings("utilisation").set_index("input")
    assert utilisation.loc["demand", "high_lo"] > 0 and utilisation.loc["grid_workers", "low_lo"] > 0
    assert utilisation.loc["grid_workers", "high_hi"] < 0 and utilisation.loc["travel", "high_lo"] > 0
    assert list(swings["swing"]) == sorted(swings["swing"], reverse=True)


def test_each_change_is_the_paired_difference_of_a_recomputation(tornado, loaded):
    base = run_experiment(loaded, 4, 3)
    fewer = run_experiment(INPUTS["grid_workers"].apply(loaded, 0.8), 4, 3)
    again = compare([base, fewer], labels=[ALL], kpis=["response_minutes_mean", "overdue_rate"]).set_index(
        ["kpi", "index"])
    rows = tornado.table[(tornado.table["input"] == "grid_workers") & (tornado.table["side"] == "low")].set_index("kpi")
    for kpi in ("response_minutes_mean", "overdue_rate"):
        diff = again.loc[(kpi, 1), "diff"]
        assert rows.loc[kpi, "diff"] == pytest.approx(diff, abs=1e-12)
        assert rows.loc[kpi, "diff_lo"] <= diff <= rows.loc[kpi, "diff_hi"]
        assert rows.loc[kpi, "base"] == pytest.approx(again.loc[(kpi, 0), "mean"])


def test_the_document_lists_every_kpi_at_both_sides(tornado):
    doc = tornado.document("response_minutes_mean")
    assert [e["input"] for e in doc["inputs"]] == list(tornado.swings("response_minutes_mean")["input"])
    entry = doc["inputs"][0]
    assert entry["low"]["factor"] == pytest.approx(0.8) and entry["high"]["factor"] == pytest.approx(1.2)
    assert set(entry["low"]["kpis"]) == set(tornado.kpis) == set(doc["base"])
    with pytest.raises(SensitivityError, match="--kpi"):
        tornado.document("nonsense")


def test_unknown_inputs_and_bad_options_are_refused():
    with pytest.raises(SensitivityError, match="unknown input 'speed'"):
        parse_inputs("demand,speed")
    assert parse_inputs(None) == tuple(INPUTS) and parse_inputs(" demand , work") == ("demand", "work")
    base = load_scenario(DEMO)
    with pytest.raises(SensitivityError, match="--scale"):
        variants(base, ["demand"], 1.5)
    with pytest.raises(SensitivityError, match="street"):
        variants(load_scenario(ROOT / "resources" / "scenarios" / "mmc3.toml"), ["demand"], 0.2)
    with pytest.raises(SensitivityError, match="--replications"):
        run_sensitivity(base, ["demand"], replications=1)


def _cli(*args):
    return subprocess.run([sys.executable, "-c", "import sys; from cockpit.cli import main; sys.exit(main())",
                           "sim", "sensitivity", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_cli_json_is_one_object_byte_identical_for_a_seed(tmp_path):
    text = DEMO.read_text(encoding="utf-8").replace("horizon_hours = 696", "horizon_hours = 48")
    (tmp_path / "short.toml").write_text(text, encoding="utf-8")
    args = (tmp_path / "short.toml", "--inputs", "accept,reopen", "--replications", 2, "--seed", 4, "--json", "-")
    first, second = _cli(*args), _cli(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and first.stdout.count("\n") == 1
    answer = json.loads(first.stdout)
    assert answer["kpi"] == "response_minutes_mean" and answer["seed"] == 4
    assert {e["input"] for e in answer["inputs"]} == {"accept", "reopen"}
    accept = next(e for e in answer["inputs"] if e["input"] == "accept")
    assert accept["high"]["kpis"]["response_minutes_mean"]["difference"]["mean"] > 0
    assert "runs of 2 replications" in first.stderr
    table = _cli(tmp_path / "short.toml", "--inputs", "accept", "--replications", 2)
    assert table.returncode == 0 and "acceptance delay" in table.stdout and "at 120 %" in table.stdout


def test_cli_refuses_an_unknown_input_in_one_line():
    done = _cli(DEMO, "--inputs", "speed")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "unknown input 'speed'" in done.stderr


def test_grid_workers_of_a_street_known_from_its_log_scale_its_groups_round_the_clock_too(tmp_path):
    history = simulated_history("demo", 20, seed=3)
    history.to_parquet(tmp_path / "log.parquet")
    fitted = calibrate(history, tmp_path / "log.parquet")
    base = parse_scenario(tomllib.loads(tomli_w.dumps(fitted.scenario)), tmp_path)

    def per_shift(scenario):
        return Counter(p.shift_id for p in ground_of(scenario).roster if p.kind is StaffKind.GRID_WORKER)

    before = per_shift(base)
    for factor in (0.8, 1.2):
        assert per_shift(INPUTS["grid_workers"].apply(base, factor)) == {s: round(n * factor) for s, n in before.items()}
