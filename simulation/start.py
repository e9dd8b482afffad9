"""Where a run starts: a moment of the twin with its open cases and every staff member's position.

:func:`start_from_twin` copies a :class:`cockpit.twin.TwinState` at ``twin.now`` into a
:class:`SimStart`; ``scenario.with_start(state)`` runs from that moment instead of an empty street.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cockpit.vocabulary.domain import CaseStatus, RiskLevel, StaffStatus
from cockpit.vocabulary.local_time import LOCAL_TZ
from simulation.shifts import MINUTES_PER_HOUR


@dataclass(frozen=True, slots=True)
class OpenCase:
    """A case still open at the start moment.

    ``stage`` is ``"waiting"`` (nobody assigned), ``"assigned"`` (dispatched or accepted, on the
    way) or ``"on_scene"``. Times are minutes relative to the start moment (so <= 0).
    """

    case_id: str
    category: str
    risk: str
    x: float
    y: float
    general_grid: str
    community: str
    reported_minutes: float
    stage: str
    assignee: str | None = None
    on_scene_minutes: float | None = None
    escalations: int = 0


@dataclass(frozen=True, slots=True)
class StaffStart:
    """A staff member's status and position (metres) at the start moment."""

    staff_id: str
    status: str
    x: float
    y: float


@dataclass(frozen=True)
class SimStart:
    """The state a run starts from: the moment, the open cases and every staff member's position."""

    at: dt.datetime
    cases: tuple[OpenCase, ...]
    staff: tuple[StaffStart, ...]

    @property
    def local_minutes(self) -> float:
        """Minutes from local (Asia/Shanghai) midnight of the start day to the start moment."""
        local = self.at.astimezone(LOCAL_TZ)
        return (local.hour * MINUTES_PER_HOUR + local.minute + local.second / 60
                + local.microsecond / 60e6)

    @property
    def local_date(self) -> dt.date:
        """The local (Asia/Shanghai) date of the start moment."""
        return self.at.astimezone(LOCAL_TZ).date()


_STAGE = {
    CaseStatus.REPORTED: "waiting",
    CaseStatus.TRIAGED: "waiting",
    CaseStatus.DISPATCHED: "assigned",
    CaseStatus.ACCEPTED: "assigned",
    CaseStatus.ON_SCENE: "on_scene",
}


def start_from_twin(twin) -> SimStart:
    """The open cases and staff of a :class:`cockpit.twin.TwinState` at ``twin.now``.

    A dispatched or accepted case is on its way with its assignee, an on-scene case is being
    handled; a reported or triaged case (or one whose assignee the twin does not know) waits.
    """
    if twin.now is None:
        raise ValueError("the twin has no time yet; apply a ClockTick first")
    now = twin.now
    projection = twin.street.projection
    cases = []
    for case in sorted(twin.open_cases(), key=lambda c: (c.reported_at, c.id)):
        x, y = projection.to_xy(case.lon, case.lat)
        stage = _STAGE.get(case.status, "waiting")
        assignee = case.assignee if case.assignee in twin.staff else None
        if assignee is None:
            stage = "waiting"
        on_scene = None
        if stage == "on_scene" and case.on_scene_at is not None:
            on_scene = (case.on_scene_at - now).total_seconds() / 60
        cases.append(
            OpenCase(
                case_id=case.id,
                category=case.category,
                risk=RiskLevel(case.risk).value,
                x=float(x),
                y=float(y),
                general_grid=case.general_grid_id,
                community=case.community_id,
                reported_minutes=(case.reported_at - now).total_seconds() / 60,
                stage=stage,
                assignee=assignee if stage != "waiting" else None,
                on_scene_minutes=on_scene,
                escalations=case.escalations,
            )
        )
    staff = tuple(
        StaffStart(s.id, StaffStatus(s.status).value, float(s.x), float(s.y))
        for s in sorted(twin.staff.values(), key=lambda s: s.id)
    )
    return SimStart(at=now, cases=tuple(cases), staff=staff)
