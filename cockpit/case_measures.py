"""The cases of a frame as they stood at a moment, measured case by case and summed by group.

A KPI (:mod:`cockpit.kpi`) is a small function of a :class:`Cases`: it picks per-case measures
(response minutes, overdue, rating...) and sums them up with :meth:`Cases.count`,
:meth:`Cases.share`, :meth:`Cases.mean` or :meth:`Cases.quantile`, which return one value per
group in a single vectorised pass. A time later than ``now`` has not happened yet: every measure
reads times through :meth:`Cases.time`, so the KPIs of a log at a past moment equal those of the
twin replayed to that moment. docs/kpi.md gives each rule.
"""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from typing import Mapping

import numpy as np
import pandas as pd

from cockpit.vocabulary.domain import CaseStatus, RiskLevel, Source
from cockpit.vocabulary.targets import RESPONSE_TARGET

DEFAULT_DAILY_HOURS = 8.0
"""On-duty hours a day assumed for a staff member the roster does not name."""

TIME_COLUMNS = ("reported_at", "triaged_at", "dispatched_at", "accepted_at", "on_scene_at",
                "first_resolved_at", "reopened_at", "resolved_at", "closed_at")
"""The time columns of a case frame; the latest of them is the default moment of evaluation."""

REQUIRED = ("reported_at", "accepted_at", "resolved_at", "closed_at", "risk_level", "source",
            "owner_level", "assignee", "satisfaction")
"""Columns every case frame must have."""

_PROACTIVE = tuple(s.value for s in Source if s.proactive)
_NOT_CASES = (CaseStatus.MERGED.value, CaseStatus.REJECTED.value)
_DEADLINE = {r.value: pd.Timedelta(r.resolve_within) for r in RiskLevel}
_NO_GROUP = -1


def timestamp(value: datetime | pd.Timestamp) -> pd.Timestamp:
    """``value`` as a UTC timestamp; a naive time is refused (its zone is unknowable)."""
    ts = pd.Timestamp(value)
    if ts.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return ts.tz_convert("UTC")


def _column_times(df: pd.DataFrame, column: str) -> pd.Series:
    if column not in df.columns:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[us, UTC]")
    return pd.to_datetime(df[column], utc=True).astype("datetime64[us, UTC]")


def latest_time(df: pd.DataFrame) -> pd.Timestamp | None:
    """The latest timestamp anywhere in the frame's time columns (None for none)."""
    latest = [_column_times(df, c).max() for c in TIME_COLUMNS if c in df.columns]
    latest = [t for t in latest if not pd.isna(t)]
    return max(latest) if latest else None


class Cases:
    """The cases of a frame counted at ``now``, with their per-case measures, in groups.

    Owns the counted rows (reported at or before ``now``; merged and rejected twin cases are not
    cases), their group codes and the measures computed from them on first use. Emits nothing.

    Parameters
    ----------
    df
        Cases in the incident log layout (extra columns are ignored; a ``status`` column, as the
        twin's frame has, drops merged and rejected cases).
    now
        The moment of evaluation (timezone-aware); default: the latest time in ``df``.
    start
        Start of the period for staff utilisation; default: the earliest report counted.
    roster
        Daily on-duty hours by staff id; default :data:`DEFAULT_DAILY_HOURS` for everyone.
    by
        A column to group the cases by (one group per value seen); None: one group of all.

    Raises
    ------
    KeyError
        ``df`` lacks a column of :data:`REQUIRED`, or ``by`` is not one of its columns.
    """

    def __init__(self, df: pd.DataFrame, now: datetime | pd.Timestamp | None = None, *,
                 start: datetime | pd.Timestamp | None = None, roster: Mapping[str, float] | None = None,
                 by: str | None = None) -> None:
        missing = [c for c in REQUIRED if c not in df.columns]
        if missing:
            raise KeyError(f"the case frame has no column {missing[0]!r}")
        if by is not None and by not in df.columns:
            raise KeyError(f"unknown column {by!r}; the frame has {', '.join(map(str, df.columns))}")
        if "status" in df.columns:
            df = df[~df["status"].astype(str).isin(_NOT_CASES).to_numpy()]
        now_ts = timestamp(now) if now is not None else latest_time(df)
        reported = _column_times(df, "reported_at")
        counted = (reported <= now_ts).to_numpy() if now_ts is not None else np.zeros(len(df), dtype=bool)
        self.frame = df[counted]
        # A frame without any time has no cases; NaT compares false with every time.
        self.now = now_ts if now_ts is not None else pd.NaT
        if start is not None:
            self.start = timestamp(start)
        else:
            self.start = reported[counted].min() if counted.any() else now_ts
        self.roster = roster or {}
        if by is None:
            self.groups = pd.Index([0])
            self.codes = np.zeros(len(self.frame), dtype=np.int64)
        else:
            codes, labels = pd.factorize(self.frame[by].astype(object), sort=True)
            self.groups = pd.Index(labels, name=by)
            self.codes = codes.astype(np.int64)

    def __len__(self) -> int:
        return len(self.frame)

    # ------------------------------------------------------------ per-case measures

    def time(self, column: str) -> pd.Series:
        """The times of ``column``, empty (NaT) where missing or later than ``now``."""
        values = _column_times(self.frame, column)
        return values.where(values <= self.now)

    @cached_property
    def reported(self) -> pd.Series:
        return _column_times(self.frame, "reported_at")

    @cached_property
    def accepted(self) -> pd.Series:
        return self.time("accepted_at")

    @cached_property
    def _reopen(self) -> tuple[pd.Series, pd.Series, pd.Series]:
        """(resolved, first resolved, reopened) at ``now``: a reopen still ahead leaves the first resolution."""
        resolved = self.time("resolved_at")
        first = self.time("first_resolved_at")
        reopened = self.time("reopened_at")
        pending = resolved.isna() & first.notna() & reopened.isna()
        return resolved.where(~pending, first), first.where(~pending), reopened

    @property
    def resolved_at(self) -> pd.Series:
        """When each case was resolved by ``now`` (its first resolution if the reopen is still ahead)."""
        return self._reopen[0]

    @property
    def first_resolved_at(self) -> pd.Series:
        return self._reopen[1]

    @property
    def reopened_at(self) -> pd.Series:
        return self._reopen[2]

    @cached_property
    def resolved(self) -> pd.Series:
        """Resolved by ``now``."""
        return self.resolved_at.notna()

    @cached_property
    def open(self) -> pd.Series:
        """Not resolved at ``now`` (the predicate of :attr:`cockpit.domain.CaseStatus.open`)."""
        return ~self.resolved

    @cached_property
    def closed(self) -> pd.Series:
        return self.time("closed_at").notna()

    @cached_property
    def deadline(self) -> pd.Series:
        """Report + the risk level's resolve deadline (NaT for a row without a risk level)."""
        within = self.frame["risk_level"].astype(str).map(_DEADLINE).astype("timedelta64[us]")
        return self.reported + within

    @cached_property
    def overdue(self) -> pd.Series:
        """Resolved after the deadline, or still open at ``now`` with ``now`` past it."""
        return (self.resolved & (self.resolved_at > self.deadline)) | (self.open & (self.now > self.deadline))

    @cached_property
    def response_minutes(self) -> pd.Series:
        """``accepted_at − reported_at`` in minutes (NaN if not accepted by ``now``)."""
        return (self.accepted - self.reported) / pd.Timedelta(minutes=1)

    @cached_property
    def response_decided(self) -> pd.Series:
        """Accepted, or unaccepted with the response target already past at ``now``."""
        return self.accepted.notna() | (self.now > self.reported + RESPONSE_TARGET)

    @cached_property
    def within_response_target(self) -> pd.Series:
        return self.accepted.notna() & (self.accepted - self.reported <= RESPONSE_TARGET)

    @cached_property
    def resolution_hours(self) -> pd.Series:
        """``resolved_at − reported_at`` in hours (final resolution; NaN if open)."""
        return ((self.resolved_at - self.reported) / pd.Timedelta(hours=1)).where(self.resolved)

    @cached_property
    def rating(self) -> pd.Series:
        """The rating 1-5, known from ``closed_at`` (or ``resolved_at`` if not closed) on; else NaN."""
        given = _column_times(self.frame, "closed_at").fillna(_column_times(self.frame, "resolved_at"))
        rating = pd.to_numeric(self.frame["satisfaction"], errors="coerce").astype("float64")
        return rating.where(given <= self.now)

    @cached_property
    def proactive(self) -> pd.Series:
        """Found by patrol or sensor (主动发现)."""
        return self.frame["source"].astype(str).isin(_PROACTIVE)

    @cached_property
    def source_known(self) -> pd.Series:
        """The case has a source (every case of a log does; a simulated abstract queue's do not)."""
        return self.frame["source"].notna()

    @cached_property
    def owner_level(self) -> pd.Series:
        return self.frame["owner_level"].astype(str)

    @cached_property
    def resolved_with_owner(self) -> pd.Series:
        """Resolved, with the level that owned it known (every resolved case of a log)."""
        return self.resolved & self.frame["owner_level"].notna()

    # ------------------------------------------------------------ sums by group

    def _sum(self, values: pd.Series | np.ndarray) -> np.ndarray:
        keep = self.codes != _NO_GROUP
        weights = np.asarray(values, dtype="float64")[keep]
        return np.bincount(self.codes[keep], weights=weights, minlength=len(self.groups))

    def _series(self, values: np.ndarray) -> pd.Series:
        return pd.Series(values, index=self.groups, dtype="float64")

    def count(self, mask: pd.Series | None = None) -> pd.Series:
        """Cases per group (those where ``mask`` holds, if given)."""
        return self._series(self._sum(np.ones(len(self)) if mask is None else mask))

    def share(self, mask: pd.Series, of: pd.Series | None = None) -> pd.Series:
        """Cases where ``mask`` holds over the cases where ``of`` holds (all cases); NaN for none."""
        denominator = self._sum(np.ones(len(self)) if of is None else of)
        numerator = self._sum(mask if of is None else mask & of)
        with np.errstate(invalid="ignore", divide="ignore"):
            return self._series(np.where(denominator > 0, numerator / denominator, np.nan))

    def mean(self, values: pd.Series) -> pd.Series:
        """Mean of ``values`` over the cases that have one; NaN for none."""
        present = values.notna()
        total = self._sum(values.where(present, 0.0))
        known = self._sum(present)
        with np.errstate(invalid="ignore", divide="ignore"):
            return self._series(np.where(known > 0, total / known, np.nan))

    def quantile(self, values: pd.Series, q: float) -> pd.Series:
        """The ``q`` quantile of ``values`` per group (linear interpolation, numpy's default)."""
        keep = (self.codes != _NO_GROUP) & values.notna().to_numpy()
        by_group = pd.Series(values.to_numpy()[keep]).groupby(self.codes[keep]).quantile(q)
        return self._series(by_group.reindex(range(len(self.groups))).to_numpy())

    def utilisation(self) -> pd.Series:
        """Busy hours ÷ on-duty hours of the staff who accepted a case, per group.

        Busy: the union (overlaps once) of each person's spans accepted → resolved, an open case
        running to ``now``, a reopened case busy to its first resolution and again from the reopen,
        clipped to [start, now]. On duty: each counted person's daily hours × the period in days.
        """
        nothing = self._series(np.full(len(self.groups), np.nan))
        if not len(self):
            return nothing
        now, start = self.now, self.start
        assignee = self.frame["assignee"].astype(object).where(self.frame["assignee"].notna(), None)
        has = (self.accepted.notna() & assignee.notna()).to_numpy() & (self.codes != _NO_GROUP)
        first_end = self.first_resolved_at.fillna(self.resolved_at).fillna(now)
        again = has & self.reopened_at.notna().to_numpy()
        spans = pd.concat([
            pd.DataFrame({"key": self.codes[has], "who": assignee[has].to_numpy(),
                          "begin": self.accepted[has].array, "end": first_end[has].array}),
            pd.DataFrame({"key": self.codes[again], "who": assignee[again].to_numpy(),
                          "begin": self.reopened_at[again].array,
                          "end": self.resolved_at[again].fillna(now).array}),
        ], ignore_index=True)
        period_hours = max((now - start) / pd.Timedelta(hours=1), 0.0)
        if spans.empty or period_hours <= 0:
            return nothing
        begin = spans["begin"].clip(lower=start, upper=now).astype("int64").to_numpy()
        end = spans["end"].clip(lower=start, upper=now).astype("int64").to_numpy()
        person = pd.factorize(pd.MultiIndex.from_arrays([spans["key"], spans["who"]]))[0]
        order = np.lexsort((begin, person))
        begin, end, person = begin[order], end[order], person[order]
        # Union of intervals per (group, person): a span counts only beyond the furthest end before it.
        reach = pd.Series(end).groupby(person).cummax().shift(1)
        same = np.r_[False, person[1:] == person[:-1]]
        lowest = np.iinfo(np.int64).min
        floor = np.where(same, reach.fillna(lowest).to_numpy(dtype=np.int64), lowest)
        busy_hours = np.clip(end - np.maximum(begin, floor), 0, None) / 3.6e9
        keys = spans["key"].to_numpy()[order]
        busy = np.bincount(keys, weights=busy_hours, minlength=len(self.groups))
        people = spans.iloc[order].drop_duplicates(["key", "who"])
        daily = people["who"].map(lambda who: self.roster.get(who, DEFAULT_DAILY_HOURS)).astype(float)
        duty = np.bincount(people["key"].to_numpy(), weights=daily.to_numpy() * period_hours / 24,
                           minlength=len(self.groups))
        with np.errstate(invalid="ignore", divide="ignore"):
            return self._series(np.where(duty > 0, busy / duty, np.nan))
