"""Events per second of our engine against SimPy on the same multi-class priority M/M/c.

Both run the same sample path: the arrival and service times are drawn once from our named streams
and SimPy's processes replay them through a PriorityResource (priority, then first come first
served), so the two must report the same mean wait; the benchmark checks that before it compares
speed. Both models have two events per case (arrival, resolution), so the ratio of events per
second is the ratio of wall times. Our time includes drawing the random numbers and building the
records; SimPy's does not. Each side is timed best of three, interleaved.

Also measured, as a second target: one simulated year of the demo street
(resources/scenarios/demo_street.toml) with the whole closed loop, seconds per replication (best
of two, CPU time of the process, so other processes on a shared machine count less), at most
YEAR_TARGET_SECONDS; "passed" needs both targets. Reported beside it: the same year with the
demand doubled (twice the year's cases a day: headroom for a busier street), and the parallel efficiency of 2 worker processes
on that street model (4 replications with 1 and with 2 workers, including the workers' start-up,
also reported alone: 2 workers from the fork server, against 2 spawned ones as the baseline). With --quick the parallel runs cover 8 weeks; the year is always a whole year.

Usage: python benchmarks/sim_vs_simpy.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time

from pathlib import Path

import numpy as np
import simpy

from simulation.engine import Engine
from simulation.experiment import run_experiment
from simulation.replication import replicate, simulate
from simulation.scenario import Scenario, load_scenario, parse_scenario
from simulation.workers import street_pool

STREET_SCENARIO = Path(__file__).resolve().parents[1] / "resources" / "scenarios" / "demo_street.toml"
YEAR_HOURS = 8760.0

RATES = {"red": 0.5, "yellow": 1.5, "blue": 2.25}
SERVERS = 5
MEAN_MINUTES = 60.0
TARGET = 10.0
YEAR_TARGET_SECONDS = 1.0


def scenario(horizon_hours: float) -> Scenario:
    return parse_scenario(
        {
            "scenario": {"name": "benchmark", "horizon_hours": horizon_hours, "warmup_hours": 0},
            "arrivals": [
                {"class": name, "priority": k + 1, "rate_per_hour": rate} for k, (name, rate) in enumerate(RATES.items())
            ],
            "service": {"dist": "exponential", "mean_minutes": MEAN_MINUTES},
            "staff": {"count": SERVERS},
            "dispatch": {"policy": "priority_fcfs"},
        }
    )


def run_simpy(arrival: np.ndarray, priority: np.ndarray, service: np.ndarray) -> tuple[float, float]:
    """Mean wait and wall seconds of the SimPy model replaying the given cases."""
    env = simpy.Environment()
    staff = simpy.PriorityResource(env, capacity=SERVERS)
    waits = np.empty(len(arrival))
    times, prios, services = arrival.tolist(), priority.tolist(), service.tolist()

    def case(i: int):
        reported = env.now
        with staff.request(priority=prios[i]) as request:
            yield request
            waits[i] = env.now - reported
            yield env.timeout(services[i])

    def arrivals():
        previous = 0.0
        for i, t in enumerate(times):
            yield env.timeout(t - previous)
            previous = t
            env.process(case(i))

    began = time.perf_counter()
    env.process(arrivals())
    env.run()
    return float(waits.mean()), time.perf_counter() - began


def run_ours(sc: Scenario, seed: int) -> tuple[float, float, int]:
    began = time.perf_counter()
    record = Engine(sc, seed).run()
    seconds = time.perf_counter() - began
    return float((record.start - record.arrival).mean()), seconds, record.events


def street_year(sc: Scenario, seed: int, tries: int = 2) -> tuple[float, float, int]:
    """CPU and wall seconds of one replication of ``sc`` (each the best of ``tries``) and its cases."""
    cpu = wall = math.inf
    cases = 0
    for _ in range(tries):
        began, began_wall = time.process_time(), time.perf_counter()
        record = simulate(sc, seed)
        cpu = min(cpu, time.process_time() - began)
        wall = min(wall, time.perf_counter() - began_wall)
        cases = len(record.arrival)
    return cpu, wall, cases


def pool_seconds(sc: Scenario, seed: int, start_method: str | None = None) -> float:
    """Wall seconds to start 2 workers (the fork server's, or ``start_method``'s) and run 2 replications of ``sc``."""
    began = time.perf_counter()
    with street_pool(2, [sc], start_method) as pool:
        list(pool.map(replicate, [sc, sc], [seed, seed], [0, 1]))
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter horizon (finishes in well under a minute)")
    args = parser.parse_args()
    horizon = 40_000.0 if args.quick else 150_000.0
    seed = 2024
    sc = scenario(horizon)
    engine = Engine(sc, seed)
    priority = np.asarray([a.priority for a in sc.arrivals])[engine.cls]
    ours, theirs = [], []
    wait_ours = wait_simpy = events = 0.0
    for _ in range(3):
        wait_ours, seconds, events = run_ours(sc, seed)
        ours.append(seconds)
        wait_simpy, seconds = run_simpy(engine.arrival, priority, engine.service)
        theirs.append(seconds)
    same_path = abs(wait_ours - wait_simpy) <= 1e-6 * max(1.0, wait_simpy)
    ours_rate = events / min(ours)
    simpy_rate = events / min(theirs)
    ratio = ours_rate / simpy_rate
    print(f"cases {len(engine.arrival)}, mean wait ours {wait_ours:.4f} min, SimPy {wait_simpy:.4f} min", file=sys.stderr)
    print(f"ours {ours_rate:,.0f} events/s, SimPy {simpy_rate:,.0f} events/s, ratio {ratio:.2f}", file=sys.stderr)

    year = load_scenario(STREET_SCENARIO).with_value("scenario.horizon_hours", YEAR_HOURS)
    simulate(year.with_value("scenario.horizon_hours", 48.0), seed)
    year_seconds, year_wall, year_cases = street_year(year, seed)
    doubled = year.with_value("demand.cases_per_day", round(2 * year_cases / (YEAR_HOURS / 24)))
    doubled_seconds, doubled_wall, doubled_cases = street_year(doubled, seed, tries=1 if args.quick else 2)
    year_passed = year_seconds <= YEAR_TARGET_SECONDS
    print(f"demo street, a year: {year_cases} cases in {year_seconds:.2f} s CPU, {year_wall:.2f} s wall "
          f"(target {YEAR_TARGET_SECONDS:g} s); demand doubled: {doubled_cases} cases in {doubled_seconds:.2f} s CPU, "
          f"{doubled_wall:.2f} s wall", file=sys.stderr)

    street_hours = 8 * 7 * 24.0 if args.quick else YEAR_HOURS
    street = year.with_value("scenario.horizon_hours", street_hours)

    began = time.perf_counter()
    run_experiment(street, 4, seed, workers=1)
    one = time.perf_counter() - began
    began = time.perf_counter()
    run_experiment(street, 4, seed, workers=2)
    two = time.perf_counter() - began
    efficiency = one / (2 * two)
    print(f"4 street replications: 1 worker {one:.2f} s, 2 workers {two:.2f} s, efficiency {efficiency:.2f}", file=sys.stderr)
    tiny = street.with_value("scenario.horizon_hours", 48.0)
    startup = pool_seconds(tiny, seed)
    spawned = pool_seconds(tiny, seed, "spawn")
    print(f"starting 2 worker processes (2 two-day replications): {startup:.2f} s from the fork server, "
          f"{spawned:.2f} s spawned ({spawned / startup:.1f}x)", file=sys.stderr)

    print(
        json.dumps(
            {
                "benchmark": "sim_vs_simpy",
                "ratio": round(ratio, 2),
                "baseline": "SimPy 4 PriorityResource, same multi-class priority M/M/c sample path, events per second",
                "target": TARGET,
                "passed": bool(ratio >= TARGET and same_path and year_passed),
                "same_sample_path": same_path,
                "model": {"rates_per_hour": RATES, "servers": SERVERS, "mean_service_minutes": MEAN_MINUTES,
                          "horizon_hours": horizon, "utilisation": sum(RATES.values()) / SERVERS},
                "cases": int(len(engine.arrival)),
                "events": int(events),
                "ours_events_per_s": round(ours_rate),
                "simpy_events_per_s": round(simpy_rate),
                "ours_seconds": round(min(ours), 4),
                "simpy_seconds": round(min(theirs), 4),
                "parallel_model": f"demo street, {street_hours:g} h, 4 replications",
                "parallel_efficiency_2_workers": round(efficiency, 3),
                "parallel_seconds_1_worker": round(one, 3),
                "parallel_seconds_2_workers": round(two, 3),
                "worker_startup_seconds": round(startup, 3),
                "worker_startup_spawned_seconds": round(spawned, 3),
                "worker_startup_ratio": round(spawned / startup, 2),
                "ratio_passed": bool(ratio >= TARGET and same_path),
                "demo_street_year_seconds_per_replication": round(year_seconds, 3),
                "demo_street_year_target_seconds": YEAR_TARGET_SECONDS,
                "demo_street_year_passed": year_passed,
                "demo_street_year_cases": year_cases,
                "demo_street_year_wall_seconds": round(year_wall, 3),
                "demo_street_year_doubled_demand_seconds": round(doubled_seconds, 3),
                "demo_street_year_doubled_demand_wall_seconds": round(doubled_wall, 3),
                "demo_street_year_doubled_demand_cases": doubled_cases,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
