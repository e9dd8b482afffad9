"""The demo feed: a living street for the demo and for snapshots, made of the same events as live data.

It plays what the field would send: residents and patrols reporting cases, sensors reading and now and
then alarming, staff walking their grids, and field workers who accept, travel to, handle and finish the
cases the operator dispatched to them. With ``autopilot`` it also triages and dispatches what nobody at
the desk has touched for a few minutes, with the same dispatch policy an operator sees, so an unattended
wall stays alive. It reads the twin to decide and returns events; it never changes the twin itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

import numpy as np
import shapely

from cockpit import recommender
from cockpit.dispatch import get_policy, rank_departments
from cockpit.street.model import MicroGrid, Street
from cockpit.twin import TwinState
from cockpit.vocabulary.categories import CategoryTable, default_categories
from cockpit.vocabulary.domain import CaseStatus, RiskLevel, SensorKind, Source, StaffKind, StaffStatus
from cockpit.vocabulary.events import (
    AlarmRaised,
    AlarmRepeated,
    CaseAccepted,
    CaseClosed,
    CaseDispatched,
    CaseFeedback,
    CaseOnScene,
    CaseReported,
    CaseResolved,
    CaseTriaged,
    ClockTick,
    Event,
    SensorReading,
    StaffMoved,
    StaffStatusChanged,
)
from cockpit.vocabulary.local_time import LOCAL_TZ

DEMO_SEED = 7
"""The demo feed's seed unless one is given: the same demo day every time."""

CASES_PER_DAY = 100.0
"""Mean new cases a day in the demo street (the published range is 60-150)."""

HOURLY_PROFILE = np.array(
    [0.25, 0.15, 0.1, 0.1, 0.15, 0.35, 0.7, 1.2, 1.6, 1.7, 1.6, 1.4,
     1.2, 1.3, 1.5, 1.5, 1.4, 1.4, 1.5, 1.5, 1.3, 1.0, 0.7, 0.4]
)
"""Relative report rate by local hour of day: quiet nights, morning and evening peaks (mean 1)."""
HOURLY_PROFILE = HOURLY_PROFILE / HOURLY_PROFILE.mean()

PROACTIVE_SHARE = {
    "neighbour_dispute": 0.3, "property_maintenance": 0.75, "waste_sanitation": 0.95,
    "parking_traffic": 0.95, "fire_hazard": 0.9, "elderly_emergency": 0.8, "public_facility": 0.95,
    "environment_noise": 0.8, "street_vending": 0.97, "group_rental": 0.85, "drainage_flooding": 0.9,
    "market_food_safety": 0.9, "welfare_check": 0.9,
}
"""Share of each category found by patrols or sensors rather than reported by residents."""

SENSOR_CATEGORY = {
    SensorKind.SMOKE: ("fire_hazard", RiskLevel.RED, {"smoke": 1.0}),
    SensorKind.BRACELET: ("elderly_emergency", RiskLevel.RED, {"sos": 1.0}),
    SensorKind.MANHOLE: ("public_facility", RiskLevel.YELLOW, {"tilt_deg": 24.0}),
    SensorKind.CAMERA: ("street_vending", RiskLevel.BLUE, {"vending": 1.0}),
}
"""What a sensor alarm of each kind opens, and the reading that raised it."""

BUSY_TIME = time(10, 0)
"""A representative busy moment of the demo street's day (local time): the morning peak, well staffed."""

ALARMS_PER_DAY = 6.0
TRIAGE_AFTER = timedelta(minutes=3)
DISPATCH_AFTER = timedelta(minutes=2)
FEEDBACK_AFTER = timedelta(hours=3)
READINGS_PER_MINUTE = 40
PATROL_MOVES_PER_MINUTE = 30


def latest_busy_moment(now: datetime) -> datetime:
    """The latest :data:`BUSY_TIME` in Asia/Shanghai at or before ``now`` (timezone-aware, UTC).

    Reports and tests render the street at this moment rather than at the wall-clock time, so that a
    picture taken at night is not of a quiet street and one taken on the same day is the same picture.
    """
    local = now.astimezone(LOCAL_TZ)
    busy = datetime.combine(local.date(), BUSY_TIME, tzinfo=LOCAL_TZ)
    if busy > local:
        busy -= timedelta(days=1)
    return busy.astimezone(timezone.utc)


@dataclass
class _Plan:
    """When the field worker on a case will do their next step."""

    accept_at: datetime | None = None
    on_scene_at: datetime | None = None
    resolve_at: datetime | None = None
    feedback_at: datetime | None = None


class DemoFeed:
    """Produces the demo street's events between two moments, given the current twin.

    Owns its random generator (seeded), the field workers' plans and per-sensor sequence numbers.
    """

    def __init__(self, street: Street, seed: int = DEMO_SEED, autopilot: bool = True,
                 categories: CategoryTable | None = None, policy: str = "home_grid_first") -> None:
        self.street = street
        self.autopilot = autopilot
        self.policy = get_policy(policy)
        self.categories = categories or default_categories()
        self._rng = np.random.default_rng(seed)
        self._plans: dict[str, _Plan] = {}
        self._seq: dict[str, int] = {}
        self._last: datetime | None = None
        self._alarm_serial = 0
        self._codes = self.categories.codes
        shares = np.array([self.categories[c].share for c in self._codes])
        self._shares = shares / shares.sum()
        households = np.array([m.households for m in street.micro_grids], dtype=float)
        self._micro_weights = households / households.sum()
        self._alarm_sensors = [s for s in street.sensors if s.kind in SENSOR_CATEGORY]

    # ------------------------------------------------------------ start

    def bootstrap(self, twin: TwinState, now: datetime, hours: float = 10.0) -> list[Event]:
        """Events that bring the twin to ``now``: staff on duty, then ``hours`` of played street.

        The history is played in 5-minute steps with autopilot, so the day so far is full of cases at
        every stage of the loop, and the KPIs have something to say from the first second.
        """
        start = now - timedelta(hours=hours)
        events: list[Event] = [ClockTick(start)]
        events += self._shift_changes(twin, start, force=True)
        twin.apply_many(events)
        played: list[Event] = list(events)
        at = start
        while at < now:
            at = min(now, at + timedelta(minutes=5))
            played += twin.apply_many(self.step(twin, at))
        return played

    # ------------------------------------------------------------ one step

    def step(self, twin: TwinState, until: datetime) -> list[Event]:
        """The events of the street from the previous step to ``until``, in time order."""
        since = self._last or twin.now or until
        self._last = until
        if until <= since:
            return []
        minutes = (until - since).total_seconds() / 60.0
        events: list[Event] = []
        events += self._shift_changes(twin, until)
        events += self._new_reports(twin, since, until, minutes)
        events += self._sensor_readings(since, until, minutes)
        events += self._sensor_alarms(twin, since, until, minutes)
        events += self._field_work(twin, until)
        if self.autopilot:
            events += self._autopilot(twin, until)
        events += self._patrols(twin, until, minutes)
        events.sort(key=lambda e: e.at)
        events.append(ClockTick(until))
        return events

    def _uniform_times(self, since: datetime, until: datetime, n: int) -> list[datetime]:
        span = (until - since).total_seconds()
        return [since + timedelta(seconds=float(s)) for s in np.sort(self._rng.uniform(0, span, n))]

    def _shift_changes(self, twin: TwinState, at: datetime, force: bool = False) -> list[Event]:
        events: list[Event] = []
        for staff in twin.staff.values():
            on = twin.on_shift(staff, at) or staff.member.kind is StaffKind.DEPARTMENT
            if on and staff.status is StaffStatus.OFF_DUTY:
                events.append(StaffStatusChanged(at, staff.id, StaffStatus.AVAILABLE))
            elif not on and staff.status is StaffStatus.AVAILABLE:
                events.append(StaffStatusChanged(at, staff.id, StaffStatus.OFF_DUTY))
            elif force and not on and staff.status is not StaffStatus.OFF_DUTY:
                events.append(StaffStatusChanged(at, staff.id, StaffStatus.OFF_DUTY))
        return events

    def _point_in(self, micro: MicroGrid) -> tuple[float, float]:
        minx, miny, maxx, maxy = micro.polygon.bounds
        for _ in range(50):
            lon, lat = self._rng.uniform(minx, maxx), self._rng.uniform(miny, maxy)
            if shapely.contains_xy(micro.polygon, lon, lat):
                return float(lon), float(lat)
        point = micro.polygon.representative_point()
        return point.x, point.y

    def _new_reports(self, twin: TwinState, since: datetime, until: datetime, minutes: float) -> list[Event]:
        hour = since.astimezone(LOCAL_TZ).hour
        expected = CASES_PER_DAY / 1440.0 * HOURLY_PROFILE[hour] * minutes
        events: list[Event] = []
        for at in self._uniform_times(since, until, int(self._rng.poisson(expected))):
            code = self._codes[int(self._rng.choice(len(self._codes), p=self._shares))]
            micro = self.street.micro_grids[int(self._rng.choice(len(self._micro_weights), p=self._micro_weights))]
            lon, lat = self._point_in(micro)
            proactive = self._rng.random() < PROACTIVE_SHARE.get(code, 0.8)
            source = Source.PATROL if proactive else Source.RESIDENT
            events.append(CaseReported(at, _next_id(twin, events, at),
                                       code, source, lon, lat, micro.id, micro.general_grid_id,
                                       micro.community_id))
        return events

    def _sensor_readings(self, since: datetime, until: datetime, minutes: float) -> list[Event]:
        n = min(int(self._rng.poisson(READINGS_PER_MINUTE * minutes)), 400)
        sensors = self.street.sensors
        events: list[Event] = []
        for at, index in zip(self._uniform_times(since, until, n), self._rng.integers(0, len(sensors), n)):
            sensor = sensors[int(index)]
            events.append(SensorReading(at, sensor.id, self._next_seq(sensor.id), _normal_values(sensor.kind, self._rng)))
        return events

    def _next_seq(self, sensor_id: str) -> int:
        self._seq[sensor_id] = self._seq.get(sensor_id, 0) + 1
        return self._seq[sensor_id]

    def _sensor_alarms(self, twin: TwinState, since: datetime, until: datetime, minutes: float) -> list[Event]:
        events: list[Event] = []
        for alarm in twin.alarms.values():
            if alarm.alarm_kind == "sensor" and alarm.case_id in twin.cases:
                if twin.cases[alarm.case_id].status.open and alarm.state.value != "cleared" and self._rng.random() < 0.3:
                    events.append(AlarmRepeated(until, alarm.id))
        n = int(self._rng.poisson(ALARMS_PER_DAY / 1440.0 * minutes))
        for at in self._uniform_times(since, until, n):
            sensor = self._alarm_sensors[int(self._rng.integers(len(self._alarm_sensors)))]
            if twin.sensors[sensor.id].alarm_id is not None:
                continue
            code, risk, values = SENSOR_CATEGORY[sensor.kind]
            micro = self.street.micro_grid(sensor.micro_grid_id)
            self._alarm_serial += 1
            alarm_id = f"ALM-S-{sensor.id}-{self._alarm_serial}"
            case_id = _next_id(twin, events, at)
            events.append(SensorReading(at, sensor.id, self._next_seq(sensor.id), values))
            events.append(AlarmRaised(at, alarm_id, "sensor", risk, sensor_id=sensor.id, rule_id="demo",
                                      case_id=case_id, detail=code))
            events.append(CaseReported(at, case_id, code, Source.SENSOR, sensor.lon, sensor.lat, micro.id,
                                       micro.general_grid_id, micro.community_id, risk,
                                       description=sensor.label, reporter=sensor.id, alarm_id=alarm_id))
        return events

    # ------------------------------------------------------------ field workers and autopilot

    def _field_work(self, twin: TwinState, now: datetime) -> list[Event]:
        events: list[Event] = []
        for case in twin.cases.values():
            status = case.status
            if status not in _FIELD_STATUSES:
                if status.terminal:
                    self._plans.pop(case.id, None)
                continue
            plan = self._plans.setdefault(case.id, _Plan())
            staff = twin.staff.get(case.assignee or "")
            if status is CaseStatus.DISPATCHED and staff is not None:
                if plan.accept_at is None:
                    plan.accept_at = (case.dispatched_at or now) + timedelta(minutes=float(self._rng.lognormal(math.log(4), 0.5)))
                if now >= plan.accept_at:
                    events.append(CaseAccepted(plan.accept_at, case.id, staff.id))
                    travel = case.eta_minutes if case.eta_minutes is not None else 10.0
                    plan.on_scene_at = plan.accept_at + timedelta(minutes=max(1.0, travel * float(self._rng.uniform(0.9, 1.4))))
            elif status is CaseStatus.ACCEPTED and staff is not None:
                plan.on_scene_at = plan.on_scene_at or now + timedelta(minutes=5)
                if now >= plan.on_scene_at:
                    events.append(CaseOnScene(plan.on_scene_at, case.id, staff.id))
                    events.append(StaffMoved(plan.on_scene_at, staff.id, case.lon, case.lat))
                    service = self.categories[case.category].service
                    minutes = float(self._rng.lognormal(math.log(service.median_minutes), service.sigma))
                    plan.resolve_at = plan.on_scene_at + timedelta(minutes=minutes)
                else:
                    events.append(_toward(staff, case, plan.on_scene_at, now))
            elif status is CaseStatus.ON_SCENE and staff is not None:
                plan.resolve_at = plan.resolve_at or now + timedelta(minutes=30)
                if now >= plan.resolve_at:
                    events.append(CaseResolved(plan.resolve_at, case.id, staff.id, "handled"))
                    plan.feedback_at = plan.resolve_at + FEEDBACK_AFTER * float(self._rng.uniform(0.3, 2.0))
            elif status is CaseStatus.RESOLVED:
                plan.feedback_at = plan.feedback_at or now + FEEDBACK_AFTER
                if now >= plan.feedback_at:
                    rating = int(self._rng.choice([5, 4, 3, 2], p=[0.68, 0.24, 0.06, 0.02]))
                    events.append(CaseFeedback(plan.feedback_at, case.id, rating, rating >= 3, "resident"))
                    events.append(CaseClosed(plan.feedback_at, case.id, "system"))
        return events

    def _autopilot(self, twin: TwinState, now: datetime) -> list[Event]:
        events: list[Event] = []
        taken: set[str] = set()
        waiting = [c for c in twin.cases.values() if c.status in (CaseStatus.REPORTED, CaseStatus.TRIAGED)]
        waiting.sort(key=lambda c: (c.risk.priority, c.reported_at))
        for case in waiting:
            if case.status is CaseStatus.REPORTED and now - case.reported_at >= TRIAGE_AFTER:
                events.append(CaseTriaged(case.reported_at + TRIAGE_AFTER, case.id, case.category, case.risk,
                                          case.owner_level, "autopilot"))
            elif case.status is CaseStatus.TRIAGED and now - (case.triaged_at or now) >= DISPATCH_AFTER:
                need = recommender.case_need(twin, case)
                candidates = [c for c in recommender.candidates(twin) if c.staff_id not in taken]
                best = self.policy.best(need, candidates)
                if best is None and case.risk is RiskLevel.RED:
                    departments = rank_departments(need, candidates)
                    best = departments[0] if departments else None
                if best is not None:
                    taken.add(best.staff_id)
                    events.append(CaseDispatched(now, case.id, best.staff_id, "autopilot", best.eta_minutes))
        return events

    def _patrols(self, twin: TwinState, now: datetime, minutes: float) -> list[Event]:
        idle = [s for s in twin.staff.values()
                if s.status is StaffStatus.AVAILABLE and s.member.kind is StaffKind.GRID_WORKER]
        if not idle:
            return []
        n = min(len(idle), int(self._rng.poisson(PATROL_MOVES_PER_MINUTE * minutes)), 200)
        events: list[Event] = []
        for index in self._rng.choice(len(idle), n, replace=False):
            staff = idle[int(index)]
            home = staff.member.home_general_grid_id
            if home is None:
                continue
            grid = self.street.general_grid(home)
            step = self._rng.normal(0, 0.0006, 2)
            lon, lat = staff.lon + step[0], staff.lat + step[1]
            if not shapely.contains_xy(grid.polygon, lon, lat):
                centre = grid.polygon.representative_point()
                lon, lat = staff.lon + (centre.x - staff.lon) * 0.3, staff.lat + (centre.y - staff.lat) * 0.3
            events.append(StaffMoved(now, staff.id, float(lon), float(lat)))
        return events


_FIELD_STATUSES = frozenset({CaseStatus.DISPATCHED, CaseStatus.ACCEPTED, CaseStatus.ON_SCENE, CaseStatus.RESOLVED})


def _toward(staff, case, arrive_at: datetime, now: datetime) -> StaffMoved:
    """A position on the straight way to the case, as far along as time allows."""
    remaining = max((arrive_at - now).total_seconds(), 1.0)
    fraction = min(1.0, 60.0 / remaining)
    lon = staff.lon + (case.lon - staff.lon) * fraction
    lat = staff.lat + (case.lat - staff.lat) * fraction
    return StaffMoved(now, staff.id, lon, lat)


def _next_id(twin: TwinState, pending: list[Event], at: datetime) -> str:
    taken = {e.case_id for e in pending if isinstance(e, CaseReported)}
    while True:
        case_id = twin.next_case_id(at)
        if case_id not in taken:
            return case_id


def _normal_values(kind: SensorKind, rng: np.random.Generator) -> dict[str, float]:
    """A healthy reading of a sensor of ``kind``."""
    if kind is SensorKind.SMOKE:
        return {"smoke": 0.0, "battery": round(float(rng.uniform(60, 100)), 1)}
    if kind is SensorKind.BRACELET:
        return {"heart_rate": round(float(rng.normal(76, 8)), 1), "sos": 0.0, "fall": 0.0}
    if kind is SensorKind.WATER_METER:
        return {"flow_l": round(float(rng.exponential(20)), 1)}
    if kind is SensorKind.MANHOLE:
        return {"tilt_deg": round(float(abs(rng.normal(0, 1.5))), 2)}
    if kind is SensorKind.CAMERA:
        return {"vending": 0.0, "fire_lane_blocked": 0.0, "garbage_overflow": 0.0}
    if kind is SensorKind.PARKING:
        return {"occupancy": round(float(rng.uniform(0.2, 0.95)), 2)}
    return {"noise_db": round(float(rng.normal(55, 6)), 1), "pm25": round(float(rng.gamma(4, 9)), 1)}
