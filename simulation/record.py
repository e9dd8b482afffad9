"""What one replication produced: per-case arrays in arrival order, and what they refer to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np


@dataclass(frozen=True)
class RunRecord:
    """Everything one replication produced, as arrays indexed by case (in arrival order).

    Times are simulated minutes from local midnight of ``start_date``. ``ready`` is when a case
    could first be dispatched (its report plus the operator's triage and dispatch time), ``start``
    when a staff member was sent to it, ``on_scene`` when they arrived, ``end`` when it was resolved
    (NaN: never within the run). ``cls`` indexes ``class_names`` (whose risk levels are ``risks``,
    None for a class without one); ``staff`` indexes ``staff_ids`` (-1: nobody). ``duty`` is the
    number of staff on duty in each hour of the horizon, ``daily_hours`` each person's hours on duty
    a day; ``events`` counts the events the loop processed.

    Street runs also fill ``escalations`` (owner-level steps by the one escalation rule),
    ``whistle`` (handled by a department team), ``category`` (index into ``category_names``),
    ``micro`` and ``grid`` (indices into ``micro_ids`` and ``grid_ids``), ``community`` (into
    ``community_ids``), ``lon``/``lat``, ``source`` (an index into :class:`cockpit.domain.Source`)
    and ``carried`` (open at the start state, never counted in KPIs); abstract runs leave them None.
    ``item_at`` is when the item a case needed arrived (NaN: it needed none), in runs with ``[resources]``.
    ``staff_roles`` is each person's staff kind (its value, e.g. ``"grid_worker"``) and ``role_duty``
    the ``duty`` of each kind (street runs; empty otherwise).

    The closed loop's stages (street runs): ``triaged``, ``accepted`` (first acceptance),
    ``released`` (the person is free after the first round; ``end`` is the final resolution, later
    when the case waited for another department or was reopened), ``first_resolved`` and
    ``reopened_at`` (reopened cases), ``rework_start``/``rework_end`` (the second round's person
    spell), ``closed`` and ``satisfaction`` (1-5, 0 for no rating).
    """

    scenario: str
    replication: int
    start_date: dt.date
    class_names: tuple[str, ...]
    risks: tuple[str | None, ...]
    priorities: tuple[int, ...]
    response_target_minutes: float
    arrival: np.ndarray
    ready: np.ndarray
    cls: np.ndarray
    service: np.ndarray
    start: np.ndarray
    on_scene: np.ndarray
    end: np.ndarray
    staff: np.ndarray
    staff_ids: tuple[str, ...]
    daily_hours: tuple[float, ...]
    duty: np.ndarray
    warmup_minutes: float
    horizon_minutes: float
    events: int
    escalations: np.ndarray | None = None
    whistle: np.ndarray | None = None
    category: np.ndarray | None = None
    category_names: tuple[str, ...] = ()
    micro: np.ndarray | None = None
    micro_ids: tuple[str, ...] = ()
    grid: np.ndarray | None = None
    grid_ids: tuple[str, ...] = ()
    community: np.ndarray | None = None
    community_ids: tuple[str, ...] = ()
    lon: np.ndarray | None = None
    lat: np.ndarray | None = None
    source: np.ndarray | None = None
    carried: np.ndarray | None = None
    triaged: np.ndarray | None = None
    accepted: np.ndarray | None = None
    released: np.ndarray | None = None
    first_resolved: np.ndarray | None = None
    reopened_at: np.ndarray | None = None
    rework_start: np.ndarray | None = None
    rework_end: np.ndarray | None = None
    closed: np.ndarray | None = None
    satisfaction: np.ndarray | None = None
    item_at: np.ndarray | None = None
    staff_roles: tuple[str, ...] = ()
    role_duty: Mapping[str, np.ndarray] = field(default_factory=dict)

    def busy_spells(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Start, end and case index of every spell a person was held by a case (a reopened one has two)."""
        index = np.arange(len(self.arrival))
        if self.released is None:
            return self.start, self.end, index
        again = ~np.isnan(self.rework_start)
        return (np.concatenate((self.start, self.rework_start[again])),
                np.concatenate((self.released, self.rework_end[again])),
                np.concatenate((index, index[again])))

    @property
    def in_window(self) -> np.ndarray:
        """Cases reported in [warm-up, horizon) and not carried over from a start state: the KPI cases."""
        inside = (self.arrival >= self.warmup_minutes) & (self.arrival < self.horizon_minutes)
        return inside & ~self.carried if self.carried is not None else inside
