"""Items in the street simulation and a placement plan as a what-if (issue 18 item 5)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cockpit.allocation.coverage import coverage_kinds
from cockpit.allocation.plan import plan
from cockpit.cli import main as cockpit_main
from cockpit.travel.model import RoadTravel, StraightLineTravel
from cockpit.travel.profile import default_profile
from cockpit.vocabulary.categories import default_categories
from simulation.experiment import run_experiment
from simulation.items import ItemPlace, ItemPlan, ItemSupply, StreetItems
from simulation.kpi import paired_difference
from simulation.model import ScenarioError
from simulation.resource_whatif import run_whatif
from simulation.scenario import load_scenario
from simulation.street import load_street

SCENARIOS = Path(__file__).resolve().parents[2] / "resources" / "scenarios"
DAY = 24 * 60
STATION_HOURS = ((9 * 60, 12 * 60), (13 * 60 + 30, 17 * 60 + 30))
E_BIKE_M_PER_MIN = 200 / 1.3


def short_demo(hours: float = 72) -> "object":
    return load_scenario(SCENARIOS / "demo_street.toml").with_value("scenario.horizon_hours", hours)


@pytest.fixture(scope="module")
def aed_plan(tmp_path_factory) -> Path:
    street = load_street("demo")
    result = plan(street, RoadTravel.from_street(street), coverage_kinds(default_profile())["aed"], add=5)
    path = tmp_path_factory.mktemp("plan") / "aed.json"
    path.write_text(json.dumps(result.as_json(), ensure_ascii=False), encoding="utf-8")
    return path


# -- opening hours ---------------------------------------------------------------------------------


@pytest.mark.parametrize("clock, opens", [(8 * 60, 9 * 60), (10 * 60, 10 * 60), (12 * 60 + 30, 13 * 60 + 30),
                                          (18 * 60, DAY + 9 * 60), (12 * 60, 13 * 60 + 30)])
def test_a_station_sends_its_item_when_it_next_opens(clock, opens):
    place = ItemPlace("STN", 0, 0, {"aed": 1}, STATION_HOURS)
    assert place.open_from(3 * DAY + clock) == 3 * DAY + opens


@given(st.floats(min_value=0, max_value=60 * DAY, allow_nan=False))
def test_open_from_is_the_first_open_moment(t):
    place = ItemPlace("STN", 0, 0, {"aed": 1}, STATION_HOURS)
    opens = place.open_from(t)
    clock = opens % DAY
    assert t <= opens < t + DAY
    assert any(start <= clock < end for start, end in STATION_HOURS) or math.isclose(clock, 9 * 60)
    between = np.linspace(t, opens, 50, endpoint=False) if opens > t else []
    assert not any(any(s <= m % DAY < e for s, e in STATION_HOURS) for m in between)
    assert ItemPlace("CCH", 0, 0, {"aed": 1}).open_from(t) == t


# -- the supply of one replication -----------------------------------------------------------------


def supply(places, plan=ItemPlan(item="aed")):
    street = StreetItems("test", tuple(places), StraightLineTravel())
    return ItemSupply(street, plan, ("elderly_emergency", "neighbour_dispute", "drainage_flooding"))


def test_the_nearest_free_unit_is_sent_and_a_held_one_waits_until_it_is_back():
    near = ItemPlace("near", 0, 0, {"aed": 1})
    far = ItemPlace("far", 5000, 0, {"aed": 1})
    items = supply([near, far])
    case = (10 * E_BIKE_M_PER_MIN, 0)
    trip = items.best(0, *case, t=100)
    assert (trip.place, trip.arrival) == (0, pytest.approx(100 + 10))
    items.hold(trip, until=200)
    assert items.free[0][0] == pytest.approx(210)
    second = items.best(0, *case, t=150)
    assert second.place == 1
    assert second.arrival == pytest.approx(150 + (5000 - case[0]) / E_BIKE_M_PER_MIN)
    late = items.best(0, *case, t=205)
    assert (late.place, late.arrival) == (0, pytest.approx(210 + 10))


def test_only_categories_that_list_the_item_need_it_and_a_street_without_it_goes_ahead():
    items = supply([ItemPlace("kit", 0, 0, {"first_aid_kit": 3})])
    assert items.needed(0) and not items.needed(1) and items.needed(2)
    assert items.best(0, 10, 10, t=0) is None, "the plan's AED is the item; a first-aid kit does not serve"
    assert items.best(2, 10, 10, t=0) is None, "no pump anywhere"
    either = supply([ItemPlace("kit", 0, 0, {"first_aid_kit": 3})], ItemPlan())
    assert either.best(0, 10, 10, t=0).place == 0


def test_a_plan_adds_one_unit_per_site_and_empties_the_moved_ones():
    base = (ItemPlace("A", 0, 0, {"aed": 2, "first_aid_kit": 1}), ItemPlace("B", 5, 5, {"aed": 1}))
    planned = ItemPlan("aed", added=((1, 2), (3, 4)), removed=("A",)).places(base)
    assert [p.id for p in planned] == ["A", "B", "plan-1", "plan-2"]
    assert planned[0].units == {"first_aid_kit": 1}
    assert planned[2].units == {"aed": 1} and (planned[3].x, planned[3].y) == (3, 4)


def test_paired_difference_is_the_mean_of_the_differences_over_common_replications():
    import pandas as pd

    base = pd.Series([10.0, 12.0, 14.0, math.nan], index=[0, 1, 2, 3])
    plan_ = pd.Series([9.0, 10.5, 13.0, 8.0], index=[0, 1, 2, 3])
    diff, lo, hi, pairs = paired_difference(plan_, base, 0.95)
    assert pairs == 3 and diff == pytest.approx(-7 / 6)
    assert lo < diff < hi < 0


# -- the scenario's [resources] --------------------------------------------------------------------


def test_bad_resources_tables_name_the_key(tmp_path, aed_plan):
    scenario = short_demo()
    with pytest.raises(ScenarioError, match="resources.item"):
        scenario.with_value("resources", {"item": "helicopter"})
    with pytest.raises(ScenarioError, match="resources.plan"):
        scenario.with_value("resources", {"plan": str(tmp_path / "missing.json")})
    bikes = tmp_path / "bikes.json"
    bikes.write_text(json.dumps({**json.loads(aed_plan.read_text()), "kind": "e_bike"}))
    with pytest.raises(ScenarioError, match="only a plan of an item"):
        scenario.with_value("resources", {"plan": str(bikes)})
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**json.loads(aed_plan.read_text()), "street": "elsewhere"}))
    with pytest.raises(ScenarioError, match="street 'elsewhere'"):
        scenario.with_value("resources", {"plan": str(other)})
    with pytest.raises(ScenarioError, match="resources.item"):
        scenario.with_value("resources", {"plan": str(aed_plan), "item": "pump"})
    not_json = tmp_path / "x.json"
    not_json.write_text("{")
    with pytest.raises(ScenarioError, match="is not the JSON"):
        scenario.with_value("resources", {"plan": str(not_json)})


def test_a_case_that_needs_an_item_is_worked_only_once_it_is_there():
    result = run_experiment(short_demo().with_value("resources", {"item": "aed"}), 1, 3, keep_cases=True)
    cases = result.cases
    emergencies = cases[cases["category"] == "elderly_emergency"]
    visited = emergencies["on_scene_at"].notna()
    assert emergencies.loc[~visited, "item_minutes"].isna().all(), "settled without a visit: no item fetched"
    needing = emergencies[visited]
    need_none = {c.code for c in default_categories() if not c.items}
    assert len(needing) > 5 and needing["item_minutes"].notna().all()
    assert cases[cases["category"].isin(need_none)]["item_minutes"].isna().all()
    fires = cases[(cases["category"] == "fire_hazard") & cases["on_scene_at"].notna()]
    assert fires["item_minutes"].notna().all(), "an extinguisher, any one"
    started = needing["wait_minutes"] + needing["item_minutes"]
    assert (needing["response_minutes"] >= started - 1e-9).all()
    assert (needing["item_minutes"] > 0).all()


def test_the_plan_brings_the_aed_sooner_to_the_very_same_cases(aed_plan):
    # Six pairs of four days: enough elderly emergencies on the loaded demo street for a paired interval.
    whatif = run_whatif(short_demo(96), aed_plan, replications=6, seed=5)
    base, planned = whatif.base.cases, whatif.plan.cases
    key = ["replication", "category", "arrival"] if "arrival" in base else ["replication", "category"]
    assert base[key].equals(planned[key]), "common random numbers: both runs see the same cases"
    effects = whatif.effects.set_index("measure")
    assert set(whatif.effects["category"]) == {"elderly_emergency"}
    item = effects.loc["item_minutes"]
    assert item["pairs"] == 6 and item["diff_hi"] < 0 and item["plan"] < item["base"]
    assert effects.loc["item_within_standard", "diff"] > 0
    assert effects.loc["response_minutes", "diff"] < 0
    assert item["diff"] == pytest.approx(item["plan"] - item["base"])


def test_an_empty_plan_changes_nothing(tmp_path, aed_plan):
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({**json.loads(aed_plan.read_text()), "added": [], "removed": []}))
    effects = run_whatif(short_demo(48), empty, replications=2, seed=1).effects
    assert (effects["diff"].fillna(0) == 0).all()


def test_the_command_prints_one_json_object_and_fails_in_one_line(tmp_path, aed_plan, capsys):
    scenario = tmp_path / "short.toml"
    text = (SCENARIOS / "demo_street.toml").read_text(encoding="utf-8")
    scenario.write_text(text.replace("horizon_hours = 696", "horizon_hours = 48"), encoding="utf-8")
    code = cockpit_main(["resources", "whatif", str(aed_plan), "--scenario", str(scenario),
                         "--replications", "2", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["item"] == "aed" and out["replications"] == 2 and out["scenario"] == "demo street, current staffing"
    assert [row["measure"] for row in out["effects"]] == ["response_minutes", "item_minutes", "item_within_standard"]
    assert all(set(row) >= {"base", "base_lo", "plan", "plan_hi", "diff", "diff_lo", "diff_hi", "pairs"}
               for row in out["effects"])
    code = cockpit_main(["resources", "whatif", str(tmp_path / "nope.json"), "--scenario", str(scenario)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "resources.plan" in err
