"""An incident log as it stood at an earlier moment: what a leader calibrating then would have had.

Times after the moment are emptied; a reopen still ahead leaves the case resolved by its first
resolution; a rating not yet given (the case not closed) is dropped; escalations of a case whose
resolution moved later (or is now ahead) count only those due before the moment, by the one rule
of :mod:`cockpit.escalation`, and its owner level comes down with them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from cockpit.escalation import escalations_before
from cockpit.vocabulary.case_columns import LOG_COLUMNS
from cockpit.vocabulary.domain import OwnerLevel, RiskLevel

_LEVELS = [level.value for level in OwnerLevel]


def log_as_of(frame: pd.DataFrame, end: pd.Timestamp) -> pd.DataFrame:
    """The cases of ``frame`` reported before ``end`` (a UTC-aware moment), as they stood then."""
    end = pd.Timestamp(end).tz_convert("UTC")
    out = frame[pd.to_datetime(frame["reported_at"], utc=True) < end].copy()
    before = pd.to_datetime(out["resolved_at"], utc=True)
    for column in (c for c in LOG_COLUMNS if c.endswith("_at") and c != "reported_at"):
        if column in out.columns:
            values = pd.to_datetime(out[column], utc=True)
            out[column] = values.where(values < end)
    if "first_resolved_at" in out.columns:
        ahead = (out["reopened"].to_numpy() > 0) & out["reopened_at"].isna().to_numpy()
        out.loc[ahead, "resolved_at"] = out.loc[ahead, "first_resolved_at"]
        out.loc[ahead, ["first_resolved_at", "closed_at"]] = pd.NaT
        out.loc[ahead, "reopened"] = 0
    out["satisfaction"] = out["satisfaction"].astype("Int64").where(out["closed_at"].notna())
    after = pd.to_datetime(out["resolved_at"], utc=True)
    moved = (after.isna() | (after != before)).to_numpy()
    if moved.any():
        rows = out[moved]
        reported = pd.to_datetime(rows["reported_at"], utc=True)
        until = pd.to_datetime(rows["resolved_at"], utc=True).fillna(end)
        minutes = ((until - reported).dt.total_seconds() / 60).to_numpy(dtype=float)
        deadline = np.array([RiskLevel(r).resolve_within.total_seconds() / 60 for r in rows["risk_level"].astype(str)])
        recorded = rows["escalations"].to_numpy(dtype=np.int64)
        due = escalations_before(np.zeros(len(rows)), deadline, minutes, recorded)
        level = np.array([_LEVELS.index(v) for v in rows["owner_level"].astype(str)]) - (recorded - due)
        out.loc[moved, "escalations"] = due
        out.loc[moved, "owner_level"] = np.asarray(_LEVELS, dtype=object)[np.maximum(level, 0)]
    return out
