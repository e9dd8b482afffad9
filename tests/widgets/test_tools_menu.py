"""The Tools menu: the what-if simulation on the shown twin, and training from a replay moment."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from cockpit.replay.cli import open_replay
from cockpit.replay.synthetic import synthetic_log
from tests.core.tiny import tiny_street
from widgets.debrief import TrainingPanel
from widgets.replay_desk import build_replay_desk
from widgets.simulation_view import SimulationView
from widgets.training_desk import start_training

START = datetime(2026, 10, 1, tzinfo=timezone.utc)


def replay_desk(qtbot, tmp_path):
    path = tmp_path / "log.parquet"
    synthetic_log(tiny_street(), 50, seed=8, start=START, per_day=50).to_parquet(path)
    view = build_replay_desk(open_replay(path, tiny_street()), "trainer-1")
    qtbot.addWidget(view.desk.window)
    return view


def test_what_if_from_a_replay_moment_opens_the_simulation_on_that_state(qtbot, tmp_path):
    view = replay_desk(qtbot, tmp_path)
    view.player.seek(view.player.start + timedelta(hours=20))
    window = view.desk.window
    assert window.simulation_action.isEnabled()
    window.simulation_action.trigger()
    tools = [w for w in view.desk.tool_windows if isinstance(w, SimulationView)]
    assert len(tools) == 1 and tools[0].isVisible() and tools[0].parent() is window
    view.close()


def test_training_starts_from_the_replay_moment_and_pauses_playback(qtbot, tmp_path):
    view = replay_desk(qtbot, tmp_path)
    assert view.desk.window.training_action.isEnabled()
    moment = view.player.start + timedelta(hours=20)
    view.player.seek(moment)
    view.player.play()
    panel = start_training(view.player, view.desk, "王小明", "trainer-1", hours=2)
    assert isinstance(panel, TrainingPanel) and panel.isVisible()
    assert panel.session.trainee == "王小明"
    assert panel.session.replay is view.player.replay
    assert "paused" in view.badge.text()
    view.close()
