"""Snapshots for reports and tests: the demo street at a fixed busy moment, the same picture every time."""

from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pytest
from PySide6.QtGui import QImage

from cockpit.street.demo import load_demo_street
from widgets.app import build_twin, build_wall
from widgets.demo_driver import play_demo
from widgets.kpi_panel import KpiPanel, TodayKpis
from widgets.snapshot import render_snapshot
from widgets.twin_model import TwinModel

BUSY = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)  # 10:00 in Shanghai, the default kind of moment


@pytest.mark.slow
def test_the_busy_moment_gives_the_same_twin_and_a_kpi_page_with_something_to_show(qtbot, languages):
    twins = []
    for _ in range(2):
        twin = build_twin(load_demo_street())
        play_demo(twin, BUSY, minutes=20)
        twins.append(twin)
    first, second = twins
    assert first.now == second.now == BUSY
    assert first.applied == second.applied
    assert first.cases_frame().equals(second.cases_frame())
    model = TwinModel(first)
    wall = build_wall(model, "op")
    qtbot.addWidget(wall)
    for kpis in wall.findChildren(TodayKpis):
        kpis.refresh()
    panel = next(p for p in wall.findChildren(KpiPanel) if not p.compact)
    hourly = np.asarray(panel.today_bars.opts["height"])
    assert hourly[:10].sum() >= 12 and hourly[10:].sum() == 0  # the morning so far (~21 expected), nothing after 10:00
    assert np.asarray(panel.response_bars.opts["height"]).sum() >= 10
    # No case is a day old at 10:00 after a 10-hour bootstrap: the overdue plot says so in words.
    assert panel.overdue_stack.currentWidget() is panel.overdue_message
    wall.close()
    model.close()


@pytest.mark.slow
def test_the_same_options_render_the_same_pixels(qapp, tmp_path):
    images = [QImage(str(render_snapshot(tmp_path / f"kpi{i}.png", size=(640, 360), lang="zh", page="kpi",
                                         minutes=5, at=BUSY))) for i in range(2)]
    assert images[0].size() == images[1].size() and images[0] == images[1]
