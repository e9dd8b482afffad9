"""The KPI page's overdue plot: communities ranked by overdue open cases, or a clear message when none is."""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from tests.widgets.conftest import T0, report
from widgets.kpi_panel import KpiPanel


def test_no_overdue_case_shows_a_message_instead_of_an_empty_axis(qtbot, model, languages):
    panel = KpiPanel(model, refresh_ms=0)
    qtbot.addWidget(panel)
    model.submit([report("K1", at=T0 - timedelta(hours=2))])  # open, but 22 h inside its blue deadline
    model.drain()
    panel.refresh()
    assert panel.overdue_ranking == []
    assert panel.overdue_stack.currentWidget() is panel.overdue_message
    assert panel.overdue_message.text() == "No overdue cases"
    languages.set_language("zh")
    assert panel.overdue_message.text() == "当前无超时事件"


def test_overdue_plot_ranks_communities_by_name_most_first(qtbot, model, languages):
    panel = KpiPanel(model, refresh_ms=0)
    qtbot.addWidget(panel)
    late = T0 - timedelta(hours=30)  # past the 24 h deadline of a blue case
    model.submit([report("K1", col=2, at=late), report("K2", col=0, at=late), report("K3", col=3, at=late),
                  report("K4", col=0, at=T0)])
    model.drain()
    panel.refresh()
    assert panel.overdue_ranking == [("C02", 2), ("C01", 1)]
    assert panel.overdue_stack.currentWidget() is panel.plots["overdue"]
    assert list(np.asarray(panel.overdue_bars.opts["width"])[:3]) == [2, 1, 0]
    axis = panel.plots["overdue"].getAxis("left")
    assert [label for _, label in axis._tickLevels[0]] == ["Community 2", "Community 1"]
    languages.set_language("zh")
    assert [label for _, label in axis._tickLevels[0]] == ["社区2", "社区1"]


def test_every_kpi_of_the_registry_has_a_tile_a_chinese_name_and_its_target(qtbot, model, languages):
    from cockpit.kpi import KPIS
    from widgets import i18n

    panel = KpiPanel(model, refresh_ms=0)
    qtbot.addWidget(panel)
    assert set(panel.tiles) == set(KPIS)
    assert set(i18n._KPI) == set(KPIS)
    assert panel.tiles["response_minutes_mean"].target.text() == "target ≤ 2 h"
    assert panel.tiles["proactive_discovery_rate"].target.text() == "target ≥ 85 %"
    english = {key: tile.title.text() for key, tile in panel.tiles.items()}
    languages.set_language("zh")
    assert panel.tiles["response_minutes_mean"].target.text() == "目标 ≤ 2 小时"
    for key, tile in panel.tiles.items():
        assert tile.title.text() != english[key], key
