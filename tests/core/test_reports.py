"""The morning report's figures: the period, the KPIs of the one definition, the series, the top lists."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from cockpit.kpi import compute_kpis
from cockpit.reports import DAILY, WEEKLY, period, report_data
from tests.core.test_training import row

T = pd.Timestamp


def _frame(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for column in ("reported_at", "triaged_at", "dispatched_at", "accepted_at", "on_scene_at", "resolved_at",
                   "closed_at"):
        frame[column] = pd.to_datetime(frame[column], utc=True)
    return frame


@pytest.fixture
def frame():
    rows = [
        row("A", "2026-10-05T08:10+08:00", (0, 0), "C01-G01-M01", accepted_at="2026-10-05T08:40+08:00",
            resolved_at="2026-10-05T10:00+08:00", closed_at="2026-10-05T12:00+08:00", satisfaction=5),
        row("B", "2026-10-05T21:30+08:00", (2, 0), "C02-G01-M01", accepted_at="2026-10-05T23:50+08:00"),
        row("C", "2026-10-04T09:00+08:00", (2, 0), "C02-G01-M01"),  # the day before, never resolved
        row("R", "2026-10-05T20:14+08:00", (0, 0), "C01-G01-M01", accepted_at="2026-10-05T20:19+08:00"),
        row("OLD", "2026-09-25T09:00+08:00", (0, 0), "C01-G01-M01"),  # the week before
    ]
    rows[3].update(risk_level="red", category="fire_hazard")
    return _frame(rows)


def test_a_daily_report_covers_the_local_day_and_judges_at_its_end(frame):
    start, end = period(DAILY, date(2026, 10, 5))
    assert (start.isoformat(), end.isoformat()) == ("2026-10-05T00:00:00+08:00", "2026-10-06T00:00:00+08:00")
    data = report_data(frame, DAILY, date(2026, 10, 5))
    day = frame[frame["case_id"].isin(["A", "B", "R"])]
    assert data.kpis == dict(compute_kpis(day, now=T(end)))  # the one KPI definition
    assert data.kpis["cases"] == 3 and data.previous_kpis["cases"] == 1
    assert len(data.series) == 24 and data.series["cases"].sum() == 3
    assert data.series.loc[8, "cases"] == 1 and data.series.loc[20, "cases"] == 1 and data.series.loc[21, "cases"] == 1
    assert data.overdue_by_community == []  # nothing passed a deadline by midnight
    assert data.top_categories == [("neighbour_dispute", 2), ("fire_hazard", 1)]
    assert [(r["case_id"], r["status"], r["overdue"]) for r in data.red_cases] == [("R", "accepted", False)]


def test_a_weekly_report_counts_by_day_and_lists_overdue_communities(frame):
    data = report_data(frame, WEEKLY, date(2026, 10, 5))
    assert len(data.series) == 7 and data.series["cases"].tolist() == [0, 0, 0, 0, 0, 1, 3]
    # C (blue, 4 Oct 09:00) is still open at the end of the week: past its 24 h.
    assert data.series["overdue"].tolist() == [0, 0, 0, 0, 0, 1, 0]
    assert data.overdue_by_community == [("C02", 1)]
    assert data.kpis["cases"] == 4 and data.previous_kpis["cases"] == 1  # OLD, in the week before
    with pytest.raises(ValueError, match="daily or weekly"):
        period("monthly", date(2026, 10, 5))
