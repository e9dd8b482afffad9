"""A replication's cases as an incident log: the v1 columns of docs/incident-log.md, so the KPI
registry (:mod:`cockpit.kpi`) scores a simulation exactly as it scores a real log.

The engines' stages map onto the log's columns as follows (docs/scenarios.md lists it too):

======================  ==================================================================
column                  from the simulation
======================  ==================================================================
``reported_at``         the case's arrival
``triaged_at``          arrival + the triage stage (研判); the operator's dispatch time follows
                        (street runs; an abstract run: when the case became ready to dispatch)
``dispatched_at``       when a person (or department team) was sent
``accepted_at``         after the acceptance stage (by hour band and risk; an abstract run: at dispatch)
``on_scene_at``         arrival on scene after travel (empty: resolved without a visit)
``resolved_at``         the final resolution: the end of the work, or of the wait for another
                        department after it, or of the rework of a reopened case (empty: open)
``closed_at``           after the resident's rating, or without one after waiting
``satisfaction``        the resident's rating (empty: none); ``reopened`` 1 for a reopened case,
                        with ``first_resolved_at`` and ``reopened_at``
``assignee``            the person or team
``owner_level``         the risk level's default owner, raised by each escalation
``escalations``         by the one rule of :mod:`cockpit.escalation`
places, ``source``      where the case happened and who found it (street runs; empty otherwise)
======================  ==================================================================

The frame also carries the simulator's own columns: ``replication``, ``class`` (the KPI class),
``wait_minutes`` (report → a person is sent), ``response_minutes`` (report → on scene, the
simulator's historical "response"; with ``[resources]``, person and needed item both there),
``item_minutes`` (dispatch → the needed item on scene; NaN without one), ``service_minutes``,
``whistle`` (a department team took it), and ``warmup``, ``after_horizon`` and ``carried`` (left
out of every KPI).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from cockpit.demand import SOURCES
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel
from cockpit.vocabulary.local_time import LOCAL_TZ
from simulation.record import RunRecord

_LEVELS = tuple(OwnerLevel)
_MICROS_PER_MINUTE = 60_000_000


def incident_frame(record: RunRecord) -> pd.DataFrame:
    """Every case of the replication (warm-up and carried ones included, flagged) as a log frame."""
    n = len(record.arrival)
    base = _local_midnight_us(record.start_date)
    classes = np.asarray(record.class_names, dtype=object)[record.cls]
    risks = np.asarray(record.risks + (None,), dtype=object)[record.cls]
    staff = np.asarray(record.staff_ids + (None,), dtype=object)[record.staff]
    escalations = record.escalations if record.escalations is not None else np.zeros(n, dtype=np.int64)
    resolved = _times(record.end, base)
    nat = pd.Series(pd.NaT, index=range(n), dtype="datetime64[us, UTC]")
    staged = record.accepted is not None
    satisfaction = pd.array([pd.NA] * n, dtype="Int64")
    if staged:
        satisfaction = pd.array(np.where(record.satisfaction > 0, record.satisfaction, 0), dtype="Int64")
        satisfaction[record.satisfaction <= 0] = pd.NA
    reopened = (~np.isnan(record.reopened_at)).astype(np.int64) if staged else np.zeros(n, dtype=np.int64)
    frame = pd.DataFrame({
        "case_id": [f"c{i:07d}" for i in range(n)],
        "reported_at": _times(record.arrival, base),
        "category": _labels(record.category, record.category_names) if record.category is not None else classes,
        "risk_level": risks,
        "source": _labels(record.source, tuple(s.value for s in SOURCES)) if record.source is not None else None,
        "community": _labels(record.community, record.community_ids),
        "general_grid": _labels(record.grid, record.grid_ids),
        "micro_grid": _labels(record.micro, record.micro_ids),
        "lon": record.lon if record.lon is not None else np.full(n, np.nan),
        "lat": record.lat if record.lat is not None else np.full(n, np.nan),
        "triaged_at": _times(record.triaged if staged else record.ready, base),
        "dispatched_at": _times(record.start, base),
        "accepted_at": _times(record.accepted if staged else record.start, base),
        "on_scene_at": _times(record.on_scene, base),
        "resolved_at": resolved,
        "closed_at": _times(record.closed, base) if staged else nat,
        "assignee": staff,
        "owner_level": _owner_levels(risks, escalations),
        "escalations": escalations.astype(np.int64),
        "satisfaction": satisfaction,
        "reopened": reopened,
        "first_resolved_at": _times(record.first_resolved, base) if staged else nat,
        "reopened_at": _times(record.reopened_at, base) if staged else nat,
        "replication": record.replication,
        "class": pd.Categorical(classes, categories=list(record.class_names)),
        "wait_minutes": record.start - record.arrival,
        "response_minutes": record.on_scene - record.arrival,
        "item_minutes": record.item_at - record.start if record.item_at is not None else np.full(n, np.nan),
        "service_minutes": record.service,
        "whistle": record.whistle if record.whistle is not None else np.zeros(n, dtype=bool),
        "warmup": record.arrival < record.warmup_minutes,
        "after_horizon": record.arrival >= record.horizon_minutes,
        "carried": record.carried if record.carried is not None else np.zeros(n, dtype=bool),
    })
    return frame


def local_moment(record: RunRecord, minutes: float) -> pd.Timestamp:
    """The UTC moment of simulated minute ``minutes`` of ``record``."""
    micros = _local_midnight_us(record.start_date) + round(minutes * _MICROS_PER_MINUTE)
    return pd.Timestamp(micros, unit="us", tz="UTC")


def _local_midnight_us(day: dt.date) -> int:
    midnight = dt.datetime.combine(day, dt.time(0), tzinfo=LOCAL_TZ)
    return int(midnight.timestamp()) * 1_000_000


def _times(minutes: np.ndarray, base_us: int) -> pd.Series:
    micros = np.round(np.asarray(minutes, dtype=float) * _MICROS_PER_MINUTE)
    out = np.full(len(micros), np.datetime64("NaT"), dtype="datetime64[us]")
    known = np.isfinite(micros)
    out[known] = (base_us + micros[known].astype(np.int64)).astype("datetime64[us]")
    return pd.Series(out).dt.tz_localize("UTC")


def _labels(index: np.ndarray | None, names: tuple[str, ...]) -> np.ndarray | None:
    """``names[index]`` with None where the index is -1 (a place the case has no id for)."""
    if index is None:
        return None
    return np.asarray(tuple(names) + (None,), dtype=object)[index]


def _owner_levels(risks: np.ndarray, escalations: np.ndarray) -> np.ndarray:
    default = {r.value: _LEVELS.index(r.default_owner) for r in RiskLevel}
    start = np.array([default.get(r, -1) for r in risks], dtype=np.int64)
    level = np.minimum(start + escalations, len(_LEVELS) - 1)
    names = np.asarray([lv.value for lv in _LEVELS] + [None], dtype=object)
    return names[np.where(start >= 0, level, -1)]
