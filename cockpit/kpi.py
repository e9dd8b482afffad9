"""Key performance indicators of the closed loop, from a frame of cases (a log or a live twin).

One function serves the live twin (:meth:`~cockpit.twin.TwinState.cases_frame`), replays and
incident logs (:func:`~cockpit.history.format.read_log`), so a figure means the same everywhere.
The KPIs are evaluated *at a moment* ``now``: a time later than ``now`` in the frame has not happened
yet, so the KPIs of a log at any past moment equal those of the twin replayed to that moment.
The exact definitions are in docs/kpi.md; each key below is documented there.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Mapping

import numpy as np
import pandas as pd

from cockpit.street.model import Street
from cockpit.vocabulary.domain import RESPONSE_TARGET, CaseStatus, OwnerLevel, RiskLevel, Source

DEFAULT_DAILY_HOURS = 8.0
"""On-duty hours a day assumed for a staff member the roster does not name."""

KPI_KEYS = (
    "cases",
    "open_cases",
    "response_minutes_mean",
    "response_minutes_p90",
    "response_within_target_rate",
    "resolution_hours_mean",
    "closure_rate",
    "overdue_cases",
    "overdue_rate",
    "satisfaction_mean",
    "satisfaction_rate",
    "proactive_discovery_rate",
    "source_resolution_rate",
    "resolved_at_level",
    "staff_utilisation",
)
"""Keys of :func:`compute_kpis`, in display order."""

_LEVELS = tuple(level.value for level in OwnerLevel)
_PROACTIVE = tuple(s.value for s in Source if s.proactive)
_NOT_CASES = (CaseStatus.MERGED.value, CaseStatus.REJECTED.value)
_DEADLINE = {r.value: pd.Timedelta(r.resolve_within) for r in RiskLevel}
_TIME_COLUMNS = ("reported_at", "accepted_at", "resolved_at", "closed_at", "first_resolved_at", "reopened_at")
_REQUIRED = ("reported_at", "accepted_at", "resolved_at", "closed_at", "risk_level", "source",
             "owner_level", "assignee", "satisfaction")


def compute_kpis(
    df: pd.DataFrame,
    now: datetime | pd.Timestamp | None = None,
    *,
    start: datetime | pd.Timestamp | None = None,
    roster: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """The KPIs of the cases in ``df`` as they stood at ``now``.

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
        :data:`DEFAULT_DAILY_HOURS` for everyone.

    Returns
    -------
    dict
        The keys of :data:`KPI_KEYS`; ``resolved_at_level`` is a dict {grid, community, street}.
        A ratio or mean with nothing to count is None (never NaN).
    """
    measures, now_ts, start_ts = _measures(df, now, start)
    key = pd.Series(np.zeros(len(measures), dtype=np.int64), index=measures.index)
    table = _aggregate(measures, key, now_ts, start_ts, roster)
    if table.empty:
        return _empty()
    row = table.iloc[0]
    return _row_to_dict(row)


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
    ``resolved_at_level`` becomes three columns ``resolved_at_grid``, ``resolved_at_community`` and
    ``resolved_at_street``; undefined values are NaN here.

    Raises
    ------
    KeyError
        ``by`` is not a column of ``df``.
    """
    if by not in df.columns:
        raise KeyError(f"unknown column {by!r}; the frame has {', '.join(map(str, df.columns))}")
    measures, now_ts, start_ts = _measures(df, now, start)
    keys = df.loc[measures.index, by].astype(object)
    table = _aggregate(measures, keys, now_ts, start_ts, roster)
    table.index.name = by
    return table


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
        keep &= times >= _ts(start)
    if end is not None:
        keep &= times < _ts(end)
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


# ---------------------------------------------------------------- per-case measures


def _ts(value: datetime | pd.Timestamp) -> pd.Timestamp:
    ts = pd.Timestamp(value)
    if ts.tzinfo is None:
        raise ValueError(f"{value!r} has no time zone")
    return ts.tz_convert("UTC")


def _times(df: pd.DataFrame, column: str) -> pd.Series:
    if column not in df.columns:
        return pd.Series(pd.NaT, index=df.index, dtype="datetime64[us, UTC]")
    return pd.to_datetime(df[column], utc=True).astype("datetime64[us, UTC]")


def _latest(df: pd.DataFrame) -> pd.Timestamp | None:
    latest = [_times(df, c).max() for c in _TIME_COLUMNS + ("triaged_at", "dispatched_at", "on_scene_at")
              if c in df.columns]
    latest = [t for t in latest if not pd.isna(t)]
    return max(latest) if latest else None


def _measures(df: pd.DataFrame, now, start) -> tuple[pd.DataFrame, pd.Timestamp | None, pd.Timestamp | None]:
    """One row per case counted at ``now`` with what each KPI needs of it."""
    missing = [c for c in _REQUIRED if c not in df.columns]
    if missing:
        raise KeyError(f"the case frame has no column {missing[0]!r}")
    if "status" in df.columns:
        df = df[~df["status"].astype(str).isin(_NOT_CASES).to_numpy()]
    now_ts = _ts(now) if now is not None else _latest(df)
    if now_ts is None:
        return pd.DataFrame(index=df.index[:0]), None, None
    reported = _times(df, "reported_at")
    counted = (reported <= now_ts).to_numpy()
    df = df[counted]
    start_ts = _ts(start) if start is not None else (reported[counted].min() if counted.any() else now_ts)

    def upto(column: str) -> pd.Series:
        values = _times(df, column)
        return values.where(values <= now_ts)

    reported = _times(df, "reported_at")
    accepted = upto("accepted_at")
    resolved = upto("resolved_at")
    first_resolved = upto("first_resolved_at")
    reopened_at = upto("reopened_at")
    # A reopened case whose reopen is still in the future was resolved (the first time) at now.
    pending_reopen = resolved.isna() & first_resolved.notna() & reopened_at.isna()
    resolved = resolved.where(~pending_reopen, first_resolved)
    first_resolved = first_resolved.where(~pending_reopen)
    closed = upto("closed_at")

    deadline = reported + df["risk_level"].astype(str).map(_DEADLINE).astype("timedelta64[us]")
    is_resolved = resolved.notna()
    overdue = (is_resolved & (resolved > deadline)) | (~is_resolved & (now_ts > deadline))
    response = (accepted - reported) / pd.Timedelta(minutes=1)
    decided = accepted.notna() | (now_ts > reported + RESPONSE_TARGET)
    feedback_at = _times(df, "closed_at").fillna(_times(df, "resolved_at"))
    rating = pd.to_numeric(df["satisfaction"], errors="coerce").astype("float64")
    rating = rating.where(feedback_at <= now_ts)
    level = df["owner_level"].astype(str)

    measures = pd.DataFrame({
        "open": ~is_resolved,
        "response_minutes": response,
        "within_target": accepted.notna() & (accepted - reported <= RESPONSE_TARGET),
        "response_decided": decided,
        "resolution_hours": ((resolved - reported) / pd.Timedelta(hours=1)).where(is_resolved),
        "closed": closed.notna(),
        "overdue": overdue,
        "rating": rating,
        "good_rating": rating >= 4,
        "rated": rating.notna(),
        "proactive": df["source"].astype(str).isin(_PROACTIVE),
        "resolved": is_resolved,
        **{f"resolved_{lv}": is_resolved & (level == lv) for lv in _LEVELS},
        "assignee": df["assignee"].astype(object).where(df["assignee"].notna(), None),
        "accepted_at": accepted,
        "resolved_at": resolved,
        "first_resolved_at": first_resolved,
        "reopened_at": reopened_at,
    }, index=df.index)
    return measures, now_ts, start_ts


# ---------------------------------------------------------------- aggregation


def _aggregate(measures: pd.DataFrame, keys: pd.Series, now: pd.Timestamp | None,
               start: pd.Timestamp | None, roster: Mapping[str, float] | None) -> pd.DataFrame:
    if measures.empty or now is None:
        return pd.DataFrame(columns=_flat_columns())
    g = measures.groupby(keys, sort=True, observed=True)
    sums = g[["open", "within_target", "response_decided", "closed", "overdue", "good_rating", "rated",
              "proactive", "resolved"] + [f"resolved_{lv}" for lv in _LEVELS]].sum()
    cases = g.size()
    out = pd.DataFrame(index=cases.index)
    out["cases"] = cases
    out["open_cases"] = sums["open"]
    out["response_minutes_mean"] = g["response_minutes"].mean()
    out["response_minutes_p90"] = g["response_minutes"].quantile(0.9)
    out["response_within_target_rate"] = _ratio(sums["within_target"], sums["response_decided"])
    out["resolution_hours_mean"] = g["resolution_hours"].mean()
    out["closure_rate"] = _ratio(sums["closed"], cases)
    out["overdue_cases"] = sums["overdue"]
    out["overdue_rate"] = _ratio(sums["overdue"], cases)
    out["satisfaction_mean"] = g["rating"].mean()
    out["satisfaction_rate"] = _ratio(sums["good_rating"], sums["rated"])
    out["proactive_discovery_rate"] = _ratio(sums["proactive"], cases)
    out["source_resolution_rate"] = _ratio(sums["resolved_grid"], sums["resolved"])
    for lv in _LEVELS:
        out[f"resolved_at_{lv}"] = _ratio(sums[f"resolved_{lv}"], sums["resolved"])
    out["staff_utilisation"] = _utilisation(measures, keys, now, start, roster).reindex(out.index)
    return out


def _ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    return (numerator / denominator.where(denominator > 0)).astype("float64")


def _utilisation(measures: pd.DataFrame, keys: pd.Series, now: pd.Timestamp, start: pd.Timestamp,
                 roster: Mapping[str, float] | None) -> pd.Series:
    """Busy hours (union of accepted → resolved spans, clipped to [start, now]) / on-duty hours."""
    accepted = measures["accepted_at"]
    has = accepted.notna() & measures["assignee"].notna()
    # A reopened case is busy until its first resolution and again from the reopen on.
    first_end = measures["first_resolved_at"].fillna(measures["resolved_at"]).fillna(now)
    spans = [pd.DataFrame({"key": keys[has], "who": measures["assignee"][has],
                           "begin": accepted[has], "end": first_end[has]})]
    again = has & measures["reopened_at"].notna()
    spans.append(pd.DataFrame({"key": keys[again], "who": measures["assignee"][again],
                               "begin": measures["reopened_at"][again],
                               "end": measures["resolved_at"][again].fillna(now)}))
    spans = pd.concat(spans, ignore_index=True)
    period_hours = max((now - start) / pd.Timedelta(hours=1), 0.0)
    if spans.empty or period_hours <= 0:
        return pd.Series(np.nan, index=pd.Index(keys.unique()), dtype="float64")
    begin = spans["begin"].clip(lower=start, upper=now).astype("int64").to_numpy()
    end = spans["end"].clip(lower=start, upper=now).astype("int64").to_numpy()
    group = pd.factorize(pd.MultiIndex.from_arrays([spans["key"], spans["who"]]))[0]
    order = np.lexsort((begin, group))
    begin, end, group = begin[order], end[order], group[order]
    # Union of intervals per (area, person): a span counts only beyond the furthest end before it.
    reach = pd.Series(end).groupby(group).cummax().shift(1)
    same = np.r_[False, group[1:] == group[:-1]]
    floor = np.where(same, reach.fillna(np.iinfo(np.int64).min).to_numpy(dtype=np.int64), np.iinfo(np.int64).min)
    busy_us = np.clip(end - np.maximum(begin, floor), 0, None)
    sorted_spans = spans.iloc[order]
    busy = pd.Series(busy_us / 3.6e9).groupby(sorted_spans["key"].to_numpy()).sum()
    people = sorted_spans.drop_duplicates(["key", "who"])
    daily = people["who"].map(lambda who: (roster or {}).get(who, DEFAULT_DAILY_HOURS)).astype(float)
    duty = (daily * period_hours / 24).groupby(people["key"].to_numpy()).sum()
    return (busy / duty.where(duty > 0)).astype("float64")


def _flat_columns() -> list[str]:
    flat = [k for k in KPI_KEYS if k != "resolved_at_level"]
    index = flat.index("source_resolution_rate") + 1
    return flat[:index] + [f"resolved_at_{lv}" for lv in _LEVELS] + flat[index:]


def _clean(value: Any) -> Any:
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return float(value)
    return value


def _row_to_dict(row: pd.Series) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key in KPI_KEYS:
        if key == "resolved_at_level":
            result[key] = {lv: _clean(row[f"resolved_at_{lv}"]) for lv in _LEVELS}
        elif key in ("cases", "open_cases", "overdue_cases"):
            result[key] = int(row[key])
        else:
            result[key] = _clean(row[key])
    return result


def _empty() -> dict[str, Any]:
    result: dict[str, Any] = {key: None for key in KPI_KEYS}
    result.update(cases=0, open_cases=0, overdue_cases=0, resolved_at_level=dict.fromkeys(_LEVELS))
    return result


def kpi_rows(table: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """The rows of a :func:`kpis_by` table as KPI dicts (the same shape as :func:`compute_kpis`)."""
    return {str(index): _row_to_dict(row) for index, row in table.iterrows()}
