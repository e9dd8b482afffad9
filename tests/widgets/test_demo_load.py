"""Within an hour of opening, the live demo's wall shows amber, overdue and escalated cases.

The demo feed plays the stage table's loop (resources/stages.toml) on the demo street's load
(resources/demand.toml) with the autopilot dispatching; the wall colours a case by
``widgets.theme.sla_color``. Played on a manual clock, a minute at a time, from the bootstrap on.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from cockpit.demo_feed import BOOTSTRAP_HOURS, DemoFeed
from cockpit.sla import live_derivers
from cockpit.street.demo import load_demo_street
from cockpit.twin import TwinState
from cockpit.vocabulary.events import CaseEscalated, CaseOverdue
from widgets.theme import SLA_WARN_FRACTION


@pytest.mark.parametrize("opened", [datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc),  # 10:00 in Shanghai
                                    datetime(2026, 11, 24, 11, 0, tzinfo=timezone.utc)])  # 19:00
def test_the_wall_shows_amber_overdue_and_escalated_cases_within_an_hour(opened):
    street = load_demo_street()
    twin = TwinState(street, derivers=live_derivers())
    feed = DemoFeed(street, seed=11)
    errors: list = []
    stream = feed.bootstrap(twin, opened)
    seen = {"amber": 0, "overdue": 0, "escalated": 0}
    at = opened
    for _ in range(60):
        at += timedelta(minutes=1)
        stream += twin.apply_many(feed.step(twin, at), on_error=lambda e, exc: errors.append(exc))
        open_cases = [c for c in twin.cases.values() if c.status.open]
        seen["amber"] = max(seen["amber"], sum(
            1 for c in open_cases if at <= c.next_due and c.next_due_fraction_used(at) >= SLA_WARN_FRACTION))
        seen["overdue"] = max(seen["overdue"], sum(1 for c in open_cases if c.overdue(at)))
        seen["escalated"] = max(seen["escalated"], sum(1 for c in open_cases if c.escalations > 0))
    assert errors == []
    assert all(count >= 1 for count in seen.values()), seen
    # A few percent of the cases of the two days run overdue and escalate, not most of them.
    reported = {e.case_id for e in stream if type(e).__name__ == "CaseReported"}
    overdue = {e.case_id for e in stream if isinstance(e, CaseOverdue) and e.deadline == "resolve"}
    escalated = {e.case_id for e in stream if isinstance(e, CaseEscalated)}
    days = (BOOTSTRAP_HOURS + 1) / 24
    assert 150 * days <= len(reported) <= 400 * days
    assert 0 < len(overdue) <= 0.08 * len(reported)
    assert 0 < len(escalated) <= 0.08 * len(reported)
