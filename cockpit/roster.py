"""Who is on duty: the roster's shifts turned into staff status changes.

A person is on duty while their shift covers the local time; department teams are always on call.
The demo feed and a training session bring the twin's staff on and off duty with the same rule, so
that the operator's ranked list (which offers only available people) has the same people in both.
"""

from __future__ import annotations

from datetime import datetime

from cockpit.twin import TwinState
from cockpit.vocabulary.domain import StaffKind, StaffStatus
from cockpit.vocabulary.events import Event, StaffStatusChanged


def shift_changes(twin: TwinState, at: datetime, force: bool = False) -> list[Event]:
    """Status changes that bring the roster in step with the shifts at ``at``.

    Off-duty people whose shift has begun become available; available people whose shift has ended
    go off duty (someone busy finishes their case first). ``force`` also sends busy people off duty
    when their shift is over (a cold start, where nobody is really busy yet).
    """
    events: list[Event] = []
    covering = twin.shifts_on(at)
    for staff in twin.staff.values():
        on = staff.member.shift_id in covering or staff.member.kind is StaffKind.DEPARTMENT
        if on and staff.status is StaffStatus.OFF_DUTY:
            events.append(StaffStatusChanged(at, staff.id, StaffStatus.AVAILABLE))
        elif not on and staff.status is StaffStatus.AVAILABLE:
            events.append(StaffStatusChanged(at, staff.id, StaffStatus.OFF_DUTY))
        elif force and not on and staff.status is not StaffStatus.OFF_DUTY:
            events.append(StaffStatusChanged(at, staff.id, StaffStatus.OFF_DUTY))
    return events
