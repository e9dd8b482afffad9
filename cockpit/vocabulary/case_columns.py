"""A case as a row: the columns of the incident log (format v1), in the order files are written.

The same layout is a log file's (cockpit/history/format.py reads and writes it), the twin's
:meth:`~cockpit.twin.TwinState.cases_frame`, the case store's frame and what the KPIs read; a frame
of current cases adds their ``status``. Meanings of the columns: docs/incident-log.md.
"""

from __future__ import annotations

TIME_COLUMNS = (
    "reported_at",
    "triaged_at",
    "dispatched_at",
    "accepted_at",
    "on_scene_at",
    "first_resolved_at",
    "reopened_at",
    "resolved_at",
    "closed_at",
)
"""Timestamp columns in the order the loop passes them: present values never go backwards."""

REQUIRED_COLUMNS = (
    "case_id",
    "reported_at",
    "category",
    "risk_level",
    "source",
    "community",
    "general_grid",
    "micro_grid",
    "lon",
    "lat",
    "triaged_at",
    "dispatched_at",
    "accepted_at",
    "on_scene_at",
    "resolved_at",
    "closed_at",
    "assignee",
    "owner_level",
    "escalations",
    "satisfaction",
    "reopened",
)
"""Columns every log must have (empty values allowed where the column is optional)."""

OPTIONAL_COLUMNS = ("first_resolved_at", "reopened_at")
"""Columns a log may leave out; they are read as all-empty then."""

LOG_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
"""Every column of the format, in the order files are written."""

CASE_FRAME_COLUMNS = (*LOG_COLUMNS, "status")
"""A frame of the cases a twin or a database holds now: the log's columns and each case's status."""
