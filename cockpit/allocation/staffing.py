"""The staffing standard of grid governance: one full-time grid worker per general grid of 300-500
households, and a head for every micro-grid (DESIGN.md 1.1).

A general grid needs one grid worker for every started 500 households (a grid that has outgrown the
standard needs a second worker, or splitting); it is below the standard when fewer are based in it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from cockpit.vocabulary.domain import StaffKind
from cockpit.street.generator import GENERAL_GRID_HOUSEHOLDS
from cockpit.street.model import Street

HOUSEHOLDS_PER_GRID_WORKER = GENERAL_GRID_HOUSEHOLDS[1]
"""The upper end of the 300-500 households a general grid and its one full-time worker serve."""


@dataclass(frozen=True, slots=True)
class GridStaffing:
    """One general grid against the standard."""

    general_grid: str
    households: int
    grid_workers: int
    required: int

    @property
    def below_standard(self) -> bool:
        return self.grid_workers < self.required


@dataclass(frozen=True, slots=True)
class StaffingReport:
    """Every general grid against the standard, and the micro-grids without a head."""

    street: str
    grids: tuple[GridStaffing, ...]
    micro_grids: int
    micro_grids_without_head: tuple[str, ...]

    @property
    def below_standard(self) -> tuple[GridStaffing, ...]:
        return tuple(g for g in self.grids if g.below_standard)

    def as_json(self) -> dict:
        return {
            "street": self.street,
            "general_grids": len(self.grids),
            "grid_workers": sum(g.grid_workers for g in self.grids),
            "required": sum(g.required for g in self.grids),
            "below_standard": [
                {"general_grid": g.general_grid, "households": g.households,
                 "grid_workers": g.grid_workers, "required": g.required}
                for g in self.below_standard
            ],
            "micro_grids": self.micro_grids,
            "micro_grids_without_head": list(self.micro_grids_without_head),
        }


def staffing(street: Street) -> StaffingReport:
    """The street's grids against the staffing standard (workers and heads by their home grid)."""
    workers = Counter(p.home_general_grid_id for p in street.staff if p.kind is StaffKind.GRID_WORKER)
    heads = {p.home_micro_grid_id for p in street.staff if p.kind is StaffKind.MICRO_GRID_HEAD}
    grids = tuple(
        GridStaffing(g.id, g.households, workers.get(g.id, 0), max(1, math.ceil(g.households / HOUSEHOLDS_PER_GRID_WORKER)))
        for g in street.general_grids
    )
    return StaffingReport(
        street=street.id,
        grids=grids,
        micro_grids=len(street.micro_grids),
        micro_grids_without_head=tuple(m.id for m in street.micro_grids if m.id not in heads),
    )
