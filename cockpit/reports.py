"""The morning meeting's report: a day or a week of cases in figures, from the one KPI definition.

A report covers the cases *reported* in its period (a local day, or the seven local days ending on
one) and judges them at the period's end, with :func:`cockpit.kpi.compute_kpis` as everywhere else.
Beside the KPIs it gives the same KPIs of the period before (so a trend reads at a glance), reports
per hour (day) or per day (week) with that day's overdue rate, the communities with the most overdue
cases, the top categories, and every red case of the period with where it stands. The Qt side
(widgets/reports.py) lays it out as a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd

from cockpit.kpi import compute_kpis
from cockpit.vocabulary.domain import RiskLevel
from cockpit.vocabulary.local_time import LOCAL_TZ

DAILY, WEEKLY = "daily", "weekly"
PERIOD_DAYS = {DAILY: 1, WEEKLY: 7}
TOP_CATEGORIES = 8
TOP_COMMUNITIES = 10


@dataclass(frozen=True)
class ReportData:
    """The figures of one report.

    ``series`` holds per bin (local hours of a day, local days of a week) the ``start``, ``cases``
    reported and ``overdue`` of them (as judged at the period's end); ``overdue_by_community`` and
    ``top_categories`` are (code, count) pairs, most first; ``red_cases`` one dict per red case.
    """

    kind: str
    start: datetime
    end: datetime
    kpis: dict[str, Any]
    previous_kpis: dict[str, Any]
    series: pd.DataFrame
    overdue_by_community: list[tuple[str, int]]
    top_categories: list[tuple[str, int]]
    red_cases: list[dict[str, Any]]


def period(kind: str, last_day: date) -> tuple[datetime, datetime]:
    """The report's period: ``last_day`` (daily) or the seven days ending on it (weekly), local midnights."""
    if kind not in PERIOD_DAYS:
        raise ValueError(f"unknown report {kind!r}; choose {DAILY} or {WEEKLY}")
    end = datetime.combine(last_day + timedelta(days=1), datetime.min.time(), tzinfo=LOCAL_TZ)
    return end - timedelta(days=PERIOD_DAYS[kind]), end


def report_data(frame: pd.DataFrame, kind: str, last_day: date) -> ReportData:
    """The figures of a daily or weekly report over ``frame`` (cases in the incident-log layout)."""
    start, end = period(kind, last_day)
    span = end - start
    cases = _reported_in(frame, start, end)
    previous = _reported_in(frame, start - span, start)
    judged = pd.Timestamp(end)
    overdue = _overdue(cases, judged)
    step = timedelta(hours=1) if kind == DAILY else timedelta(days=1)
    bins = pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq=pd.Timedelta(step), inclusive="left")
    local = cases["reported_at"].dt.tz_convert(LOCAL_TZ)
    index = ((local - pd.Timestamp(start)) // pd.Timedelta(step)).astype(int) if len(cases) else pd.Series(dtype=int)
    counts = index.value_counts().reindex(range(len(bins)), fill_value=0)
    late = index[overdue].value_counts().reindex(range(len(bins)), fill_value=0)
    series = pd.DataFrame({"start": bins, "cases": counts.to_numpy(), "overdue": late.to_numpy()})
    by_community = cases.loc[overdue, "community"].value_counts().head(TOP_COMMUNITIES)
    categories = cases["category"].value_counts().head(TOP_CATEGORIES)
    red = cases[cases["risk_level"] == RiskLevel.RED.value].sort_values("reported_at")
    red_cases = [{"case_id": r.case_id, "reported_at": r.reported_at, "category": r.category,
                  "community": r.community, "status": getattr(r, "status", None) or _status(r, judged),
                  "overdue": bool(flag)}
                 for r, flag in zip(red.itertuples(), overdue[red.index])]
    return ReportData(kind, start, end, _kpis(cases, judged), _kpis(previous, pd.Timestamp(start)), series,
                      [(str(k), int(v)) for k, v in by_community.items()],
                      [(str(k), int(v)) for k, v in categories.items()], red_cases)


def _reported_in(frame: pd.DataFrame, start: datetime, end: datetime) -> pd.DataFrame:
    reported = frame["reported_at"]
    kept = frame[(reported >= pd.Timestamp(start)) & (reported < pd.Timestamp(end))]
    if "status" in kept.columns:
        kept = kept[~kept["status"].isin(("merged", "rejected"))]
    return kept


def _kpis(cases: pd.DataFrame, now: pd.Timestamp) -> dict[str, Any]:
    return dict(compute_kpis(cases, now=now)) if len(cases) else {}


def _overdue(cases: pd.DataFrame, now: pd.Timestamp) -> pd.Series:
    """Per case: resolved after its deadline, or unresolved at ``now`` past it (docs/kpi.md)."""
    within = cases["risk_level"].map({r.value: pd.Timedelta(r.resolve_within) for r in RiskLevel})
    deadline = cases["reported_at"] + within
    resolved = cases["resolved_at"]
    return (resolved.notna() & (resolved > deadline)) | (resolved.isna() & (now > deadline))


def _status(row: Any, now: pd.Timestamp) -> str:
    """A log row's status at ``now`` from its times (a log has no status column)."""
    for column, status in (("closed_at", "closed"), ("resolved_at", "resolved"), ("on_scene_at", "on_scene"),
                           ("accepted_at", "accepted"), ("dispatched_at", "dispatched"),
                           ("triaged_at", "triaged")):
        value = getattr(row, column)
        if value is not None and not pd.isna(value) and value <= now:
            return status
    return "reported"
