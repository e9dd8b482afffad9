"""The replay bar and the debrief view: real player and twin model, offscreen, no sleeps."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from cockpit.clock import ManualClock
from cockpit.replay.index import LogIndex
from cockpit.replay.loader import read_incident_log
from cockpit.replay.player import AS_FAST_AS_POSSIBLE, REPLAY_LABEL, ReplayPlayer
from cockpit.replay.seek import Replay
from cockpit.replay.synthetic import synthetic_log
from cockpit.training import Debrief, Decision
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel
from tests.core.tiny import tiny_street
from widgets.debrief import DebriefView
from widgets.replay_bar import ReplayBar, export_frames
from widgets.theme import REPLAY_COLOR
from widgets.twin_model import TwinModel

START = datetime(2026, 10, 1, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> LogIndex:
    path = tmp_path_factory.mktemp("log") / "log.parquet"
    synthetic_log(tiny_street(), 200, seed=4, start=START, per_day=100).to_parquet(path)
    return LogIndex(read_incident_log(path))


@pytest.fixture()
def parts(qtbot, index):
    clocks: list[ManualClock] = []

    def factory(start: datetime, speed: float) -> ManualClock:
        clocks.append(ManualClock(start))
        return clocks[-1]

    replay = Replay(index, tiny_street())
    player = ReplayPlayer(replay, factory, max_batch=500)
    model = TwinModel(replay.twin)
    bar = ReplayBar(player, model)
    qtbot.addWidget(bar)
    yield player, model, bar, clocks
    bar.close()
    model.close()


def test_the_bar_says_replay_loudly(parts) -> None:
    _, _, bar, _ = parts
    assert bar.mode_label.text() == REPLAY_LABEL
    assert REPLAY_COLOR.name() in bar.mode_label.styleSheet()


def test_play_runs_the_timer_and_ticks_the_clock(qtbot, parts) -> None:
    player, _, bar, clocks = parts
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert player.playing and bar._timer.isActive()
    assert bar.play_button.text() == "Pause"
    target = player.start + timedelta(hours=12)
    clocks[-1].set(target)
    with qtbot.waitSignal(bar.time_changed, timeout=2000) as blocker:
        pass
    assert blocker.args[0] == target
    assert bar.time_label.text() == target.astimezone(timezone(timedelta(hours=8))).strftime("%Y-%m-%d %H:%M:%S")
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert not player.playing and not bar._timer.isActive()


def test_a_backward_seek_reannounces_every_case(qtbot, parts) -> None:
    player, model, bar, _ = parts
    player.seek(player.start + timedelta(hours=40))
    before = set(player.replay.twin.cases)
    with qtbot.waitSignal(model.cases_changed, timeout=1000) as blocker:
        bar.seek_fraction(0.0)
    assert before <= blocker.args[0]
    assert bar.slider.value() == 0


def test_speed_step_jump_and_bookmarks(qtbot, parts) -> None:
    player, _, bar, _ = parts
    bar.speed_box.setCurrentIndex(bar.speed_box.findData(AS_FAST_AS_POSSIBLE))
    assert player.speed == AS_FAST_AS_POSSIBLE
    position = player.replay.position
    qtbot.mouseClick(bar.step_button, Qt.MouseButton.LeftButton)
    assert player.replay.position > position
    qtbot.mouseClick(bar.alarm_button, Qt.MouseButton.LeftButton)
    assert any(a.raised_at == player.time for a in player.replay.twin.alarms.values())
    bar.note_edit.setText("看这里")
    qtbot.mouseClick(bar.bookmark_button, Qt.MouseButton.LeftButton)
    assert player.bookmarks[-1].note == "看这里" and bar.note_edit.text() == ""
    assert len(bar.slider.marks) == 1
    bar.loop_button.setChecked(True)
    assert player.loop == (player.bookmarks[0].at, player.end)
    bar.loop_button.setChecked(False)
    assert player.loop is None


def test_export_frames_writes_pngs(qtbot, parts, tmp_path, caplog) -> None:
    player, _, bar, _ = parts
    start = player.start + timedelta(hours=1)
    paths = export_frames(player, bar, start, start + timedelta(hours=2), timedelta(hours=1), tmp_path,
                          video=False)
    assert [p.name for p in paths] == ["frame_00000.png", "frame_00001.png", "frame_00002.png"]
    assert all(p.stat().st_size > 0 for p in paths)
    assert player.time == start + timedelta(hours=2)


def test_debrief_view_shows_scores_and_exports(qtbot, tmp_path) -> None:
    at = START + timedelta(hours=3)
    debrief = Debrief("张三", "李老师", "night.parquet", START, START + timedelta(hours=4), [
        Decision("triage", "A", at, at, {"risk": RiskLevel.RED.value, "owner_level": OwnerLevel.STREET.value},
                 {"risk": "red"}, {"risk": "red"}, 0.0, 100.0),
        Decision("dispatch", "A", at, at, {"assignee": "GW-1"}, {"assignee": "GW-2"}, {"assignee": "GW-1"},
                 50.0, 20.0),
    ])
    view = DebriefView(debrief)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 2
    assert view.table.item(1, 8).text() == "70.0"
    assert "张三" in view.title.text() and "85.0" in view.title.text()
    with qtbot.waitSignal(view.sig_show_case_requested) as blocker:
        view.table.cellDoubleClicked.emit(1, 0)
    assert blocker.args == ["A"]
    png = view.save_png(tmp_path / "debrief.png")
    assert png.stat().st_size > 0
    csv_text = view.save_csv(tmp_path / "debrief.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("decided_at,kind,case_id")


def test_the_case_queue_follows_seeks_both_ways(qtbot, parts) -> None:
    from widgets.case_queue import CaseQueuePanel

    player, model, bar, _ = parts
    queue = CaseQueuePanel(model)
    qtbot.addWidget(queue)
    player.seek(player.start + timedelta(hours=60))
    model.drain()
    assert queue.table_model.rowCount() == len(player.replay.twin.cases) > 0
    player.seek(player.start + timedelta(hours=5))
    model.drain()
    assert queue.table_model.rowCount() == len(player.replay.twin.cases)
    assert {queue.table_model.case_at(r).id for r in range(queue.table_model.rowCount())} == set(
        player.replay.twin.cases)
    queue.close()


def test_training_panel_takes_decisions_and_finishes(qtbot, tmp_path) -> None:
    import pandas as pd

    from cockpit.history.format import write_log
    from cockpit.replay.cli import open_replay
    from cockpit.training import TrainingSession
    from tests.core.test_training import row
    from widgets.debrief import TrainingPanel

    frame = pd.DataFrame([
        row("A", "2026-10-01T10:00+08:00", (0, 0), "C01-G01-M01", triaged_at="2026-10-01T10:05+08:00",
            dispatched_at="2026-10-01T10:10+08:00", accepted_at="2026-10-01T10:30+08:00",
            resolved_at="2026-10-01T12:00+08:00", closed_at="2026-10-01T13:00+08:00",
            assignee="GW-C01-G02", satisfaction=4),
    ])
    for column in ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at", "closed_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    write_log(frame, tmp_path / "one.parquet")
    replay = open_replay(tmp_path / "one.parquet", tiny_street())
    session = TrainingSession(replay, "trainee", pd.Timestamp("2026-10-01T09:00+08:00"),
                              pd.Timestamp("2026-10-01T14:00+08:00"))
    panel = TrainingPanel(session)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.sig_show_case_requested) as shown:
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert shown.args == ["A"] and not panel.triage_button.isHidden()
    panel.risk_box.setCurrentIndex(panel.risk_box.findData(RiskLevel.BLUE))
    panel.owner_box.setCurrentIndex(panel.owner_box.findData(OwnerLevel.GRID))
    with qtbot.waitSignal(panel.decision_made) as made:
        qtbot.mouseClick(panel.triage_button, Qt.MouseButton.LeftButton)
    assert made.args[0].score == 100.0
    assert not panel.dispatch_button.isHidden()
    assert panel.staff_box.itemData(0) == "GW-C01-G01"  # nearest qualified free person first
    with qtbot.waitSignal(panel.decision_made) as made:
        qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    assert made.args[0].choice_score == 50.0 and "score 100.0" in panel.result.text()
    with qtbot.waitSignal(panel.finished) as done:
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert len(done.args[0].decisions) == 2 and not panel.next_button.isEnabled()


def test_the_replay_desk_says_replay_and_refuses_actions(qtbot, tmp_path) -> None:
    from cockpit.replay.cli import open_replay
    from widgets.replay_desk import build_replay_desk

    path = tmp_path / "log.parquet"
    synthetic_log(tiny_street(), 50, seed=8, start=START, per_day=50).to_parquet(path)
    view = build_replay_desk(open_replay(path, tiny_street()), "trainer")
    qtbot.addWidget(view.desk.window)
    assert view.desk.window.windowTitle() == f"{REPLAY_LABEL} · log.parquet"
    assert view.badge.text().startswith(REPLAY_LABEL)
    view.player.seek(view.player.start + timedelta(hours=20))
    assert "paused" in view.badge.text()
    case_id = next(c.id for c in view.player.replay.twin.cases.values() if c.status.open)
    with qtbot.waitSignal(view.model.error_occurred) as refused:
        assert not view.model.command(view.player.replay.twin.escalate, case_id, "trainer", "test")
    assert "replay" in refused.args[0]
    view.close()
