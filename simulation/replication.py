"""One replication of a scenario: the engine's run, its incident-log frame and every KPI of it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from simulation.engine import Engine
from simulation.kpi import (overdue_by_grid, registry_kpis, replication_kpis, role_utilisation, shift_members,
                            utilisation_by_hour)
from simulation.log_frame import incident_frame
from simulation.record import RunRecord
from simulation.scenario import Scenario
from simulation.street_engine import StreetEngine


def simulate(scenario: Scenario, seed: int, replication: int = 0, *, memo: bool = True) -> RunRecord:
    """Run one replication of ``scenario`` with the streams of ``(seed, replication)``.

    ``memo=False`` calls the policy for every case of an abstract queue, and hands a street
    scenario's policy every free qualified person instead of its shortlist; the records are the
    same either way (tests check it).
    """
    if scenario.street != "none":
        return StreetEngine(scenario, seed, replication, shortlist=memo).run()
    return Engine(scenario, seed, replication, memo=memo).run()


@dataclass(frozen=True)
class Replication:
    """What one replication hands back to its experiment (cheap to send from a worker process).

    ``kpis`` has one row per class label (``"all"``, each class and, in a street run, each shift:
    ``"shift:night"``...) with the registry's and the simulation's KPIs; ``utilisation`` the busy share of on-duty staff per hour of day (and
    ``roles`` the same for each staff kind, street runs); ``cases`` the incident-log frame (when
    kept); ``grids`` the overdue map (street runs).
    """

    index: int
    kpis: list[dict]
    utilisation: np.ndarray
    cases: pd.DataFrame | None
    events: int
    grids: pd.DataFrame | None
    roles: dict[str, np.ndarray] | None = None


def replicate(scenario: Scenario, seed: int, replication: int, keep_cases: bool = False) -> Replication:
    """Run replication ``replication`` of ``scenario`` and score it."""
    record = simulate(scenario, seed, replication)
    frame = incident_frame(record)
    shifts = shift_members(record, scenario.shifts) if scenario.street != "none" else {}
    rows = [{**own, **registry}
            for own, registry in zip(replication_kpis(record, shifts), registry_kpis(record, frame, shifts))]
    grids = None
    if record.grid is not None:
        grids = overdue_by_grid(record, frame)
        grids.insert(0, "replication", replication)
    return Replication(replication, rows, utilisation_by_hour(record), frame if keep_cases else None,
                       record.events, grids, role_utilisation(record))
