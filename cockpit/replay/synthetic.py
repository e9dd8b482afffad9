"""A fast, seeded synthetic incident log for replay tests and benchmarks.

The demo history generator aims at realism; this one aims at volume: a million rows in about a
second, fully vectorised, with the demand model's hours of the day, category mix and sources, and
every path the replay must handle (untriaged, never dispatched, late responses, overdue cases,
escalations, feedback, open cases at the end of the log).
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd

from cockpit.demand import SOURCES, DemandModel, default_demand
from cockpit.street.model import Street
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel, StaffKind


def synthetic_log(street: Street, rows: int, seed: int, start: datetime,
                  per_day: float = 1000.0, demand: DemandModel | None = None) -> pd.DataFrame:
    """``rows`` cases reported from ``start`` at about ``per_day`` a day, in the incident log layout.

    The hours of the day, categories and sources follow the demand model (default: the shipped
    one); the volume is ``per_day``'s. Times are timezone-aware (UTC) whole seconds; locations are
    those of the street's micro-grids.
    """
    rng = np.random.default_rng(seed)
    micro = street.micro_grids
    micro_ids = np.array([m.id for m in micro])
    general_ids = np.array([m.general_grid_id for m in micro])
    community_ids = np.array([m.community_id for m in micro])
    centroids = np.array([(m.polygon.centroid.x, m.polygon.centroid.y) for m in micro])
    people = np.array([s.id for s in street.staff if s.kind is not StaffKind.DEPARTMENT]
                      or [s.id for s in street.staff])

    demand = demand or default_demand()
    t0 = int(pd.Timestamp(start).timestamp())
    # Days uniform over the span, hours by the demand model's usual day, seconds uniform.
    day = rng.integers(0, max(1, int(np.ceil(rows / per_day))), rows)
    usual = demand.usual_day()
    hour = rng.choice(24, rows, p=usual / usual.sum())
    reported = t0 + np.sort(day * 86_400 + hour * 3600 + rng.integers(0, 3600, rows)).astype(np.int64)
    category = rng.choice(len(demand.codes), rows, p=demand.shares)
    cumulative = np.cumsum(demand.sources, axis=1)[category]
    source = np.minimum((rng.uniform(0, 1, rows)[:, None] > cumulative).sum(axis=1), len(SOURCES) - 1)
    risk_rank = rng.choice(len(RiskLevel), rows, p=[0.7, 0.22, 0.08])
    risk = np.array([r.value for r in RiskLevel])[risk_rank]
    minutes = lambda mean: (rng.exponential(mean, rows) * 60).astype(np.int64) + 1  # noqa: E731
    triaged = reported + minutes(15)
    dispatched = triaged + minutes(20)
    accepted = dispatched + minutes(60)
    on_scene = accepted + minutes(30)
    resolved = on_scene + minutes(600)
    closed = resolved + minutes(240)
    stop = rng.uniform(0, 1, rows)
    # Some cases stop part-way: never triaged, never dispatched, ..., or still awaiting closure.
    null = np.iinfo(np.int64).min
    triaged = np.where(stop < 0.01, null, triaged)
    dispatched = np.where(stop < 0.02, null, dispatched)
    accepted = np.where(stop < 0.03, null, accepted)
    on_scene = np.where((stop < 0.04) | (stop > 0.97), null, on_scene)
    resolved = np.where(stop < 0.05, null, resolved)
    closed = np.where(stop < 0.08, null, closed)
    assignee = np.where(dispatched == null, None, people[rng.integers(0, len(people), rows)])
    escalations = np.where(rng.uniform(0, 1, rows) < 0.1, rng.integers(1, 3, rows), 0)
    owner_rank = np.minimum(risk_rank + escalations, 2)
    owner = np.array([o.value for o in OwnerLevel])[owner_rank]
    satisfaction = np.where((closed != null) & (rng.uniform(0, 1, rows) < 0.8),
                            rng.integers(1, 6, rows).astype(float), np.nan)
    cell = rng.integers(0, len(micro), rows)
    jitter = rng.normal(0, 0.0003, (rows, 2))

    def stamp(seconds: np.ndarray) -> pd.Series:
        values = pd.to_datetime(np.where(seconds == null, 0, seconds), unit="s", utc=True)
        return pd.Series(values).where(seconds != null)

    return pd.DataFrame({
        "case_id": np.char.add("R", np.arange(rows).astype(str)),
        "reported_at": stamp(reported),
        "category": np.array(demand.codes)[category],
        "risk_level": risk,
        "source": np.array([s.value for s in SOURCES])[source],
        "community": community_ids[cell],
        "general_grid": general_ids[cell],
        "micro_grid": micro_ids[cell],
        "lon": centroids[cell, 0] + jitter[:, 0],
        "lat": centroids[cell, 1] + jitter[:, 1],
        "triaged_at": stamp(triaged),
        "dispatched_at": stamp(dispatched),
        "accepted_at": stamp(accepted),
        "on_scene_at": stamp(on_scene),
        "resolved_at": stamp(resolved),
        "closed_at": stamp(closed),
        "assignee": assignee,
        "owner_level": owner,
        "escalations": escalations,
        "satisfaction": satisfaction,
        "reopened": np.zeros(rows, dtype=np.int64),
    })
