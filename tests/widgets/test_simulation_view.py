"""The simulation view: editing staffing changes the scenario, a short run fills the results, cancel works."""

from __future__ import annotations

import csv
import re

import pytest

from simulation.experiment import run_experiment
from widgets.scenario_editor import ScenarioEditorPanel, new_street_scenario
from widgets.scenario_results import ScenarioResultsPanel
from widgets.simulation_view import SimulationView, open_simulation_view


def short(name: str = "A", hours: float = 24.0):
    return new_street_scenario(name, horizon_hours=hours, warmup_hours=0.0)


def test_editing_a_headcount_changes_the_scenario_and_copy_restores_todays_staffing(qtbot):
    editor = ScenarioEditorPanel(short())
    qtbot.addWidget(editor)
    base = editor.scenario.staff_count
    today = editor.staffing.headcount("C09", "night", "grid_worker")
    with qtbot.waitSignal(editor.scenario_changed) as changed:
        assert editor.set_headcount("C09", "night", "grid_worker", today - 1)
    scenario = changed.args[0]
    assert scenario.staff_count == base - 1
    assert [(c.community, c.shift, c.role.value, c.delta) for c in scenario.staff_changes] == [("C09", "night", "grid_worker", -1)]
    assert editor.scenario is scenario
    assert not editor.set_headcount("C09", "night", "grid_worker", -1)
    with qtbot.waitSignal(editor.scenario_changed):
        editor.policy_combo.setCurrentIndex(editor.policy_combo.findData("nearest"))
    assert editor.scenario.policy == "nearest"
    assert editor.scenario.staff_count == base - 1
    with qtbot.waitSignal(editor.scenario_changed):
        editor.copy_current_staffing()
    assert editor.scenario.staff_changes == ()
    assert editor.scenario.staff_count == base


def test_an_invalid_form_shows_the_parser_key_and_keeps_the_last_valid_scenario(qtbot):
    editor = ScenarioEditorPanel(short())
    qtbot.addWidget(editor)
    editor.roles_combo.setCurrentIndex(1)
    assert editor.scenario.staff_roles is None
    editor.horizon_days.setValue(0.25)
    last = editor.scenario
    editor.warmup_hours.setValue(12.0)
    assert "scenario.warmup_hours" in editor.error_label.text()
    assert editor.scenario is last
    assert last.horizon_hours == pytest.approx(6.0)


def test_a_short_run_of_two_scenarios_fills_the_comparison_with_paired_differences(qtbot, tmp_path):
    view = SimulationView(scenarios=[short("A")])
    qtbot.addWidget(view)
    view.add_copy()
    view.editor.set_headcount("C01", "day", "grid_worker", 0)
    assert view.scenarios[1].staff_count < view.scenarios[0].staff_count
    view.replications.setValue(3)
    with qtbot.waitSignal(view.run_finished, timeout=60_000) as done:
        view.run_button.click()
    assert done.args == [False]
    assert view.progress.value() == view.progress.maximum() == 6
    panel = view.results
    assert panel.table.rowCount() > 0
    assert panel.table.columnCount() == 2 + 2 + 1
    cell = panel.cell_text("response_compliance", "red", 2)
    assert "%" in cell and "[" in cell
    difference = panel.cell_text("cases", "all", 4)
    assert difference.startswith("+0.0")
    assert not view.runner.running
    files = panel.export(tmp_path)
    assert {p.name for p in files} >= {"comparison.csv", "overdue_by_grid.csv", "wait.png", "overdue_map.png"}
    assert all(p.stat().st_size > 0 for p in files)
    with open(tmp_path / "comparison.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["scenario"] for r in rows} == {view.scenarios[0].name, view.scenarios[1].name}


def test_cancel_stops_the_run_and_shows_what_finished(qtbot):
    view = SimulationView(scenarios=[short("A", hours=24 * 7)])
    qtbot.addWidget(view)
    view.replications.setValue(200)
    with qtbot.waitSignal(view.run_finished, timeout=60_000) as done:
        view.run_button.click()
        qtbot.waitUntil(lambda: view.progress.value() >= 1, timeout=30_000)
        view.cancel_button.click()
    assert done.args == [True]
    assert view.progress.value() < 200
    assert view.run_button.isEnabled() and not view.cancel_button.isEnabled()
    assert "Cancel" in view.status.text()


def test_results_map_shows_where_late_red_cases_differ(qtbot):
    panel = ScenarioResultsPanel()
    qtbot.addWidget(panel)
    base = short("A", hours=48)
    cut = base.with_value("staff.roles", ["volunteer"]).with_value("scenario.name", "B")
    results = [run_experiment(s, replications=2, seed=1, keep_cases=True) for s in (base, cut)]
    panel.set_results(results)
    panel.map_measure.setCurrentIndex(1)
    frame = panel.map_values()
    assert len(frame) == 80
    assert frame["value"].max() > 0


def test_open_simulation_view_builds_the_view_from_a_twin(qtbot, twin):
    widget = open_simulation_view(twin)
    qtbot.addWidget(widget)
    assert isinstance(widget, SimulationView)
    assert widget.from_now.isEnabled()
    assert len(widget.scenarios) == 1 and widget.scenarios[0].street == "demo"


def test_the_staffing_search_runs_the_guarded_optimiser_off_the_gui_thread(qtbot, tmp_path, languages):
    languages.set_language("zh")
    view = SimulationView(scenarios=[short("A", hours=48)])
    qtbot.addWidget(view)
    view.replications.setValue(3)
    with qtbot.waitSignal(view.run_finished, timeout=300_000) as done:
        view.search_button.click()
    assert done.args == [False]
    search = view.results.search
    assert search is not None and not search.cancelled
    # Every shift and community gets a number, shown as today → recommended, with a total row.
    assert set(search.recommended) == set(search.current)
    communities = {c for by in search.current.values() for c in by}
    table = view.results.search_table
    assert table.rowCount() == len(communities) + 1 and table.columnCount() == len(search.current)
    total = sum(sum(by.values()) for by in search.recommended.values())
    assert str(total) in view.status.text()
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
    assert all("→" in text for text in cells)
    # Every guard at the answer, in the UI's language, and the answer's words name each shift's binding.
    assert view.results.guard_table.rowCount() == len(search.guards) > 0
    assert all(is_chinese_text(view.results.guard_table.item(r, 0).text()) for r in range(len(search.guards)))
    assert view.results.search_label.text().count("→") == len(search.current)
    languages.set_language("en")
    assert not re.search(r"[\u4e00-\u9fff]", view.results.guard_table.item(0, 0).text())
    written = {p.name for p in view.results.export(tmp_path)}
    assert {"staffing_search.csv", "staffing_guards.csv"} <= written


def test_a_cancelled_staffing_search_says_so_and_recommends_nothing(qtbot):
    view = SimulationView(scenarios=[short("A", hours=48)])
    qtbot.addWidget(view)
    view.replications.setValue(3)
    with qtbot.waitSignal(view.run_finished, timeout=300_000) as done:
        view.search_button.click()
        view.cancel_button.click()
    assert done.args == [True]
    assert view.results.search.cancelled and not view.results.search.recommended
    assert view.search_button.isEnabled()


def is_chinese_text(text: str) -> bool:
    """True when ``text`` has Chinese and no Latin words (codes such as C03 aside)."""
    words = re.findall(r"[A-Za-z]{2,}", text)
    return bool(re.search(r"[\u4e00-\u9fff]", text)) and not words


def test_demand_fitted_from_an_incident_log_replaces_the_default(qtbot, tmp_path):
    from cockpit.history.format import write_log
    from cockpit.history.generator import generate_history
    from cockpit.street.demo import load_demo_street

    history = generate_history(load_demo_street(), 14, seed=5)
    log = tmp_path / "history.parquet"
    write_log(history, log)
    editor = ScenarioEditorPanel(short())
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.scenario_changed):
        editor.set_demand_log(str(log))
    assert editor.scenario.raw["demand"] == {"from_log": str(log)}
    assert not editor.cases_per_day.isEnabled()
    assert "history.parquet" in editor.demand_label.text()
    editor.set_demand_log(str(tmp_path / "missing.parquet"))
    assert "demand.from_log" in editor.error_label.text()
    assert editor.scenario.raw["demand"] == {"from_log": str(log)}
    with qtbot.waitSignal(editor.scenario_changed):
        editor.set_demand_log(None)
    assert "from_log" not in editor.scenario.raw["demand"]


def test_a_run_can_start_from_the_twins_current_state(qtbot, twin):
    from tests.widgets.conftest import report

    twin.apply(report("K1", category="fire_hazard"))
    view = SimulationView(twin, scenarios=[short("A", hours=12)])
    qtbot.addWidget(view)
    view.from_now.setChecked(True)
    view.replications.setValue(2)
    with qtbot.waitSignal(view.run_finished, timeout=60_000) as done:
        view.run_button.click()
    assert done.args == [False]
    result = view.results.results[0]
    assert result.scenario.start_state is not None
    assert [c.case_id for c in result.scenario.start_state.cases] == ["K1"]
    assert result.cases["carried"].sum() == 2


def test_the_baseline_check_against_history_warns_above_the_results_when_the_model_misses(qtbot, tmp_path):
    from cockpit.history.format import write_log
    from simulation.history import simulated_history

    history = simulated_history("demo", 45, seed=2)
    log = tmp_path / "history.parquet"
    write_log(history, log)
    view = SimulationView(scenarios=[short()])
    qtbot.addWidget(view)
    assert view.baseline.text() and view.validation is None  # a plain note before any check
    view.replications.setValue(4)
    with qtbot.waitSignal(view.runner.baseline_finished, timeout=300_000):
        view.check_baseline(str(log), holdout_days=14)
    check = view.validation
    assert check is not None and len(check.table) >= 10
    missed = check.table[check.table["observed"].notna() & ~check.table["pass"]]
    if missed.empty:
        assert "#7a4a00" not in view.baseline.styleSheet()
    else:
        assert str(len(missed)) in view.baseline.text() and "#7a4a00" in view.baseline.styleSheet()
    # The banner sits above the scenario results.
    layout = view.layout()
    assert layout.indexOf(view.baseline) < layout.indexOf(view.results.parentWidget())
    view.check_baseline(str(tmp_path / "missing.parquet"))
    assert "missing.parquet" in view.status.text()


def test_on_the_demo_street_the_baseline_is_checked_against_its_own_history_without_a_file(qtbot, monkeypatch):
    import widgets.simulation_view as view_module

    monkeypatch.setattr(view_module, "DEMO_HISTORY_DAYS", 42)
    view = SimulationView(scenarios=[short()])
    qtbot.addWidget(view)
    assert view.check_demo_action.isEnabled()
    view.replications.setValue(2)
    with qtbot.waitSignal(view.runner.baseline_finished, timeout=300_000):
        view.check_demo_action.trigger()
    check = view.validation
    assert check is not None and (check.end - check.cut).days == 28
    observed = check.table[check.table["observed"].notna()]
    assert len(observed) >= 10
    assert view.check_button.isEnabled()
    # KPI by KPI, history beside the simulated mean and its range, in front of the results.
    table = view.results.baseline_table
    assert view.results.tabs.currentWidget() is table and table.rowCount() == len(observed)
    passed = [table.item(r, 4).text() for r in range(table.rowCount())]
    assert passed.count("yes") == int(observed["pass"].sum())
    assert all("[" in table.item(r, 2).text() for r in range(table.rowCount()))


def test_a_missed_indicator_is_named_in_the_warning(qtbot):
    import pandas as pd

    from simulation.validation import Validation

    table = pd.DataFrame([
        {"kpi": "response_minutes_mean", "registry_key": "response_minutes_mean", "observed": 53.0, "mean": 27.0,
         "lo": 24.0, "hi": 30.0, "relative_error": -0.49, "inside": False, "pass": False},
        {"kpi": "resolved_at_street", "registry_key": "resolved_at_level", "observed": 0.2, "mean": 0.1,
         "lo": 0.08, "hi": 0.12, "relative_error": -0.5, "inside": False, "pass": False},
        {"kpi": "cases", "registry_key": "cases", "observed": 900.0, "mean": 905.0, "lo": 850.0, "hi": 960.0,
         "relative_error": 0.005, "inside": True, "pass": True},
    ])
    view = SimulationView(scenarios=[short()])
    qtbot.addWidget(view)
    cut = pd.Timestamp("2025-12-01", tz="Asia/Shanghai")
    view._on_baseline(Validation(table, cut, cut + pd.Timedelta(days=28), 4, {}))
    text = view.baseline.text()
    assert "2" in text and "3" in text and "#7a4a00" in view.baseline.styleSheet()
    from cockpit.kpi import KPIS
    from widgets.i18n import kpi_name

    assert kpi_name(KPIS["response_minutes_mean"]) in text
