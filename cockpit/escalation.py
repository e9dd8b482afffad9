"""The one escalation rule (DESIGN.md 1.3): an open case past its deadline escalates one level up.

Escalation k of a case is due at its report + k × its risk level's resolve deadline (blue 24 h,
yellow 48 h, red 72 h): the first when the deadline passes, the next when another deadline's length
passes with the case still open, each one level up (grid → community → street); a street-level case
escalates no further. The twin's SLA monitor (:mod:`cockpit.sla`), the replay index, the log's
events, the history generator and the simulator all take the moments and counts from here.
Times are any numbers on one scale (datetimes, microseconds, minutes), scalars or numpy arrays.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np

from cockpit.vocabulary.domain import OwnerLevel

T = TypeVar("T")

LEVELS = tuple(OwnerLevel)
"""Owner levels from the lowest; escalation moves a case one place along."""


def escalation_due(reported_at: T, deadline, k: int) -> T:
    """When escalation ``k`` (1, 2, ...) of a case reported at ``reported_at`` falls due."""
    return reported_at + k * deadline


def levels_above(owner: OwnerLevel) -> int:
    """How many escalations a case owned at ``owner`` can still take."""
    return len(LEVELS) - 1 - LEVELS.index(owner)


def escalations_before(reported_at, deadline, until, room):
    """How many escalations fall due strictly before ``until``, at most ``room`` (levels above).

    ``until`` is when the case stopped being open (its resolution, or the moment of evaluation);
    an escalation due exactly at the resolution does not happen. Works elementwise on arrays.
    """
    spans = np.ceil((np.asarray(until, dtype=float) - np.asarray(reported_at, dtype=float))
                    / np.asarray(deadline, dtype=float)) - 1
    return np.clip(spans, 0, room).astype(np.int64)
