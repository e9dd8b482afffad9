"""The live recommender: the twin's cases and staff as the dispatch policies see them.

A dispatch policy (cockpit/dispatch.py) ranks small frozen views and never sees the twin; this
module builds those views from the twin's records, so that the operator's ranked list, the demo's
autopilot and a trainee's debrief all ask the same policies the simulator runs. Dispatching through
:func:`dispatch` records the estimated arrival that the ranked list showed.
"""

from __future__ import annotations

from datetime import datetime

from cockpit.dispatch import (
    DEFAULT_SPEED_M_PER_MIN,
    Candidate,
    CaseNeed,
    Recommendation,
    eta_minutes,
    get_policy,
    rank_departments,
)
from cockpit.records import Case, StaffState
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import StaffStatus
from cockpit.vocabulary.events import Event


def case_need(twin: TwinState, case: Case) -> CaseNeed:
    """The dispatch view of a case: its urgency, the skill or department it needs, where it is."""
    category = twin.categories[case.category]
    x, y = twin.street.projection.to_xy(case.lon, case.lat)
    return CaseNeed(
        case_id=case.id,
        priority=case.risk.priority,
        reported_at=case.reported_at.timestamp(),
        skill=category.skill,
        department=category.department.value,
        x=float(x),
        y=float(y),
        general_grid=case.general_grid_id,
        community=case.community_id,
    )


def candidate(staff: StaffState) -> Candidate:
    """The dispatch view of one staff member or department team, as they are now."""
    member = staff.member
    return Candidate(
        staff_id=staff.id,
        kind=member.kind,
        skills=member.skills,
        department=member.department.value if member.department else None,
        x=staff.x,
        y=staff.y,
        home_general_grid=member.home_general_grid_id,
        home_community=member.home_community_id,
        available=staff.status is StaffStatus.AVAILABLE,
        workload=staff.workload,
        speed_m_per_min=DEFAULT_SPEED_M_PER_MIN[member.kind],
    )


def candidates(twin: TwinState) -> list[Candidate]:
    """The dispatch view of every staff member and department team of the twin."""
    return [candidate(s) for s in twin.staff.values()]


def recommend(twin: TwinState, case_id: str, policy: str = "nearest", limit: int = 10) -> list[Recommendation]:
    """Free, qualified people for a case ranked by the named dispatch policy, best first."""
    need = case_need(twin, twin.case(case_id))
    return get_policy(policy).rank(need, candidates(twin))[:limit]


def recommend_departments(twin: TwinState, case_id: str) -> list[Recommendation]:
    """Department teams that answer the whistle (吹哨报到) for this case's category, nearest first."""
    need = case_need(twin, twin.case(case_id))
    return rank_departments(need, candidates(twin))


def dispatch(twin: TwinState, case_id: str, assignee: str, actor: str, reason: str = "",
             at: datetime | None = None) -> list[Event]:
    """Dispatch a case through the twin's command door, recording ``assignee``'s estimated arrival.

    Raises :class:`~cockpit.twin.TwinError` (with the reason) as the twin's command does.
    """
    staff = twin.staff.get(assignee)
    eta = None if staff is None else eta_minutes(candidate(staff), case_need(twin, twin.case(case_id)))
    return twin.dispatch(case_id, assignee, actor, reason, at, eta_minutes=eta)
