"""The resources view: coverage by road on the map, the best new sites, their what-if, the stock (issue 18 item 6)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from cockpit.allocation.coverage import coverage_kinds
from cockpit.sla import live_derivers
from cockpit.travel.profile import default_profile
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import ResourceKind
from cockpit.vocabulary.events import ClockTick, ItemUsed, VehicleMoved
from tests.core.tiny import centre, tiny_street_with_resources
from tests.widgets.conftest import T0
from widgets.app import connect_resources
from widgets.map_panel import MapPanel
from widgets.resources_panel import ResourcesPanel
from widgets.theme import LOW_STOCK_COLOR, RESOURCE_KIND_COLORS
from widgets.twin_model import TwinModel

SCENARIOS = Path(__file__).resolve().parents[2] / "resources" / "scenarios"


@pytest.fixture
def view(qtbot):
    twin = TwinState(tiny_street_with_resources(), derivers=live_derivers())
    twin.apply(ClockTick(T0))
    model = TwinModel(twin)
    map_panel = MapPanel(model)
    panel = ResourcesPanel(model)
    for widget in (map_panel, panel):
        qtbot.addWidget(widget)
    connect_resources(panel, map_panel)
    yield model, map_panel, panel
    model.close()


def settle(model, map_panel):
    model.drain()
    map_panel.refresh()


def test_each_kind_has_its_coverage_and_the_map_shows_the_households_beyond_it(view):
    _, map_panel, panel = view
    assert panel.coverage_table.rowCount() == len(coverage_kinds(default_profile()))
    panel.show_kind("aed")
    assert map_panel.measure == "coverage_gap"
    result = panel.coverages["aed"]
    covered = result.nearest_minutes <= result.minutes
    assert 0 < covered.sum() < len(covered), "one AED reaches part of the tiny street within 5 min"
    street = tiny_street_with_resources()
    for micro, ok in zip((m.id for m in street.micro_grids), covered):
        assert map_panel.area_value(micro) == (0.0 if ok else 1.0)
    share = 1 - result.covered / result.households
    assert map_panel.area_value(street.id) == pytest.approx(share)
    assert set(map_panel.marker_ids("resources")) == {"STN-1", "CCH-1", "CCH-2", "CAR-1", "EBK-1"}


def test_the_best_new_sites_raise_coverage_on_the_map_and_in_the_figures(view):
    _, map_panel, panel = view
    panel.show_kind("aed")
    before = map_panel.area_value(tiny_street_with_resources().id)
    plan = panel.suggest(2)
    assert plan.after.covered > plan.before.covered
    assert len(map_panel.marker_ids("planned")) == 2
    after = map_panel.area_value(tiny_street_with_resources().id)
    assert after == pytest.approx(1 - plan.after.covered / plan.after.households) and after < before
    assert f"{plan.before.covered / plan.before.households:.1%}" in panel.plan_label.text()
    assert panel.sites_list.count() == 2 and panel.whatif_button.isEnabled()
    panel.show_kind("station")
    assert map_panel.marker_ids("planned") == [] and not panel.whatif_button.isEnabled()


def test_a_plan_of_stations_has_no_what_if(view):
    _, _, panel = view
    panel.show_kind("station")
    panel.suggest(1)
    assert not panel.whatif_button.isEnabled() and not panel.run_whatif()


def test_markers_follow_the_tracker_and_turn_amber_when_stock_is_low(view, qtbot):
    model, map_panel, panel = view
    map_panel.set_layer_visible("resources", True)
    assert map_panel.marker_style("resources", "CCH-2")[2] == RESOURCE_KIND_COLORS[ResourceKind.CACHE]
    lon, lat = centre(3.5, 1.5)
    model.submit([VehicleMoved(T0, "CAR-1", lon, lat), ItemUsed(T0, "CCH-2", "aed", 1)])
    settle(model, map_panel)
    x, y = tiny_street_with_resources().projection.to_xy(lon, lat)
    assert "应急车" in map_panel.tooltip_at(float(x), float(y))
    assert map_panel.marker_style("resources", "CCH-2")[2] == LOW_STOCK_COLOR
    assert "0/1" in map_panel.resource_tooltip("CCH-2")
    panel.refresh_stock()
    rows = [panel.stock_table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(panel.stock_table.rowCount())]
    assert "CCH-2" in rows


def test_the_wall_page_shows_figures_without_controls(qtbot, languages):
    twin = TwinState(tiny_street_with_resources(), derivers=live_derivers())
    model = TwinModel(twin)
    panel = ResourcesPanel(model, wall=True)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.coverage_table.isVisible() and not panel.plan_button.isVisible()
    assert panel.coverage_box.title() == "Coverage by road"
    languages.set_language("zh")
    assert panel.coverage_box.title() == "按道路计的覆盖率"
    assert panel.coverage_table.item(0, 0).text() == "服务站"
    model.close()


@pytest.mark.slow
def test_the_plan_runs_as_a_what_if_and_shows_the_effect_with_intervals(qtbot, tmp_path):
    from cockpit.street.demo import load_demo_street

    short = tmp_path / "short.toml"
    short.write_text((SCENARIOS / "demo_street.toml").read_text(encoding="utf-8").replace(
        "horizon_hours = 696", "horizon_hours = 72"), encoding="utf-8")
    model = TwinModel(TwinState(load_demo_street()))
    panel = ResourcesPanel(model, scenario=short)
    qtbot.addWidget(panel)
    panel.replications_spin.setValue(2)
    panel.show_kind("aed")
    panel.suggest(5)
    with qtbot.waitSignal(panel.runner.whatif_finished, timeout=240_000):
        assert panel.run_whatif()
    table = panel.effects_table
    assert table.rowCount() == 6
    titles = [table.item(r, 0).text() for r in range(0, 6, 2)]
    assert titles == ["report → person and AED there (min)", "dispatch → AED there (min)", "AED within its standard"]
    today, planned, difference = (table.item(3, c).text() for c in range(3))
    assert difference.startswith("-") and "\n[" in difference
    assert float(planned.split()[0]) < float(today.split()[0])
    assert np.isfinite(panel.whatif.effects["diff"]).all()
    model.close()
