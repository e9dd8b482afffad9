"""Street mode: the demo street's roster, travel, shifts, escalation, 吹哨报到 and the start state."""

from __future__ import annotations

import math
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from cockpit.dispatch import DETOUR_FACTOR, POLICIES
from cockpit.street.demo import load_demo_street
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source, StaffStatus
from cockpit.vocabulary.events import CaseReported, ClockTick, StaffStatusChanged
from cockpit.vocabulary.local_time import LOCAL_TZ
from simulation.experiment import run_experiment
from simulation.model import ScenarioError
from simulation.replication import simulate
from simulation.scenario import load_scenario, parse_scenario
from simulation.start import start_from_twin
from simulation.street import street_roster
from simulation.street_engine import StreetEngine

SCENARIOS = Path(__file__).resolve().parents[2] / "resources" / "scenarios"


def street_scenario(hours: float = 48.0, policy: str = "nearest", roles=("grid_worker", "department"),
                    changes=(), travel: str = "straight_line", stages=None):
    staff = {"from": "demo", "change": [dict(c) for c in changes]}
    if roles is not None:
        staff["roles"] = list(roles)
    return parse_scenario(
        {
            "scenario": {"name": "street", "horizon_hours": hours, "warmup_hours": 0, "street": "demo"},
            "demand": {"cases_per_day": 100},
            "staff": staff,
            "dispatch": {"policy": policy, "travel": travel},
            **({"stages": stages} if stages is not None else {}),
        }
    )


def test_copying_the_demo_staffing_keeps_every_person_and_changes_cut_the_named_shift():
    street = load_demo_street()
    everyone = street_scenario(roles=None)
    assert everyone.staff_count == len(street.staff)
    night = [p for p in street_roster(street) if p.kind.value == "grid_worker" and p.shift_id == "night"]
    base = street_scenario()
    cut = street_scenario(changes=[{"role": "grid_worker", "community": night[0].community, "shift": "night", "delta": -1}])
    assert base.staff_count - cut.staff_count == 1
    added = street_scenario(changes=[{"role": "grid_worker", "community": "C03", "shift": "night", "delta": 2}])
    groups = {g.name: g.count for g in added.staff}
    assert groups["C03/night/grid_worker"] == 3  # the community's one night worker plus two
    engine = StreetEngine(cut, seed=1)
    assert night[0].staff_id not in engine.staff_ids


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"role": "grid_worker", "community": "C03", "shift": "night", "delta": -2}, "staff.change[0].delta"),
        ({"role": "grid_worker", "community": "C99", "shift": "night", "delta": -1}, "staff.change[0].community"),
        ({"role": "grid_worker", "community": "C03", "shift": "noon", "delta": 1}, "staff.change[0].shift"),
        ({"role": "wizard", "community": "C03", "shift": "night", "delta": 1}, "staff.change[0].role"),
        ({"role": "grid_worker", "community": "C03", "shift": "night", "delta": 1.5}, "staff.change[0].delta"),
    ],
)
def test_bad_staffing_changes_name_the_key(change, key):
    with pytest.raises(ScenarioError) as error:
        street_scenario(changes=[change])
    assert error.value.key == key


def test_street_mode_rejects_abstract_arrival_tables():
    with pytest.raises(ScenarioError) as error:
        parse_scenario(
            {
                "scenario": {"name": "x", "horizon_hours": 10, "street": "demo"},
                "arrivals": [{"class": "red", "priority": 1, "rate_per_hour": 1}],
                "staff": {"from": "demo"},
            }
        )
    assert error.value.key == "arrivals"


def test_same_seed_is_bit_identical_and_the_shortlist_gives_the_policy_its_own_first_choice():
    for name in POLICIES:
        scenario = street_scenario(hours=36, policy=name)
        short = simulate(scenario, seed=5)
        again = simulate(scenario, seed=5)
        full = simulate(scenario, seed=5, memo=False)
        assert np.array_equal(short.end, again.end)
        assert np.array_equal(short.staff, full.staff), name
        assert np.array_equal(short.end, full.end), name


def test_travel_time_is_distance_times_detour_over_speed_from_where_the_person_was():
    scenario = street_scenario(hours=24)
    engine = StreetEngine(scenario, seed=2)
    record = engine.run()
    roster = {p.staff_id: p for p in engine.roster}
    # The first case each person takes after coming on duty starts from their base.
    seen: set[int] = set()
    checked = 0
    for i in np.argsort(record.start):
        s = int(record.staff[i])
        if s in seen or math.isnan(record.start[i]):
            continue
        seen.add(s)
        person = roster[record.staff_ids[s]]
        if record.start[i] >= 8 * 60:
            continue
        need = engine.need(i)
        trip = math.hypot(person.x - need.x, person.y - need.y) * DETOUR_FACTOR / person.speed_m_per_min
        assert record.on_scene[i] - record.accepted[i] == pytest.approx(trip)
        checked += 1
    assert checked >= 2
    visited = ~np.isnan(record.on_scene)
    assert visited.mean() > 0.9  # a few are settled by phone (the stage table's no_visit)
    assert np.all(record.on_scene[visited] >= record.accepted[visited])
    assert np.all(record.accepted[~np.isnan(record.start)] >= record.start[~np.isnan(record.start)])
    no_travel = simulate(street_scenario(hours=24, travel="none"), seed=2)
    visited = ~np.isnan(no_travel.on_scene)
    assert np.array_equal(no_travel.on_scene[visited], no_travel.accepted[visited])


def test_nobody_starts_a_case_off_shift():
    scenario = street_scenario(hours=72)
    engine = StreetEngine(scenario, seed=3)
    record = engine.run()
    shifts = engine.shifts
    started = np.flatnonzero(record.staff >= 0)
    assert len(started) > 100
    for i in started:
        shift = shifts[engine.roster[record.staff[i]].shift_id]
        assert shift.covers(record.start[i]), (engine.roster[record.staff[i]].staff_id, record.start[i])


def test_department_teams_answer_red_cases_at_once_and_others_only_after_two_escalations():
    # Nothing routed to a department at triage: a team takes a case only by the owner level.
    record = simulate(street_scenario(hours=120, roles=("department",), stages={"route": [{"share": 0.0}]}), seed=4)
    red = record.cls == record.class_names.index("red")
    blue = record.cls == record.class_names.index("blue")
    yellow = record.cls == record.class_names.index("yellow")
    assert record.whistle[red & (record.staff >= 0)].all()
    assert np.all(record.start[red] - record.arrival[red] < 60)  # teams wait for nobody
    # By the one escalation rule a waiting case goes one level up each time its deadline passes:
    # blue starts at the grid (24 h deadline) and reaches the street after two; yellow at the
    # community (48 h) after one.
    for mask, hours in ((blue, 48), (yellow, 48)):
        taken = mask & ~np.isnan(record.start)
        assert taken.any()
        assert np.all(record.start[taken] - record.arrival[taken] >= hours * 60 - 1e-9)
    assert np.all(record.escalations[blue & ~np.isnan(record.start)] >= 2)


def test_common_random_numbers_keep_cases_across_staffing_scenarios():
    base = load_scenario(SCENARIOS / "demo_street.toml").with_value("scenario.horizon_hours", 72)
    cut = load_scenario(SCENARIOS / "demo_night_minus2.toml").with_value("scenario.horizon_hours", 72)
    a, b = simulate(base, seed=11), simulate(cut, seed=11)
    assert np.array_equal(a.arrival, b.arrival)
    assert np.array_equal(a.grid, b.grid)
    assert np.array_equal(a.category, b.category)
    assert cut.staff_count == base.staff_count - 2


def test_street_experiment_reports_risk_classes_and_an_overdue_map():
    result = run_experiment(street_scenario(hours=48), replications=2, seed=1)
    summary = result.summary()
    assert set(summary["by_class"]) == {"red", "yellow", "blue"}
    assert 0.0 <= summary["by_class"]["red"]["response_compliance"]["mean"] <= 1.0
    grid_map = result.overdue_map()
    assert len(grid_map) == len(load_demo_street().general_grids)
    assert grid_map["cases"].sum() == pytest.approx(summary["cases"] / 2)
    assert len(result.utilisation.columns) == 24


def test_a_run_starts_from_the_twin_with_its_open_cases_and_positions():
    street = load_demo_street()
    twin = TwinState(street)
    now = datetime(2024, 3, 4, 2, 0, tzinfo=timezone.utc)  # 10:00 in Shanghai, the day shift
    twin.apply_many([ClockTick(now)] + [StaffStatusChanged(now, s, StaffStatus.AVAILABLE) for s in twin.staff])
    micro = street.micro_grids[0]
    point = micro.polygon.representative_point()
    for case_id in ("K1", "K2"):
        twin.apply(CaseReported(now, case_id, "fire_hazard", Source.SENSOR, point.x, point.y, micro.id,
                                micro.general_grid_id, micro.community_id, risk=RiskLevel.RED))
        twin.triage(case_id, "fire_hazard", RiskLevel.RED, OwnerLevel.STREET, "op")
    worker = next(p for p in street.staff if p.kind.value == "grid_worker" and p.shift_id == "day")
    twin.dispatch("K1", worker.id, "op")
    state = start_from_twin(twin)
    assert [c.stage for c in state.cases] == ["assigned", "waiting"]
    assert state.local_minutes == pytest.approx(600)
    scenario = street_scenario(hours=12).with_start(state)
    record = simulate(scenario, seed=1)
    assert record.carried[:2].all() and not record.carried[2:].any()
    assert record.staff_ids[record.staff[0]] == worker.id
    assert record.start[0] == pytest.approx(600)
    assert not np.isnan(record.end[:2]).any()
    assert record.arrival[2:].min() >= 600
    assert record.warmup_minutes == pytest.approx(600)
    assert now.astimezone(LOCAL_TZ).hour == 10


def test_demand_fitted_from_an_incident_log_matches_its_counts_and_reports_the_fit(tmp_path):
    from cockpit.history.format import write_log
    from cockpit.history.generator import generate_history

    history = generate_history(load_demo_street(), 28, seed=3)
    log = tmp_path / "history.parquet"
    write_log(history, log)
    (tmp_path / "fitted.toml").write_text(
        '[scenario]\nname = "fitted"\nhorizon_hours = 24\nstreet = "demo"\n'
        '[demand]\nfrom_log = "history.parquet"\n[staff]\nfrom = "demo"\nroles = ["grid_worker", "department"]\n',
        encoding="utf-8",
    )
    scenario = load_scenario(tmp_path / "fitted.toml")
    from simulation.calibration import fit_street_demand

    fit = fit_street_demand(log)
    span_hours = fit.span_days * 24
    assert sum(a.rate_per_hour for a in scenario.arrivals) * span_hours == pytest.approx(len(history))
    red = sum(a.rate_per_hour for a in scenario.arrivals if a.risk == "red") * span_hours
    assert red == pytest.approx((history["risk_level"] == "red").sum())
    assert fit.report["cases"].sum() == len(history)
    assert fit.hourly["fitted"].sum() == pytest.approx(fit.hourly["observed"].sum(), rel=0.01)
    assert simulate(scenario, seed=1).arrival.size > 0

    (tmp_path / "bad.parquet").write_bytes(b"not parquet")
    with pytest.raises(ScenarioError) as error:
        load_scenario(tmp_path / "fitted.toml").with_value("demand.from_log", "bad.parquet")
    assert error.value.key == "demand.from_log"


def test_compare_gives_paired_differences_under_common_random_numbers():
    from simulation.experiment import compare

    base = street_scenario(hours=36)
    cut = street_scenario(hours=36, changes=[{"role": "grid_worker", "community": "C01", "shift": "day", "delta": -2}])
    results = [run_experiment(s, replications=4, seed=2) for s in (base, base, cut)]
    table = compare(results, labels=["all"], kpis=["cases", "wait_minutes"])
    same = table[(table["index"] == 1)].set_index("kpi")
    assert same.loc["wait_minutes", "diff"] == 0.0 and same.loc["wait_minutes", "pairs"] == 4
    assert same.loc["cases", "diff_lo"] == same.loc["cases", "diff_hi"] == 0.0
    cut_rows = table[table["index"] == 2].set_index("kpi")
    waits = [r.kpis.query("`class` == 'all'")["wait_minutes"].to_numpy() for r in (results[0], results[2])]
    assert cut_rows.loc["wait_minutes", "diff"] == pytest.approx(float(np.mean(waits[1] - waits[0])))
    assert cut_rows.loc["wait_minutes", "diff_lo"] <= cut_rows.loc["wait_minutes", "diff"] <= cut_rows.loc["wait_minutes", "diff_hi"]


def test_a_total_is_split_over_communities_by_their_weights_largest_remainder_first():
    from simulation.optimise import allocate

    assert allocate(5, {"C02": 1.0, "C01": 1.0, "C03": 2.0}) == {"C01": 1, "C02": 1, "C03": 3}
    assert allocate(3, {"C02": 1.0, "C01": 1.0}) == {"C01": 2, "C02": 1}
    assert sum(allocate(7, {"C01": 3.0, "C02": 5.0}).values()) == 7


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.toml")), ids=lambda p: p.stem)
def test_every_example_scenario_runs_for_a_short_horizon(path):
    scenario = load_scenario(path)
    short = scenario.with_value("scenario.warmup_hours", 0).with_value("scenario.horizon_hours", 48)
    result = run_experiment(short, replications=2, seed=0)
    assert result.summary()["cases"] > 0


def test_a_dispatch_delay_holds_every_case_back_and_is_rejected_without_a_street():
    scenario = street_scenario(hours=48).with_value("dispatch.delay", {"dist": "lognormal", "median_minutes": 10.0, "sigma": 0.5})
    engine = StreetEngine(scenario, seed=3)
    record = engine.run()
    assert np.all(engine.delay > 0)
    assert np.all(record.start - record.arrival >= engine.delay - 1e-9)
    plain = simulate(street_scenario(hours=48), seed=3)
    assert np.array_equal(plain.arrival, record.arrival)
    assert record.start.mean() - record.arrival.mean() > plain.start.mean() - plain.arrival.mean()
    with pytest.raises(ScenarioError) as error:
        parse_scenario(
            {
                "scenario": {"name": "q", "horizon_hours": 10},
                "arrivals": [{"class": "a", "priority": 1, "rate_per_hour": 1}],
                "service": {"dist": "exponential", "mean_minutes": 10},
                "staff": {"count": 1},
                "dispatch": {"delay": {"dist": "exponential", "mean_minutes": 5}},
            }
        )
    assert error.value.key == "dispatch.delay"


def test_road_trips_between_places_are_the_road_models_own_minutes():
    from cockpit.travel.model import RoadTravel
    from cockpit.travel.profile import default_profile
    from simulation.street import street_model

    model = street_model("demo")
    assert model.roads is not None
    xy = np.column_stack((model.straight.x, model.straight.y))
    travel = RoadTravel.from_street(load_demo_street(), default_profile())
    rng = np.random.default_rng(5)
    a, b = rng.integers(0, len(xy), 40), rng.integers(0, len(xy), 40)
    for k, mode in enumerate(model.roads.modes):
        expected = travel.matrix(mode, travel.places(xy[a]), travel.places(xy[b])).diagonal()
        got = [model.roads.minutes(k, int(i), int(j)) for i, j in zip(a, b)]
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-9)
    # A road scenario's people reach a case by road: on scene = accepted + the road trip.
    engine = StreetEngine(street_scenario(hours=12, travel="road"), seed=1)
    record = engine.run()
    first = int(np.nanargmin(np.where((record.staff >= 0) & ~np.isnan(record.on_scene), record.start, np.nan)))
    s = int(record.staff[first])
    trip = model.roads.minutes(engine.mode[s], engine.roster[s].base, int(engine.place[first]))
    assert record.on_scene[first] - record.accepted[first] == pytest.approx(trip)


def test_a_typhoon_surge_multiplies_drainage_cases_inside_its_window_only():
    typhoon = load_scenario(SCENARIOS / "typhoon.toml")
    calm = typhoon.with_value("demand.surge", [])
    stormy, quiet = simulate(typhoon, seed=4), simulate(calm, seed=4)

    def drainage(record, lo, hi):
        code = record.category_names.index("drainage_flooding")
        inside = (record.arrival >= lo * 60) & (record.arrival < hi * 60)
        return int(((record.category == code) & inside).sum())

    # The storm runs from Tuesday 06:00 (hour 30) for 48 hours.
    assert drainage(stormy, 30, 78) >= 3.5 * max(1, drainage(quiet, 30, 78))
    assert drainage(stormy, 0, 30) == drainage(quiet, 0, 30)  # the same cases until the storm
    after = drainage(stormy, 78, 168), drainage(quiet, 78, 168)
    assert abs(after[0] - after[1]) <= 4 * np.sqrt(max(after))  # the usual rate again
    with pytest.raises(ScenarioError) as error:
        typhoon.with_value("demand.surge", [{"categories": ["rain"], "factor": 2.0, "start": "x", "hours": 1}])
    assert error.value.key == "demand.surge[0].categories"
