"""Hand-made incident log rows for the history and KPI tests."""

from __future__ import annotations

from typing import Any

import pandas as pd

from cockpit.vocabulary.case_columns import LOG_COLUMNS, TIME_COLUMNS

BASE = pd.Timestamp("2025-03-03T00:00:00Z")


def at(hours: float) -> pd.Timestamp:
    """``hours`` after :data:`BASE` (UTC)."""
    return BASE + pd.Timedelta(hours=hours)


def row(case_id: str, **values: Any) -> dict[str, Any]:
    """A complete blue case of C01-G01-M01 reported at BASE; keyword arguments override columns.

    Times may be given as hours after BASE (numbers) or None.
    """
    base: dict[str, Any] = {
        "case_id": case_id,
        "reported_at": 0.0,
        "category": "waste_sanitation",
        "risk_level": "blue",
        "source": "patrol",
        "community": "C01",
        "general_grid": "C01-G01",
        "micro_grid": "C01-G01-M01",
        "lon": 104.0526,
        "lat": 30.6022,
        "triaged_at": 0.1,
        "dispatched_at": 0.2,
        "accepted_at": 0.5,
        "on_scene_at": 1.0,
        "resolved_at": 2.0,
        "closed_at": 3.0,
        "assignee": "GW-C01-G01",
        "owner_level": "grid",
        "escalations": 0,
        "satisfaction": 5,
        "reopened": 0,
        "first_resolved_at": None,
        "reopened_at": None,
    }
    base.update(values)
    for column in TIME_COLUMNS:
        if isinstance(base[column], (int, float)):
            base[column] = at(base[column])
    return base


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    """Rows as a frame in the log column order, times as UTC timestamps."""
    df = pd.DataFrame(list(rows), columns=list(LOG_COLUMNS))
    for column in TIME_COLUMNS:
        df[column] = pd.to_datetime(df[column], utc=True)
    df["satisfaction"] = df["satisfaction"].astype("Int64")
    return df
