"""A seeded generator of a realistic incident history for a street, in the incident log format.

Cases come from the demand model (:mod:`cockpit.demand`, resources/demand.toml), the one the demo
feed and the simulator use: Poisson counts per day and category around its rate times a day-level
multiplier, an hour by that weekday's profile (quiet nights, morning and late-afternoon peaks,
later mornings at weekends), seasons (drainage peaks in the rainy season), a source typical of the
category (smoke → sensors, disputes → residents, parking → patrols and cameras) and a micro-grid
where such cases happen (households, or elderly people living alone). Each case also gets a risk
level near the category default, a point inside its micro-grid, and the times of its closed loop
drawn from lognormal delays and the category's service time. Past-deadline cases escalate by the
one rule of :mod:`cockpit.escalation`; some are reopened; times after the end of the period are
left empty, so the last cases are still open, as in a real export. Everything is drawn with numpy
in whole arrays: a year of ~36,000 cases takes well under a second.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd
import shapely

from cockpit.demand import SOURCES, DemandModel, default_demand
from cockpit.escalation import escalations_before
from cockpit.history.format import normalise_log
from cockpit.street.model import Street
from cockpit.vocabulary.categories import CategoryTable, default_categories
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, Source, StaffKind
from cockpit.vocabulary.local_time import LOCAL_TZ
from cockpit.vocabulary.targets import RESPONSE_TARGET

DEFAULT_START = pd.Timestamp("2025-01-01", tz=LOCAL_TZ)
"""First local midnight of a generated history when no start is given."""

_RISK_CHANGE = {
    # default risk: probabilities of triaged blue, yellow, red
    RiskLevel.BLUE: (0.91, 0.08, 0.01),
    RiskLevel.YELLOW: (0.12, 0.83, 0.05),
    RiskLevel.RED: (0.02, 0.15, 0.83),
}
_OWNER_AT_TRIAGE = {
    # risk: probabilities of grid, community, street owning the case at triage
    RiskLevel.BLUE: (0.97, 0.03, 0.00),
    RiskLevel.YELLOW: (0.84, 0.16, 0.00),
    RiskLevel.RED: (0.60, 0.12, 0.28),
}
"""Most cases stay with the grid ("小事不出网格"); red ones often go to the street's departments."""

_RATINGS = np.arange(1, 6)
_RATING_P = np.array([0.02, 0.03, 0.06, 0.27, 0.62])
_RATING_P_LATE = np.array([0.08, 0.10, 0.17, 0.30, 0.35])
_RATING_P_AFTER_REOPEN = np.array([0.05, 0.08, 0.20, 0.35, 0.32])
_RATED_SHARE = 0.80
_LONG_TAIL = {
    # risk: probability of a wait (parts, coordination) after the visit, its median hours and sigma
    RiskLevel.BLUE: (0.15, 6.0, 1.2),
    RiskLevel.YELLOW: (0.25, 16.0, 1.1),
    RiskLevel.RED: (0.20, 20.0, 1.1),
}
_NO_VISIT = {"neighbour_dispute": 0.15}
"""Share of cases resolved without going on scene (mediated by phone); 4 % for other categories."""

_SEC = 1_000_000  # microseconds


def generate_history(
    street: Street,
    days: int,
    seed: int,
    start: pd.Timestamp | str | None = None,
    categories: CategoryTable | None = None,
    demand: DemandModel | None = None,
) -> pd.DataFrame:
    """A seeded incident history of ``days`` days for ``street``, as :func:`~cockpit.history.format.read_log` returns it.

    Parameters
    ----------
    street
        The street whose micro-grids, grid workers, micro-grid heads and department teams the
        cases use.
    days
        Length of the period; the log is as of its end (later times are left empty).
    seed
        Seed of the only random generator used: the same arguments give the same frame.
    start
        First local midnight (any timezone-aware time or ISO string; default :data:`DEFAULT_START`).
    categories
        Category table (default: the shipped one).
    demand
        The demand model (default: the shipped one, :func:`cockpit.demand.default_demand`); its
        categories must be those of ``categories``.

    Returns
    -------
    pandas.DataFrame
        One row per case in report order, validated against the incident log format.
    """
    if days <= 0:
        raise ValueError(f"days must be positive, not {days}")
    table = categories or default_categories()
    demand = demand or default_demand()
    if tuple(table.codes) != demand.codes:
        raise ValueError("the demand model's categories are not those of the category table")
    start_ts = _start(start)
    rng = np.random.default_rng(seed)
    start_us = start_ts.value // 1000
    end_us = start_us + days * 86_400 * _SEC

    reported, cat = _arrivals(rng, demand, days, start_ts, start_us)
    n = reported.size
    local_day = (reported - start_us) // (86_400 * _SEC)
    local_hour = ((reported - start_us) % (86_400 * _SEC)) // (3600 * _SEC)
    night = (local_hour < 7) | (local_hour >= 22)

    codes = table.codes
    source = _choose_rows(rng, demand.sources[cat])
    default_risk = np.array([list(RiskLevel).index(table[c].default_risk) for c in codes])[cat]
    risk = _choose_rows(rng, np.array([_RISK_CHANGE[r] for r in RiskLevel])[default_risk])
    owner = _choose_rows(rng, np.array([_OWNER_AT_TRIAGE[r] for r in RiskLevel])[risk])

    micro = _micro_grids(rng, street, demand, cat)
    lon, lat = _points(rng, street, micro)

    times = _timeline(rng, table, cat, source, risk, night, reported)
    rating, reopened = _feedback(rng, times, risk, reported)
    _reopen(rng, times, reopened)
    rating = np.where(reopened, rng.choice(_RATINGS, size=n, p=_RATING_P_AFTER_REOPEN), rating)
    rated = rng.random(n) < _RATED_SHARE
    times["closed_at"] = np.where(
        rated,
        times["resolved_at"] + _lognormal_us(rng, 5 * 60, 0.8, n),
        times["resolved_at"] + 24 * 3600 * _SEC,
    )
    rating = np.where(rated, rating, 0)

    frame_times, reopened, rating = _truncate(times, reopened, rating, end_us)
    within = np.array([r.resolve_within for r in RiskLevel])[risk].astype("timedelta64[us]").astype(np.int64)
    # Open until the resolution, or past the end of the log (an escalation due at its last moment counts).
    open_until = np.fmin(frame_times["resolved_at"], end_us + 1)
    escalated = escalations_before(reported, within, open_until, len(OwnerLevel) - 1 - owner)
    owner = owner + escalated

    assignee = _assignees(rng, street, table, cat, risk, micro)
    assignee = np.where(np.isnan(frame_times["dispatched_at"]), None, assignee)

    micro_ids = np.array([m.id for m in street.micro_grids], dtype=object)
    general_ids = np.array([m.general_grid_id for m in street.micro_grids], dtype=object)
    community_ids = np.array([m.community_id for m in street.micro_grids], dtype=object)
    frame = pd.DataFrame({
        "case_id": _case_ids(reported, local_day, start_ts),
        "reported_at": _to_ts(reported.astype(float)),
        "category": np.array(codes, dtype=object)[cat],
        "risk_level": np.array([r.value for r in RiskLevel], dtype=object)[risk],
        "source": np.array([s.value for s in SOURCES], dtype=object)[source],
        "community": community_ids[micro],
        "general_grid": general_ids[micro],
        "micro_grid": micro_ids[micro],
        "lon": lon,
        "lat": lat,
        **{c: _to_ts(frame_times[c]) for c in ("triaged_at", "dispatched_at", "accepted_at",
                                                "on_scene_at", "resolved_at", "closed_at")},
        "assignee": assignee,
        "owner_level": np.array([o.value for o in OwnerLevel], dtype=object)[owner],
        "escalations": escalated.astype(np.int64),
        "satisfaction": pd.array(np.where(rating > 0, rating, 0), dtype="Int64").astype("Int64"),
        "reopened": reopened.astype(np.int64),
        "first_resolved_at": _to_ts(frame_times["first_resolved_at"]),
        "reopened_at": _to_ts(frame_times["reopened_at"]),
    })
    frame.loc[rating == 0, "satisfaction"] = pd.NA
    return normalise_log(frame, "generated history")


# ---------------------------------------------------------------- arrivals


def _start(start: pd.Timestamp | str | None) -> pd.Timestamp:
    if start is None:
        return DEFAULT_START
    ts = pd.Timestamp(start)
    if ts.tzinfo is None:
        raise ValueError(f"start {start!r} has no time zone")
    return ts.floor("s")


def _arrivals(rng: np.random.Generator, demand: DemandModel, days: int, start: pd.Timestamp,
              start_us: int) -> tuple[np.ndarray, np.ndarray]:
    """Report times (µs since the epoch, sorted) and categories of the demand model's cases.

    Each day's count per category is Poisson around its rate times the day's multiplier; each
    case then falls in an hour by that weekday's profile, at a uniform second within it.
    """
    local = start.tz_convert(LOCAL_TZ)
    rates = demand.daily_rates(local.date(), days) * demand.day_factors(rng, days)[:, None]
    counts = rng.poisson(rates)
    cases = counts.ravel()
    case_day = np.repeat(np.repeat(np.arange(days), len(demand.codes)), cases)
    cat = np.repeat(np.tile(np.arange(len(demand.codes)), days), cases)
    weekday = (local.weekday() + case_day) % 7
    hour = np.empty(case_day.size, dtype=np.int64)
    for day in range(7):
        rows = np.flatnonzero(weekday == day)
        profile = demand.hours[day]
        hour[rows] = rng.choice(24, size=rows.size, p=profile / profile.sum())
    second = rng.integers(0, 3600, size=case_day.size)
    reported = start_us + (case_day * 86_400 + hour * 3600 + second) * _SEC
    order = np.argsort(reported, kind="stable")
    return reported[order], cat[order]


def _choose_rows(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One index per row of a (n, k) matrix of probabilities (inverse CDF, vectorised)."""
    cumulative = np.cumsum(probs / probs.sum(axis=1, keepdims=True), axis=1)
    u = rng.random(probs.shape[0])[:, None]
    return np.minimum((u > cumulative).sum(axis=1), probs.shape[1] - 1)


# ---------------------------------------------------------------- places


def _micro_grids(rng: np.random.Generator, street: Street, demand: DemandModel, cat: np.ndarray) -> np.ndarray:
    """A micro-grid per case, by where its category's cases happen (:meth:`DemandModel.place_weights`)."""
    micro = np.empty(cat.size, dtype=np.int64)
    for index, code in enumerate(demand.codes):
        rows = np.flatnonzero(cat == index)
        weights = demand.place_weights(code, street.micro_grids)
        micro[rows] = rng.choice(weights.size, size=rows.size, p=weights)
    return micro


def _points(rng: np.random.Generator, street: Street, micro: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Uniform points inside each case's micro-grid polygon (rejection sampling in its bounds)."""
    lon = np.empty(micro.size)
    lat = np.empty(micro.size)
    order = np.argsort(micro, kind="stable")
    bounds = np.searchsorted(micro[order], np.arange(len(street.micro_grids) + 1))
    for index, grid in enumerate(street.micro_grids):
        rows = order[bounds[index]:bounds[index + 1]]
        if rows.size == 0:
            continue
        x0, y0, x1, y1 = grid.polygon.bounds
        got_x, got_y, need = [], [], rows.size
        for _ in range(50):
            # Rounded to 1e-6° (~0.1 m) before the test, so the written point is still inside.
            x = np.round(rng.uniform(x0, x1, size=2 * need + 8), 6)
            y = np.round(rng.uniform(y0, y1, size=2 * need + 8), 6)
            inside = shapely.contains_xy(grid.polygon, x, y)
            got_x.append(x[inside][:need])
            got_y.append(y[inside][:need])
            need -= int(min(inside.sum(), need))
            if need == 0:
                break
        else:
            point = grid.polygon.representative_point()
            got_x.append(np.full(need, point.x))
            got_y.append(np.full(need, point.y))
        lon[rows] = np.concatenate(got_x)
        lat[rows] = np.concatenate(got_y)
    return lon, lat


# ---------------------------------------------------------------- times


def _lognormal_us(rng: np.random.Generator, median_s: np.ndarray | float, sigma: np.ndarray | float,
                  n: int) -> np.ndarray:
    """Lognormal delays in whole seconds, as microseconds."""
    seconds = np.exp(np.log(median_s) + sigma * rng.standard_normal(n))
    return np.round(seconds).astype(np.int64) * _SEC


def _timeline(rng: np.random.Generator, table: CategoryTable, cat: np.ndarray, source: np.ndarray,
              risk: np.ndarray, night: np.ndarray, reported: np.ndarray) -> dict[str, np.ndarray]:
    """Times (µs) of triage, dispatch, acceptance, arrival and resolution of every case."""
    n = cat.size
    red = risk == list(RiskLevel).index(RiskLevel.RED)
    sensor = source == SOURCES.index(Source.SENSOR)
    slow_night = np.where(night, 2.0, 1.0)
    triaged = reported + _lognormal_us(rng, np.where(sensor, 90.0, 180.0) * slow_night, 0.7, n)
    dispatched = triaged + _lognormal_us(rng, np.where(red, 180.0, 360.0), 0.8, n)
    accept_median = 600.0 * np.where(night, 3.0, 1.0) * np.where(red, 0.5, 1.0)
    late = rng.random(n) < 0.04
    accepted = (dispatched + _lognormal_us(rng, accept_median, 0.9, n)
                + np.where(late, _lognormal_us(rng, 150 * 60, 0.5, n), 0))
    no_visit_p = np.array([_NO_VISIT.get(code, 0.04) for code in table.codes])[cat]
    visit = rng.random(n) >= no_visit_p
    on_scene = accepted + _lognormal_us(rng, 14 * 60, 0.6, n)
    medians = np.array([c.service.median_minutes * 60 for c in table])[cat]
    sigmas = np.array([c.service.sigma for c in table])[cat]
    service = _lognormal_us(rng, medians, sigmas, n)
    tail_p, tail_median, tail_sigma = (np.array([_LONG_TAIL[r][i] for r in RiskLevel])[risk] for i in range(3))
    wait = np.where(rng.random(n) < tail_p, _lognormal_us(rng, tail_median * 3600, tail_sigma, n), 0)
    resolved = np.where(visit, on_scene, accepted) + service + wait
    return {
        "triaged_at": triaged.astype(float),
        "dispatched_at": dispatched.astype(float),
        "accepted_at": accepted.astype(float),
        "on_scene_at": np.where(visit, on_scene, np.nan),
        "resolved_at": resolved.astype(float),
    }


def _feedback(rng: np.random.Generator, times: dict[str, np.ndarray], risk: np.ndarray,
              reported: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First ratings (worse when late) and which cases the resident sends back as not fixed."""
    n = reported.size
    deadline = reported + np.array([r.resolve_within for r in RiskLevel])[risk].astype("timedelta64[us]").astype(np.int64)
    late = (times["resolved_at"] > deadline) | (times["accepted_at"] - reported > RESPONSE_TARGET // timedelta(microseconds=1))
    rating = np.where(late, rng.choice(_RATINGS, size=n, p=_RATING_P_LATE),
                      rng.choice(_RATINGS, size=n, p=_RATING_P))
    reopened = rng.random(n) < np.where(rating <= 2, 0.35, 0.015)
    return rating, reopened


def _reopen(rng: np.random.Generator, times: dict[str, np.ndarray], reopened: np.ndarray) -> None:
    """Reopened cases: the first resolution, the reopen after feedback, and a second resolution."""
    n = reopened.size
    first = times["resolved_at"]
    reopen_at = first + _lognormal_us(rng, 5 * 3600, 0.8, n)
    again = reopen_at + _lognormal_us(rng, 3 * 3600, 0.8, n)
    times["first_resolved_at"] = np.where(reopened, first, np.nan)
    times["reopened_at"] = np.where(reopened, reopen_at, np.nan)
    times["resolved_at"] = np.where(reopened, again, first)


_CHAIN = ("triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "first_resolved_at",
          "reopened_at", "resolved_at", "closed_at")


def _truncate(times: dict[str, np.ndarray], reopened: np.ndarray, rating: np.ndarray,
              end_us: int) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """The log as of ``end_us``: later times empty, a reopen not yet happened undone."""
    out = {c: np.where(times[c] > end_us, np.nan, times[c]) for c in _CHAIN}
    pending = reopened & np.isnan(out["reopened_at"]) & ~np.isnan(out["first_resolved_at"])
    out["resolved_at"] = np.where(pending, out["first_resolved_at"], out["resolved_at"])
    out["first_resolved_at"] = np.where(pending, np.nan, out["first_resolved_at"])
    still = reopened & ~np.isnan(out["reopened_at"])
    unrated = np.isnan(out["closed_at"]) | pending
    return out, still, np.where(unrated, 0, rating)


def _to_ts(values: np.ndarray) -> pd.Series:
    micros = pd.array(np.where(np.isnan(values), 0, values).astype(np.int64))
    series = pd.Series(pd.to_datetime(np.asarray(micros), unit="us", utc=True))
    return series.where(~np.isnan(values))


def _case_ids(reported: np.ndarray, local_day: np.ndarray, start: pd.Timestamp) -> np.ndarray:
    """``K`` + local date + a daily counter, like :meth:`~cockpit.twin.TwinState.next_case_id`."""
    first_day = start.tz_convert(LOCAL_TZ).normalize()
    dates = (first_day + pd.to_timedelta(np.arange(local_day.max() + 1 if local_day.size else 0), unit="D"))
    day_text = np.array(dates.strftime("%Y%m%d"), dtype=object)
    starts = np.searchsorted(local_day, local_day, side="left")
    counter = np.arange(local_day.size) - starts + 1
    return np.array([f"K{d}-{c:04d}" for d, c in zip(day_text[local_day], counter)], dtype=object)


# ---------------------------------------------------------------- people


def _assignees(rng: np.random.Generator, street: Street, table: CategoryTable, cat: np.ndarray,
               risk: np.ndarray, micro: np.ndarray) -> np.ndarray:
    """The grid worker of the case's general grid mostly; a department team for many red cases."""
    n = cat.size
    workers: dict[str, str] = {}
    by_community: dict[str, str] = {}
    heads: dict[str, str] = {}
    teams: dict[str, list[str]] = {}
    for member in street.staff:
        if member.kind is StaffKind.GRID_WORKER:
            workers.setdefault(member.home_general_grid_id or "", member.id)
            by_community.setdefault(member.home_community_id or "", member.id)
        elif member.kind is StaffKind.MICRO_GRID_HEAD:
            heads.setdefault(member.home_micro_grid_id or "", member.id)
        elif member.kind is StaffKind.DEPARTMENT and member.department is not None:
            teams.setdefault(member.department.value, []).append(member.id)
    anyone = next(iter(workers.values()), street.staff[0].id if street.staff else "unassigned")
    worker = np.array([workers.get(m.general_grid_id) or by_community.get(m.community_id) or anyone
                       for m in street.micro_grids], dtype=object)[micro]
    head = np.array([heads.get(m.id) or w for m, w in zip(street.micro_grids,
                     [workers.get(m.general_grid_id) or by_community.get(m.community_id) or anyone
                      for m in street.micro_grids])], dtype=object)[micro]
    team = worker.copy()
    pick = rng.random(n)
    for index, category in enumerate(table):
        ids = teams.get(category.department.value)
        rows = cat == index
        if ids and rows.any():
            team[rows] = np.array(ids, dtype=object)[(pick[rows] * len(ids)).astype(int)]
    department_p = np.array([0.03, 0.35, 0.70])[risk]
    head_p = np.where(risk == 0, 0.07, 0.0)
    u = rng.random(n)
    return np.where(u < department_p, team, np.where(u < department_p + head_p, head, worker))
