"""The guarded staffing optimiser: the fewest grid workers per community and shift that keep every guard.

``cockpit sim optimise SCENARIO.toml`` cuts each shift's grid workers to the fewest with which every
guard of :mod:`simulation.guards` holds at the stated confidence, and no community that has
somebody on a shift today is left with nobody on it (else its cases wait for someone from elsewhere
or for the next shift: hours). A shift's total is split over its communities in proportion to
their cases in its hours (largest remainder, at least one where somebody is today).

The search spends replications only where they decide something:

- every candidate runs replication i with the same random numbers (common random numbers), and
  a staffing already run keeps its replications (:class:`Candidates`);
- a candidate starts with a few replications and gets more only while a bound straddles a
  limit; it fails as soon as even the optimistic bound misses one (sequential replications);
- more people never lower these rates, so a total below a failing one fails and one above a
  passing one passes (each shift: its floor, today's total, then doubling and bisection:
  :func:`simulation.optimise.fewest_passing`), and across shifts:
  a shift whose guards hold with every shift at its floor holds them at any staffing, so one run
  of the all-floor street settles all such shifts at once;
- a guard that fails at today's staffing and barely moves with three times today's people in its
  shifts is *not staff-bound* (at night, acceptance waits on the phone, not on headcount): it is
  reported with both values and left out of the search, rather than its limit lowered in silence
  or three times the staff recommended (:func:`_find_not_staff_bound`); one whose mean keeps the
  limit there but whose interval is too wide to show it (too few cases) is reported *undecided*;
- a guard that headcount does move but that still fails with three times today's people makes
  its shift *infeasible*: the shift keeps today's staffing (cutting would worsen it, tripling
  would not meet it) and the answer names the guard;
- the answer is re-checked at the full replication count, every guard; a shift whose guard fails
  there gets one more person until it holds.
"""

from __future__ import annotations

import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from simulation.ground import ground_of
from simulation.guards import AT_LEAST, CASES, Guard, GuardKey, guards_of, measure
from simulation.optimise import allocate, fewest_passing
from simulation.scenario import Scenario, parse_scenario
from simulation.staffing import staffing_table
from simulation.workers import street_pool

ROLE = "grid_worker"

TRIPLE = 3
"""The search looks up to this many times today's people on a shift (and judges staff-boundness there)."""

IMPROVES = 0.5
"""A guard failing at three times today's staff is staff-bound if that closes this share of its gap to the limit."""

FLOOR = {"zh": "每个现有网格员的社区每班至少保留一名网格员",
         "en": "at least one grid worker per community that has one on the shift today"}

NOT_STAFF_BOUND = {"zh": "现有人员下未达标，增至三倍人员仍未达标：不是人手问题（如夜间签收取决于电话值守）",
                   "en": "fails at today's staffing and still fails with three times the staff: not a headcount "
                         "problem (e.g. acceptance at night waits on the phone)"}

UNDECIDED = {"zh": "均值达标但置信区间过宽（事件太少）：需要更多重复次数或更长的模拟时段",
             "en": "the mean keeps the limit but the interval is too wide (too few cases): run more replications "
                   "or a longer horizon"}

Staffing = dict[str, dict[str, int]]


def headcounts(scenario: Scenario) -> Staffing:
    """Grid workers per shift and community of ``scenario``'s roster."""
    out: Staffing = {}
    for (community, shift, role), count in staffing_table(ground_of(scenario).roster).items():
        if role == ROLE and shift is not None and community is not None:
            out.setdefault(shift, {})[community] = count
    return {s: dict(sorted(by.items())) for s, by in sorted(out.items())}


def with_staffing(scenario: Scenario, staffing: Staffing, base: Staffing) -> Scenario:
    """``scenario`` with ``staffing[shift][community]`` grid workers (as ``[[staff.change]]`` against ``base``)."""
    raw = dict(scenario.raw)
    staff = dict(raw["staff"])
    changes = [c for c in staff.get("change", []) if c.get("role") != ROLE]
    for shift, by in sorted(staffing.items()):
        for community, count in sorted(by.items()):
            delta = count - base.get(shift, {}).get(community, 0)
            if delta:
                changes.append({"role": ROLE, "community": community, "shift": shift, "delta": delta})
    staff["change"] = changes
    raw["staff"] = staff
    return replace(parse_scenario(raw, scenario.base_dir), start_state=scenario.start_state)


def _frozen(staffing: Staffing) -> tuple:
    return tuple((s, tuple(sorted(by.items()))) for s, by in sorted(staffing.items()))


class Candidates:
    """Runs candidate staffings' replications and keeps them: replication i of a staffing runs once.

    Owns the worker processes (``workers`` > 1: a pool started once for the whole search, each
    replication one task) and counts the replications it ran (``replications_run``).
    """

    def __init__(self, base: Scenario, current: Staffing, seed: int, workers: int,
                 progress: Callable[[int], None] | None = None, cancel: threading.Event | None = None):
        self.base, self.current, self.seed, self.workers = base, current, seed, workers
        self.progress, self.cancel = progress, cancel
        self.rows: dict[tuple, list[dict[GuardKey, float]]] = {}
        self.replications_run = 0
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Candidates":
        if self.workers > 1:
            self._pool = street_pool(self.workers, [self.base])
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def replications(self, staffing: Staffing, n: int) -> list[dict[GuardKey, float]]:
        """The first ``n`` replications of ``staffing`` (running those not yet run).

        Raises
        ------
        SearchCancelled
            The cancel event is set: no further replication starts.
        """
        rows = self.rows.setdefault(_frozen(staffing), [])
        missing = range(len(rows), n)
        if missing:
            if self.cancel is not None and self.cancel.is_set():
                raise SearchCancelled
            scenario = with_staffing(self.base, staffing, self.current)
            if self._pool is None:
                rows.extend(measure(scenario, self.seed, i) for i in missing)
            else:
                rows.extend(self._pool.map(measure, [scenario] * len(missing), [self.seed] * len(missing), missing))
            self.replications_run += len(missing)
            if self.progress is not None:
                self.progress(self.staffings)
        return rows[:n]

    @property
    def staffings(self) -> int:
        """How many staffings have been run."""
        return sum(1 for rows in self.rows.values() if rows)


class SearchCancelled(Exception):
    """The caller asked the search to stop."""


@dataclass
class GuardedSearch:
    """The recommendation (grid workers per shift and community), its guards and the search that found it."""

    scenario: Scenario
    current: Staffing
    replications: int
    first_replications: int
    seed: int
    recommended: Staffing = field(default_factory=dict)
    guards: list[Guard] = field(default_factory=list)
    binding: dict[str, Guard | None] = field(default_factory=dict)
    trials: list[dict[str, Any]] = field(default_factory=list)
    replications_run: int = 0
    floors: dict[str, set[str]] = field(default_factory=dict)
    """Per shift, the communities staffed on it today: each keeps at least one grid worker."""
    not_staff_bound: list[tuple[Guard, Guard]] = field(default_factory=list)
    """Guards failing at today's staffing and at three times it: (today, tripled), left out of the search."""
    undecided: list[tuple[Guard, Guard]] = field(default_factory=list)
    """Guards whose mean keeps the limit at today's staffing and at three times it but whose bound does not
    (too few cases for the replications): (today, tripled), left out of the search."""
    infeasible: list[str] = field(default_factory=list)
    """Shifts with a staff-bound guard that fails even at three times today's staff (recommended: today's)."""
    runs: int = 0
    """Staffings simulated."""
    cancelled: bool = False
    """The search was stopped before its answer: ``recommended`` and ``guards`` are empty."""

    @property
    def excluded(self) -> set[GuardKey]:
        return {today.key for today, _ in [*self.not_staff_bound, *self.undecided]}

    @property
    def passed(self) -> bool:
        """Every staff-bound guard holds at the recommendation (at the full replication count)."""
        return all(g.passed for g in self.guards if g.key not in self.excluded)

    def street_years(self, replications: int) -> float:
        return round(replications * self.scenario.horizon_hours / (24 * 365), 3)

    @property
    def plain_replications(self) -> int:
        """What a plain search runs: every total from the floor to three times today, every shift, full count."""
        return sum((TRIPLE * max(sum(by.values()), len(self.floors.get(s, ()))) - len(self.floors.get(s, ())) + 1)
                   * self.replications
                   for s, by in self.current.items())

    def summary(self, lang: str = "zh") -> dict[str, Any]:
        """The JSON document of ``sim optimise``."""
        names = {s.id: s.name or s.id for s in ground_of(self.scenario).shifts.values()}
        limits = dict(self.scenario.guard_limits)

        def guard(g: Guard) -> dict[str, Any]:
            return {"name": g.kind, "label": g.label(lang, names, limits["on_scene_minutes"]), "risk": g.risk,
                    "shift": g.shift, "community": g.community, "value": g.mean, "interval": [g.lo, g.hi],
                    "limit": g.limit, "pass": g.passed, "replications": g.n}

        excluded = self.excluded
        return {
            "scenario": self.scenario.name,
            "role": ROLE,
            "limits": limits,
            "shift_names": {s: (names.get(s, s) if lang == "zh" else s) for s in self.current},
            "replications": self.replications,
            "first_replications": self.first_replications,
            "seed": self.seed,
            "passed": self.passed,
            "current": self.current,
            "recommendation": self.recommended,
            "total": {"current": {s: sum(b.values()) for s, b in self.current.items()},
                      "recommended": {s: sum(b.values()) for s, b in self.recommended.items()}},
            "binding": {shift: (guard(g) if g is not None else {"name": "one_per_community", "label": FLOOR[lang]})
                        for shift, g in self.binding.items()},
            "not_staff_bound": [{**guard(today), "tripled": guard(tripled), "why": NOT_STAFF_BOUND[lang]}
                                for today, tripled in self.not_staff_bound],
            "undecided": [{**guard(today), "tripled": guard(tripled), "why": UNDECIDED[lang]}
                          for today, tripled in self.undecided],
            "infeasible": self.infeasible,
            "guards": [{**guard(g), "staff_bound": g.key not in excluded} for g in self.guards],
            "trials": self.trials,
            "street_years": self.street_years(self.replications_run),
            "plain_street_years": self.street_years(self.plain_replications),
        }


def optimise_guarded(scenario: Scenario, *, replications: int = 10, first_replications: int = 4, seed: int = 0,
                     workers: int = 1, progress: Callable[[int], None] | None = None,
                     cancel: threading.Event | None = None) -> GuardedSearch:
    """The fewest grid workers per community and shift of ``scenario`` that keep every guard (module notes).

    ``replications`` is the full count every answer is checked at; a candidate starts with
    ``first_replications`` (at most ``replications``) and gets more only while a bound straddles a
    limit. ``progress`` is called with the number of staffings simulated so far; once ``cancel``
    is set no further replication starts and the search returns with ``cancelled`` set.
    """
    if replications < 2:
        raise ValueError("replications must be at least 2 (a bound needs two)")
    first_replications = max(2, min(first_replications, replications))
    base = with_staffing(scenario, {}, {})
    current = headcounts(base)
    search = GuardedSearch(scenario, current, replications, first_replications, seed)
    with Candidates(base, current, seed, workers, progress, cancel) as runs:
        try:
            _search(search, runs)
        except SearchCancelled:
            search.cancelled, search.recommended, search.guards = True, {}, []
        search.replications_run, search.runs = runs.replications_run, runs.staffings
    return search


def _search(search: GuardedSearch, runs: Candidates) -> None:
    limits, current = search.scenario.guard_limits, search.current
    full = search.replications

    def judge(staffing: Staffing, groups: dict[str, Callable[[Guard], bool]],
              each: bool = False) -> dict[str, list[Guard]]:
        """Per group, its guards at the fewest replications (at least the first count) that decide every
        group (``each``: every guard) as passing or clearly failing, at most the full count."""
        n = search.first_replications
        while True:
            excluded = search.excluded
            guards = [g for g in guards_of(runs.replications(staffing, n), limits) if g.key not in excluded]
            by_group = {name: [g for g in guards if keep(g)] for name, keep in groups.items()}
            undecided = [[g] for gs in by_group.values() for g in gs] if each else list(by_group.values())
            if n >= full or all(all(g.passed for g in gs) or any(g.clearly_failed for g in gs) for gs in undecided):
                return by_group
            n = min(full, n + max(2, runs.workers))

    today = judge(current, {"all": lambda g: True}, each=True)["all"]
    cases = {(k[2], k[3]): v for row in runs.replications(current, search.first_replications)
             for k, v in row.items() if k[0] == CASES}
    weights = {s: {c: cases.get((s, c), 0.0) for c in by} for s, by in current.items()}
    search.floors = {s: {c for c, n in by.items() if n > 0} for s, by in current.items()}

    def staffed(totals: dict[str, int]) -> Staffing:
        return {s: _allocation(t, weights[s], search.floors[s]) for s, t in totals.items()}

    top = {s: sum(by.values()) for s, by in current.items()}
    floor = {s: len(search.floors[s]) for s in current}
    high = {s: TRIPLE * max(top[s], floor[s]) for s in current}

    failing = {g.key for g in today if not g.passed}
    beyond = _find_not_staff_bound(search, today, lambda totals: judge(staffed(totals), {
        "failing": lambda g: g.key in failing}, each=True)["failing"], high, top)
    excluded = search.excluded

    def overdue(g: Guard) -> bool:
        return g.kind == "overdue_rate"

    def of_shift(shift: str) -> Callable[[Guard], bool]:
        return lambda g: g.shift == shift

    # Every shift at its floor at once: a shift whose own guards hold there holds them whatever the
    # other shifts get (they get at least their floor), so it needs no search of its own.
    at_floor = judge(staffed(floor), {"overdue": overdue, **{s: of_shift(s) for s in current}})
    overdue_settled = all(g.passed for g in at_floor["overdue"])
    settled = {s for s in current if overdue_settled and all(g.passed for g in at_floor[s])}
    for s in settled:
        search.trials.append({"shift": s, "total": floor[s], "passed": True, "all_at_floor": True})
    totals = {s: (floor[s] if s in settled else top[s]) for s in current}
    # A guard that headcount moves but even three times today's people cannot meet: no total up to
    # that meets it, so the shift is not cut (nor tripled) and the answer names the guard.
    for shift, guard in beyond.items():
        if shift not in settled:
            search.infeasible.append(shift)
            search.binding[shift] = guard
    for shift in sorted(set(current) - settled - set(search.infeasible)):
        tried: dict[int, list[Guard]] = {}

        def passes(total: int, shift: str = shift, tried: dict = tried) -> bool:
            if total not in tried:
                groups = {"shift": lambda g: g.shift == shift or (not overdue_settled and overdue(g))}
                tried[total] = judge(staffed({**totals, shift: total}), groups)["shift"]
                search.trials.append({"shift": shift, "total": total, "passed": all(g.passed for g in tried[total]),
                                      "replications": max((g.n for g in tried[total]), default=0)})
            return all(g.passed for g in tried[total])

        best = fewest_passing(passes, floor[shift], high[shift], guess=top[shift])
        failing = [g for g in tried.get(high[shift] if best is None else best - 1, []) if not g.passed]
        if best is None:
            best = top[shift]
            search.infeasible.append(shift)
        totals[shift] = best
        search.binding[shift] = min(failing, key=lambda g: g.slack) if failing else None
    for s in settled:
        search.binding[s] = None

    final = guards_of(runs.replications(staffed(totals), full), limits)
    while True:  # ends: every pass adds a person to a shift below three times today's
        failing = [g for g in final if not g.passed and g.key not in excluded]
        # A failing overdue guard belongs to no shift: every shift that can still grow gets one more.
        short = {s for s in current if totals[s] < high[s] and s not in search.infeasible
                 and any(g.shift in (s, None) for g in failing)}
        if not short:
            break
        for s in short:
            search.trials.append({"shift": s, "total": totals[s], "passed": False, "replications": full,
                                  "recheck": True})
            totals[s] += 1
            search.binding[s] = min((g for g in failing if g.shift in (s, None)), key=lambda g: g.slack)
        final = guards_of(runs.replications(staffed(totals), full), limits)
    search.recommended = staffed(totals)
    search.guards = final


def _find_not_staff_bound(search: GuardedSearch, today: list[Guard], settle: Callable[[dict[str, int]], list[Guard]],
                          high: dict[str, int], top: dict[str, int]) -> dict[str, Guard]:
    """Guards failing today that three times today's people in their shifts (every shift: overdue) do not fix.

    ``settle`` gives the guards failing today, each decided, at a total per shift. Still failing with a mean that
    keeps the limit is *undecided* (the interval is too wide); with a mean that misses it and
    closing less than :data:`IMPROVES` of the gap, *not staff-bound*. Returns the shifts with a
    guard that three times today's people move but do not fix (each with its worst such guard):
    no total up to that meets it, so they need no search.
    """
    failing = {g.key: g for g in today if not g.passed}
    if not failing:
        return {}
    shifts = {k[2] for k in failing if k[2] is not None}
    if any(k[2] is None for k in failing):
        shifts = set(top)
    tripled = settle({s: high[s] if s in shifts else top[s] for s in top})
    still = [g for g in tripled if g.key in failing and not g.passed]
    search.undecided = [(failing[g.key], g) for g in still if _mean_keeps(g)]
    short = [g for g in still if not _mean_keeps(g)]
    search.not_staff_bound = [(failing[g.key], g) for g in short if not _improves(failing[g.key], g)]
    return {g.shift: g for g in sorted(short, key=lambda g: -g.slack) if g.shift is not None
            and _improves(failing[g.key], g)}


def _mean_keeps(guard: Guard) -> bool:
    """Whether the guard's mean keeps its limit (its bound failing only for too wide an interval)."""
    return guard.mean >= guard.limit if AT_LEAST[guard.kind] else guard.mean <= guard.limit


def _improves(today: Guard, tripled: Guard) -> bool:
    """Whether three times the people close at least half the gap between today's value and the limit."""
    gain = tripled.mean - today.mean if AT_LEAST[today.kind] else today.mean - tripled.mean
    return gain >= IMPROVES * abs(today.limit - today.mean)


def _allocation(total: int, weights: dict[str, float], floor: set[str]) -> dict[str, int]:
    """``total`` over the communities by their cases, at least one each in ``floor``."""
    fixed = {c: 1 for c in floor}
    rest = max(0, total - len(fixed))
    shares = allocate(rest, weights) if rest and sum(weights.values()) > 0 else {c: 0 for c in weights}
    return {c: fixed.get(c, 0) + shares.get(c, 0) for c in sorted(weights)}


def recommended_scenario(search: GuardedSearch) -> Scenario:
    """The searched scenario with the recommended staffing."""
    base = with_staffing(search.scenario, {}, {})
    return with_staffing(base, search.recommended, search.current)
