"""The engine core under both models: one event loop, the staff on duty, and the waiting cases.

The loop is SimPy's ``Environment.step`` spelled out: take the next event (a case becoming ready
for dispatch from the pre-drawn calendar, or a timed event from the heap, a resolution first on a
tie), hand it to its handler method, repeat. All random draws happen before the loop, from named
streams, so the loop is deterministic and the same seed gives identical records.

The core owns the roster's state (on duty, busy, leaving at the end of a shift, free), the daily
shifts that switch people on and off duty, the queue of waiting cases in the policy's
``queue_key`` order, and the choice of a person by the policy's ``rank`` over its own
``shortlist`` of the free qualified people. A model (:mod:`simulation.engine` for the abstract
queue, :mod:`simulation.street_engine` for the street) draws the cases and says what a case needs,
where people travel and what happens when nobody can take a case.
"""

from __future__ import annotations

import gc
import math
from array import array
from bisect import bisect_left, insort
from dataclasses import fields
from heapq import heappop, heappush
from typing import Callable, Sequence

import numpy as np

from cockpit.dispatch import (DETOUR_FACTOR, Candidate, CaseNeed, DispatchPolicy, Pool, home_tiers, near_best,
                              shortlist_by)
from simulation.model import Person
from simulation.shifts import Shift, duty_by_hour

DONE, SHIFT_START, SHIFT_END, ESCALATE, REOPEN = 1, 2, 3, 4, 5
"""Kinds of timed event; an event's code is ``(index << 3) | kind``."""


def fast_constructor(cls: type) -> Callable:
    """A function equal to ``cls(*values)`` (every field given, in order) for a frozen slots dataclass.

    A frozen dataclass's ``__init__`` assigns each field through ``object.__setattr__``, which is
    most of the cost of the policy's views the loop builds for every case, so the slots are filled
    directly; a class without slots gets ``cls`` itself.
    """
    setters = tuple(getattr(getattr(cls, f.name, None), "__set__", None) for f in fields(cls))
    if None in setters:
        return cls
    new = object.__new__

    def make(*values):
        value = new(cls)
        for setter, field_value in zip(setters, values):
            setter(value, field_value)
        return value

    return make


_FEW = 16
"""Up to this many people of a home tier are looked at one by one; more, with numpy."""


def unknown_times(n: int) -> array:
    """``n`` per-case times, none known yet (NaN), for the loop to fill in.

    Raw doubles rather than a list: a stored time is then 8 bytes, not a float object, which
    over a year's cases spares tens of megabytes of fresh memory, and :func:`float_array` reads
    the books without a copy.
    """
    return array("d", (math.nan,)) * n


def nobody_yet(n: int) -> array:
    """``n`` per-case people, none assigned yet (-1), as raw integers (see :func:`unknown_times`)."""
    return array("q", (-1,)) * n


def float_array(values: array | list[float]) -> np.ndarray:
    """The loop's per-case floats as a numpy array, bit for bit.

    Books from :func:`unknown_times` are read in place (the record takes them over: a replication
    is run once); a list goes through an ``array.array``, which reads each float as it is, where
    ``np.array`` looks at every element to find the type first and takes three times as long.
    """
    return np.frombuffer(values if values.__class__ is array else array("d", values))


def int_array(values: array | list[int]) -> np.ndarray:
    """The loop's per-case integers as an int64 array (see :func:`float_array`)."""
    return np.frombuffer(values if values.__class__ is array else array("q", values), dtype=np.int64)


new_need = fast_constructor(CaseNeed)
new_candidate = fast_constructor(Candidate)


class Core:
    """One replication's event loop, staff and waiting cases; a model subclasses it.

    Owns the event heap, the per-person state, the per-case times (``start``, ``scene``, ``end``,
    ``who``) and the waiting queue. Emits nothing; :meth:`loop` returns the events processed.

    A model sets, before :meth:`loop`: ``arrival``, ``ready``, ``service`` (per case),
    ``kind_of`` (per case, an index into ``people_mask``), ``people_mask`` (per kind, who may take
    such a case), and overrides :meth:`need`, and where it has travel or escalation, the hooks.
    """

    def __init__(self, roster: Sequence[Person], shifts: dict[str, Shift], policy: DispatchPolicy,
                 travel: bool, shortlist: bool = True) -> None:
        self.roster = tuple(roster)
        self.shifts = shifts
        self.policy = policy
        self.travel = travel
        self.use_shortlist = shortlist and policy.shortlist is not None
        self._rank, self._shortlist = policy.rank, policy.shortlist if self.use_shortlist else None
        self._by_tier = getattr(self._shortlist, "keys", ())[:1] == ("home_tier",)
        # Among people of one home tier the policy's shortlist keeps all at its first step, so
        # the shortlist of its other keys gives the same people.
        rest = self._shortlist.keys[1:] if self._by_tier else ()
        self._within_tier = shortlist_by(*rest) if rest else None
        n = len(self.roster)
        self.staff_ids = tuple(p.staff_id for p in self.roster)
        self.index_of = {p.staff_id: s for s, p in enumerate(self.roster)}
        self.is_department = np.array([p.kind.value == "department" for p in self.roster], dtype=bool)
        self.base_x = np.array([np.nan if p.x is None else p.x for p in self.roster], dtype=float)
        self.base_y = np.array([np.nan if p.y is None else p.y for p in self.roster], dtype=float)
        self.speed = np.array([p.speed_m_per_min for p in self.roster], dtype=float)
        # Areas as integer codes (one per id seen), so home tiers compare integers.
        self.area_code: dict[str, int] = {}
        self.home_grid = np.array([self.code(p.general_grid) for p in self.roster], dtype=np.int64)
        self.home_community = np.array([self.code(p.community) for p in self.roster], dtype=np.int64)
        self._tiers: dict[tuple, np.ndarray] = {}
        self._buckets: dict[tuple, tuple] = {}
        self._admitted: dict[int, bytes] = {}
        self.shift_ids = tuple(shifts)
        self.members = {h: [s for s, p in enumerate(self.roster) if p.shift_id == h] for h in self.shift_ids}
        # Who is free, as bytes the loop reads one by one and, through the same memory, as a numpy mask.
        self.is_free = bytearray(n)
        self.free = np.frombuffer(self.is_free, dtype=bool)
        self.busy = [False] * n
        self.leaving = [False] * n
        self.on_duty = [False] * n
        # Where everybody is as x + iy: ``where_at`` for the loop, the array (``x`` and ``y`` are
        # views of it) for numpy, brought up to date by :meth:`positions` when people have moved.
        self.where = np.empty(n, dtype=complex)
        self.x, self.y = self.where.real, self.where.imag
        self.x[:], self.y[:] = self.base_x, self.base_y
        self.base_where = self.where.tolist()
        self.pace = DETOUR_FACTOR / self.speed
        self.where_at = self.where.tolist()
        self._moved = False
        self.pace_of = self.pace.tolist()
        self.unplaced = bool(np.isnan(self.where).any())
        self.heap: list[tuple[float, int]] = []
        # The waiting cases in the policy's order, one queue per kind; ``keys`` holds every waiting case.
        self.queues: list[list[tuple[tuple, int]]] = []
        self.keys: dict[int, tuple] = {}
        self.memo: dict | None = None

    # ------------------------------------------------------------ the roster's day

    def duty_by_hour(self, horizon_minutes: float, role: str | None = None) -> np.ndarray:
        """People (of ``role``, a staff kind's value; None: everybody) on duty in each hour to ``horizon_minutes``."""
        return duty_by_hour((self.shifts.get(p.shift_id) for p in self.roster if role is None or p.kind.value == role),
                            horizon_minutes)

    def duty_by_role(self, horizon_minutes: float) -> dict[str, np.ndarray]:
        """:meth:`duty_by_hour` of each staff kind on the roster, by the kind's value."""
        return {role: self.duty_by_hour(horizon_minutes, role) for role in sorted({p.kind.value for p in self.roster})}

    def daily_hours(self) -> tuple[float, ...]:
        """Each person's hours on duty a day (24 round the clock)."""
        return tuple(24.0 if p.shift_id is None else float(self.shifts[p.shift_id].hourly_share().sum())
                     for p in self.roster)

    def start_shifts(self, t0: float) -> None:
        """Put on duty whoever works at ``t0`` and schedule every shift's next start and end."""
        for s, person in enumerate(self.roster):
            on = person.shift_id is None or self.shifts[person.shift_id].covers(t0)
            self.on_duty[s] = self.is_free[s] = on
        for h, shift in enumerate(self.shifts.values()):
            heappush(self.heap, (shift.next_start(t0), (h << 3) | SHIFT_START))
            heappush(self.heap, (shift.next_end(t0), (h << 3) | SHIFT_END))

    # ------------------------------------------------------------ the loop

    def open_books(self) -> None:
        """Empty per-case times for the cases drawn (before the loop, or before a start state's cases begin)."""
        n = len(self.arrival)
        self.start = unknown_times(n)
        self.scene = unknown_times(n)
        self.end = unknown_times(n)
        self.who = nobody_yet(n)
        self.pending = n
        self.queues = [[] for _ in self.people_mask]
        self.takes = [self.kinds_taken_by(s) for s in range(len(self.roster))]
        self.kind_decides = [self.by_kind_alone(s) for s in range(len(self.roster))]
        self.service_of = self.service.tolist()

    def loop(self, cutoff: float = math.inf) -> int:
        """Run until every case is resolved (or the next event is after ``cutoff``); the events processed."""
        # The loop makes no reference cycles, but its many small tuples would set off the cyclic
        # collector thousands of times (a few per cent of the run).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._events(cutoff)
        finally:
            if collecting:
                gc.enable()

    def _events(self, cutoff: float) -> int:
        ready = self.ready.tolist()
        # The calendar ends with -1, which reads the infinite time appended to ``ready``.
        ready.append(math.inf)
        calendar = self.calendar()
        calendar.append(-1)
        position = popped = 0
        on_ready = self.on_ready
        handlers = (None, self.on_done, self.on_shift_start, self.on_shift_end, self.on_escalate, self.on_reopen)
        heap = self.heap
        next_i = calendar[0]
        next_ready = ready[next_i]
        while self.pending:
            if heap and heap[0][0] <= next_ready:
                t, code = heappop(heap)
                if t > cutoff:
                    break
                popped += 1
                handlers[code & 7](code >> 3, t)
            elif next_i >= 0:
                on_ready(next_i, next_ready)
                position += 1
                next_i = calendar[position]
                next_ready = ready[next_i]
            else:
                break
        return position + popped

    def calendar(self) -> list[int]:
        """The cases in the order they become ready for dispatch (a model may leave some out)."""
        return np.argsort(self.ready, kind="stable").tolist()

    # ------------------------------------------------------------ handlers

    def on_ready(self, i: int, t: float) -> None:
        """Case ``i`` can be dispatched: to the model's first choice, or it waits."""
        s = self.first_choice(i)
        if s < 0:
            s = self.nobody(i, t)
        if s >= 0:
            self.begin(i, s, t)
        else:
            self.wait(i, t)

    def on_done(self, i: int, t: float) -> None:
        """Case ``i`` is resolved: its person takes the next waiting case they may, or frees up."""
        self.end[i] = t
        self.pending -= 1
        self.release(i, self.who[i], t)

    def release(self, i: int, s: int, t: float) -> None:
        """Person ``s`` is done with case ``i``: they leave if their shift ended, else take a waiting case or free up."""
        self.busy[s] = False
        self.finished(i, s)
        if self.leaving[s]:
            self.leaving[s] = False
        elif not (self.keys and self.take_waiting(s, t)):
            self.is_free[s] = True

    def on_shift_start(self, h: int, t: float) -> None:
        """People of the shift come on duty; the busy ones stay on; the others take waiting cases."""
        shift = self.shifts[self.shift_ids[h]]
        for s in self.members[self.shift_ids[h]]:
            self.on_duty[s] = True
            if self.busy[s]:
                self.leaving[s] = False
                continue
            self.came_on_duty(s)
            if not (self.keys and self.take_waiting(s, t)):
                self.is_free[s] = True
        heappush(self.heap, (shift.next_start(t), (h << 3) | SHIFT_START))

    def on_shift_end(self, h: int, t: float) -> None:
        """People of the shift go off duty; whoever is busy finishes the case first (non-preemptive)."""
        shift = self.shifts[self.shift_ids[h]]
        for s in self.members[self.shift_ids[h]]:
            self.on_duty[s] = False
            if self.busy[s]:
                self.leaving[s] = True
            else:
                self.is_free[s] = False
        heappush(self.heap, (shift.next_end(t), (h << 3) | SHIFT_END))

    def on_escalate(self, i: int, t: float) -> None:
        """A model with escalation overrides this."""
        raise NotImplementedError

    def on_reopen(self, i: int, t: float) -> None:
        """A model whose cases can be reopened overrides this."""
        raise NotImplementedError

    # ------------------------------------------------------------ dispatch

    def begin(self, i: int, s: int, t: float, on_scene_at: float | None = None) -> None:
        """Send ``s`` to case ``i`` at ``t``; ``on_scene_at`` if they are already there."""
        self.start[i] = t
        self.who[i] = s
        self.busy[s] = True
        self.is_free[s] = False
        scene = self.trip_end(i, s, t) if on_scene_at is None else on_scene_at
        self.scene[i] = scene
        heappush(self.heap, (max(t, scene) + self.service_of[i], (i << 3) | DONE))

    def first_choice(self, i: int) -> int:
        """Who goes to case ``i`` when it becomes ready: the policy's choice (a model may ask others first)."""
        return self.choose(i)

    def choose(self, i: int) -> int:
        """The person the policy sends to case ``i`` among the free qualified people (-1: nobody).

        A shortlist whose first key is the home tier keeps exactly the free people of the best
        tier holding any (the people at the best value of an integer key), so it is handed only
        them. A few people are looked at one by one, many with numpy: each is the cheaper there.
        """
        if self._by_tier:
            free = self.is_free
            for people, rows in self.choice_buckets(i):
                if rows is not None:
                    idx = rows[self.free[rows]].tolist()
                elif len(people) == 1:
                    if free[people[0]]:
                        return people[0]
                    continue
                else:
                    idx = [s for s in people if free[s]]
                if idx:
                    return idx[0] if len(idx) == 1 else self.rank_among(i, idx, self._rank, self._within_tier)
            return -1
        mask = self.people_mask[self.kind_of[i]]
        return self.rank_among(i, (self.free & mask).nonzero()[0], self._rank, self._shortlist)

    def choice_buckets(self, i: int) -> tuple:
        """:meth:`qualified_buckets` of case ``i``."""
        need = self.need(i)
        return self.qualified_buckets(need.general_grid, need.community, self.kind_of[i])

    def qualified_buckets(self, grid: str | None, community: str | None, kind: int) -> tuple:
        """The people ``people_mask[kind]`` admits for a case in ``grid`` and ``community``, by home tier (0, 1, 2).

        Per tier the people as a list and, for many, also as an array; computed once per place and kind.
        """
        # Kinds that admit the same people share their buckets.
        admitted = self._admitted.get(kind)
        if admitted is None:
            admitted = self._admitted[kind] = self.people_mask[kind].tobytes()
        key = (grid, community, admitted)
        buckets = self._buckets.get(key)
        if buckets is None:
            tiers, mask = self.tiers(grid, community), self.people_mask[kind]
            buckets = []
            for tier in (0, 1, 2):
                rows = ((tiers == tier) & mask).nonzero()[0]
                buckets.append((rows.tolist(), rows if rows.size > _FEW else None))
            buckets = self._buckets[key] = tuple(buckets)
        return buckets

    def rank_among(self, i: int, idx: np.ndarray | list[int], rank, shortlist=None) -> int:
        """``rank``'s first choice for case ``i`` among the people ``idx``, or among ``shortlist``'s pick of them.

        ``idx`` holds only people the model's masks admit for the case, and the masks are the
        policy's own test (``cockpit.dispatch.qualified``), so ``rank`` keeps every one of them; a
        shortlist holds ``rank``'s first choice (a test checks each against its ``rank``), so a
        shortlist of one is that choice and ``rank`` need not be asked.
        """
        if not len(idx):
            return -1
        if shortlist is not None:
            if len(idx) == 1:
                return int(idx[0])
            if idx.__class__ is list and shortlist.keys[0] == "eta":
                s = self.nearest_few(i, idx)
                if s >= 0:
                    return s
        idx = np.asarray(idx)
        if shortlist is not None:
            chosen = shortlist(self.pool(i, idx))
            if len(chosen) == 1:
                return int(idx[chosen[0]])
            idx = idx[chosen]
        need = self.need(i)
        if self.memo is not None:
            key = (self.kind_of[i], *idx.tolist())
            chosen = self.memo.get(key)
            if chosen is None:
                chosen = self.memo[key] = self._ranked(need, idx, rank)
            return chosen
        return self._ranked(need, idx, rank)

    def nearest_few(self, i: int, idx: list[int]) -> int:
        """The one person of ``idx`` nearest case ``i`` by travel time, or -1 if the shortlist would keep several.

        The first step of a shortlist whose first key is the travel time (``cockpit.dispatch.near_best``)
        for a handful of people, in plain Python: a unique nearest person is the policy's choice.
        """
        where = self.case_point(i)
        if where is None or not self.travel:
            return -1
        at, pace = self.where_at, self.pace_of
        etas = [abs(at[s] - where) * pace[s] for s in idx]
        if self.unplaced:
            # Somebody without a position is 0 minutes away, as in the policy's own figure.
            etas = [e if e == e else 0.0 for e in etas]
        ordered = sorted(etas)
        # Unique when the second nearest is beyond the shortlist's reach (never with a NaN).
        return idx[etas.index(ordered[0])] if ordered[1] > near_best(ordered[0]) else -1

    def _ranked(self, need: CaseNeed, idx: np.ndarray, rank) -> int:
        recs = rank(need, [self.candidate(s) for s in idx.tolist()])
        return self.index_of[recs[0].staff_id] if recs else -1

    def tiers(self, grid: str | None, community: str | None) -> np.ndarray:
        """Everybody's home tier for a case in ``grid`` and ``community`` (computed once per place)."""
        key = (grid, community)
        tiers = self._tiers.get(key)
        if tiers is None:
            tiers = self._tiers[key] = home_tiers(self.home_grid, self.home_community,
                                                  self.area_code.get(grid, -2), self.area_code.get(community, -2))
        return tiers

    def code(self, area: str | None) -> int:
        """The integer code of an area id (-1 for none)."""
        if area is None:
            return -1
        return self.area_code.setdefault(area, len(self.area_code))

    def pool(self, i: int, idx: np.ndarray) -> Pool:
        """The policy's view of the people ``idx`` for case ``i`` (free people have no workload).

        Travel times are :func:`cockpit.dispatch.eta_minutes_many`'s up to rounding (distance by
        complex absolute value, times minutes per metre): a shortlist keeps everybody within
        ``ROUNDING`` of the best for ``rank`` to order, so a last-bit difference never changes a choice.
        """
        where, tiers = self.whereabouts(i)

        def eta() -> np.ndarray:
            if self.travel and where is not None:
                minutes = abs(self.positions()[idx] - where) * self.pace[idx]
                # Somebody without a position is 0 minutes away, as in the policy's own figure.
                return np.fmax(minutes, 0.0) if self.unplaced else minutes
            return np.zeros(idx.size)

        return Pool(eta, lambda: np.zeros(idx.size, dtype=np.int64), lambda: tiers[idx])

    def whereabouts(self, i: int) -> tuple[complex | None, np.ndarray]:
        """Where case ``i`` is (x + iy metres, None without geography) and everybody's home tier for it."""
        need = self.need(i)
        return self.case_point(i), self.tiers(need.general_grid, need.community)

    def case_point(self, i: int) -> complex | None:
        """Where case ``i`` is as x + iy metres (None without geography)."""
        need = self.need(i)
        return None if need.x is None or need.y is None else complex(need.x, need.y)

    def move(self, s: int, where: complex) -> None:
        """Person ``s`` is now at ``where`` (x + iy metres)."""
        self.where_at[s] = where
        self._moved = True

    def positions(self) -> np.ndarray:
        """Where everybody is, as an array of x + iy metres."""
        if self._moved:
            self.where[:] = self.where_at
            self._moved = False
        return self.where

    def candidate(self, s: int) -> Candidate:
        p = self.roster[s]
        where = self.where_at[s]
        located = self.travel and not math.isnan(where.real)
        return new_candidate(p.staff_id, p.kind, p.skills, p.department,
                             where.real if located else None, where.imag if located else None,
                             p.general_grid, p.community, True, 0, p.speed_m_per_min, None)

    # ------------------------------------------------------------ the waiting queue

    def wait(self, i: int, t: float) -> None:
        """Case ``i`` joins the queue in the policy's order."""
        key = self.policy.queue_key(self.need(i))
        self.keys[i] = key
        insort(self.queues[self.kind_of[i]], (key, i))

    def unwait(self, i: int) -> None:
        """Take case ``i`` out of the queue (someone came for it outside the queue's order)."""
        queue = self.queues[self.kind_of[i]]
        queue.pop(bisect_left(queue, (self.keys.pop(i), i)))

    def take_waiting(self, s: int, t: float) -> bool:
        """``s`` takes the first waiting case, in the policy's order, that they may take; False if there is none.

        Only the queues of the kinds ``s`` takes are read, each up to its first case ``s`` may take
        or past the best one found so far: a queue's order is the whole queue's order among its cases.
        """
        best = None
        queues, whole_kinds = self.queues, self.kind_decides[s]
        for kind in self.takes[s]:
            queue = queues[kind]
            if whole_kinds:
                if queue and (best is None or queue[0] < best[0]):
                    best = queue[0], kind, 0
                continue
            for pos, entry in enumerate(queue):
                if best is not None and entry > best[0]:
                    break
                if self.can_take(s, entry[1]):
                    best = entry, kind, pos
                    break
        if best is None:
            return False
        (_, j), kind, pos = best
        del self.queues[kind][pos]
        del self.keys[j]
        self.begin(j, s, t)
        return True

    # ------------------------------------------------------------ what a model says

    def need(self, i: int) -> CaseNeed:
        """The policy's view of case ``i``."""
        raise NotImplementedError

    def can_take(self, s: int, j: int) -> bool:
        """Whether ``s`` may take waiting case ``j`` (only asked for a case of a kind in ``kinds_taken_by(s)``)."""
        return bool(self.people_mask[self.kind_of[j]][s])

    def kinds_taken_by(self, s: int) -> list[int]:
        """The kinds of case ``s`` may take at all (their queues are the ones ``s`` reads)."""
        return [kind for kind, mask in enumerate(self.people_mask) if mask[s]]

    def by_kind_alone(self, s: int) -> bool:
        """Whether ``s`` may take every case of the kinds they take (else :meth:`can_take` is asked case by case)."""
        return True

    def nobody(self, i: int, t: float) -> int:
        """Who takes case ``i`` when no qualified person is free (-1: it waits)."""
        return -1

    def trip_end(self, i: int, s: int, t: float) -> float:
        """When ``s``, sent at ``t``, reaches case ``i`` (at once without travel)."""
        return t

    def finished(self, i: int, s: int) -> None:
        """``s`` has resolved case ``i`` (a model with places moves them there)."""

    def came_on_duty(self, s: int) -> None:
        """``s`` starts a shift (a model with places puts them at their base)."""
