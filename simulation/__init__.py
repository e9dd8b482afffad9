"""What-if simulation of a street's case handling (no Qt): engine, scenarios, experiments.

The engine replays demand and staffing against the dispatch policies of ``cockpit.dispatch``
unchanged; experiments run replications with common random numbers and report KPIs with
confidence intervals, sweep parameters and search for the fewest staff meeting a target.
"""

from simulation.engine import RunRecord, simulate
from simulation.experiment import (
    ExperimentResult,
    StaffingSearch,
    StaffingTrial,
    optimise_staffing,
    replicate_until,
    run_experiment,
    sweep,
)
from simulation.scenario import Scenario, ScenarioError, load_scenario, parse_scenario, parse_scenario_text

__all__ = [
    "ExperimentResult",
    "RunRecord",
    "Scenario",
    "ScenarioError",
    "StaffingSearch",
    "StaffingTrial",
    "load_scenario",
    "optimise_staffing",
    "parse_scenario",
    "parse_scenario_text",
    "replicate_until",
    "run_experiment",
    "simulate",
    "sweep",
]
