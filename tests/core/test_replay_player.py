"""The replay player: clock-driven playback in bounded batches, step, jumps, loop and bookmarks."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cockpit.clock import ManualClock
from cockpit.replay.index import LogIndex
from cockpit.replay.loader import read_incident_log
from cockpit.replay.player import AS_FAST_AS_POSSIBLE, ReplayPlayer
from cockpit.replay.seek import Replay, straight_fold
from cockpit.replay.snapshots import dump
from cockpit.replay.synthetic import synthetic_log
from cockpit.vocabulary.events import AlarmRaised
from tests.core.tiny import tiny_street

START = datetime(2026, 10, 1, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> LogIndex:
    path = tmp_path_factory.mktemp("log") / "log.parquet"
    synthetic_log(tiny_street(), 300, seed=9, start=START, per_day=100).to_parquet(path)
    return LogIndex(read_incident_log(path))


class Clocks:
    """A clock factory whose clocks the test moves by hand."""

    def __init__(self) -> None:
        self.clock: ManualClock | None = None
        self.speeds: list[float] = []

    def __call__(self, start: datetime, speed: float) -> ManualClock:
        self.clock = ManualClock(start)
        self.speeds.append(speed)
        return self.clock


def player_for(index: LogIndex, max_batch: int = 5000) -> tuple[ReplayPlayer, Clocks]:
    clocks = Clocks()
    return ReplayPlayer(Replay(index, tiny_street()), clocks, max_batch=max_batch), clocks


def test_playback_follows_the_clock_and_equals_the_fold(index) -> None:
    player, clocks = player_for(index)
    changes: list[datetime] = []
    player.subscribe(lambda: changes.append(player.time))
    player.set_speed(600)
    player.play()
    assert clocks.speeds[-1] == 600
    target = index.start + timedelta(hours=30)
    clocks.clock.set(target)
    applied = player.tick()
    assert player.time == target
    assert len(applied) == index.position(target) - index.position(index.start)
    assert dump(player.replay.twin)["cases"] == dump(straight_fold(index, tiny_street(), target))["cases"]
    assert changes[-1] == target
    assert player.playing and player.speed == 600


def test_a_tick_applies_at_most_max_batch_events(index) -> None:
    player, clocks = player_for(index, max_batch=100)
    player.play()
    clocks.clock.set(index.end)
    before = player.replay.position
    assert len(player.tick()) == 100
    assert player.replay.position == before + 100
    assert player.time == index.time_of(player.replay.position - 1)


def test_as_fast_as_possible_runs_to_the_end_and_pauses(index) -> None:
    player, _ = player_for(index, max_batch=2000)
    player.set_speed(AS_FAST_AS_POSSIBLE)
    player.play()
    ticks = 0
    while player.playing:
        player.tick()
        ticks += 1
    assert ticks == -(-(index.n - index.position(index.start)) // 2000)
    assert player.at_end and player.time == index.end


def test_step_applies_the_events_of_the_next_second(index) -> None:
    player, _ = player_for(index)
    first = player.replay.position
    applied = player.step()
    assert applied and all(e.at == applied[0].at for e in applied)
    assert player.replay.position == first + len(applied)
    assert player.time == applied[0].at


def test_jumps_to_the_next_alarm_and_red_case(index) -> None:
    player, _ = player_for(index)
    assert player.jump_to_next_alarm()
    last = player.replay.index.events(player.replay.position - 1, player.replay.position)
    raised = [a for a in player.replay.twin.alarms.values() if a.raised_at == player.time]
    assert raised, last
    first_alarm = player.time
    assert player.jump_to_next_alarm()
    assert player.time > first_alarm
    assert player.jump_to_next_red()
    assert any(c.risk.value == "red" and c.reported_at == player.time for c in player.replay.twin.cases.values())
    player.seek(index.end)
    assert not player.jump_to_next_alarm()
    assert isinstance(index.events(index.alarm_positions[0], index.alarm_positions[0] + 1)[0], AlarmRaised)


def test_loop_goes_back_to_its_start(index) -> None:
    player, clocks = player_for(index)
    start, end = index.start + timedelta(hours=5), index.start + timedelta(hours=8)
    player.set_loop(start, end)
    assert player.time == start
    player.play()
    clocks.clock.set(end + timedelta(hours=1))
    player.tick()
    assert player.time == start and player.playing
    assert dump(player.replay.twin) == dump(straight_fold(index, tiny_street(), start))
    with pytest.raises(ValueError, match="ends after it starts"):
        player.set_loop(end, start)
    with pytest.raises(ValueError, match="outside 1x-3600x"):
        player.set_speed(7200)


def test_bookmarks_round_trip_in_time_order(index, tmp_path) -> None:
    player, _ = player_for(index)
    player.add_bookmark(index.start + timedelta(hours=21), "红色事件高峰")
    player.add_bookmark(index.start + timedelta(hours=19), "start of the bad night")
    player.save_bookmarks(tmp_path / "marks.json")
    other, _ = player_for(index)
    other.load_bookmarks(tmp_path / "marks.json")
    assert [b.note for b in other.bookmarks] == ["start of the bad night", "红色事件高峰"]
    assert other.bookmarks == player.bookmarks
