"""The alarm rule engine: sensor readings and clock ticks in, alarm and case events out.

For each (sensor, rule) pair it keeps a small state machine: idle → pending (the trigger holds, not
yet long enough) → active (alarm raised, case opened) → clearing (the clear condition holds, not yet
long enough, and never shorter than the rule's re-arm hold-off) → idle. It follows the alarm
management practice of control rooms (ISA-18.2, EEMUA 191):

- a trigger on an active alarm, or within the re-arm hold-off after the condition cleared, is a
  repeat (AlarmRepeated, rate limited), never a new alarm;
- one open case per sensor and rule: while the case an alarm opened is open (until the caller says
  it ended, :meth:`RuleEngine.case_ended`), a new alarm of that sensor and rule joins it instead of
  opening another;
- a sensor that keeps going on and off is *flapping*: its alarm is held until it stays quiet a while;
- flood suppression: more than N sensor alarms in a community within a minute raise one aggregate
  "flood" alarm; the alarms of the flood name it (``flood_id``) and are annunciated through it.

No-signal rules are checked on clock ticks. The engine never touches the twin: it returns events
for the caller to apply.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from cockpit.records import Alarm, Case
from cockpit.rules.model import AlarmRule, FloodLimit, load_flood_limit, rules_for
from cockpit.street.model import Sensor, Street
from cockpit.vocabulary.domain import RiskLevel, Source
from cockpit.vocabulary.events import (
    AlarmCleared,
    AlarmRaised,
    AlarmRepeated,
    CaseReported,
    Event,
    SensorFlapping,
    SensorReading,
)

FLOOD_WINDOW = timedelta(minutes=1)


@dataclass(slots=True)
class _Track:
    """The state of one rule on one sensor."""

    pending_since: datetime | None = None
    pending_count: int = 0
    alarm_id: str | None = None
    last_repeat: datetime | None = None
    clearing_since: datetime | None = None
    clearing_count: int = 0
    last_triggered: bool = False
    edges: deque[datetime] = field(default_factory=deque)
    flapping: bool = False
    case_id: str | None = None


@dataclass(slots=True)
class _Flood:
    """The sensor alarms of one community in the last minute, and the flood alarm while there is one."""

    raised: deque[datetime] = field(default_factory=deque)
    alarm_id: str | None = None
    last: datetime | None = None
    members: int = 0


_Plan = tuple[Sensor | None, tuple[tuple[AlarmRule, str | None, tuple[str, str]], ...]]
"""A sensor and its rules as (rule, watched value or None for no-signal, track key)."""


class RuleEngine:
    """Turns readings into alarms and cases by the rules; owns the per-sensor rule states.

    Emits (returns) CaseReported + AlarmRaised when an alarm opens a case, AlarmRaised alone when it
    joins the open case of its sensor and rule, AlarmRepeated for a repeat, and AlarmCleared when its
    clear condition has held long enough; AlarmRaised / AlarmRepeated / AlarmCleared of kind "flood"
    for a community's flood. Alarm and case ids derive from the sensor, the rule and the reading's
    sequence number, so replaying the same readings gives the same ids.

    Parameters
    ----------
    street
        The street whose sensors the readings come from (for kinds, places and intervals).
    rules
        The alarm rules (see :func:`cockpit.rules.model.load_rules`).
    start
        When the engine starts watching: the no-signal baseline of sensors not yet heard from.
    flood
        The flood limit (None: the shipped rule file's ``[flood]`` table).
    """

    def __init__(self, street: Street, rules: Sequence[AlarmRule], start: datetime | None = None,
                 flood: FloodLimit | None = None) -> None:
        self.street = street
        self.rules = list(rules)
        self.flood = flood or load_flood_limit()
        self._by_id = {r.id: r for r in self.rules}
        self._tracks: dict[tuple[str, str], _Track] = {}
        self._case_tracks: dict[str, _Track] = {}
        self._floods: dict[str, _Flood] = {}
        self._plans: dict[str, _Plan] = {}
        self._last_seen: dict[str, datetime] = {}
        self._watched = [
            (sensor, rule)
            for sensor in street.sensors
            for rule in rules_for(sensor.kind, sensor.elderly_alone, self.rules)
            if rule.no_signal
        ]
        self._start = start

    # ------------------------------------------------------------ public

    def feed(self, reading: SensorReading) -> list[Event]:
        """Evaluate one reading against the sensor's rules; returns the events it causes.

        Readings of sensors the street does not know cause nothing.
        """
        plan = self._plans.get(reading.sensor_id)
        if plan is None:
            plan = self._plan(reading.sensor_id)
        sensor, checks = plan
        if sensor is None:
            return []
        events: list[Event] = []
        at = reading.at
        previous = self._last_seen.get(sensor.id)
        if previous is None or at > previous:
            self._last_seen[sensor.id] = at
        values = reading.values
        tracks = self._tracks
        for rule, value, key in checks:
            if value is None:
                track = tracks.get(key)
                if track is not None and track.alarm_id is not None:
                    events.append(AlarmCleared(at, track.alarm_id, "signal back"))
                    track.alarm_id = None
                continue
            x = values.get(value)
            if x is None:
                continue
            track = tracks.get(key)
            if track is None:
                track = tracks[key] = _Track()
            events.extend(self._step(sensor, rule, track, reading, float(x)))
        return events

    def tick(self, at: datetime) -> list[Event]:
        """Check the no-signal rules and the end of floods at time ``at``; returns the events."""
        if self._start is None:
            self._start = at
        events: list[Event] = self._floods_over(at)
        for sensor, rule in self._watched:
            track = self._tracks.setdefault((sensor.id, rule.id), _Track())
            if track.alarm_id is not None:
                continue
            assert rule.no_signal_factor is not None
            last = self._last_seen.get(sensor.id, self._start)
            silent_s = (at - last).total_seconds()
            if silent_s > sensor.interval_s * rule.no_signal_factor:
                key = f"T{int(at.timestamp())}"
                hours = silent_s / 3600
                events.extend(self._raise(sensor, rule, track, at, key, f"{rule.name}({hours:.1f} 小时无信号)"))
        return events

    def adopt(self, alarms: Iterable[Alarm], cases: dict[str, Case] | None = None) -> int:
        """Take over the sensor alarms of a twin (after a restart); returns how many alarms are still open.

        Adopted alarms repeat and clear like alarms this engine raised; with ``cases`` (the twin's),
        the open case of each sensor and rule is kept, so a new alarm joins it.
        """
        adopted = 0
        for alarm in sorted(alarms, key=lambda a: a.raised_at):
            if alarm.alarm_kind != "sensor" or alarm.sensor_id is None or alarm.rule_id not in self._by_id:
                continue
            track = self._tracks.setdefault((alarm.sensor_id, alarm.rule_id), _Track())
            case = (cases or {}).get(alarm.case_id or "")
            if case is not None and case.status.open:
                self._follow_case(track, case.id)
            if alarm.cleared_at is not None:
                continue
            track.alarm_id = alarm.id
            track.last_repeat = alarm.last_repeat_at or alarm.raised_at
            track.last_triggered = True
            adopted += 1
        return adopted

    def case_ended(self, case_id: str) -> None:
        """The case ``case_id`` is no longer open (resolved, merged, rejected): its sensor may open a new one."""
        track = self._case_tracks.pop(case_id, None)
        if track is not None and track.case_id == case_id:
            track.case_id = None

    def _follow_case(self, track: _Track, case_id: str) -> None:
        track.case_id = case_id
        self._case_tracks[case_id] = track

    def active(self) -> dict[tuple[str, str], str]:
        """Open alarm ids by (sensor id, rule id)."""
        return {key: t.alarm_id for key, t in self._tracks.items() if t.alarm_id is not None}

    def flapping(self) -> set[tuple[str, str]]:
        """(sensor id, rule id) pairs currently marked as flapping."""
        return {key for key, t in self._tracks.items() if t.flapping}

    # ------------------------------------------------------------ the state machine

    def _step(self, sensor: Sensor, rule: AlarmRule, track: _Track, reading: SensorReading,
              x: float) -> Sequence[Event]:
        """One reading of a rule's value: flapping is judged first (SensorFlapping when it starts), then
        the alarm's state machine."""
        assert rule.trigger is not None and rule.clear is not None
        triggered = rule.trigger.holds(x)
        if not (triggered or track.last_triggered or track.pending_count or track.edges) and track.alarm_id is None:
            # Idle and still quiet, the state of nearly every reading: nothing to update.
            return ()
        at = reading.at
        if triggered and not track.last_triggered:
            track.edges.append(at)
        track.last_triggered = triggered
        while track.edges and (at - track.edges[0]).total_seconds() > rule.flap_window_s:
            track.edges.popleft()
        if len(track.edges) >= rule.flap_max and not track.flapping:
            track.flapping = True
            return [SensorFlapping(at, sensor.id, rule.id, True), *self._advance(sensor, rule, track, reading, x)]
        return self._advance(sensor, rule, track, reading, x)

    def _advance(self, sensor: Sensor, rule: AlarmRule, track: _Track, reading: SensorReading,
                 x: float) -> list[Event]:
        """The alarm's state machine on one reading of a rule's value (idle, pending, active, clearing)."""
        assert rule.trigger is not None and rule.clear is not None
        triggered = track.last_triggered
        at = reading.at
        if track.alarm_id is None:
            if not triggered:
                track.pending_since, track.pending_count = None, 0
                return []
            if track.pending_since is None:
                track.pending_since = at
            track.pending_count += 1
            held_s = (at - track.pending_since).total_seconds()
            if track.pending_count >= rule.count and held_s >= rule.for_s:
                detail = f"{rule.name}({rule.trigger.value}={x:g})"
                return self._raise(sensor, rule, track, at, str(reading.seq), detail)
            return []

        if triggered:
            track.clearing_since, track.clearing_count = None, 0
            if track.last_repeat is None or (at - track.last_repeat).total_seconds() >= rule.repeat_every_s:
                track.last_repeat = at
                return [AlarmRepeated(at, track.alarm_id)]
            return []
        if not rule.clear.holds(x):
            track.clearing_since, track.clearing_count = None, 0
            return []
        if track.clearing_since is None:
            track.clearing_since = at
        track.clearing_count += 1
        held_s = (at - track.clearing_since).total_seconds()
        needed_s = max(rule.clear_for_s, rule.rearm_s, rule.flap_window_s if track.flapping else 0.0)
        if track.clearing_count >= rule.clear_count and held_s >= needed_s:
            reason = f"{rule.clear} ({rule.clear.value}={x:g})"
            if track.flapping:
                reason += ", after flapping"
            alarm_id, was_flapping = track.alarm_id, track.flapping
            self._reset(track, forget_flaps=track.flapping)
            cleared: list[Event] = [AlarmCleared(at, alarm_id, reason)]
            if was_flapping:
                cleared.append(SensorFlapping(at, sensor.id, rule.id, False))
            return cleared
        return []

    def _raise(self, sensor: Sensor, rule: AlarmRule, track: _Track, at: datetime, key: str, detail: str) -> list[Event]:
        alarm_id = f"AL-{sensor.id}-{rule.id}-{key}"
        micro = self.street.micro_grid(sensor.micro_grid_id)
        track.alarm_id, track.last_repeat = alarm_id, at
        track.pending_since, track.pending_count = None, 0
        track.clearing_since, track.clearing_count = None, 0
        events: list[Event] = []
        flood_id = self._count_for_flood(micro.community_id, rule.risk, at, events)
        case_id = track.case_id
        if case_id is None:
            case_id = f"KS-{sensor.id}-{rule.id}-{key}"
            self._follow_case(track, case_id)
            events.append(CaseReported(
                at=at,
                case_id=case_id,
                category=rule.category,
                source=Source.SENSOR,
                lon=sensor.lon,
                lat=sensor.lat,
                micro_grid_id=micro.id,
                general_grid_id=micro.general_grid_id,
                community_id=micro.community_id,
                risk=rule.risk,
                description=detail,
                reporter=sensor.id,
                alarm_id=alarm_id,
            ))
        events.append(AlarmRaised(
            at=at,
            alarm_id=alarm_id,
            alarm_kind="sensor",
            risk=rule.risk,
            sensor_id=sensor.id,
            rule_id=rule.id,
            case_id=case_id,
            area_id=micro.id,
            detail=detail,
            flood_id=flood_id,
        ))
        return events

    # ------------------------------------------------------------ floods

    def _count_for_flood(self, community: str, risk: RiskLevel, at: datetime, events: list[Event]) -> str | None:
        """Count a sensor alarm of ``community``; returns the flood it belongs to (raising it if this one starts it)."""
        flood = self._floods.setdefault(community, _Flood())
        flood.raised.append(at)
        flood.last = at
        while flood.raised and at - flood.raised[0] > FLOOD_WINDOW:
            flood.raised.popleft()
        if flood.alarm_id is not None:
            flood.members += 1
            events.append(AlarmRepeated(at, flood.alarm_id))
            return flood.alarm_id
        if len(flood.raised) <= self.flood.alarms_per_minute:
            return None
        flood.alarm_id = f"AL-FLOOD-{community}-{int(at.timestamp())}"
        flood.members = 1
        events.append(AlarmRaised(
            at=at, alarm_id=flood.alarm_id, alarm_kind="flood", risk=risk, area_id=community,
            detail=f"一分钟内{len(flood.raised)}条感知报警",
        ))
        return flood.alarm_id

    def _floods_over(self, at: datetime) -> list[Event]:
        events: list[Event] = []
        for community, flood in self._floods.items():
            if flood.alarm_id is not None and flood.last is not None and (at - flood.last).total_seconds() >= self.flood.quiet_s:
                events.append(AlarmCleared(at, flood.alarm_id, f"flood over: {flood.members} alarms"))
                flood.alarm_id, flood.members = None, 0
        return events

    def floods(self) -> dict[str, str]:
        """The flood alarm of each community in a flood."""
        return {community: f.alarm_id for community, f in self._floods.items() if f.alarm_id is not None}

    @staticmethod
    def _reset(track: _Track, forget_flaps: bool) -> None:
        # Raise edges outlive an ordinary clear (they are what reveals flapping); a clear after a
        # whole quiet window ends the flapping episode.
        track.alarm_id = None
        track.last_repeat = None
        track.clearing_since, track.clearing_count = None, 0
        track.pending_since, track.pending_count = None, 0
        if forget_flaps:
            track.flapping = False
            track.edges.clear()

    def _plan(self, sensor_id: str) -> _Plan:
        """The sensor and, per rule of its kind, the value it watches (None: no-signal) and its track key.

        Built on a sensor's first reading and kept, so a reading costs one lookup; a sensor the
        street does not know gets (None, ()), not kept.
        """
        if not self.street.has("sensors", sensor_id):
            return (None, ())
        sensor = self.street.sensor(sensor_id)
        checks = tuple(
            (rule, None if rule.no_signal else rule.trigger.value, (sensor.id, rule.id))  # type: ignore[union-attr]
            for rule in rules_for(sensor.kind, sensor.elderly_alone, self.rules)
        )
        plan = (sensor, checks)
        self._plans[sensor_id] = plan
        return plan
