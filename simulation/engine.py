"""The discrete-event engine: one heap of timed events, staff pools, and the cockpit's dispatch policy.

Time is in minutes from local midnight of the scenario's start date. All random draws are made
before the event loop from named streams (:mod:`simulation.streams`), so that the loop itself is
deterministic and the same seed gives bit-identical records. Arrivals stop at the horizon and the
loop then drains: every case that arrived is served, so per-case waits are never censored.

Dispatch decisions come from ``cockpit.dispatch`` unchanged: ``policy.rank`` chooses the person
for a case that finds someone free, ``policy.queue_key`` orders the waiting cases. Staff of one
group are identical apart from their id and every shipped policy breaks ties by staff id, so the
candidates handed to ``rank`` are the lowest-id free member of each group: the same choice as
over the full list, from a list a few entries long. In an abstract scenario (no street) every case
of a class looks the same to ``rank`` apart from its id and report time, so the engine memoises
the ranking per (class, candidate list); ``memo=False`` calls the policy for every case instead
and gives identical records for every policy in ``cockpit.dispatch.POLICIES`` (a test checks it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from heapq import heappop, heappush

import numpy as np

from cockpit.dispatch import DEFAULT_SPEED_M_PER_MIN, Candidate, CaseNeed, get_policy
from simulation.scenario import ArrivalClass, Scenario
from simulation.streams import stream

_ARRIVAL, _DONE, _SHIFT = 0, 1, 2

_NEED_FIELDS = tuple(f.name for f in fields(CaseNeed))
_NEED_SETTERS = tuple(getattr(getattr(CaseNeed, name, None), "__set__", None) for name in _NEED_FIELDS)
_NEED_ID = _NEED_FIELDS.index("case_id")
_NEED_AT = _NEED_FIELDS.index("reported_at")
_ID_WIDTH_LIMIT = 10**7
"""Case ids are ``f"c{i:07d}"``: below this many cases they sort as their integer ``i``."""


def build_need(values: list) -> CaseNeed:
    """A :class:`CaseNeed` from its field values in declaration order.

    Equal to ``CaseNeed(*values)``. A frozen dataclass's ``__init__`` assigns each field through
    ``object.__setattr__``, which is most of the cost of a waiting case in the M/M/c loop, so the
    slots are filled directly when ``CaseNeed`` has them (it is a ``slots=True`` dataclass).
    """
    if None in _NEED_SETTERS:
        return CaseNeed(*values)
    need = object.__new__(CaseNeed)
    for setter, value in zip(_NEED_SETTERS, values):
        setter(need, value)
    return need


@dataclass(frozen=True)
class RunRecord:
    """Everything one replication produced, as arrays indexed by case (in arrival order).

    ``start`` is when a staff member started on the case (dispatch), ``on_scene`` when they
    arrived, ``end`` when the case was resolved. ``duty`` is the number of staff on duty in each
    hour of the horizon; ``events`` counts the events the loop processed.

    Street runs also fill the per-case ``escalations`` (owner-level steps), ``whistle`` (handled by
    a department team), ``category`` (index into ``category_names``), ``grid`` (general grid,
    index into ``grid_ids``), ``source`` (a :class:`cockpit.vocabulary.domain.Source` value) and ``carried``
    (open at the start state, never counted in KPIs); abstract runs leave them None.
    """

    scenario: str
    replication: int
    class_names: tuple[str, ...]
    priorities: tuple[int, ...]
    deadlines_minutes: tuple[float, ...]
    response_target_minutes: float
    arrival: np.ndarray
    cls: np.ndarray
    service: np.ndarray
    start: np.ndarray
    on_scene: np.ndarray
    end: np.ndarray
    staff: np.ndarray
    staff_ids: tuple[str, ...]
    duty: np.ndarray
    warmup_minutes: float
    horizon_minutes: float
    events: int
    escalations: np.ndarray | None = None
    whistle: np.ndarray | None = None
    category: np.ndarray | None = None
    category_names: tuple[str, ...] = ()
    grid: np.ndarray | None = None
    grid_ids: tuple[str, ...] = ()
    source: np.ndarray | None = None
    carried: np.ndarray | None = None


def arrival_times(arrival: ArrivalClass, rng: np.random.Generator, horizon_minutes: float, start_weekday: int) -> np.ndarray:
    """Poisson arrival times (minutes) of one class in [0, horizon).

    A unit-rate Poisson process is mapped through the inverse of the cumulative rate, so a scenario
    with a different rate or profile but the same stream moves the same arrivals in time instead of
    drawing new ones (common random numbers).
    """
    hours = math.ceil(horizon_minutes / 60)
    if arrival.constant_rate:
        total = arrival.rate_per_hour * horizon_minutes / 60
    else:
        rate = arrival.rate_by_hour(hours, start_weekday)
        knots = np.concatenate(([0.0], np.cumsum(rate)))
        total = float(np.interp(horizon_minutes / 60, np.arange(hours + 1), knots))
    chunks = [rng.standard_exponential(int(total + 6 * math.sqrt(total) + 16))]
    unit = np.cumsum(chunks[0])
    while unit[-1] <= total:
        more = rng.standard_exponential(int(math.sqrt(total) + 16))
        unit = np.concatenate((unit, unit[-1] + np.cumsum(more)))
    unit = unit[unit < total]
    if arrival.constant_rate:
        return unit * (60.0 / arrival.rate_per_hour)
    # Inside an hour of zero rate the inverse is undefined: keep only the knots that bound a rising
    # hour, so that a flat stretch is jumped over instead of spread across.
    rising = np.diff(knots) > 0
    keep = np.concatenate(([False], rising)) | np.concatenate((rising, [False]))
    return np.interp(unit, knots[keep], np.arange(hours + 1, dtype=float)[keep]) * 60.0


class Engine:
    """One replication of a scenario: owns the event heap, the staff pools and the waiting cases.

    Parameters
    ----------
    scenario
        The validated scenario.
    seed, replication
        Select the random streams (see :func:`simulation.streams.stream`).
    memo
        Memoise ``policy.rank`` per (class, candidates) in abstract scenarios (see the module notes).
    """

    def __init__(self, scenario: Scenario, seed: int, replication: int = 0, *, memo: bool = True) -> None:
        self.scenario = scenario
        self.seed = seed
        self.replication = replication
        self.memo = memo and scenario.street == "none"
        self.policy = get_policy(scenario.policy)
        self.horizon = scenario.horizon_hours * 60.0
        self._draw()
        self._build_staff()

    def _draw(self) -> None:
        sc = self.scenario
        weekday = sc.start.weekday()
        times, classes, services = [], [], []
        for k, arrival in enumerate(sc.arrivals):
            t = arrival_times(arrival, stream(self.seed, self.replication, "arrivals", arrival.name), self.horizon, weekday)
            times.append(t)
            classes.append(np.full(len(t), k, dtype=np.int64))
            services.append(arrival.service.sample(stream(self.seed, self.replication, "service", arrival.name), len(t)))
        t = np.concatenate(times)
        order = np.argsort(t, kind="stable")
        self.arrival = t[order]
        self.cls = np.concatenate(classes)[order]
        self.service = np.concatenate(services)[order]

    def _build_staff(self) -> None:
        sc = self.scenario
        members = []
        for g, group in enumerate(sc.staff):
            for k in range(group.count):
                staff_id = f"s{k + 1:04d}" if group.name == "staff" else f"{group.name}-{k + 1:04d}"
                members.append((staff_id, g))
        members.sort()
        self.staff_ids = tuple(m[0] for m in members)
        self.staff_group = [m[1] for m in members]
        self.candidates = []
        for staff_id, g in members:
            group = sc.staff[g]
            self.candidates.append(
                Candidate(
                    staff_id=staff_id,
                    kind=group.role,
                    skills=group.skills,
                    department=group.department,
                    home_general_grid=group.grid,
                    home_community=group.community,
                    speed_m_per_min=group.speed_m_per_min or DEFAULT_SPEED_M_PER_MIN[group.role],
                )
            )
        self._need_templates = []
        for arrival in sc.arrivals:
            template = CaseNeed("", arrival.priority, 0.0, arrival.skill, arrival.department)
            self._need_templates.append([getattr(template, name) for name in _NEED_FIELDS])
        self.index_of = {staff_id: s for s, staff_id in enumerate(self.staff_ids)}
        self.group_members = [[s for s, g in enumerate(self.staff_group) if g == gi] for gi in range(len(sc.staff))]

    def need(self, i: int, t: float) -> CaseNeed:
        """The policy's view of case ``i``, reported at ``t`` minutes."""
        values = self._need_templates[self._cls[i]]
        values[_NEED_ID] = f"c{i:07d}"
        values[_NEED_AT] = t
        return build_need(values)

    def _choose(self, i: int, t: float, reps: list[int], memo: dict) -> int:
        """Index of the person the policy sends to case ``i`` among ``reps`` (-1: nobody qualified)."""
        if self.memo:
            key = (self._cls[i], *reps)
            chosen = memo.get(key)
            if chosen is not None:
                return chosen
        recs = self.policy.rank(self.need(i, t), [self.candidates[s] for s in reps])
        chosen = self.index_of[recs[0].staff_id] if recs else -1
        if self.memo:
            memo[key] = chosen
        return chosen

    def run(self) -> RunRecord:
        """Run the replication to the horizon, drain the open cases, and return the records."""
        n = len(self.arrival)
        self._cls = self.cls.tolist()
        self._start = [math.nan] * n
        self._end = [math.nan] * n
        self._who = [-1] * n
        sc = self.scenario
        fast = len(sc.staff) == 1 and not sc.staff[0].shift and self._all_qualified()
        events = self._run_fast() if fast else self._run_general()
        start = np.array(self._start)
        return RunRecord(
            scenario=sc.name,
            replication=self.replication,
            class_names=tuple(a.name for a in sc.arrivals),
            priorities=tuple(a.priority for a in sc.arrivals),
            deadlines_minutes=tuple(math.inf if a.deadline_hours is None else a.deadline_hours * 60 for a in sc.arrivals),
            response_target_minutes=sc.response_target_minutes,
            arrival=self.arrival,
            cls=self.cls,
            service=self.service,
            start=start,
            on_scene=start.copy(),
            end=np.array(self._end),
            staff=np.array(self._who, dtype=np.int64),
            staff_ids=self.staff_ids,
            duty=self.duty_by_hour(),
            warmup_minutes=sc.warmup_hours * 60.0,
            horizon_minutes=self.horizon,
            events=events,
        )

    def _all_qualified(self) -> bool:
        """True if the policy lets every group take every class (checked with the policy itself)."""
        for k, arrival in enumerate(self.scenario.arrivals):
            need = CaseNeed("probe", arrival.priority, 0.0, arrival.skill, arrival.department)
            for members in self.group_members:
                if members and not self.policy.rank(need, [self.candidates[members[0]]]):
                    return False
        return True

    def duty_by_hour(self) -> np.ndarray:
        """Staff on duty in each hour of the horizon."""
        hours = math.ceil(self.horizon / 60)
        hour_of_day = np.arange(hours) % 24
        duty = np.zeros(hours)
        for group in self.scenario.staff:
            if group.shift is None:
                duty += group.count
            else:
                duty += group.count * self.scenario.shifts[group.shift].on_duty(hour_of_day)
        return duty

    def _run_fast(self) -> int:
        """One group, no shifts, everyone qualified: the multi-class M/M/c (or M/G/c) loop.

        The heap holds ``(time, case)`` resolutions; the pre-drawn arrivals are a sorted calendar
        merged with it in time order (a resolution at the same instant as an arrival goes first).
        """
        arrival = self.arrival.tolist()
        arrival.append(math.inf)
        service = self.service.tolist()
        start, end, who = self._start, self._end, self._who
        n = len(self.arrival)
        rank_memo: dict = {}
        choose = self._choose
        need = self.need
        queue_key = self.policy.queue_key
        cls = self._cls
        memo_on = self.memo
        prefixes = self.key_prefixes() if memo_on and n < _ID_WIDTH_LIMIT else None
        staff = len(self.staff_ids)
        free = list(range(staff))
        picks = [[-1] * staff for _ in self.scenario.arrivals]
        waiting: list = []
        # A resolution at infinity never fires: the loop ends when it and the next arrival are both infinite.
        heap: list[tuple[float, int]] = [(math.inf, -1)]
        i = 0
        next_arrival = arrival[0]
        while True:
            t, k = heap[0]
            if t <= next_arrival:
                if k < 0:
                    break
                heappop(heap)
                end[k] = t
                s = who[k]
                if waiting:
                    j = heappop(waiting)[-1]
                    start[j] = t
                    who[j] = s
                    heappush(heap, (t + service[j], j))
                else:
                    heappush(free, s)
                continue
            t = next_arrival
            if free:
                if memo_on:
                    row = picks[cls[i]]
                    s = row[free[0]]
                    if s < 0:
                        s = row[free[0]] = choose(i, t, [free[0]], rank_memo)
                else:
                    s = choose(i, t, [free[0]], rank_memo)
                heappop(free)
                start[i] = t
                who[i] = s
                heappush(heap, (t + service[i], i))
            elif prefixes is not None:
                heappush(waiting, prefixes[cls[i]] + (t, i))
            else:
                heappush(waiting, (queue_key(need(i, t)), i))
            i += 1
            next_arrival = arrival[i]
        return 2 * n

    def key_prefixes(self) -> list[tuple] | None:
        """Per class, the constant head of the policy's queue key if the key ends with (report time, case id).

        The policy's ``queue_key`` is probed with two cases of each class that differ only in their
        id and report time. When every class's key is a tuple whose last two elements are exactly
        those values (the very objects passed in) and whose other elements do not change, the key of
        case ``i`` reported at ``t`` is ``head + (t, id)``. The id ``f"c{i:07d}"`` orders exactly as
        the integer ``i`` (fixed width, fewer than 10**7 cases), so the waiting heap holds
        ``head + (t, i)``: the policy's order, without building a :class:`CaseNeed` per waiting
        case. Any other key shape returns None and the loop calls ``queue_key`` for every case.
        """
        queue_key = self.policy.queue_key
        prefixes = []
        for values in self._need_templates:
            keys = []
            for case_id, reported in (("\x00probe-a", float("-1.5")), ("\x00probe-b", float("-2.5"))):
                probe = list(values)
                probe[_NEED_ID] = case_id
                probe[_NEED_AT] = reported
                key = queue_key(build_need(probe))
                if not isinstance(key, tuple) or len(key) < 2 or key[-1] is not case_id or key[-2] is not reported:
                    return None
                keys.append(key)
            if keys[0][:-2] != keys[1][:-2]:
                return None
            prefixes.append(keys[0][:-2])
        if len({len(p) for p in prefixes}) != 1:
            return None
        return prefixes

    def _run_general(self) -> int:
        """Several groups, shifts and partial qualification.

        Event codes are ``4*i`` (arrival), ``4*i + 1`` (resolved) and ``4*g + 2`` (shift change of
        group g). Waiting cases are kept sorted by the policy's queue key; a person who frees up
        takes the first one the policy lets them take.
        """
        sc = self.scenario
        arrival = self.arrival.tolist()
        service = self.service.tolist()
        start, end, who = self._start, self._end, self._who
        n = len(arrival)
        rank_memo: dict = {}
        choose = self._choose
        queue_key = self.policy.queue_key
        groups = len(sc.staff)
        pools: list[list[int]] = [[] for _ in range(groups)]
        on_duty = [True] * groups
        busy = [False] * len(self.staff_ids)
        leaving = [False] * len(self.staff_ids)
        waiting: list[tuple[tuple, int]] = []
        heap: list[tuple[float, int]] = [(arrival[0], 0)] if n else []
        for g, group in enumerate(sc.staff):
            if group.shift is None:
                pools[g] = list(self.group_members[g])
                continue
            shift = sc.shifts[group.shift]
            on_duty[g] = bool(shift.on_duty(np.array([0]))[0])
            if on_duty[g]:
                pools[g] = list(self.group_members[g])
            heappush(heap, (self._next_change(shift, 0.0), 4 * g + 2))
        pending = n
        events = 0

        def take_waiting(s: int, t: float) -> bool:
            for pos, (_, j) in enumerate(waiting):
                if choose(j, arrival[j], [s], rank_memo) == s:
                    del waiting[pos]
                    start[j] = t
                    who[j] = s
                    busy[s] = True
                    heappush(heap, (t + service[j], 4 * j + 1))
                    return True
            return False

        while heap and pending:
            t, code = heappop(heap)
            events += 1
            kind = code & 3
            i = code >> 2
            if kind == _DONE:
                end[i] = t
                pending -= 1
                s = who[i]
                busy[s] = False
                if leaving[s]:
                    leaving[s] = False
                elif not take_waiting(s, t):
                    g = self.staff_group[s]
                    heappush(pools[g], s)
            elif kind == _ARRIVAL:
                if i + 1 < n:
                    heappush(heap, (arrival[i + 1], code + 4))
                reps = [pool[0] for pool in pools if pool]
                s = choose(i, t, reps, rank_memo) if reps else -1
                if s >= 0:
                    heappop(pools[self.staff_group[s]])
                    start[i] = t
                    who[i] = s
                    busy[s] = True
                    heappush(heap, (t + service[i], code | 1))
                else:
                    entry = (queue_key(self.need(i, t)), i)
                    lo, hi = 0, len(waiting)
                    while lo < hi:
                        mid = (lo + hi) // 2
                        if waiting[mid] < entry:
                            lo = mid + 1
                        else:
                            hi = mid
                    waiting.insert(lo, entry)
            else:
                g = i
                shift = sc.shifts[sc.staff[g].shift]
                on_duty[g] = not on_duty[g]
                if on_duty[g]:
                    for s in self.group_members[g]:
                        if busy[s]:
                            leaving[s] = False
                        elif not take_waiting(s, t):
                            heappush(pools[g], s)
                else:
                    pools[g] = []
                    for s in self.group_members[g]:
                        if busy[s]:
                            leaving[s] = True
                heappush(heap, (self._next_change(shift, t), code))
        return events

    @staticmethod
    def _next_change(shift, t: float) -> float:
        """The first shift start or end strictly after ``t`` minutes."""
        day = math.floor(t / 1440)
        candidates = []
        for d in (day, day + 1):
            for hour in (shift.start_hour, shift.end_hour):
                moment = d * 1440 + hour * 60
                if moment > t:
                    candidates.append(moment)
        return float(min(candidates))


def simulate(scenario: Scenario, seed: int, replication: int = 0, *, memo: bool = True) -> RunRecord:
    """Run one replication of ``scenario`` with the streams of ``(seed, replication)``.

    In a street scenario ``memo=False`` hands the policy every free qualified person instead of
    the shortlist that provably holds its first choice (see :mod:`simulation.street_engine`).
    """
    if scenario.street != "none":
        from simulation.street_engine import StreetEngine

        return StreetEngine(scenario, seed, replication, shortlist=memo).run()
    return Engine(scenario, seed, replication, memo=memo).run()
