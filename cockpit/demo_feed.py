"""The demo feed: a living street for the demo and for snapshots, made of the same events as live data.

It plays what the field would send: residents and patrols reporting the cases of the demand model,
sensors reading and, when the demand says a sensor finds a case, meeting an alarm rule so that the
rule engine opens it, staff walking their grids, and field workers who accept, travel to, handle
and finish the cases the operator dispatched to them. With ``autopilot`` it also triages and
dispatches what nobody at the desk has touched, with the same dispatch policy an operator sees, so
an unattended wall stays alive. Every time and branch of a case's loop is the stage table's
(:mod:`cockpit.stages`, resources/stages.toml), the one the simulator plays. It reads the twin to
decide and returns events; it never changes the twin itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import numpy as np
import shapely

from cockpit import recommender
from cockpit.demand import SOURCES, DemandModel, default_demand
from cockpit.history.to_events import NO_FEEDBACK_REASON, REOPEN_REASON
from cockpit.dispatch import get_policy, rank_departments
from cockpit.readings import ReadingGenerator, default_readings
from cockpit.roster import shift_changes
from cockpit.rules.engine import RuleEngine
from cockpit.rules.model import AlarmRule, load_rules
from cockpit.stages import RATINGS, StageModel, default_stages
from cockpit.street.model import MicroGrid, Sensor, Street
from cockpit.twin import TwinState
from cockpit.vocabulary.categories import CategoryTable, default_categories
from cockpit.vocabulary.domain import CaseStatus, ResourceKind, RiskLevel, Source, StaffKind, StaffStatus
from cockpit.vocabulary.events import (
    CaseAccepted,
    CaseClosed,
    CaseDispatched,
    CaseFeedback,
    CaseOnScene,
    CaseReopened,
    CaseReported,
    CaseResolved,
    CaseTriaged,
    ClockTick,
    Event,
    SensorReading,
    StaffMoved,
    StaffStatusChanged,
    VehicleMoved,
)
from cockpit.vocabulary.local_time import LOCAL_TZ

DEMO_SEED = 7
"""The demo feed's seed unless one is given: the same demo day every time."""

BUSY_TIME = time(10, 0)
"""A representative busy moment of the demo street's day (local time): the morning peak, well staffed."""

AUTOPILOT_ROLES = frozenset({StaffKind.GRID_WORKER, StaffKind.DEPARTMENT})
"""Who the autopilot sends: full-time grid workers and department teams, as the demo street's
scenario (resources/scenarios/demo_street.toml, ``roles``); micro-grid heads, volunteers and
party members on call are the operator's to ask."""

BOOTSTRAP_HOURS = 30.0
"""Street played before the demo opens: past a blue case's 24 h deadline, so that the wall opens on
cases waiting for another department near or past their deadline (amber, overdue, escalated), as a
real street's does."""

READINGS_BEFORE = timedelta(hours=10)
"""How long before the demo opens the bootstrap plays healthy sensor readings (devices seen recently)."""
READINGS_PER_MINUTE = 40
PATROL_MOVES_PER_MINUTE = 30
VEHICLE_FIXES_PER_MINUTE = 4
"""Tracker positions of free patrol e-bikes and cars per minute of demo time."""
VEHICLE_RANGE_DEG = 0.004
"""How far (degrees, about 400 m) a free vehicle patrols from where it is parked before it turns back."""
REPEAT_EVERY = timedelta(minutes=1)
"""A sensor that raised an alarm keeps reading alarming values this often, a few times, as real ones do."""


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
class _Incident:
    """The readings a sensor will send to meet an alarm rule: (time, values) still to come."""

    sensor: Sensor
    readings: list[tuple[datetime, dict[str, float]]]


@dataclass
class _Plan:
    """When the desk's autopilot and the field worker on a case will do their next step, and its branches.

    The branches (sent straight to a department, settled without a visit, a wait for another
    department after the work, sent back by the resident, rated) are drawn once, when the feed first
    sees the case; a reopened case's second round (``again``) is a visit with the rework's time.
    """

    route: bool
    no_visit: bool
    coordination: bool
    reopen: bool
    rated: bool
    again: bool = False
    triage_at: datetime | None = None
    dispatch_at: datetime | None = None
    accept_at: datetime | None = None
    on_scene_at: datetime | None = None
    worked_at: datetime | None = None
    resolve_at: datetime | None = None
    reopen_at: datetime | None = None
    close_at: datetime | None = None


class DemoFeed:
    """Produces the demo street's events between two moments, given the current twin.

    Owns its random generator (seeded), the field workers' plans, per-sensor sequence numbers, the
    sensor incidents under way and a rule engine. Cases come from the demand model
    (:func:`cockpit.demand.default_demand`); readings from the one reading generator
    (:func:`cockpit.readings.default_readings`). A case the demand says a sensor finds is an
    incident: a sensor of a kind whose rule opens that category sends readings that meet the rule,
    and the rule engine (resources/rules/default.toml) raises the alarm and opens the case, as it
    does for live sensors. The engine sees every reading but is never ticked: the feed reads a
    sample of the street's sensors, so a silent device means nothing here and no-signal rules stay
    quiet. A category whose sensor rule has no device in the street is found by a patrol instead.
    Free patrol e-bikes and cars move about where they are parked, from a random stream of their own.
    """

    def __init__(self, street: Street, seed: int = DEMO_SEED, autopilot: bool = True,
                 categories: CategoryTable | None = None, policy: str = "home_grid_first",
                 demand: DemandModel | None = None, readings: ReadingGenerator | None = None,
                 stages: StageModel | None = None) -> None:
        self.street = street
        self.autopilot = autopilot
        self.policy = get_policy(policy)
        self.categories = categories or default_categories()
        self.demand = demand or default_demand()
        self.readings = readings or default_readings()
        self.stages = stages or default_stages()
        self._rng = np.random.default_rng(seed)
        # The vehicles' own stream: adding them left every other event of a seed as it was.
        self._vehicle_rng = np.random.default_rng([seed, 18])
        self._plans: dict[str, _Plan] = {}
        self._waiting: dict[str, str] = {}
        """Cases waiting for another department after the work (case → the worker, free meanwhile)."""
        self._seq: dict[str, int] = {}
        self._last: datetime | None = None
        self._day_factor: dict[date, float] = {}
        self._incidents: list[_Incident] = []
        rules = load_rules(categories=self.categories)
        self._engine = RuleEngine(street, rules)
        self._places = {code: self.demand.place_weights(code, street.micro_grids) for code in self.demand.codes}
        self._sensor_rules = _sensor_rules(street, rules)

    # ------------------------------------------------------------ start

    def bootstrap(self, twin: TwinState, now: datetime, hours: float = BOOTSTRAP_HOURS) -> list[Event]:
        """Events that bring the twin to ``now``: staff on duty, then ``hours`` of played street.

        The history is played in 5-minute steps with autopilot, so the day so far is full of cases at
        every stage of the loop, and the KPIs have something to say from the first second. Healthy
        sensor readings, which only say a device is alive, start :data:`READINGS_BEFORE` before
        ``now`` (an incident's readings always flow: its alarm opens the case).
        """
        start = now - timedelta(hours=hours)
        events: list[Event] = [ClockTick(start)]
        events += shift_changes(twin, start, force=True)
        twin.apply_many(events)
        played: list[Event] = list(events)
        at = start
        while at < now:
            at = min(now, at + timedelta(minutes=5))
            played += twin.apply_many(self.step(twin, at, healthy=at > now - READINGS_BEFORE))
        return played

    # ------------------------------------------------------------ one step

    def step(self, twin: TwinState, until: datetime, healthy: bool = True) -> list[Event]:
        """The events of the street from the previous step to ``until``, in time order (``healthy``: with healthy readings)."""
        since = self._last or twin.now or until
        self._last = until
        if until <= since:
            return []
        minutes = (until - since).total_seconds() / 60.0
        events: list[Event] = []
        events += shift_changes(twin, until)
        events += self._new_reports(twin, since, until, minutes)
        events += self._sensor_readings(since, until, minutes if healthy else 0.0)
        events += self._field_work(twin, until)
        if self.autopilot:
            events += self._autopilot(twin, until)
        events += self._patrols(twin, until, minutes)
        events += self._vehicle_patrols(twin, until, minutes)
        events.sort(key=lambda e: e.at)
        events.append(ClockTick(until))
        return events

    def _uniform_times(self, since: datetime, until: datetime, n: int) -> list[datetime]:
        span = (until - since).total_seconds()
        return [since + timedelta(seconds=float(s)) for s in np.sort(self._rng.uniform(0, span, n))]

    def _point_in(self, micro: MicroGrid) -> tuple[float, float]:
        minx, miny, maxx, maxy = micro.polygon.bounds
        for _ in range(50):
            lon, lat = self._rng.uniform(minx, maxx), self._rng.uniform(miny, maxy)
            if shapely.contains_xy(micro.polygon, lon, lat):
                return float(lon), float(lat)
        point = micro.polygon.representative_point()
        return point.x, point.y

    def _new_reports(self, twin: TwinState, since: datetime, until: datetime, minutes: float) -> list[Event]:
        """Cases of the demand model reported in [since, until); those a sensor finds start an incident."""
        local = since.astimezone(LOCAL_TZ)
        rates = self.demand.hourly_rates(local.date(), local.hour + 1)[local.hour]
        expected = rates * self._factor(local.date()) * minutes / 60.0
        events: list[Event] = []
        counts = self._rng.poisson(expected)
        for code_index in np.flatnonzero(counts).tolist():
            code = self.demand.codes[code_index]
            for at in self._uniform_times(since, until, int(counts[code_index])):
                source = SOURCES[int(self._rng.choice(len(SOURCES), p=self.demand.sources[code_index]))]
                if source is Source.SENSOR and self._start_incident(code, at):
                    continue
                if source is Source.SENSOR:
                    source = Source.PATROL
                micro = self.street.micro_grids[int(self._rng.choice(len(self.street.micro_grids),
                                                                     p=self._places[code]))]
                lon, lat = self._point_in(micro)
                events.append(CaseReported(at, _next_id(twin, events, at), code, source, lon, lat, micro.id,
                                           micro.general_grid_id, micro.community_id))
        return events

    def _factor(self, day: date) -> float:
        """The day-level demand multiplier of a local day (drawn once, on the day's first use)."""
        if day not in self._day_factor:
            self._day_factor[day] = float(self.demand.day_factors(self._rng, 1)[0])
        return self._day_factor[day]

    def _start_incident(self, code: str, at: datetime) -> bool:
        """Have a free sensor that can find a ``code`` case send readings meeting its rule; False if none can."""
        choice = self._sensor_rules.get(code)
        if choice is None:
            return False
        rule, sensors = choice
        busy = {incident.sensor.id for incident in self._incidents}
        active = self._engine.active()
        free = [s for s in sensors if s.id not in busy and (s.id, rule.id) not in active]
        if not free:
            return False
        sensor = free[int(self._rng.integers(len(free)))]
        # The rule needs `count` readings in a row spanning `for_s`: send them evenly over it, then a
        # few repeats while the fault lasts.
        count = max(rule.count, 2 if rule.for_s > 0 else 1)
        step = timedelta(seconds=rule.for_s / (count - 1)) if count > 1 else timedelta(0)
        times = [at + k * step for k in range(count)]
        times += [times[-1] + REPEAT_EVERY * (k + 1) for k in range(int(self._rng.poisson(2)))]
        readings = [(t, self.readings.alarming(sensor.kind, rule, self._rng, _local_hour(t))) for t in times]
        self._incidents.append(_Incident(sensor, readings))
        return True

    def _sensor_readings(self, since: datetime, until: datetime, minutes: float) -> list[Event]:
        """Healthy readings of random sensors over ``minutes``, the incidents' readings, and what the rule engine makes of them."""
        n = min(int(self._rng.poisson(READINGS_PER_MINUTE * minutes)), 400)
        sensors = self.street.sensors
        busy = {incident.sensor.id for incident in self._incidents}
        due: list[tuple[datetime, Sensor, dict[str, float]]] = []
        for at, index in zip(self._uniform_times(since, until, n), self._rng.integers(0, len(sensors), n)):
            sensor = sensors[int(index)]
            if sensor.id not in busy:
                due.append((at, sensor, self.readings.healthy(sensor.kind, self._rng, _local_hour(at))))
        for incident in self._incidents:
            while incident.readings and incident.readings[0][0] < until:
                at, values = incident.readings.pop(0)
                due.append((at, incident.sensor, values))
        self._incidents = [i for i in self._incidents if i.readings]
        due.sort(key=lambda item: item[0])
        events: list[Event] = []
        for at, sensor, values in due:
            reading = SensorReading(at, sensor.id, self._next_seq(sensor.id), values)
            events.append(reading)
            events.extend(self._engine.feed(reading))
        return events

    def _next_seq(self, sensor_id: str) -> int:
        self._seq[sensor_id] = self._seq.get(sensor_id, 0) + 1
        return self._seq[sensor_id]

    # ------------------------------------------------------------ field workers and autopilot

    def _plan(self, case) -> _Plan:
        """The case's plan, with its branches drawn from the stage table's shares on first sight."""
        plan = self._plans.get(case.id)
        if plan is None:
            risk, code, draw = case.risk.value, case.category, self._rng.random(5)
            plan = _Plan(route=bool(draw[0] < self.stages.share("route", risk=risk, category=code)),
                         no_visit=bool(draw[1] < self.stages.share("no_visit", risk=risk, category=code)),
                         coordination=bool(draw[2] < self.stages.share("coordination", risk=risk, category=code)),
                         reopen=bool(draw[3] < self.stages.share("reopen", risk=risk, category=code)),
                         rated=bool(draw[4] < self.stages.share("rated")))
            self._plans[case.id] = plan
        return plan

    def _minutes(self, stage: str, at: datetime, **selectors: str | None) -> timedelta:
        """A draw of ``stage``'s duration for a stage starting at ``at`` (local hour band); zero without an entry."""
        duration = self.stages.duration(stage, hour=int(_local_hour(at)), **selectors)
        return timedelta(minutes=float(duration.sample(self._rng, 1)[0])) if duration is not None else timedelta(0)

    def _work(self, case, plan: _Plan) -> timedelta:
        """The on-scene work of the first round, or the rework of a reopened case."""
        if plan.again:
            return self._minutes("rework", case.dispatched_at or case.reported_at, category=case.category)
        work = self.stages.work(self.categories[case.category], case.risk.value)
        return timedelta(minutes=float(work.sample(self._rng, 1)[0]))

    def _travel(self, case, at: datetime) -> timedelta:
        """The dispatch's travel estimate (the policy's, by road or straight line), else the stage table's trip."""
        if case.eta_minutes is not None:
            return timedelta(minutes=max(1.0, float(case.eta_minutes)))
        return self._minutes("travel", at)

    def _field_work(self, twin: TwinState, now: datetime) -> list[Event]:
        events: list[Event] = []
        for case in twin.cases.values():
            status = case.status
            if status not in _FIELD_STATUSES:
                if status.terminal:
                    self._plans.pop(case.id, None)
                continue
            plan = self._plan(case)
            staff = twin.staff.get(case.assignee or "")
            if status is CaseStatus.DISPATCHED and staff is not None:
                if plan.accept_at is None:
                    # The twin keeps a reopened case's first dispatch time: its second round starts now.
                    start = now if plan.again else (case.dispatched_at or now)
                    plan.accept_at = start + self._minutes("accept", start, risk=case.risk.value)
                if now >= plan.accept_at:
                    events.append(CaseAccepted(plan.accept_at, case.id, staff.id))
                    if plan.no_visit:
                        plan.worked_at = plan.accept_at + self._work(case, plan)
                    else:
                        plan.on_scene_at = plan.accept_at + self._travel(case, plan.accept_at)
            elif status is CaseStatus.ACCEPTED and staff is not None and plan.no_visit:
                plan.worked_at = plan.worked_at or now + self._work(case, plan)
                events += self._finish(twin, case, staff, plan, now)
            elif status is CaseStatus.ACCEPTED and staff is not None:
                plan.on_scene_at = plan.on_scene_at or now + self._travel(case, now)
                if now >= plan.on_scene_at:
                    events.append(CaseOnScene(plan.on_scene_at, case.id, staff.id))
                    events.append(StaffMoved(plan.on_scene_at, staff.id, case.lon, case.lat))
                    plan.worked_at = plan.on_scene_at + self._work(case, plan)
                else:
                    events.append(_toward(staff, case, plan.on_scene_at, now))
            elif status is CaseStatus.ON_SCENE and staff is not None:
                plan.worked_at = plan.worked_at or now + self._work(case, plan)
                events += self._finish(twin, case, staff, plan, now)
            elif status is CaseStatus.RESOLVED:
                events += self._close(case, plan, now)
        return events

    def _finish(self, twin: TwinState, case, staff, plan: _Plan, now: datetime) -> list[Event]:
        """After the work: resolved, or the worker is free while another department finishes (协调), then resolved."""
        if now < plan.worked_at:
            return []
        events: list[Event] = []
        if plan.resolve_at is None:
            plan.resolve_at = plan.worked_at
            if plan.coordination:
                plan.resolve_at += self._minutes("coordination", plan.worked_at, risk=case.risk.value,
                                                 category=case.category)
                self._waiting[case.id] = staff.id
                events += self._free_if_only_waiting(staff, case.id, plan.worked_at)
        if now < plan.resolve_at:
            return events
        self._waiting.pop(case.id, None)
        events.append(CaseResolved(plan.resolve_at, case.id, staff.id, "handled"))
        if staff.cases - {case.id}:
            events += self._free_if_only_waiting(staff, case.id, plan.resolve_at)
        return events

    def _free_if_only_waiting(self, staff, case_id: str, at: datetime) -> list[Event]:
        """The worker is available when all their other cases wait for a department (the twin keeps those on them)."""
        if staff.status is StaffStatus.OFF_DUTY or not (staff.cases - {case_id}) <= self._waiting.keys():
            return []
        return [StaffStatusChanged(at, staff.id, StaffStatus.AVAILABLE)]

    def _close(self, case, plan: _Plan, now: datetime) -> list[Event]:
        """The resident sends a resolved case back, or rates it (the stage table's ratings) and it closes, or it closes unrated."""
        resolved = case.resolved_at or now
        if plan.reopen and not plan.again:
            plan.reopen_at = plan.reopen_at or resolved + self._minutes("reopen_after", resolved)
            if now < plan.reopen_at:
                return []
            reopened = CaseReopened(plan.reopen_at, case.id, "resident", REOPEN_REASON)
            self._plans[case.id] = _Plan(route=False, no_visit=False, coordination=False, reopen=False,
                                         rated=plan.rated, again=True)
            return [reopened]
        if plan.close_at is None:
            plan.close_at = resolved + self._minutes("close_rated" if plan.rated else "close_unrated", resolved)
        if now < plan.close_at:
            return []
        if not plan.rated:
            return [CaseClosed(plan.close_at, case.id, "system", NO_FEEDBACK_REASON)]
        late = case.response_late(resolved) or resolved > case.resolve_due
        shares = self.stages.ratings.get(RATINGS[2] if plan.again else RATINGS[1] if late else RATINGS[0])
        rating = int(self._rng.choice(5, p=shares)) + 1 if shares is not None else 5
        return [CaseFeedback(plan.close_at, case.id, rating, rating >= 3, "resident"),
                CaseClosed(plan.close_at, case.id, "system")]

    def _autopilot(self, twin: TwinState, now: datetime) -> list[Event]:
        """Triage and dispatch what the desk has not touched, after the stage table's triage and dispatch times.

        A case the table routes to a department at triage (吹哨报到) goes to the best department team,
        as does a red case nobody else can take; the rest to the dispatch policy's first choice among
        the free :data:`AUTOPILOT_ROLES`.
        """
        events: list[Event] = []
        taken: set[str] = set()
        waiting = [c for c in twin.cases.values() if c.status in (CaseStatus.REPORTED, CaseStatus.TRIAGED)]
        waiting.sort(key=lambda c: (c.risk.priority, c.reported_at))
        for case in waiting:
            plan = self._plan(case)
            if case.status is CaseStatus.REPORTED:
                plan.triage_at = plan.triage_at or case.reported_at + self._minutes(
                    "triage", case.reported_at, source=case.source.value)
                if now >= plan.triage_at:
                    events.append(CaseTriaged(plan.triage_at, case.id, case.category, case.risk, case.owner_level,
                                              "autopilot"))
                continue
            triaged = case.triaged_at or now
            plan.dispatch_at = plan.dispatch_at or triaged + self._minutes("dispatch", triaged, risk=case.risk.value)
            if now < plan.dispatch_at:
                continue
            need = recommender.case_need(twin, case)
            free = [s for s in twin.staff.values() if s.status is StaffStatus.AVAILABLE and s.id not in taken
                    and s.member.kind in AUTOPILOT_ROLES]
            candidates = recommender.candidates(twin, need, free)
            best = None if plan.route else self.policy.best(need, candidates)
            if best is None and (plan.route or case.risk is RiskLevel.RED):
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


    def _vehicle_patrols(self, twin: TwinState, now: datetime, minutes: float) -> list[Event]:
        """Free vehicles wander about where they are parked, as their trackers report (``VehicleMoved``)."""
        free = [r for r in twin.resources.values() if r.resource.kind is ResourceKind.VEHICLE and r.free]
        if not free:
            return []
        rng = self._vehicle_rng
        n = min(len(free), int(rng.poisson(VEHICLE_FIXES_PER_MINUTE * minutes)))
        events: list[Event] = []
        for index in rng.choice(len(free), n, replace=False):
            vehicle = free[int(index)]
            home = vehicle.resource
            step = rng.normal(0, 0.0008, 2)
            lon, lat = vehicle.lon + step[0], vehicle.lat + step[1]
            far = abs(lon - home.lon) > VEHICLE_RANGE_DEG or abs(lat - home.lat) > VEHICLE_RANGE_DEG
            if far or not shapely.contains_xy(self.street.boundary, lon, lat):
                lon, lat = vehicle.lon + (home.lon - vehicle.lon) * 0.5, vehicle.lat + (home.lat - vehicle.lat) * 0.5
            events.append(VehicleMoved(now, vehicle.id, float(lon), float(lat)))
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


def _local_hour(at: datetime) -> float:
    local = at.astimezone(LOCAL_TZ)
    return local.hour + local.minute / 60


def _sensor_rules(street: Street, rules: list[AlarmRule]) -> dict[str, tuple[AlarmRule, list[Sensor]]]:
    """Per category, the quickest reading rule that opens it and the street's sensors it watches.

    Quickest: the shortest ``for_s`` (then fewest readings); no-signal rules are left out.
    """
    chosen: dict[str, tuple[AlarmRule, list[Sensor]]] = {}
    for rule in sorted((r for r in rules if not r.no_signal), key=lambda r: (r.for_s, r.count)):
        if rule.category in chosen:
            continue
        sensors = [s for s in street.sensors
                   if s.kind in rule.kinds and (s.elderly_alone or not rule.elderly_alone_only)]
        if sensors:
            chosen[rule.category] = (rule, sensors)
    return chosen
