"""Key performance indicators of the closed loop: one registry of named functions over a frame of cases.

Each KPI is a :class:`Kpi`: a key, an English title, a unit, its denominator in words, its target
(from resources/targets.toml, :mod:`cockpit.vocabulary.targets`) and a function of
:class:`~cockpit.case_measures.Cases` that returns one value per group. :data:`KPIS` holds them in
display order, and every consumer reads them from there: the live twin's panel
(:meth:`~cockpit.twin.TwinState.cases_frame`), ``cockpit kpi`` on a log
(:func:`~cockpit.history.format.read_log`), ``cockpit replay --at`` and the simulator, which writes
an incident-log frame per replication. So a key means the same everywhere. The KPIs are evaluated
*at a moment* ``now``; docs/kpi.md gives every definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable, Mapping

import numpy as np
import pandas as pd

from cockpit.case_measures import DEFAULT_DAILY_HOURS, Cases, timestamp
from cockpit.street.model import Street
from cockpit.vocabulary.domain import OwnerLevel
from cockpit.vocabulary.targets import Target, kpi_targets

UNITS = COUNT, MINUTES, HOURS, SHARE, RATING = "cases", "minutes", "hours", "share", "rating"
"""Units of KPI values: a whole number of cases, minutes, hours, a share 0-1, a rating 1-5."""

_LEVELS = tuple(level.value for level in OwnerLevel)


@dataclass(frozen=True, slots=True)
class Kpi:
    """One KPI: what it measures (``compute``), in which unit, over which cases, against which target.

    ``compute`` returns a Series with one value per group of the :class:`Cases` (NaN where there is
    nothing to count), or for a KPI with ``parts`` a DataFrame with one column per part; flat, they
    are the columns ``<prefix>_<part>`` (``prefix`` defaults to the key), e.g. ``resolved_at_grid``.
    """

    key: str
    title: str
    unit: str
    denominator: str
    compute: Callable[[Cases], pd.Series | pd.DataFrame]
    parts: tuple[str, ...] = ()
    prefix: str = ""

    @property
    def target(self) -> Target | None:
        """The published target of this KPI, or None."""
        return kpi_targets().get(self.key)

    @property
    def columns(self) -> tuple[str, ...]:
        """The flat column names of this KPI in a :func:`kpis_by` table."""
        if not self.parts:
            return (self.key,)
        return tuple(f"{self.prefix or self.key}_{part}" for part in self.parts)

    def text(self, value: float | None) -> str:
        """``value`` for the command line, in this KPI's unit ("—" when undefined)."""
        if value is None:
            return "—"
        return _TEXT[self.unit].format(value)


_TEXT = {COUNT: "{:,.0f}", MINUTES: "{:.1f} min", HOURS: "{:.1f} h", SHARE: "{:.1%}", RATING: "{:.2f} / 5"}


# ---------------------------------------------------------------- the KPIs


def cases(c: Cases) -> pd.Series:
    """Number of cases."""
    return c.count()


def open_cases(c: Cases) -> pd.Series:
    """Cases open at ``now``."""
    return c.count(c.open)


def response_minutes_mean(c: Cases) -> pd.Series:
    """Mean of ``accepted_at − reported_at`` (first acceptance)."""
    return c.mean(c.response_minutes)


def response_minutes_p90(c: Cases) -> pd.Series:
    """90th percentile of ``accepted_at − reported_at``."""
    return c.quantile(c.response_minutes, 0.9)


def response_within_target_rate(c: Cases) -> pd.Series:
    """Cases accepted within the response target of their report."""
    return c.share(c.within_response_target, of=c.response_decided)


def resolution_hours_mean(c: Cases) -> pd.Series:
    """Mean of ``resolved_at − reported_at`` (final resolution)."""
    return c.mean(c.resolution_hours)


def closure_rate(c: Cases) -> pd.Series:
    """Cases closed by ``now``."""
    return c.share(c.closed)


def overdue_cases(c: Cases) -> pd.Series:
    """Cases resolved after their deadline, or open past it."""
    return c.count(c.overdue)


def overdue_rate(c: Cases) -> pd.Series:
    """Share of cases overdue."""
    return c.share(c.overdue)


def satisfaction_mean(c: Cases) -> pd.Series:
    """Mean rating 1-5."""
    return c.mean(c.rating)


def satisfaction_rate(c: Cases) -> pd.Series:
    """Ratings of 4 or 5."""
    return c.share(c.rating >= 4, of=c.rating.notna())


def proactive_discovery_rate(c: Cases) -> pd.Series:
    """Cases found by patrol or sensor (主动发现率)."""
    return c.share(c.proactive, of=c.source_known)


def source_resolution_rate(c: Cases) -> pd.Series:
    """Resolved cases resolved at grid level (源头化解率, 小事不出网格)."""
    return c.share(c.owner_level == OwnerLevel.GRID.value, of=c.resolved_with_owner)


def resolved_at_level(c: Cases) -> pd.DataFrame:
    """Shares of resolved cases by the level that owned them ("小事不出网格、难事不出社区、大事不出街道")."""
    return pd.DataFrame({level: c.share(c.owner_level == level, of=c.resolved_with_owner) for level in _LEVELS})


def staff_utilisation(c: Cases) -> pd.Series:
    """Busy hours ÷ on-duty hours of the staff who accepted a case."""
    return c.utilisation()


KPIS: dict[str, Kpi] = {
    kpi.key: kpi
    for kpi in (
        Kpi("cases", "cases", COUNT, "—", cases),
        Kpi("open_cases", "open cases", COUNT, "—", open_cases),
        Kpi("response_minutes_mean", "response time, mean", MINUTES, "cases accepted by now",
            response_minutes_mean),
        Kpi("response_minutes_p90", "response time, 90th percentile", MINUTES, "cases accepted by now",
            response_minutes_p90),
        Kpi("response_within_target_rate", "accepted within target", SHARE,
            "cases whose response target is decided at now", response_within_target_rate),
        Kpi("resolution_hours_mean", "resolution time, mean", HOURS, "resolved cases", resolution_hours_mean),
        Kpi("closure_rate", "closure rate", SHARE, "all cases", closure_rate),
        Kpi("overdue_cases", "overdue cases", COUNT, "—", overdue_cases),
        Kpi("overdue_rate", "overdue rate", SHARE, "all cases", overdue_rate),
        Kpi("satisfaction_mean", "satisfaction, mean rating", RATING, "cases rated by now", satisfaction_mean),
        Kpi("satisfaction_rate", "satisfied (rating 4-5)", SHARE, "cases rated by now", satisfaction_rate),
        Kpi("proactive_discovery_rate", "proactive discovery", SHARE, "cases with a source (all of a log)",
            proactive_discovery_rate),
        Kpi("source_resolution_rate", "source resolution (grid)", SHARE, "resolved cases",
            source_resolution_rate),
        Kpi("resolved_at_level", "resolved at level", SHARE, "resolved cases", resolved_at_level, _LEVELS,
            "resolved_at"),
        Kpi("staff_utilisation", "staff utilisation", SHARE, "—", staff_utilisation),
    )
}
"""Every KPI by key, in display order; each consumer lists these, so a new entry shows everywhere."""

KPI_KEYS = tuple(KPIS)
"""Keys of :func:`compute_kpis`, in display order."""


def get_kpi(key: str) -> Kpi:
    """The KPI called ``key``; the error lists the valid keys."""
    try:
        return KPIS[key]
    except KeyError:
        raise KeyError(f"unknown KPI {key!r}; choose one of {list(KPIS)}") from None


# ---------------------------------------------------------------- computing them


def compute_kpis(
    df: pd.DataFrame,
    now: datetime | pd.Timestamp | None = None,
    *,
    start: datetime | pd.Timestamp | None = None,
    roster: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """Every KPI of :data:`KPIS` for the cases in ``df`` as they stood at ``now``.

    Parameters
    ----------
    df
        Cases in the incident log layout (extra columns are ignored; a ``status`` column, as the
        twin's frame has, drops merged and rejected cases).
    now
        The moment of evaluation (timezone-aware); default: the latest timestamp in ``df``.
    start
        Start of the period for staff utilisation; default: the earliest report in ``df``.
    roster
        Daily on-duty hours by staff id (see :func:`roster_hours`); default
        :data:`~cockpit.case_measures.DEFAULT_DAILY_HOURS` for everyone.

    Returns
    -------
    dict
        The keys of :data:`KPI_KEYS`; a KPI with parts is a dict of them. Counts are ints; a ratio
        or mean with nothing to count is None (never NaN).
    """
    table = _table(Cases(df, now, start=start, roster=roster))
    return _row_to_dict(table.iloc[0])


def kpis_by(
    df: pd.DataFrame,
    by: str = "community",
    now: datetime | pd.Timestamp | None = None,
    *,
    start: datetime | pd.Timestamp | None = None,
    roster: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """The KPIs of :func:`compute_kpis` for each value of column ``by`` (one row per value seen).

    ``now`` and ``start`` are the whole frame's, so every group is judged at the same moment.
    A KPI with parts becomes one column per part (:attr:`Kpi.columns`); undefined values are NaN.

    Raises
    ------
    KeyError
        ``by`` is not a column of ``df``.
    """
    return _table(Cases(df, now, start=start, roster=roster, by=by))


def in_window(
    df: pd.DataFrame,
    start: datetime | pd.Timestamp | None = None,
    end: datetime | pd.Timestamp | None = None,
    column: str = "reported_at",
) -> pd.DataFrame:
    """The rows whose ``column`` lies in ``[start, end)`` (either bound may be None = open).

    Typical use: ``compute_kpis(in_window(df, a, b), now=b, start=a)`` gives the KPIs of the cases
    reported in the window, judged at its end.
    """
    times = pd.to_datetime(df[column], utc=True)
    keep = pd.Series(True, index=df.index)
    if start is not None:
        keep &= times >= timestamp(start)
    if end is not None:
        keep &= times < timestamp(end)
    return df[keep.to_numpy()]


def roster_hours(street: Street) -> dict[str, float]:
    """Daily on-duty hours of every staff member of ``street``, from the length of their shift."""
    lengths = {}
    for shift in street.shifts:
        begin = datetime.combine(datetime.min, shift.start)
        end = datetime.combine(datetime.min, shift.end)
        if end <= begin:
            end += timedelta(days=1)
        lengths[shift.id] = (end - begin).total_seconds() / 3600
    return {m.id: lengths.get(m.shift_id, DEFAULT_DAILY_HOURS) for m in street.staff}


def kpi_rows(table: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """The rows of a :func:`kpis_by` table as KPI dicts (the same shape as :func:`compute_kpis`)."""
    return {str(index): _row_to_dict(row) for index, row in table.iterrows()}


def _table(c: Cases) -> pd.DataFrame:
    columns: dict[str, pd.Series] = {}
    for kpi in KPIS.values():
        value = kpi.compute(c)
        if kpi.parts:
            for part, column in zip(kpi.parts, kpi.columns):
                columns[column] = value[part]
        else:
            columns[kpi.key] = value
    return pd.DataFrame(columns, index=c.groups)


def _clean(value: Any, unit: str) -> Any:
    if value is None or not np.isfinite(value):
        return None
    return int(value) if unit == COUNT else float(value)


def _row_to_dict(row: pd.Series) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for kpi in KPIS.values():
        if kpi.parts:
            result[kpi.key] = {part: _clean(row[column], kpi.unit) for part, column in zip(kpi.parts, kpi.columns)}
        else:
            result[kpi.key] = _clean(row[kpi.key], kpi.unit)
    return result
