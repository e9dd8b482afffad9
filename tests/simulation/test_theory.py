"""The abstract simulator against queueing theory: Erlang C, Cobham, Little's law, conservation.

Each check passes when the simulated mean lies within 2 % of theory or inside the 99 % interval of
30 replications. Seeds differ between cases so the checks do not share their random numbers.
"""

from __future__ import annotations

import numpy as np
import pytest

from simulation.replication import simulate
from simulation.experiment import run_experiment
from simulation.kpi import replication_kpis
from simulation.theory import cobham_mean_waits, erlang_c, mmc_mean_wait

from .conftest import queue_scenario

REPLICATIONS = 30
CASES_PER_REPLICATION = 20_000


def agrees(estimate: dict, theory: float) -> bool:
    lo, hi = estimate["ci99"]
    return abs(estimate["mean"] / theory - 1) <= 0.02 or lo <= theory <= hi


def test_erlang_c_known_values():
    # Textbook values: M/M/1 waits with probability rho; M/M/2 at a = 1 waits with probability 1/3.
    assert erlang_c(1, 0.8) == pytest.approx(0.8)
    assert erlang_c(2, 1.0) == pytest.approx(1 / 3)
    assert mmc_mean_wait(0.9, 1.0, 1) == pytest.approx(9.0)


@pytest.mark.parametrize("servers", [1, 3, 10])
@pytest.mark.parametrize("rho", [0.5, 0.8, 0.9])
def test_mmc_mean_wait_matches_erlang_c(servers, rho):
    rate = rho * servers
    hours = CASES_PER_REPLICATION / rate
    scenario = queue_scenario([rate], servers, horizon_hours=hours + 1000, warmup_hours=1000)
    result = run_experiment(scenario, REPLICATIONS, seed=100 + servers * 10 + int(rho * 10))
    theory = mmc_mean_wait(rate, 1.0, servers) * 60
    estimate = result.estimate("wait_minutes")
    assert agrees(estimate, theory), (estimate, theory)
    utilisation = result.estimate("utilisation")["mean"]
    assert utilisation == pytest.approx(rho, rel=0.02)


@pytest.mark.parametrize(("rates", "servers"), [([1.0, 1.7], 3), ([2.0, 5.0], 8)])
def test_two_class_priority_matches_cobham(rates, servers):
    hours = CASES_PER_REPLICATION / sum(rates)
    scenario = queue_scenario(rates, servers, horizon_hours=hours + 1000, warmup_hours=1000)
    result = run_experiment(scenario, REPLICATIONS, seed=7 + servers)
    for name, theory in zip(("k0", "k1"), cobham_mean_waits(rates, 1.0, servers)):
        estimate = result.estimate("wait_minutes", name)
        assert agrees(estimate, theory * 60), (name, estimate, theory * 60)


def test_littles_law_within_one_percent():
    record = simulate(queue_scenario([1.5, 1.0], 3, horizon_hours=40_000, warmup_hours=1000), seed=3)
    for row in replication_kpis(record):
        rate = row["arrival_rate_per_minute"]
        assert row["in_system"] == pytest.approx(rate * row["resolution_minutes"], rel=0.01)
        assert row["in_queue"] == pytest.approx(rate * row["wait_minutes"], rel=0.01)


def test_work_is_conserved_across_classes():
    # Service order does not change the total work, nor (classes sharing one exponential rate) the
    # arrival-weighted mean wait: priority and FCFS give the same overall wait as Erlang C.
    rates = [1.0, 1.7]
    waits = {}
    for policy in ("priority_fcfs", "nearest"):
        scenario = queue_scenario(rates, 3, horizon_hours=30_000, warmup_hours=1000, policy=policy)
        record = simulate(scenario, seed=11)
        served = ~np.isnan(record.end)
        assert served.all()
        busy = float((record.end - record.start).sum())
        assert busy == pytest.approx(float(record.service.sum()), rel=1e-12)
        waits[policy] = replication_kpis(record)[0]["wait_minutes"]
    assert waits["priority_fcfs"] == pytest.approx(waits["nearest"], rel=0.02)
    assert waits["nearest"] == pytest.approx(mmc_mean_wait(2.7, 1.0, 3) * 60, rel=0.05)
