"""A street's incident history as a run of the street model: ``cockpit history generate``.

The history is one replication of the street's own scenario (its roster and shifts, the demand
model, the stage table, road travel) over the period, written as the incident log stands at the
period's end: a time after it is empty, so the last cases are still open, as in a real export. So
the history has capacity: fewer people on a shift make its cases wait, and a calibration of the
history (``cockpit sim calibrate``) finds the staff that produced it.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from cockpit.history.as_of import log_as_of
from cockpit.history.format import normalise_log
from cockpit.vocabulary.local_time import LOCAL_TZ
from simulation.log_frame import incident_frame, local_moment
from simulation.replication import simulate
from simulation.scenario import parse_scenario

DEFAULT_START = dt.date(2025, 1, 1)
"""First local day of a generated history when none is given."""


def simulated_history(street: str, days: int, seed: int, start: dt.date = DEFAULT_START,
                      changes: tuple[dict, ...] = ()) -> pd.DataFrame:
    """``days`` days of the street's history from ``start``, as ``cockpit.history.format.read_log`` returns it.

    ``street`` names a street of :func:`simulation.street.street_names`; ``changes`` are
    ``[[staff.change]]`` tables (a history with other staffing, for tests of a what-if).
    """
    if days <= 0:
        raise ValueError(f"days must be positive, not {days}")
    scenario = parse_scenario({
        "scenario": {"name": "history", "street": street, "start": start, "horizon_hours": days * 24.0},
        # Grid workers and department teams take the cases; volunteers and others on call do not.
        "staff": {"from": street, "roles": ["grid_worker", "department"], "change": [dict(c) for c in changes]},
        "dispatch": {"policy": "home_grid_first"},
    })
    record = simulate(scenario, seed, 0)
    frame = incident_frame(record)
    # The escalations and owner levels the run gives every case until it is resolved.
    frame["escalations"] = record.escalations
    end = local_moment(record, record.horizon_minutes)
    log = log_as_of(frame[~frame["after_horizon"].to_numpy()], end)
    local = log["reported_at"].dt.tz_convert(LOCAL_TZ)
    day = local.dt.strftime("%Y%m%d").to_numpy()
    counter = pd.Series(np.arange(len(log))).groupby(day).cumcount().to_numpy() + 1
    log["case_id"] = [f"K{d}-{k:04d}" for d, k in zip(day, counter)]
    return normalise_log(log.reset_index(drop=True))
