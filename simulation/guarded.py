"""The guarded staffing optimiser: the fewest grid workers per community and shift that keep every guard.

``cockpit sim optimise SCENARIO.toml`` cuts each shift's grid workers to the fewest with which,
at the stated confidence (the one-sided lower or upper bound over replications), every guard
holds:

- for every risk class and every shift: the share of its cases reported in the shift's hours with
  somebody on scene within 2 h (``on_scene_rate``, default 0.80: the night's slower acceptance
  keeps even a fully staffed demo street near 0.89) and accepted within the response target
  (``response_rate``, default 0.90);
- for every community: the overdue rate at most ``resources/targets.toml``'s (10 %);
- no community that has somebody on a shift today left with nobody on it (else its cases wait for
  someone from elsewhere or for the next shift: hours).

Shifts are searched one after another (:func:`simulation.optimise.fewest_passing`: halve, then
bisect), each shift's total split over its communities in proportion to their cases in its hours
(largest remainder, at least one where somebody is today). Every candidate is run with the same
seed and replications (common random numbers), so candidates differ by staffing only, and a
shift's search stops as soon as a total fails (more people never lower these rates).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from simulation.experiment import run_experiment
from simulation.ground import ground_of
from simulation.optimise import allocate, fewest_passing
from simulation.scenario import Scenario, parse_scenario
from simulation.staffing import staffing_table

ON_SCENE_MINUTES = 120.0
"""The on-scene guard counts cases with somebody on scene within this long of the report."""

ROLE = "grid_worker"

FLOOR = {"zh": "每个有事件的社区每班至少一名网格员", "en": "at least one grid worker per community with cases on every shift"}

LABELS = {
    "zh": {"on_scene_rate": "{risk}级事件{shift}时段2小时内到场率", "response_rate": "{risk}级事件{shift}时段按时签收率",
           "overdue_rate": "{community}社区超期率", "risk": {"red": "红", "yellow": "黄", "blue": "蓝"}},
    "en": {"on_scene_rate": "{risk} cases on scene within 2 h, {shift} shift",
           "response_rate": "{risk} cases accepted within target, {shift} shift",
           "overdue_rate": "overdue rate, community {community}", "risk": {"red": "red", "yellow": "yellow", "blue": "blue"}},
}


@dataclass(frozen=True)
class Guard:
    """One constraint's value over the replications at a staffing: mean, its bound, the limit, pass."""

    kind: str
    risk: str | None
    shift: str | None
    community: str | None
    mean: float
    lo: float
    hi: float
    limit: float
    passed: bool

    @property
    def slack(self) -> float:
        """How far the bound is inside the limit (negative: outside)."""
        return (self.lo - self.limit) if self.kind != "overdue_rate" else (self.limit - self.hi)

    def label(self, lang: str, shift_names: dict[str, str]) -> str:
        words = LABELS[lang]
        shift = shift_names.get(self.shift, self.shift) if lang == "zh" else self.shift
        return words[self.kind].format(risk=words["risk"].get(self.risk or "", self.risk), shift=shift,
                                       community=self.community)


@dataclass
class GuardedSearch:
    """The recommendation (grid workers per shift and community), its guards and the search."""

    scenario: Scenario
    current: dict[str, dict[str, int]]
    recommended: dict[str, dict[str, int]] = field(default_factory=dict)
    guards: list[Guard] = field(default_factory=list)
    binding: dict[str, Guard | None] = field(default_factory=dict)
    trials: list[dict[str, Any]] = field(default_factory=list)
    runs: int = 0
    replications: int = 0
    seed: int = 0
    floors: dict[str, set[str]] = field(default_factory=dict)
    """Per shift, the communities staffed on it today: each keeps at least one grid worker."""
    infeasible: list[str] = field(default_factory=list)
    """Shifts whose guards failed even at three times today's staff (their recommendation is that many)."""
    cancelled: bool = False
    """The search was stopped before its answer: ``recommended`` and ``guards`` are empty."""

    @property
    def passed(self) -> bool:
        return all(g.passed for g in self.guards)

    def summary(self, lang: str = "zh") -> dict[str, Any]:
        """The JSON document of ``sim optimise``."""
        names = {s.id: s.name or s.id for s in ground_of(self.scenario).shifts.values()}

        def guard(g: Guard) -> dict[str, Any]:
            return {"name": g.kind, "label": g.label(lang, names), "risk": g.risk, "shift": g.shift,
                    "community": g.community, "value": g.mean, "interval": [g.lo, g.hi], "limit": g.limit,
                    "pass": g.passed}

        total = {shift: sum(by.values()) for shift, by in self.recommended.items()}
        return {
            "scenario": self.scenario.name,
            "role": ROLE,
            "replications": self.replications,
            "seed": self.seed,
            "passed": self.passed,
            "current": self.current,
            "recommendation": self.recommended,
            "total": {"current": {s: sum(b.values()) for s, b in self.current.items()}, "recommended": total},
            "binding": {shift: (guard(g) if g is not None else {"name": "one_per_community", "label": FLOOR[lang]})
                        for shift, g in self.binding.items()},
            "infeasible": self.infeasible,
            "guards": [guard(g) for g in self.guards],
            "trials": self.trials,
            "street_years": round(self.runs * self.replications * self.scenario.horizon_hours / (24 * 365), 3),
        }


def shift_of_hour(shifts: dict) -> list[str]:
    """The shift each local hour belongs to (the latest-starting shift on at that hour)."""
    out = []
    for hour in range(24):
        minute = hour * 60 + 30
        on = [s for s in shifts.values() if s.covers(minute)]
        out.append(max(on, key=lambda s: (minute - s.start) % 1440 * -1).id if on else "")
    return out


def evaluate(scenario: Scenario, replications: int, seed: int, workers: int = 1,
             cancel: threading.Event | None = None) -> tuple[list[Guard], pd.DataFrame]:
    """Every guard of ``scenario`` over ``replications`` (and the cases per community and shift)."""
    result = run_experiment(scenario, replications, seed, workers=workers, keep_cases=True, cancel=cancel)
    cases = result.cases[~result.cases["warmup"] & ~result.cases["after_horizon"] & ~result.cases["carried"]]
    shifts = shift_of_hour(ground_of(scenario).shifts)
    hour = cases["reported_at"].dt.tz_convert("Asia/Shanghai").dt.hour.to_numpy()
    frame = pd.DataFrame({
        "replication": cases["replication"].to_numpy(),
        "risk": cases["risk_level"].astype(str).to_numpy(),
        "shift": np.asarray(shifts, dtype=object)[hour],
        "community": cases["community"].astype(str).to_numpy(),
        "on_scene": (cases["response_minutes"].to_numpy() <= ON_SCENE_MINUTES),
        "accepted": ((cases["accepted_at"] - cases["reported_at"]).dt.total_seconds().to_numpy() / 60
                     <= scenario.response_target_minutes),
        "overdue": _overdue(cases),
    })
    guards = []
    limits = scenario.guard_limits
    for (risk, shift), rows in frame.groupby(["risk", "shift"], sort=True):
        for kind, column in (("on_scene_rate", "on_scene"), ("response_rate", "accepted")):
            guards.append(_guard(kind, risk, shift, None, rows.groupby("replication")[column].mean(), limits[kind],
                                 replications, lower=True))
    for community, rows in frame.groupby("community", sort=True):
        guards.append(_guard("overdue_rate", None, None, community, rows.groupby("replication")["overdue"].mean(),
                             limits["overdue_rate"], replications, lower=False))
    load = frame.groupby(["shift", "community"]).size() / replications
    return guards, load


def _overdue(cases: pd.DataFrame) -> np.ndarray:
    deadline = cases["risk_level"].astype(str).map({"blue": 24.0, "yellow": 48.0, "red": 72.0}).to_numpy() * 60
    resolved = (cases["resolved_at"] - cases["reported_at"]).dt.total_seconds().to_numpy() / 60
    return ~(resolved <= deadline)


def _guard(kind, risk, shift, community, values: pd.Series, limit: float, replications: int, lower: bool) -> Guard:
    values = values.reindex(range(values.index.min(), values.index.min() + replications)).to_numpy(dtype=float) \
        if len(values) else np.array([])
    values = values[np.isfinite(values)]
    mean = float(values.mean()) if len(values) else math.nan
    if len(values) >= 2:
        half = stats.t.ppf(0.95, len(values) - 1) * float(values.std(ddof=1)) / math.sqrt(len(values))
    else:
        half = 0.0
    lo, hi = mean - half, mean + half
    passed = (lo >= limit) if lower else (hi <= limit)
    return Guard(kind, risk, shift, community, mean, lo, hi, limit, bool(passed) or not len(values))


def headcounts(scenario: Scenario) -> dict[str, dict[str, int]]:
    """Grid workers per shift and community of ``scenario``'s roster."""
    out: dict[str, dict[str, int]] = {}
    for (community, shift, role), count in staffing_table(ground_of(scenario).roster).items():
        if role == ROLE and shift is not None and community is not None:
            out.setdefault(shift, {})[community] = count
    return {s: dict(sorted(by.items())) for s, by in sorted(out.items())}


def with_staffing(scenario: Scenario, staffing: dict[str, dict[str, int]], base: dict[str, dict[str, int]]) -> Scenario:
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


class _Cancelled(Exception):
    """The caller asked the search to stop."""


def optimise_guarded(scenario: Scenario, *, replications: int = 10, seed: int = 0, workers: int = 1,
                     progress: Callable[[int], None] | None = None,
                     cancel: threading.Event | None = None) -> GuardedSearch:
    """The fewest grid workers per community and shift of ``scenario`` that keep every guard (module notes).

    ``progress`` is called with the number of staffings evaluated so far; once ``cancel`` is set no
    further staffing is evaluated and the search returns with ``cancelled`` set.
    """
    base = with_staffing(scenario, {}, {})
    current = headcounts(base)
    search = GuardedSearch(scenario, current, replications=replications, seed=seed)

    def run(candidate: Scenario) -> tuple[list[Guard], pd.DataFrame]:
        if cancel is not None and cancel.is_set():
            raise _Cancelled
        out = evaluate(candidate, replications, seed, workers, cancel)
        if cancel is not None and cancel.is_set():
            raise _Cancelled
        search.runs += 1
        if progress is not None:
            progress(search.runs)
        return out

    try:
        return _search(search, base, current, run)
    except _Cancelled:
        search.cancelled = True
        return search


def _search(search: GuardedSearch, base: Scenario, current: dict[str, dict[str, int]], run) -> GuardedSearch:
    guards, load = run(base)
    staffing = {s: dict(by) for s, by in current.items()}

    def shift_guards(gs: list[Guard], shift: str) -> list[Guard]:
        return [g for g in gs if g.shift == shift or g.kind == "overdue_rate"]

    for shift in sorted(current):
        weights = {c: float(load.get((shift, c), 0.0)) for c in current[shift]}
        # Whoever has somebody on the shift today keeps somebody: their cases would otherwise wait
        # for a worker from another community or for the next shift.
        floor = {c for c, n in current[shift].items() if n > 0}
        search.floors[shift] = floor
        top = sum(current[shift].values())
        results: dict[int, list[Guard]] = {}

        def trial(total: int) -> bool:
            if total not in results:
                allocation = _allocation(total, weights, floor)
                candidate = {**staffing, shift: allocation}
                gs, _ = run(with_staffing(base, candidate, current))
                results[total] = gs
                ok = all(g.passed for g in shift_guards(gs, shift))
                search.trials.append({"shift": shift, "total": total, "passed": ok})
            return all(g.passed for g in shift_guards(results[total], shift))

        low = len(floor)
        # Up to three times today's staff: a shift that fails its guards today gets more people.
        high = 3 * max(top, low)
        best = fewest_passing(trial, low, high)
        if best is None:
            best = high
            search.infeasible.append(shift)
        staffing[shift] = _allocation(best, weights, floor)
        below = results.get(best - 1)
        failing = [g for g in shift_guards(below, shift) if not g.passed] if below is not None else []
        # Nothing failed one person fewer (or it was not tried): the floor of one per community binds.
        search.binding[shift] = min(failing, key=lambda g: g.slack) if failing else None
    final, _ = run(with_staffing(base, staffing, current))
    search.recommended = staffing
    search.guards = final
    return search


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
