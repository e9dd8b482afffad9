"""The live recommender: the twin's cases and staff as the dispatch policies see them.

A dispatch policy (cockpit/dispatch.py) ranks small frozen views and never sees the twin; this
module builds those views from the twin's records, so that the operator's ranked list, the demo's
autopilot and a trainee's debrief all ask the same policies the simulator runs. Dispatching through
:func:`dispatch` records the estimated arrival that the ranked list showed.

Travel to a case is by road: this is the one place where the operator's ranking asks the street's
travel model (:class:`~cockpit.travel.model.RoadTravel` on its road layer; the straight-line
estimate for a street without roads), each person by their kind's mode (:data:`TRAVEL_MODE`:
grid workers by e-bike, micro-grid heads, volunteers and party members on foot, departments by car).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Iterable

import numpy as np

from cockpit.dispatch import (
    DEFAULT_SPEED_M_PER_MIN,
    TRAVEL_MODE,
    Candidate,
    CaseNeed,
    Recommendation,
    eta_minutes,
    get_policy,
    rank_departments,
)
from cockpit.records import Case, StaffState
from cockpit.street.model import Street
from cockpit.travel.model import RoadTravel, StraightLineTravel, TravelModel
from cockpit.twin import TwinState
from cockpit.vocabulary.domain import StaffStatus
from cockpit.vocabulary.events import Event

_TRAVEL: dict[int, tuple[Street, TravelModel]] = {}
"""The travel model of each street met, by identity (the road network is built once per street)."""


def travel_model(street: Street) -> TravelModel:
    """The street's travel model: its road network, or the straight-line estimate when it has no roads."""
    known = _TRAVEL.get(id(street))
    if known is not None and known[0] is street:
        return known[1]
    model: TravelModel = RoadTravel.from_street(street) if street.roads else StraightLineTravel()
    _TRAVEL[id(street)] = (street, model)
    return model


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


def candidate(staff: StaffState, travel_minutes: float | None = None) -> Candidate:
    """The dispatch view of one staff member or department team, as they are now.

    ``travel_minutes``: their travel time to the case being ranked, when known.
    """
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
        travel_minutes=travel_minutes,
    )


def candidates(twin: TwinState, need: CaseNeed | None = None,
               staff: Iterable[StaffState] | None = None) -> list[Candidate]:
    """The dispatch view of every staff member and department team of the twin (or of ``staff``).

    With ``need``, each carries their travel minutes to that case by road (:func:`travel_minutes`).
    """
    staff = list(twin.staff.values() if staff is None else staff)
    if need is None or need.x is None or need.y is None:
        return [candidate(s) for s in staff]
    minutes = travel_minutes(twin.street, (need.x, need.y), staff)
    return [candidate(s, m) for s, m in zip(staff, minutes)]


def travel_minutes(street: Street, xy: tuple[float, float], staff: list[StaffState]) -> list[float]:
    """Minutes from where each staff member is to the point ``xy`` (metres), each by their mode.

    One travel question per mode; a place the roads do not reach gets the straight-line estimate.
    """
    model = travel_model(street)
    target = model.places(np.array([xy], dtype=float))
    by_mode: dict[str, list[int]] = defaultdict(list)
    for i, member in enumerate(staff):
        by_mode[TRAVEL_MODE[member.member.kind]].append(i)
    out = [0.0] * len(staff)
    straight = StraightLineTravel(model.profile)
    for mode, rows in by_mode.items():
        origins = model.places(np.array([(staff[i].x, staff[i].y) for i in rows], dtype=float))
        minutes = model.matrix(mode, origins, target)[:, 0]
        for i, value in zip(rows, minutes):
            out[i] = float(value) if np.isfinite(value) else straight.minutes(mode, (staff[i].x, staff[i].y), xy)
    return out


def recommend(twin: TwinState, case_id: str, policy: str = "nearest", limit: int = 10) -> list[Recommendation]:
    """Free, qualified people for a case ranked by the named dispatch policy, best first."""
    need = case_need(twin, twin.case(case_id))
    return get_policy(policy).rank(need, candidates(twin, need))[:limit]


def recommend_departments(twin: TwinState, case_id: str) -> list[Recommendation]:
    """Department teams that answer the whistle (吹哨报到) for this case's category, nearest first."""
    need = case_need(twin, twin.case(case_id))
    return rank_departments(need, candidates(twin, need))


def arrival_minutes(twin: TwinState, case: Case, staff_id: str) -> float:
    """``staff_id``'s travel time to ``case`` by road, as the ranked list shows it."""
    need = case_need(twin, case)
    staff = twin.staff[staff_id]
    minutes = travel_minutes(twin.street, (need.x, need.y), [staff]) if need.x is not None else [None]
    return eta_minutes(candidate(staff, minutes[0]), need)


def dispatch(twin: TwinState, case_id: str, assignee: str, actor: str, reason: str = "",
             at: datetime | None = None) -> list[Event]:
    """Dispatch a case through the twin's command door, recording ``assignee``'s estimated arrival.

    Raises :class:`~cockpit.twin.TwinError` (with the reason) as the twin's command does.
    """
    case = twin.case(case_id)
    eta = arrival_minutes(twin, case, assignee) if assignee in twin.staff else None
    return twin.dispatch(case_id, assignee, actor, reason, at, eta_minutes=eta)
