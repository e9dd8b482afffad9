"""The abstract queue: classes of cases, groups of interchangeable people, no geography.

Time is in minutes from local midnight of the scenario's start date. Arrivals stop at the horizon
and the loop then drains: every case that arrived is served, so per-case waits are never censored.
The loop, the staff and the waiting cases are the engine core's (:mod:`simulation.core`); this
model draws the cases and says what each needs.

Dispatch decisions come from ``cockpit.dispatch`` unchanged: ``policy.rank`` chooses the person
for a case that finds someone free, ``policy.queue_key`` orders the waiting cases. Every case of a
class looks the same to ``rank`` apart from its id and report time, so the engine memoises the
ranking per (class, candidates); ``memo=False`` calls the policy for every case instead and gives
identical records for every policy in ``cockpit.dispatch.POLICIES`` (a test checks it).

One group on duty round the clock that may take every class is the plain multi-class M/M/c (or
M/G/c) queue; it runs in a loop of its own (:meth:`Engine.run` with ``fast=True``), which a test
pins to the core's loop case by case.
"""

from __future__ import annotations

import math
from dataclasses import fields
from heapq import heappop, heappush

import numpy as np

from cockpit.dispatch import CaseNeed, get_policy
from cockpit.vocabulary.domain import RiskLevel
from simulation.core import Core, float_array, int_array, new_need
from simulation.model import ArrivalClass, Person
from simulation.record import RunRecord
from simulation.scenario import Scenario
from simulation.shifts import MINUTES_PER_HOUR
from simulation.staffing import group_roster
from simulation.streams import stream

_NEED_FIELDS = tuple(f.name for f in fields(CaseNeed))
_NEED_ID = _NEED_FIELDS.index("case_id")
_NEED_AT = _NEED_FIELDS.index("reported_at")
_ID_WIDTH_LIMIT = 10**7
"""Case ids are ``f"c{i:07d}"``: below this many cases they sort as their integer ``i``."""


def arrival_times(arrival: ArrivalClass, rng: np.random.Generator, horizon_minutes: float, start,
                  day_factors: np.ndarray | None = None, hour_factors: np.ndarray | None = None) -> np.ndarray:
    """Poisson arrival times (minutes) of one class in [0, horizon) from local midnight of ``start``.

    A unit-rate Poisson process is mapped through the inverse of the cumulative rate, so a scenario
    with a different rate or profile but the same stream moves the same arrivals in time instead of
    drawing new ones (common random numbers). ``day_factors`` multiply each day's rates (the demand
    model's busy and quiet days), ``hour_factors`` each hour's (a surge).
    """
    hours = math.ceil(horizon_minutes / MINUTES_PER_HOUR)
    constant = arrival.constant_rate and day_factors is None and hour_factors is None
    if constant:
        total = arrival.rate_per_hour * horizon_minutes / MINUTES_PER_HOUR
    else:
        rate = arrival.rate_by_hour(hours, start)
        if day_factors is not None:
            rate = rate * day_factors[np.arange(hours) // 24]
        if hour_factors is not None:
            rate = rate * hour_factors[:hours]
        knots = np.concatenate(([0.0], np.cumsum(rate)))
        total = float(np.interp(horizon_minutes / MINUTES_PER_HOUR, np.arange(hours + 1), knots))
    chunks = [rng.standard_exponential(int(total + 6 * math.sqrt(total) + 16))]
    unit = np.cumsum(chunks[0])
    while unit[-1] <= total:
        more = rng.standard_exponential(int(math.sqrt(total) + 16))
        unit = np.concatenate((unit, unit[-1] + np.cumsum(more)))
    unit = unit[unit < total]
    if constant:
        return unit * (MINUTES_PER_HOUR / arrival.rate_per_hour)
    # Inside an hour of zero rate the inverse is undefined: keep only the knots that bound a rising
    # hour, so that a flat stretch is jumped over instead of spread across.
    rising = np.diff(knots) > 0
    keep = np.concatenate(([False], rising)) | np.concatenate((rising, [False]))
    return np.interp(unit, knots[keep], np.arange(hours + 1, dtype=float)[keep]) * MINUTES_PER_HOUR


class Engine(Core):
    """One replication of an abstract scenario: its cases and people on the engine core.

    Parameters
    ----------
    scenario
        The validated scenario (``street = "none"``).
    seed, replication
        Select the random streams (see :func:`simulation.streams.stream`).
    memo
        Memoise ``policy.rank`` per (class, candidates) (see the module notes).
    fast
        Run a plain M/M/c scenario in its own loop (the same records as the core's loop).
    """

    def __init__(self, scenario: Scenario, seed: int, replication: int = 0, *, memo: bool = True,
                 fast: bool = True) -> None:
        self.scenario = scenario
        self.seed = seed
        self.replication = replication
        self.horizon = scenario.horizon_hours * MINUTES_PER_HOUR
        super().__init__(_roster(scenario), dict(scenario.shifts), get_policy(scenario.policy), travel=False)
        self.memo = {} if memo else None
        self._draw()
        self._need_templates = []
        for arrival in scenario.arrivals:
            template = CaseNeed("", arrival.priority, 0.0, arrival.skill, arrival.department)
            self._need_templates.append([getattr(template, name) for name in _NEED_FIELDS])
        # Who may take what comes from the policy itself: whoever its rank accepts for a class.
        self.people_mask = [
            np.array([bool(self.policy.rank(self._probe(k), [self.candidate(s)])) for s in range(len(self.roster))],
                     dtype=bool)
            for k in range(len(scenario.arrivals))
        ]
        self.fast = fast and len(scenario.staff) == 1 and not scenario.staff[0].shift and all(
            mask.all() for mask in self.people_mask)

    def _draw(self) -> None:
        sc = self.scenario
        times, classes, services = [], [], []
        for k, arrival in enumerate(sc.arrivals):
            rng = stream(self.seed, self.replication, "arrivals", arrival.name)
            t = arrival_times(arrival, rng, self.horizon, sc.start)
            times.append(t)
            classes.append(np.full(len(t), k, dtype=np.int64))
            rng = stream(self.seed, self.replication, "service", arrival.name)
            services.append(arrival.service.sample(rng, len(t)))
        t = np.concatenate(times)
        order = np.argsort(t, kind="stable")
        self.arrival = t[order]
        self.ready = self.arrival
        self._arrival_list = self.arrival.tolist()
        self.cls = np.concatenate(classes)[order]
        self.service = np.concatenate(services)[order]
        self.kind_of = self.cls.tolist()

    def _probe(self, k: int) -> CaseNeed:
        arrival = self.scenario.arrivals[k]
        return CaseNeed("probe", arrival.priority, 0.0, arrival.skill, arrival.department)

    def need(self, i: int) -> CaseNeed:
        """The policy's view of case ``i``."""
        values = self._need_templates[self.kind_of[i]]
        values[_NEED_ID] = f"c{i:07d}"
        values[_NEED_AT] = self._arrival_list[i]
        return new_need(*values)

    def run(self) -> RunRecord:
        """Run the replication to the horizon, drain the open cases, and return the records."""
        if self.fast:
            events = self._run_fast()
        else:
            self.open_books()
            self.start_shifts(0.0)
            events = self.loop()
        sc = self.scenario
        start = float_array(self.start)
        risks = tuple(a.name if a.name in RiskLevel.__members__.values() else None for a in sc.arrivals)
        return RunRecord(
            scenario=sc.name,
            replication=self.replication,
            start_date=sc.start,
            class_names=tuple(a.name for a in sc.arrivals),
            risks=risks,
            priorities=tuple(a.priority for a in sc.arrivals),
            response_target_minutes=sc.response_target_minutes,
            arrival=self.arrival,
            ready=self.ready,
            cls=self.cls,
            service=self.service,
            start=start,
            on_scene=start.copy(),
            end=float_array(self.end),
            staff=int_array(self.who),
            staff_ids=self.staff_ids,
            daily_hours=self.daily_hours(),
            duty=self.duty_by_hour(self.horizon),
            warmup_minutes=sc.warmup_hours * MINUTES_PER_HOUR,
            horizon_minutes=self.horizon,
            events=events,
        )

    def _run_fast(self) -> int:
        """One group on duty round the clock, everyone qualified: the multi-class M/M/c (or M/G/c) loop.

        The heap holds ``(time, case)`` resolutions; the pre-drawn arrivals are a sorted calendar
        merged with it in time order (a resolution at the same instant as an arrival goes first).
        People are interchangeable but for their id, and every shipped policy breaks ties by id, so
        a case that finds someone free gets the policy's choice among the lowest-id free person.
        """
        arrival = self.arrival.tolist()
        arrival.append(math.inf)
        service = self.service.tolist()
        n = len(self.arrival)
        start, end, who = [math.nan] * n, [math.nan] * n, [-1] * n
        self.start, self.end, self.who = start, end, who
        memo_on = self.memo is not None
        queue_key = self.policy.queue_key
        need = self.need
        cls = self.kind_of
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
                        s = row[free[0]] = self.rank_among(i, np.array([free[0]]), self.policy.rank)
                else:
                    s = self.rank_among(i, np.array([free[0]]), self.policy.rank)
                heappop(free)
                start[i] = t
                who[i] = s
                heappush(heap, (t + service[i], i))
            elif prefixes is not None:
                heappush(waiting, prefixes[cls[i]] + (t, i))
            else:
                heappush(waiting, (queue_key(need(i)), i))
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
                key = queue_key(new_need(*probe))
                if not isinstance(key, tuple) or len(key) < 2 or key[-1] is not case_id or key[-2] is not reported:
                    return None
                keys.append(key)
            if keys[0][:-2] != keys[1][:-2]:
                return None
            prefixes.append(keys[0][:-2])
        if len({len(p) for p in prefixes}) != 1:
            return None
        return prefixes


def _roster(scenario: Scenario) -> list[Person]:
    """The people of the scenario's groups, in id order (``s0001``... for a plain count)."""
    return group_roster(scenario.staff)
