"""The replay bar and the debrief view: real player and twin model, offscreen, no sleeps."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QPoint, Qt

from cockpit.clock import ManualClock
from cockpit.replay.index import LogIndex
from cockpit.replay.loader import read_incident_log
from cockpit.replay.player import AS_FAST_AS_POSSIBLE, ReplayPlayer
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


def test_the_bar_says_replay_loudly(parts, languages) -> None:
    _, _, bar, _ = parts
    assert bar.mode_label.text() == "REPLAY"
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
    view = DebriefView(debrief, tiny_street())
    qtbot.addWidget(view)
    assert view.table.rowCount() == 2
    assert view.table.item(1, 8).text() == "70"
    assert "张三" in view.title.text() and "85" in view.title.text()
    with qtbot.waitSignal(view.sig_show_case_requested) as blocker:
        view.table.cellDoubleClicked.emit(1, 0)
    assert blocker.args == ["A"]
    png = view.save_png(tmp_path / "debrief.png")
    assert png.stat().st_size > 0
    csv_text = view.save_csv(tmp_path / "debrief.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("decided_at,kind,case_id")
    pdf = view.save_pdf(tmp_path / "debrief.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 1


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


def test_the_replay_desk_says_replay_and_refuses_actions(qtbot, tmp_path, languages) -> None:
    from cockpit.replay.cli import open_replay
    from widgets.replay_desk import build_replay_desk

    path = tmp_path / "log.parquet"
    synthetic_log(tiny_street(), 50, seed=8, start=START, per_day=50).to_parquet(path)
    view = build_replay_desk(open_replay(path, tiny_street()), "trainer")
    qtbot.addWidget(view.desk.window)
    assert view.desk.window.windowTitle().startswith("REPLAY · log.parquet · ")
    assert view.badge.text().startswith("REPLAY · ")
    view.player.seek(view.player.start + timedelta(hours=20))
    assert "paused" in view.badge.text()
    case_id = next(c.id for c in view.player.replay.twin.cases.values() if c.status.open)
    with qtbot.waitSignal(view.model.error_occurred) as refused:
        assert not view.model.command(view.player.replay.twin.escalate, case_id, "trainer", "test")
    assert "replay" in refused.args[0]
    view.close()


def test_the_density_strip_shows_reports_per_hour_and_a_click_seeks_there(qtbot, parts) -> None:
    player, _, bar, _ = parts
    strip = bar.density
    # One bin an hour from the first report's hour to the last's, holding the synthetic log's 200 reports.
    assert len(strip.starts) >= 24 and strip.counts.sum() == 200 and strip.counts[0] > 0 < strip.counts[-1]
    assert all((b - a).total_seconds() == 3600 for a, b in zip(strip.starts, strip.starts[1:]))
    strip.resize(960, 28)
    busiest = int(strip.counts.argmax())
    x = (busiest + 0.5) * strip.width() / len(strip.starts)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(int(x), 10))
    assert player.time == strip.starts[busiest]


def test_typing_a_time_jumps_there_and_a_bad_one_says_how(qtbot, parts, languages) -> None:
    player, _, bar, _ = parts
    assert bar.jump_to("2026-10-01 21:05")  # Beijing time
    assert player.time == datetime(2026, 10, 1, 13, 5, tzinfo=timezone.utc)
    assert bar.jump_to("23:30")  # on the day shown
    assert player.time == datetime(2026, 10, 1, 15, 30, tzinfo=timezone.utc)
    assert not bar.jump_to("yesterday") and bar.jump_error.text() == "Type a time like 2026-10-05 21:05 or 21:05"
    assert not bar.jump_to("2027-01-01 00:00") and bar.jump_error.text().startswith("The log runs from 2026-10-01")
