"""The sensitivity tornado in the leader's view: run off the GUI thread, drawn sorted by swing, in Chinese."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QLabel

from simulation.sensitivity import INPUTS, run_sensitivity
from tests.simulation.conftest import queue_scenario
from tests.widgets.test_no_leaks import latin_leaks
from widgets.i18n import LanguageSwitcher
from widgets.scenario_editor import new_street_scenario
from widgets.sensitivity_panel import _INPUT_NAMES, CHOSEN_KPIS, SensitivityPanel, input_name
from widgets.simulation_view import SimulationView


def short(name: str = "今天", hours: float = 24.0):
    return new_street_scenario(name, horizon_hours=hours, warmup_hours=0.0)


@pytest.fixture(scope="module")
def tornado():
    return run_sensitivity(short(hours=48), ["accept", "grid_workers", "reopen"], replications=2, seed=1)


@pytest.fixture
def chinese(qapp):
    switcher = LanguageSwitcher(qapp)
    switcher.set_language("zh")
    yield switcher
    switcher.set_language("en")


def test_every_input_and_offered_kpi_has_a_name():
    assert set(_INPUT_NAMES) == set(INPUTS)
    assert "response_minutes_mean" in CHOSEN_KPIS and "overdue_rate" in CHOSEN_KPIS


def test_the_tornado_draws_a_row_per_input_largest_swing_on_top(qtbot, tornado):
    panel = SensitivityPanel()
    qtbot.addWidget(panel)
    assert panel.rows() == [] and panel.low_bars.opts["width"] == []
    panel.set_sensitivity(tornado)
    rows = panel.rows()
    assert [r[0] for r in rows] == list(tornado.swings("response_minutes_mean")["input"])
    assert rows[0][0] == "accept" and rows[0][1] < 0 < rows[0][2]  # a slower phone answer, a slower response
    swings = [abs(high - low) for _, low, high in rows]
    assert swings == sorted(swings, reverse=True)
    # The low bar of the top row starts at its change and reaches the base (zero).
    top = len(rows) - 1
    y = np.asarray(panel.low_bars.opts["y"])
    assert y[0] > top and np.asarray(panel.low_bars.opts["x0"])[0] == pytest.approx(rows[0][1])
    assert np.asarray(panel.high_bars.opts["width"])[0] == pytest.approx(rows[0][2])
    ticks = panel.plot.getAxis("left")._tickLevels[0]
    assert [label for _, label in ticks] == [input_name(r[0]) for r in rows]
    panel.kpi.setCurrentIndex(panel.kpi.findData("utilisation"))
    assert [r[0] for r in panel.rows()] == list(tornado.swings("utilisation")["input"])
    assert panel.rows()[0][0] == "grid_workers"  # fewer people on duty, each busier


def test_the_panel_speaks_chinese_with_no_english_leaking(qtbot, tornado, chinese):
    panel = SensitivityPanel()
    qtbot.addWidget(panel)
    panel.set_sensitivity(tornado)
    axis = panel.plot.getAxis("left")
    texts = [("sensitivity", "label", re.sub(r"<[^>]+>", " ", w.text())) for w in panel.findChildren(QLabel)]
    texts += [("sensitivity", "combo", panel.kpi.itemText(i)) for i in range(panel.kpi.count())]
    texts += [("sensitivity", "tick", label) for _, label in axis._tickLevels[0]]
    texts += [("sensitivity", "axis", panel.plot.getAxis("bottom").labelText)]
    assert "签收时长" in [t for _, where, t in texts if where == "tick"]
    assert "输入 −20 %" in panel.legend.text()
    assert not latin_leaks(texts, {"今天"})


def test_the_view_runs_the_tornado_in_the_background_and_shows_its_page(qtbot):
    view = SimulationView(scenarios=[short()])
    qtbot.addWidget(view)
    view.replications.setValue(2)
    with qtbot.waitSignal(view.run_finished, timeout=180_000) as done:
        view.sensitivity_button.click()
        assert not view.sensitivity_button.isEnabled() and view.cancel_button.isEnabled()
    assert done.args == [False]
    panel = view.results.sensitivity
    assert view.results.tabs.currentWidget() is panel
    assert {r[0] for r in panel.rows()} == set(INPUTS)
    assert view.progress.value() == view.progress.maximum() == 2 * (1 + 2 * len(INPUTS))
    assert view.sensitivity_button.isEnabled() and view.run_button.isEnabled()


def test_cancel_stops_the_tornado_and_keeps_the_inputs_that_finished(qtbot):
    view = SimulationView(scenarios=[short(hours=24 * 5)])
    qtbot.addWidget(view)
    view.replications.setValue(5)
    with qtbot.waitSignal(view.run_finished, timeout=180_000) as done:
        view.sensitivity_button.click()
        qtbot.waitUntil(lambda: view.progress.value() >= 12, timeout=120_000)
        view.cancel_button.click()
    assert done.args == [True]
    sensitivity = view.results.sensitivity.sensitivity
    assert sensitivity.cancelled and len(sensitivity.swings("response_minutes_mean")) < len(INPUTS)
    assert view.progress.value() < view.progress.maximum()


def test_an_abstract_queue_is_refused_in_one_line(qtbot):
    view = SimulationView(scenarios=[queue_scenario([1.0], 2, horizon_hours=10, warmup_hours=1)])
    qtbot.addWidget(view)
    view.sensitivity_button.click()
    assert not view.runner.running
    assert view.status.text() and QApplication.translate("SimulationView", "The sensitivity analysis needs a street "
                                                         "scenario.") == view.status.text()
