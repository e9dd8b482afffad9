"""Where to put resources: the maximal covering location problem and the p-median, exact and greedy.

A :class:`PlacementProblem` is a matrix of travel minutes from candidate sites to demand points
(households by micro-grid), the sites that exist today, and how many sites to add and to move.
Maximal covering (``objective="coverage"``) opens sites so that the most households have one within
the limit; p-median (``objective="median"``) so that the household-weighted mean time to the nearest
open site is least. :func:`solve_exact` solves the mixed-integer programme with HiGHS;
:func:`solve_greedy` adds the best site one at a time and then makes the best moves, and reports
its optimality gap against the bound of the linear relaxation. :func:`solve` picks between them by
size.

Formulations (y = site open, binary; E = existing sites; N added; M moved):
coverage: max sum_i w_i z_i, z_i <= sum_{j covers i} y_j, 0 <= z_i <= 1;
median:   min sum_ij w_i d_ij x_ij / W, sum_j x_ij = 1, x_ij <= y_j, x_ij >= 0;
both:     sum_j y_j = |E| + N, sum_{j in E} y_j >= |E| - M.
Demand no site can reach is left out of both; in the median, a pair (i, j) is left out when j is
farther from i than the (M+1)-th nearest existing site, because at least one of those stays open.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import sys
import time
from dataclasses import dataclass

import highspy
import numpy as np
from scipy import sparse

OBJECTIVES = ("coverage", "median")

EXACT_MAX_NONZEROS = 2_000_000
"""Above this many constraint-matrix entries :func:`solve` uses the greedy heuristic."""

DEFAULT_TIME_LIMIT_S = 60.0

_COVERAGE_ABS_GAP = 0.5
"""Households are whole: a plan within half a household of the bound is optimal."""
_MEDIAN_REL_GAP = 1e-4
"""Mean minutes: a plan within 0.01 % of the bound is optimal (HiGHS's default; tighter takes minutes to prove)."""


@dataclass(frozen=True)
class PlacementProblem:
    """Candidate sites, demand points and what may change.

    Parameters
    ----------
    minutes
        Travel minutes from each site (rows) to each demand point (columns); inf where unreachable.
    weights
        Households at each demand point.
    existing
        Which sites exist today (they are kept unless moved).
    add
        Sites to open beyond the existing ones.
    move
        Existing sites that may be closed and opened elsewhere.
    objective
        ``coverage`` (maximal covering within ``limit`` minutes) or ``median`` (least mean time).
    limit
        The coverage standard in minutes (needed for ``coverage``).
    """

    minutes: np.ndarray
    weights: np.ndarray
    existing: np.ndarray
    add: int = 0
    move: int = 0
    objective: str = "coverage"
    limit: float | None = None

    def __post_init__(self) -> None:
        n_sites, n_demand = self.minutes.shape
        if self.weights.shape != (n_demand,) or self.existing.shape != (n_sites,):
            raise ValueError("placement: weights and existing must match the minutes matrix")
        if self.objective not in OBJECTIVES:
            raise ValueError(f"placement: objective must be one of {', '.join(OBJECTIVES)}, not {self.objective!r}")
        if self.objective == "coverage" and self.limit is None:
            raise ValueError("placement: the coverage objective needs a limit in minutes")
        if self.add < 0 or self.move < 0:
            raise ValueError("placement: --add and --move must be 0 or more")
        if self.move > self.n_existing:
            raise ValueError(f"placement: cannot move {self.move} of {self.n_existing} existing sites")
        if self.n_open > n_sites:
            raise ValueError(f"placement: {self.n_open} sites wanted but only {n_sites} candidates")
        if self.n_open == 0:
            raise ValueError("placement: no sites exist and none are to be added")

    @property
    def n_existing(self) -> int:
        return int(self.existing.sum())

    @property
    def n_open(self) -> int:
        """Sites open in every plan: the existing ones plus those added."""
        return self.n_existing + self.add

    @property
    def covers(self) -> np.ndarray:
        """Boolean (sites, demand): the site reaches the point within the limit."""
        return self.minutes <= self.limit

    def value(self, open_sites: np.ndarray) -> float:
        """Households covered (coverage) or mean minutes to the nearest open site (median)."""
        nearest = self.minutes[open_sites].min(axis=0) if open_sites.any() else np.full(self.minutes.shape[1], np.inf)
        if self.objective == "coverage":
            return float(self.weights[nearest <= self.limit].sum())
        reachable = np.isfinite(self.minutes).any(axis=0)
        return float((self.weights * nearest)[reachable].sum() / self.weights[reachable].sum())


@dataclass(frozen=True)
class Placement:
    """A solved plan: which sites are open, its value, the bound it is measured against.

    ``method`` is ``milp`` or ``greedy``; ``status`` HiGHS's model status for the MILP (``optimal``,
    ``time_limit``...) and ``heuristic`` for the greedy; ``gap`` is the relative distance to
    ``bound`` (0 when proven optimal).
    """

    open_sites: np.ndarray
    value: float
    bound: float
    gap: float
    method: str
    status: str
    seconds: float


def solve(problem: PlacementProblem, method: str = "auto", time_limit: float = DEFAULT_TIME_LIMIT_S) -> Placement:
    """The plan by ``method``: ``exact``, ``greedy``, or ``auto`` (exact unless the model is very large)."""
    if method == "greedy" or (method == "auto" and _size(problem) > EXACT_MAX_NONZEROS):
        return solve_greedy(problem)
    if method not in ("auto", "exact"):
        raise ValueError(f"placement: method must be auto, exact or greedy, not {method!r}")
    return solve_exact(problem, time_limit)


def solve_exact(problem: PlacementProblem, time_limit: float = DEFAULT_TIME_LIMIT_S) -> Placement:
    """Solve the mixed-integer programme with HiGHS (falls back to greedy if no plan is found in time)."""
    start = time.perf_counter()
    model = _Model(problem)
    highs = _highs(time_limit)
    if problem.objective == "coverage":
        highs.setOptionValue("mip_abs_gap", _COVERAGE_ABS_GAP)
    else:
        highs.setOptionValue("mip_rel_gap", _MEDIAN_REL_GAP)
    highs.passModel(model.lp(integer=True))
    highs.run()
    status = highs.getModelStatus()
    solution = highs.getSolution()
    if not solution.value_valid:
        greedy = solve_greedy(problem)
        return Placement(greedy.open_sites, greedy.value, greedy.bound, greedy.gap, "greedy",
                         f"{_status_name(status)}; greedy plan", time.perf_counter() - start)
    open_sites = np.asarray(solution.col_value[: model.n_sites]) > 0.5
    value = problem.value(open_sites)
    info = highs.getInfo()
    bound = model.to_problem_value(info.mip_dual_bound)
    return Placement(open_sites, value, bound, _gap(problem, value, bound), "milp", _status_name(status),
                     time.perf_counter() - start)


def solve_greedy(problem: PlacementProblem) -> Placement:
    """Add the best site one at a time, then make the best moves; the gap is against the LP bound."""
    start = time.perf_counter()
    open_sites = problem.existing.copy()
    for _ in range(problem.add):
        gain = _gains(problem, open_sites)
        gain[open_sites] = -np.inf
        open_sites[int(np.argmax(gain))] = True
    for _ in range(problem.move):
        swap = _best_swap(problem, open_sites)
        if swap is None:
            break
        open_sites[list(swap)] = [False, True]
    value = problem.value(open_sites)
    bound = lp_bound(problem)
    return Placement(open_sites, value, bound, _gap(problem, value, bound), "greedy", "heuristic",
                     time.perf_counter() - start)


def lp_bound(problem: PlacementProblem) -> float:
    """The optimum of the linear relaxation: no plan can do better."""
    model = _Model(problem)
    highs = _highs(DEFAULT_TIME_LIMIT_S)
    highs.passModel(model.lp(integer=False))
    highs.run()
    return model.to_problem_value(highs.getInfo().objective_function_value)


def brute_force(problem: PlacementProblem) -> float:
    """The optimal value by trying every plan: for small instances and as the tests' reference."""
    existing = np.flatnonzero(problem.existing)
    others = np.flatnonzero(~problem.existing)
    best = -np.inf if problem.objective == "coverage" else np.inf
    pick = max if problem.objective == "coverage" else min
    for moved in range(problem.move + 1):
        for closed in itertools.combinations(existing, moved):
            for opened in itertools.combinations(others, problem.add + moved):
                open_sites = problem.existing.copy()
                open_sites[list(closed)] = False
                open_sites[list(opened)] = True
                best = pick(best, problem.value(open_sites))
    return float(best)


# ---------------------------------------------------------------- the model


class _Model:
    """The MILP of a problem in HiGHS's column-wise form; columns are the sites first."""

    def __init__(self, problem: PlacementProblem) -> None:
        self.problem = problem
        self.n_sites = problem.minutes.shape[0]
        reachable = np.isfinite(problem.minutes).any(axis=0)
        self.constant = 0.0
        if problem.objective == "coverage":
            self._coverage(reachable)
        else:
            self._median(reachable)

    def _coverage(self, reachable: np.ndarray) -> None:
        p = self.problem
        covers = p.covers
        # Demand that kept existing sites cover in every plan needs no variable (only without moves).
        always = covers[p.existing].any(axis=0) if p.move == 0 else np.zeros(covers.shape[1], dtype=bool)
        self.constant = float(p.weights[always].sum())
        demand = np.flatnonzero(covers.any(axis=0) & ~always)
        sites, points = np.nonzero(covers[:, demand])
        n_z = len(demand)
        # Row r (one a demand point): z_r - sum of the sites covering it <= 0.
        rows = np.concatenate([points, np.arange(n_z)])
        cols = np.concatenate([sites, self.n_sites + np.arange(n_z)])
        values = np.concatenate([-np.ones(len(sites)), np.ones(n_z)])
        self.cost = np.concatenate([np.zeros(self.n_sites), p.weights[demand].astype(float)])
        self.upper = np.ones(self.n_sites + n_z)
        self._finish(rows, cols, values, n_z, np.full(n_z, -np.inf), np.zeros(n_z), sense="max")

    def _median(self, reachable: np.ndarray) -> None:
        p = self.problem
        minutes = p.minutes[:, reachable]
        weights = p.weights[reachable].astype(float)
        total = weights.sum()
        limit = np.full(minutes.shape[1], np.inf)
        if p.n_existing > p.move:
            # At least one of the (M+1) nearest existing sites stays open: nothing farther is needed.
            limit = np.sort(minutes[p.existing], axis=0)[p.move]
        sites, points = np.nonzero(np.isfinite(minutes) & (minutes <= limit[None, :]))
        n_x = len(sites)
        n_points = minutes.shape[1]
        x = self.n_sites + np.arange(n_x)
        # Rows 0..n_points-1: sum_j x_ij = 1; then one row per pair: x_ij - y_j <= 0.
        pair_rows = n_points + np.arange(n_x)
        rows = np.concatenate([points, pair_rows, pair_rows])
        cols = np.concatenate([x, x, sites])
        values = np.concatenate([np.ones(n_x), np.ones(n_x), -np.ones(n_x)])
        self.cost = np.concatenate([np.zeros(self.n_sites), weights[points] * minutes[sites, points] / total])
        self.upper = np.ones(self.n_sites + n_x)
        lower = np.concatenate([np.ones(n_points), np.full(n_x, -np.inf)])
        upper = np.concatenate([np.ones(n_points), np.zeros(n_x)])
        self._finish(rows, cols, values, n_points + n_x, lower, upper, sense="min")

    def _finish(self, rows, cols, values, n_rows, row_lower, row_upper, sense: str) -> None:
        p = self.problem
        n_cols = len(self.cost)
        existing = np.flatnonzero(p.existing)
        # Two more rows: how many sites are open, and how many existing ones stay.
        count_row, keep_row = n_rows, n_rows + 1
        rows = np.concatenate([rows, np.full(self.n_sites, count_row), np.full(len(existing), keep_row)])
        cols = np.concatenate([cols, np.arange(self.n_sites), existing])
        values = np.concatenate([values, np.ones(self.n_sites), np.ones(len(existing))])
        self.row_lower = np.concatenate([row_lower, [p.n_open, p.n_existing - p.move]])
        self.row_upper = np.concatenate([row_upper, [p.n_open, np.inf]])
        self.matrix = sparse.csc_matrix((values, (rows, cols)), shape=(n_rows + 2, n_cols))
        self.lower = np.zeros(n_cols)
        if p.move == 0:
            self.lower[existing] = 1.0
        self.sense = sense

    def lp(self, integer: bool) -> highspy.HighsLp:
        lp = highspy.HighsLp()
        lp.num_col_ = self.matrix.shape[1]
        lp.num_row_ = self.matrix.shape[0]
        lp.col_cost_ = self.cost
        lp.col_lower_ = self.lower
        lp.col_upper_ = self.upper
        lp.row_lower_ = self.row_lower
        lp.row_upper_ = self.row_upper
        lp.sense_ = highspy.ObjSense.kMaximize if self.sense == "max" else highspy.ObjSense.kMinimize
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = self.matrix.indptr
        lp.a_matrix_.index_ = self.matrix.indices
        lp.a_matrix_.value_ = self.matrix.data
        if integer:
            kinds = [highspy.HighsVarType.kInteger] * self.n_sites
            kinds += [highspy.HighsVarType.kContinuous] * (lp.num_col_ - self.n_sites)
            lp.integrality_ = kinds
        return lp

    def to_problem_value(self, objective: float) -> float:
        """The problem's value of a model objective (covered households, or mean minutes)."""
        return float(objective) + self.constant


def _highs(time_limit: float) -> highspy.Highs:
    """A silent HiGHS instance.

    HiGHS prints its banner on standard output while the instance is built, before ``output_flag``
    can be set; standard output carries the command line's JSON, so the banner goes nowhere.
    """
    sys.stdout.flush()
    saved = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        highs = highspy.Highs()
        ctypes.CDLL(None).fflush(None)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", float(time_limit))
    return highs


def _status_name(status: highspy.HighsModelStatus) -> str:
    """``kTimeLimit`` → ``time_limit``."""
    name = status.name.removeprefix("k")
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


def _gap(problem: PlacementProblem, value: float, bound: float) -> float:
    """Relative distance of ``value`` from the ``bound`` (0 when they meet)."""
    if problem.objective == "coverage":
        return max(0.0, (bound - value) / bound) if bound > 0 else 0.0
    return max(0.0, (value - bound) / value) if value > 0 else 0.0


def _size(problem: PlacementProblem) -> int:
    """Entries of the constraint matrix, the measure of how hard the MILP is."""
    if problem.objective == "coverage":
        return int(problem.covers.sum())
    return 2 * int(np.isfinite(problem.minutes).sum())


def _nearest_two(problem: PlacementProblem, open_sites: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per demand point: the nearest open site, its minutes, and the minutes of the second nearest."""
    sites = np.flatnonzero(open_sites)
    minutes = problem.minutes[sites]
    if len(sites) == 0:
        inf = np.full(problem.minutes.shape[1], np.inf)
        return np.full(len(inf), -1), inf, inf
    order = np.argsort(minutes, axis=0)
    columns = np.arange(minutes.shape[1])
    first = minutes[order[0], columns]
    second = minutes[order[1], columns] if len(sites) > 1 else np.full(len(first), np.inf)
    return sites[order[0]], first, second


def _score(problem: PlacementProblem, nearest: np.ndarray) -> np.ndarray:
    """Per demand point, what it contributes given its nearest minutes (higher is better).

    For the median, a point that no open site reaches counts as farther than any reachable one, so
    that reaching it always pays; points that no site at all reaches count alike in every plan.
    """
    if problem.objective == "coverage":
        return np.where(nearest <= problem.limit, problem.weights, 0.0)
    finite = problem.minutes[np.isfinite(problem.minutes)]
    far = 2.0 * (finite.max() if finite.size else 0.0) + 1.0
    return -problem.weights * np.minimum(nearest, far)


def _gains(problem: PlacementProblem, open_sites: np.ndarray, nearest: np.ndarray | None = None) -> np.ndarray:
    """Improvement of the objective from opening each site, given the nearest minutes of each point."""
    if nearest is None:
        nearest = _nearest_two(problem, open_sites)[1]
    improved = np.minimum(problem.minutes, nearest[None, :])
    return (_score(problem, improved) - _score(problem, nearest)[None, :]).sum(axis=1)


def _best_swap(problem: PlacementProblem, open_sites: np.ndarray) -> tuple[int, int] | None:
    """The (close an existing site, open another) pair that improves the objective most, if any does."""
    nearest_site, first, second = _nearest_two(problem, open_sites)
    best, best_gain = None, 1e-9
    for site in np.flatnonzero(open_sites & problem.existing):
        without = np.where(nearest_site == site, second, first)
        loss = (_score(problem, first) - _score(problem, without)).sum()
        gains = _gains(problem, open_sites, without)
        gains[open_sites] = -np.inf
        candidate = int(np.argmax(gains))
        if gains[candidate] - loss > best_gain:
            best, best_gain = (int(site), candidate), gains[candidate] - loss
    return best
