"""Staffing changes of a street scenario: who is removed from or added to which community and shift.

A street scenario copies the people of its street (``[staff] from = "demo"``), a calibrated one
builds them from its groups (``[[staff.group]]``), and either changes the headcount of a role in a
community and shift (``[[staff.change]]``). :func:`apply_changes` does it;
:func:`staffing_table` counts the result by community, shift and role.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable

from cockpit.dispatch import DEFAULT_SPEED_M_PER_MIN
from simulation.model import Person, StaffChange, StaffGroup


class RosterError(ValueError):
    """A staffing change that cannot be applied; ``index`` is the change's position, ``field`` the key."""

    def __init__(self, index: int, field: str, reason: str) -> None:
        super().__init__(reason)
        self.index = index
        self.field = field
        self.reason = reason


def _matches(person: Person, change: StaffChange) -> bool:
    return (
        person.kind is change.role
        and (change.community is None or person.community == change.community)
        and (change.grid is None or person.general_grid == change.grid)
    )


def group_roster(groups: Iterable[StaffGroup]) -> list[Person]:
    """The people of staff groups, in id order: ``s0001``... for a plain count (a group named
    ``staff``), else ``<group name>-0001``...; without a place (no map)."""
    people = []
    for group in groups:
        for k in range(group.count):
            staff_id = f"s{k + 1:04d}" if group.name == "staff" else f"{group.name}-{k + 1:04d}"
            people.append(Person(
                staff_id=staff_id,
                kind=group.role,
                skills=group.skills,
                department=group.department,
                shift_id=group.shift,
                x=None,
                y=None,
                general_grid=group.grid,
                community=group.community,
                speed_m_per_min=group.speed_m_per_min or DEFAULT_SPEED_M_PER_MIN[group.role],
            ))
    people.sort(key=lambda p: p.staff_id)
    return people


def apply_changes(
    roster: Iterable[Person], changes: Iterable[StaffChange], shift_ids: Iterable[str], community_ids: Iterable[str],
    grid_ids: Iterable[str], roles: Iterable[str] | None = None,
) -> tuple[Person, ...]:
    """The roster after each change in turn, keeping only people of ``roles`` (all if None).

    ``shift_ids``, ``community_ids`` and ``grid_ids`` are those a change may name.

    A removal drops the matching people of that shift with the highest ids; an addition copies the
    first matching person of any shift (their skills, home and base) onto the shift, with a new id.

    Raises
    ------
    RosterError
        A change names an unknown shift, community or grid, removes more people than there are,
        or adds to a role nobody in that community holds.
    """
    people = list(roster)
    shifts = set(shift_ids)
    communities = set(community_ids)
    grids = set(grid_ids)
    for index, change in enumerate(changes):
        if change.shift not in shifts:
            raise RosterError(index, "shift", f"unknown shift {change.shift!r}; one of {sorted(shifts)}")
        if change.community is not None and change.community not in communities:
            raise RosterError(index, "community", f"no community {change.community!r} in the street")
        if change.grid is not None and change.grid not in grids:
            raise RosterError(index, "grid", f"no general grid {change.grid!r} in the street")
        on_shift = [p for p in people if _matches(p, change) and p.shift_id == change.shift]
        if change.delta < 0:
            if len(on_shift) < -change.delta:
                where = change.community or "the street"
                raise RosterError(
                    index,
                    "delta",
                    f"{where} has {len(on_shift)} {change.role.value} on the {change.shift} shift; cannot remove {-change.delta}",
                )
            gone = {p.staff_id for p in sorted(on_shift, key=lambda p: p.staff_id)[change.delta:]}
            people = [p for p in people if p.staff_id not in gone]
            continue
        template = next((p for p in people if _matches(p, change)), None)
        if template is None and change.delta > 0:
            where = change.community or "the street"
            raise RosterError(index, "role", f"nobody in {where} is a {change.role.value} to copy")
        taken = {p.staff_id for p in people}
        for k in range(change.delta):
            n = 1
            while f"{template.staff_id}+{change.shift}{n}" in taken:
                n += 1
            staff_id = f"{template.staff_id}+{change.shift}{n}"
            taken.add(staff_id)
            people.append(replace(template, staff_id=staff_id, shift_id=change.shift))
    if roles is not None:
        keep = set(roles)
        people = [p for p in people if p.kind.value in keep]
    people.sort(key=lambda p: p.staff_id)
    return tuple(people)


def staffing_table(roster: Iterable[Person]) -> Counter:
    """Headcount by ``(community, shift, role)``; department teams have community None."""
    return Counter((p.community, p.shift_id, p.kind.value) for p in roster)
