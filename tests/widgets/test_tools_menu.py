"""The Tools menu: the what-if simulation on the shown twin, and training from a replay moment."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from cockpit.replay.cli import open_replay
from cockpit.replay.synthetic import synthetic_log
from tests.core.tiny import tiny_street
from widgets.replay_desk import build_replay_desk
from widgets.simulation_view import SimulationView
from widgets.training_desk import TrainingDialog, start_training
from widgets.training_panel import TrainingPanel

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


def test_training_starts_from_the_replay_moment_and_pauses_playback(qtbot, tmp_path, languages):
    view = replay_desk(qtbot, tmp_path)
    assert view.desk.window.training_action.isEnabled()
    moment = view.player.start + timedelta(hours=20)
    view.player.seek(moment)
    view.player.bookmarks.clear()
    view.player.add_bookmark(moment + timedelta(hours=1), "evening")
    view.player.play()
    dialog = TrainingDialog(view.player, view.player.replay)
    qtbot.addWidget(dialog)
    labels = [dialog.window_box.itemText(i) for i in range(dialog.window_box.count())]
    assert labels[0] == "From the moment shown (4 h)" and labels[1].startswith("Bookmark ") and "evening" in labels[1]
    dialog.trainee.setText("王小明")
    choice = dialog.choice()
    assert (choice.start, choice.end - choice.start) == (moment, timedelta(hours=4))
    training = start_training(view.desk, choice, "trainer-1", view.player)
    assert isinstance(training.panel, TrainingPanel) and training.panel.isVisible()
    assert training.session.trainee == "王小明" and training.session.twin is not view.player.replay.twin
    assert "paused" in view.badge.text()
    training.close()
    view.close()


def test_the_dialog_asks_for_a_name_and_a_window_that_ends_after_it_starts(qtbot, tmp_path, languages):
    view = replay_desk(qtbot, tmp_path)
    dialog = TrainingDialog(view.player, view.player.replay)
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "Enter the trainee's name." and dialog.result() == 0
    dialog.trainee.setText("王小明")
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime())
    dialog.buttons.accepted.emit()
    assert dialog.error.text() == "The window must end after it starts."
    dialog.open_log(tmp_path / "missing.parquet")
    assert "missing.parquet" in dialog.error.text()
    view.close()
