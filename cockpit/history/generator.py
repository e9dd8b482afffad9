"""A seeded generator of a realistic incident history for a street, in the incident log format.

Cases come from the demand model (:mod:`cockpit.demand`, resources/demand.toml), the one the demo
feed and the simulator use: Poisson counts per day and category around its rate times a day-level
multiplier, an hour by that weekday's profile (quiet nights, morning and late-afternoon peaks,
later mornings at weekends), seasons (drainage peaks in the rainy season), a source typical of the
category (smoke → sensors, disputes → residents, parking → patrols and cameras) and a micro-grid
where such cases happen (households, or elderly people living alone). Each case also gets a risk
level near the category default, a point inside its micro-grid, and the times and branches of its
closed loop from the stage table the simulator plays (:mod:`cockpit.stages`, resources/stages.toml),
each stage in the hour band it starts in, without anybody's capacity (the simulator's run,
``cockpit history generate``, has that). Past-deadline cases escalate by the one rule of
:mod:`cockpit.escalation`; some are reopened; times after the end of the period are left empty, so
the last cases are still open, as in a real export. Everything is drawn with numpy in whole arrays:
a year of cases takes about a second.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd
import shapely

from cockpit.demand import SOURCES, DemandModel, default_demand
from cockpit.escalation import escalations_before
from cockpit.history.format import normalise_log
from cockpit.stages import RATINGS, Labels, StageModel, band_minutes, default_stages, selected_entries, share_of
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

_SEC = 1_000_000  # microseconds


def generate_history(
    street: Street,
    days: int,
    seed: int,
    start: pd.Timestamp | str | None = None,
    categories: CategoryTable | None = None,
    demand: DemandModel | None = None,
    stages: StageModel | None = None,
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
    stages
        The stage table (default: the shipped one, :func:`cockpit.stages.default_stages`).

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

    codes = table.codes
    source = _choose_rows(rng, demand.sources[cat])
    default_risk = np.array([list(RiskLevel).index(table[c].default_risk) for c in codes])[cat]
    risk = _choose_rows(rng, np.array([_RISK_CHANGE[r] for r in RiskLevel])[default_risk])
    owner = _choose_rows(rng, np.array([_OWNER_AT_TRIAGE[r] for r in RiskLevel])[risk])

    micro = _micro_grids(rng, street, demand, cat)
    lon, lat = _points(rng, street, micro)

    loop = _Loop(stages or default_stages(), rng, start_us,
                 list(np.array([r.value for r in RiskLevel], dtype=object)[risk]), list(np.array(codes, dtype=object)[cat]),
                 [SOURCES[k].value for k in source])
    times = _timeline(loop, table, cat, reported)
    reopened = loop.shares("reopen") > rng.random(n)
    _reopen(loop, times, reopened)
    rating = _ratings(loop, times, risk, reported, reopened)
    rated = loop.shares("rated") > rng.random(n)
    closing = np.where(rated, loop.minutes("close_rated", times["resolved_at"]),
                       loop.minutes("close_unrated", times["resolved_at"]))
    times["closed_at"] = times["resolved_at"] + _us(closing)
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


class _Loop:
    """The stage table applied to whole arrays of cases: their risk, category and source, one generator."""

    def __init__(self, stages: StageModel, rng: np.random.Generator, start_us: int, risk: list[str],
                 category: list[str], source: list[str]) -> None:
        self.stages, self.rng, self.start_us = stages, rng, start_us
        self.risk, self.category, self.source = _labels(risk), _labels(category), _labels(source)
        self._band_of_hour = np.array(stages.band_of_hour)

    def minutes(self, stage: str, at: np.ndarray, source: bool = False) -> np.ndarray:
        """Minutes of ``stage`` starting at ``at`` (µs; NaN: does not start), by the local hour it starts in."""
        hours = np.where(np.isnan(at), 0, (np.nan_to_num(at) - self.start_us) // (3600 * _SEC) % 24).astype(np.int64)
        u = self.rng.random(len(at))
        return band_minutes(self.stages, stage, u, self.risk, self.category, self._band_of_hour[hours],
                            self.source if source else None)

    def shares(self, stage: str) -> np.ndarray:
        return share_of(self.stages, stage, self.risk, self.category)

    def has_entry(self, stage: str) -> np.ndarray:
        """Whether ``stage`` has an entry for each case (by its risk and category)."""
        out = np.zeros(len(self.risk[0]), dtype=bool)
        for members, entry in selected_entries(self.stages, stage, {"risk": self.risk, "category": self.category}):
            out[members] = entry is not None
        return out


def _labels(values: list[str]) -> Labels:
    """``values`` as integer codes and the distinct names they index (:data:`cockpit.stages.Labels`)."""
    names, codes = np.unique(np.asarray(values, dtype=object).astype(str), return_inverse=True)
    return codes.astype(np.int64), tuple(names.tolist())


def _us(minutes: np.ndarray) -> np.ndarray:
    """Minutes as whole seconds in microseconds."""
    return np.round(np.asarray(minutes) * 60.0).astype(np.int64) * _SEC


def _timeline(loop: _Loop, table: CategoryTable, cat: np.ndarray, reported: np.ndarray) -> dict[str, np.ndarray]:
    """Times (µs) of triage, dispatch, acceptance, arrival and resolution of every case."""
    n = cat.size
    triaged = reported + _us(loop.minutes("triage", reported, source=True))
    dispatched = triaged + _us(loop.minutes("dispatch", triaged))
    accepted = dispatched + _us(loop.minutes("accept", dispatched))
    visit = loop.shares("no_visit") <= loop.rng.random(n)
    on_scene = accepted + _us(loop.minutes("travel", accepted))
    service = np.array([c.service for c in table])[cat]
    medians = np.array([s.median_minutes for s in service])
    sigmas = np.array([s.sigma for s in service])
    own = medians * np.exp(sigmas * loop.rng.standard_normal(n))
    work = loop.minutes("work", on_scene)
    if loop.stages.has("work"):
        own = np.where(loop.has_entry("work"), work, own)
    worked = np.where(visit, on_scene, accepted) + _us(own)
    waits = loop.shares("coordination") > loop.rng.random(n)
    resolved = worked + np.where(waits, _us(loop.minutes("coordination", worked.astype(float))), 0)
    return {
        "triaged_at": triaged.astype(float),
        "dispatched_at": dispatched.astype(float),
        "accepted_at": accepted.astype(float),
        "on_scene_at": np.where(visit, on_scene, np.nan),
        "resolved_at": resolved.astype(float),
    }


def _ratings(loop: _Loop, times: dict[str, np.ndarray], risk: np.ndarray, reported: np.ndarray,
             reopened: np.ndarray) -> np.ndarray:
    """Ratings 1-5 by the stage table's shares: handled on time, late, or after a reopen."""
    deadline = reported + np.array([r.resolve_within for r in RiskLevel])[risk].astype("timedelta64[us]").astype(np.int64)
    late = (times["resolved_at"] > deadline) | (times["accepted_at"] - reported > RESPONSE_TARGET // timedelta(microseconds=1))
    kind = np.where(reopened, 2, np.where(late, 1, 0))
    rating = np.full(reported.size, 5, dtype=np.int64)
    for k, name in enumerate(RATINGS):
        shares = loop.stages.ratings.get(name)
        chosen = kind == k
        if shares is not None and chosen.any():
            rating[chosen] = loop.rng.choice(np.arange(1, 6), size=int(chosen.sum()), p=shares)
    return rating


def _reopen(loop: _Loop, times: dict[str, np.ndarray], reopened: np.ndarray) -> None:
    """Reopened cases: the first resolution, the reopen, and a second round of work."""
    first = times["resolved_at"]
    reopen_at = first + _us(loop.minutes("reopen_after", first))
    again = reopen_at + _us(loop.minutes("rework", reopen_at))
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
