"""What-if simulation of a street's case handling (no Qt): engine, scenarios, experiments.

The engine core (:mod:`simulation.core`) runs both models, the abstract queue
(:mod:`simulation.engine`) and the street (:mod:`simulation.street_engine`), against the dispatch
policies of ``cockpit.dispatch`` unchanged. Each replication writes an incident-log frame
(:mod:`simulation.log_frame`) scored by the cockpit's KPI registry, plus the measures only a
simulation has; experiments run replications with common random numbers and report KPIs with
confidence intervals, sweep parameters and search for the fewest staff meeting a target.
"""

from simulation.experiment import ExperimentResult, replicate_until, run_experiment, sweep
from simulation.model import ScenarioError
from simulation.optimise import StaffingSearch, StaffingTrial, optimise_staffing
from simulation.record import RunRecord
from simulation.replication import simulate
from simulation.scenario import Scenario, load_scenario, parse_scenario, parse_scenario_text

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
