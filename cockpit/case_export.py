"""Cases exported for machines: the incident log's columns plus where each case stands on its clock.

A queue exported for a spreadsheet or a script must read back: the file is an incident log (format
v1: ISO 8601 times with their offset, codes for category, risk, source, owner level, status), so
``cockpit kpi`` reads it, followed by columns that say where each case stands at the moment of the
export, as codes and numbers:

- ``status``: the case's status code;
- ``deadline``: ``response`` while nobody has accepted it (the 2 h target), then ``resolve``;
- ``due_at``: that deadline (ISO 8601);
- ``minutes_left``: minutes to it, negative once passed;
- ``overdue``: 1 if it is open past its resolve deadline, else 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import pandas as pd

from cockpit.history.format import write_log
from cockpit.twin import TwinState
from cockpit.vocabulary.local_time import LOCAL_TZ

STANDING_COLUMNS = ("status", "deadline", "due_at", "minutes_left", "overdue")
"""The columns after the log's own, in this order."""


def export_frame(twin: TwinState, case_ids: Iterable[str], now: datetime) -> pd.DataFrame:
    """The cases ``case_ids`` in the log's layout, in that order, with their standing at ``now``."""
    ids = list(case_ids)
    frame = twin.cases_frame().set_index("case_id", drop=False).loc[ids].reset_index(drop=True)
    cases = [twin.cases[case_id] for case_id in ids]
    frame["deadline"] = ["response" if c.awaiting_response else "resolve" for c in cases]
    frame["due_at"] = [c.next_due.astimezone(LOCAL_TZ).isoformat() for c in cases]
    frame["minutes_left"] = [round((c.next_due - now).total_seconds() / 60, 1) if c.status.open else None
                             for c in cases]
    frame["overdue"] = [int(c.status.open and c.overdue(now)) for c in cases]
    return frame


def export_cases(twin: TwinState, case_ids: Iterable[str], now: datetime, path: Path) -> int:
    """Write the cases to ``path`` (``.csv`` or ``.parquet``) in machine form; returns the rows written.

    Merged and rejected cases are not cases of the log and are left out.
    """
    frame = export_frame(twin, case_ids, now)
    write_log(frame, path, extra=STANDING_COLUMNS)
    return int((~frame["status"].isin(("merged", "rejected"))).sum())
