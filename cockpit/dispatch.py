"""Dispatch policies: who should go to a case, and which waiting case a freed person takes next.

A policy is a plain function of the state, used unchanged by the live recommender (the operator's
ranked list) and by the simulator, so that what a leader tests is what an operator runs. Policies see
small frozen views (:class:`CaseNeed`, :class:`Candidate`), never the twin itself, which keeps them
fast enough for the simulator's inner loop and free of any source's details.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np

from cockpit.vocabulary.domain import StaffKind

GENERAL_SKILL = "general"
"""A need for this skill is met by anyone dispatchable."""

DETOUR_FACTOR = 1.3
"""Road distance over straight-line distance in a dense street grid (typical urban circuity)."""

DEFAULT_SPEED_M_PER_MIN = {
    StaffKind.GRID_WORKER: 200.0,  # e-bike
    StaffKind.MICRO_GRID_HEAD: 70.0,  # on foot
    StaffKind.VOLUNTEER: 70.0,
    StaffKind.PARTY_MEMBER: 70.0,
    StaffKind.DEPARTMENT: 400.0,  # vehicle
}

TRAVEL_MODE = {
    StaffKind.GRID_WORKER: "e_bike",
    StaffKind.MICRO_GRID_HEAD: "walk",
    StaffKind.VOLUNTEER: "walk",
    StaffKind.PARTY_MEMBER: "walk",
    StaffKind.DEPARTMENT: "car",
}
"""How each kind of staff travels to a case: a mode of the travel profile (resources/travel.toml)."""


@dataclass(frozen=True, slots=True)
class CaseNeed:
    """What a case needs from a dispatch decision.

    ``x``/``y`` are metres in the street's metric projection, or None where there is no geography
    (then every travel time is zero). ``reported_at`` is any monotone number (epoch or simulated seconds).
    """

    case_id: str
    priority: int
    reported_at: float
    skill: str = GENERAL_SKILL
    department: str | None = None
    x: float | None = None
    y: float | None = None
    general_grid: str | None = None
    community: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person (or department team) who might take a case, as the policy sees them.

    ``travel_minutes`` is their travel time to the one case being ranked when a travel model
    (the road network) has answered it; None leaves the straight-line estimate of :func:`eta_minutes`.
    """

    staff_id: str
    kind: StaffKind
    skills: frozenset[str] = frozenset()
    department: str | None = None
    x: float | None = None
    y: float | None = None
    home_general_grid: str | None = None
    home_community: str | None = None
    available: bool = True
    workload: int = 0
    speed_m_per_min: float = 200.0
    travel_minutes: float | None = None


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One ranked option for a case, with the facts behind its place in the ranking.

    ``reason`` is a code the UI translates: "home_grid", "home_community", "nearest",
    "least_loaded", "department".
    """

    staff_id: str
    eta_minutes: float
    distance_m: float
    workload: int
    reason: str


def qualified(candidate: Candidate, need: CaseNeed) -> bool:
    """True if the candidate may take the case at all (available and holding the needed skill).

    A department team qualifies for a case that names its department; a person qualifies when the
    case needs no special skill or they hold it.
    """
    if not candidate.available:
        return False
    if candidate.kind is StaffKind.DEPARTMENT:
        return need.department is not None and candidate.department == need.department
    return need.skill == GENERAL_SKILL or need.skill in candidate.skills


def distance_m(candidate: Candidate, need: CaseNeed) -> float:
    """Estimated road distance: straight line times :data:`DETOUR_FACTOR` (0 without geography)."""
    if need.x is None or candidate.x is None or need.y is None or candidate.y is None:
        return 0.0
    return math.hypot(candidate.x - need.x, candidate.y - need.y) * DETOUR_FACTOR


def eta_minutes(candidate: Candidate, need: CaseNeed) -> float:
    """Travel time of the candidate to the case in minutes: by the travel model when it answered
    (``travel_minutes``), else the straight-line estimate at the candidate's speed."""
    if candidate.travel_minutes is not None:
        return candidate.travel_minutes
    return distance_m(candidate, need) / candidate.speed_m_per_min


def travel_minutes(x: float, y: float, speed: float, to_x: float, to_y: float) -> float:
    """:func:`eta_minutes` of somebody at ``x``/``y`` (metres) moving at ``speed`` to a point."""
    return math.hypot(x - to_x, y - to_y) * DETOUR_FACTOR / speed


def eta_minutes_many(x: np.ndarray, y: np.ndarray, speed: np.ndarray, to_x: float, to_y: float) -> np.ndarray:
    """:func:`eta_minutes` of many people at ``x``/``y`` (metres) with ``speed`` to one point.

    Somebody without a position (NaN) is 0 minutes away, as :func:`distance_m` has it.
    """
    # fmax takes the non-NaN argument, and a travel time is never negative.
    return np.fmax(np.hypot(x - to_x, y - to_y) * DETOUR_FACTOR / speed, 0.0)


class Pool:
    """The free, qualified people for one case as arrays in staff id order, for a policy's shortlist.

    Each column is computed on first use (a shortlist that settles on the home tier never needs
    travel times): ``eta`` in minutes, ``workload`` (open assignments) and ``home_tier`` (0 for
    people of the case's general grid, 1 of its community, 2 elsewhere).
    """

    def __init__(self, eta: Callable[[], np.ndarray], workload: Callable[[], np.ndarray],
                 home_tier: Callable[[], np.ndarray]) -> None:
        self._columns = {"eta": eta, "workload": workload, "home_tier": home_tier}
        self._values: dict[str, np.ndarray] = {}

    def column(self, name: str) -> np.ndarray:
        """The values of column ``name``."""
        if name not in self._values:
            self._values[name] = self._columns[name]()
        return self._values[name]


ROUNDING = 1e-9
"""Relative difference below which two travel times may compare either way in another computation."""


def near_best(best: float) -> float:
    """The largest travel time a shortlist keeps beside the best one ``best`` (within :data:`ROUNDING`)."""
    return best + abs(best) * ROUNDING + ROUNDING


def shortlist_by(*keys: str) -> Callable[[Pool], np.ndarray]:
    """A shortlist for a policy that ranks by the :class:`Pool` columns ``keys``, then by staff id.

    Key by key it keeps the people at the best value, so the policy's first choice is always kept;
    on a float key (travel time) it keeps everybody within :data:`ROUNDING` of the best, since the
    policy's own arithmetic may order them either way, and hands those over without looking at
    the later keys. Positions come back in staff id order. The function carries ``keys``, so that
    a caller who already holds the people at the best value of an integer first key (the home
    tier) may hand over only them: the shortlist keeps exactly those at its first step.
    """

    def shortlist(pool: Pool) -> np.ndarray:
        chosen = None
        for key in keys:
            values = pool.column(key)
            if chosen is not None:
                values = values[chosen]
            # The simulator calls this for every case: argmin is several times cheaper than a
            # reduction on a few dozen values (a NaN is the minimum either way).
            best = values[values.argmin()]
            if values.dtype.kind == "f":
                near = values <= near_best(best)
                keep = near.nonzero()[0]
                chosen = keep if chosen is None else chosen[keep]
                if len(chosen) > 1 and (values[near] != best).any():
                    break
            else:
                keep = (values == best).nonzero()[0]
                chosen = keep if chosen is None else chosen[keep]
            if len(chosen) == 1:
                break
        return chosen

    shortlist.keys = keys
    return shortlist


def home_tiers(grid: np.ndarray, community: np.ndarray, need_grid, need_community) -> np.ndarray:
    """The :class:`Pool` home tier (as :func:`rank_home_grid_first` ranks) of people whose home grid
    and community are ``grid``/``community``, for a case in ``need_grid``/``need_community`` (ids or
    integer codes of them; an id or code nobody has: unknown)."""
    return np.where(grid == need_grid, 0, 2 - (community == need_community))


def _recommend(candidate: Candidate, need: CaseNeed, reason: str) -> Recommendation:
    return Recommendation(
        staff_id=candidate.staff_id,
        eta_minutes=eta_minutes(candidate, need),
        distance_m=distance_m(candidate, need),
        workload=candidate.workload,
        reason=reason,
    )


def _people(need: CaseNeed, candidates: Iterable[Candidate]) -> list[Candidate]:
    return [c for c in candidates if c.kind is not StaffKind.DEPARTMENT and qualified(c, need)]


def _home_tier(candidate: Candidate, need: CaseNeed) -> int:
    if need.general_grid is not None and candidate.home_general_grid == need.general_grid:
        return 0
    if need.community is not None and candidate.home_community == need.community:
        return 1
    return 2


_TIER_REASON = ("home_grid", "home_community", "nearest")


def rank_nearest(need: CaseNeed, candidates: Iterable[Candidate]) -> list[Recommendation]:
    """Qualified available people by estimated arrival, then workload, then id."""
    recs = [_recommend(c, need, "nearest") for c in _people(need, candidates)]
    recs.sort(key=lambda r: (r.eta_minutes, r.workload, r.staff_id))
    return recs


def rank_home_grid_first(need: CaseNeed, candidates: Iterable[Candidate]) -> list[Recommendation]:
    """People of the case's own general grid first, then its community, then the rest; each by arrival."""
    tiered = [(_home_tier(c, need), c) for c in _people(need, candidates)]
    recs = [(tier, _recommend(c, need, _TIER_REASON[tier])) for tier, c in tiered]
    recs.sort(key=lambda tr: (tr[0], tr[1].eta_minutes, tr[1].workload, tr[1].staff_id))
    return [r for _, r in recs]


def rank_least_loaded(need: CaseNeed, candidates: Iterable[Candidate]) -> list[Recommendation]:
    """Qualified available people with the fewest open assignments first, then by arrival."""
    recs = [_recommend(c, need, "least_loaded") for c in _people(need, candidates)]
    recs.sort(key=lambda r: (r.workload, r.eta_minutes, r.staff_id))
    return recs


def rank_departments(need: CaseNeed, candidates: Iterable[Candidate]) -> list[Recommendation]:
    """Department teams that answer a whistle (吹哨报到) for the case's department, by arrival."""
    recs = [
        _recommend(c, need, "department")
        for c in candidates
        if c.kind is StaffKind.DEPARTMENT and qualified(c, need)
    ]
    recs.sort(key=lambda r: (r.eta_minutes, r.workload, r.staff_id))
    return recs


DEPARTMENT_SHORTLIST = shortlist_by("eta", "workload")
"""The shortlist of :func:`rank_departments` among free qualified teams (a test checks it against the rank)."""


def priority_fcfs_key(need: CaseNeed) -> tuple:
    """Most urgent first, first come first served within a priority (non-preemptive)."""
    return (need.priority, need.reported_at, need.case_id)


def fcfs_key(need: CaseNeed) -> tuple:
    """First come first served, whatever the priority."""
    return (need.reported_at, need.case_id)


@dataclass(frozen=True, slots=True)
class DispatchPolicy:
    """A named pair of rules: how to rank people for a case, and in which order waiting cases are served.

    ``rank`` returns only qualified, available people, best first (empty if none).
    ``queue_key`` orders waiting cases: the smallest key is served first when someone frees up.
    ``shortlist`` (optional) picks, from a :class:`Pool` of many free people, the few that surely
    hold ``rank``'s first choice, so the simulator need not rank everybody; a policy without one
    is handed every free qualified person. A test checks each shortlist against its ``rank``.
    """

    name: str
    rank: Callable[[CaseNeed, Iterable[Candidate]], list[Recommendation]]
    queue_key: Callable[[CaseNeed], tuple]
    shortlist: Callable[[Pool], np.ndarray] | None = None

    def best(self, need: CaseNeed, candidates: Iterable[Candidate]) -> Recommendation | None:
        """The top recommendation, or None if nobody qualified is available."""
        ranked = self.rank(need, candidates)
        return ranked[0] if ranked else None



POLICIES: dict[str, DispatchPolicy] = {
    policy.name: policy
    for policy in (
        DispatchPolicy("nearest", rank_nearest, fcfs_key, shortlist_by("eta", "workload")),
        DispatchPolicy("home_grid_first", rank_home_grid_first, priority_fcfs_key,
                       shortlist_by("home_tier", "eta", "workload")),
        DispatchPolicy("priority_fcfs", rank_nearest, priority_fcfs_key, shortlist_by("eta", "workload")),
        DispatchPolicy("least_loaded", rank_least_loaded, priority_fcfs_key, shortlist_by("workload", "eta")),
    )
}
"""Every dispatch policy by name; scenario files and the UI refer to these names."""


def get_policy(name: str) -> DispatchPolicy:
    """The policy called ``name``; the error lists the valid names."""
    try:
        return POLICIES[name]
    except KeyError:
        raise KeyError(f"unknown dispatch policy {name!r}; choose one of {sorted(POLICIES)}") from None
